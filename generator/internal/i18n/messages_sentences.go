package i18n

// sentenceMessages are the sentences the report model writes for its
// readers: the fix actions' one-line instructions and the summary's
// sentences. Their arguments are
// numbered (%[n]s) so that one argument list serves both languages, whose
// word orders differ. A key ending ".one" is the English singular of the
// key without it (used when the count is exactly one).
var sentenceMessages = map[string]Text{
	// Fix action instructions; arguments: [1] system, [2] product,
	// [3] installed version, [4] patch ids, [5] target text.
	"action_text.replace_open": {"%[1]s の %[2]s %[3]s をサポート中の版へ移行 (脆弱性の修正版は範囲情報から特定できず)", "replace %[2]s %[3]s on %[1]s with a supported release (the ranges name no fixed version)"},
	"action_text.replace":      {"%[1]s の %[2]s %[3]s をサポート中の版へ移行", "replace %[2]s %[3]s on %[1]s with a supported release"},
	"action_text.confirm_open": {"%[1]s の %[2]s %[3]s の修正版を確認 (範囲情報から修正版を特定できず。ベンダー情報を確認: 要確認)", "confirm the fixed version of %[2]s %[3]s on %[1]s (the ranges name none: check the vendor advisory)"},
	"action_text.confirm":      {"%[1]s の %[2]s %[3]s が影響を受けるか確認 (要確認)", "confirm whether %[2]s %[3]s on %[1]s is affected"},
	"action_text.patch":        {"%[1]s の %[2]s に修正プログラム %[4]s を適用", "apply %[4]s to %[2]s on %[1]s"},
	"action_text.upgrade":      {"%[1]s の %[2]s %[3]s を %[5]sへ更新", "upgrade %[2]s %[3]s on %[1]s to %[5]s"},
	"action_text.other_line":   {" (現在の系列はサポート終了: 更新先は別の系列)", " (the installed line is end of life: the target is on another line)"},
	// Tail of every instruction: [1] findings closed, [2] highest priority.
	"action_text.closes":     {": %[1]d 件解消、最高 %[2]s", ": closes %[1]d findings, highest %[2]s"},
	"action_text.closes.one": {": %[1]d 件解消、最高 %[2]s", ": closes %[1]d finding, highest %[2]s"},
	"action_text.due":        {"、期限 %s", ", due %s"},

	// The management summary's sentences (report.Summary).
	"summary.open_prev":     {"%[1]s 時点の未対応の指摘は %[2]d 件 (前月比 %[3]s)、うち直ちに対応 (P1) %[4]d 件・優先対応 (P2) %[5]d 件 (前月比 %[6]s) です。", "As of %[1]s, %[2]d findings are open (%[3]s on last month), of which %[4]d are P1 (act now) and %[5]d P2 (priority) (%[6]s)."},
	"summary.open":          {"%[1]s 時点の未対応の指摘は %[2]d 件、うち直ちに対応 (P1) %[3]d 件・優先対応 (P2) %[4]d 件です (前月のデータなし)。", "As of %[1]s, %[2]d findings are open, of which %[3]d are P1 (act now) and %[4]d P2 (priority); no earlier month to compare."},
	"summary.exploited":     {"インターネット公開システムの悪用済み脆弱性が %d 件未対応です", "%d exploited findings remain open on internet-facing systems"},
	"summary.exploited.one": {"インターネット公開システムの悪用済み脆弱性が %d 件未対応です", "%d exploited finding remains open on internet-facing systems"},
	"summary.vs_prev":       {" (前月比 %s)", " (%s on last month)"},
	"summary.end":           {"。", "."},
	"summary.overdue":       {"期限超過の指摘は %d 件", "%d findings are past their due date"},
	"summary.overdue.one":   {"期限超過の指摘は %d 件", "%d finding is past their due date"},
	// [1] approved extensions, [2] overdue without them.
	"summary.overdue_sla":     {" (承認済みの期限延長 %[1]d 件を認めなければ %[2]d 件)", " (%[2]d without the %[1]d approved extensions)"},
	"summary.overdue_sla.one": {" (承認済みの期限延長 %[1]d 件を認めなければ %[2]d 件)", " (%[2]d without the %[1]d approved extension)"},
	"summary.top_action":      {"。リスク順位 1 位の対策は「%s」です。", ". The top-ranked fix action: %s."},
	"summary.eol":             {"サポート終了ソフトウェアが %[1]d 件稼働中で、12 か月以内にさらに %[2]d 件がサポート終了を迎えます。", "End-of-life components in use: %[1]d; reaching end of life within 12 months: %[2]d more."},
	// [1] decisions, [2] their kinds.
	"summary.decisions":     {"今月、経営層の判断事項が %[1]d 件あります (%[2]s)。", "Management has %[1]d decisions to make this month (%[2]s)."},
	"summary.decisions.one": {"今月、経営層の判断事項が %[1]d 件あります (%[2]s)。", "Management has %[1]d decision to make this month (%[2]s)."},
}
