package i18n

// sentenceMessages are the sentences the report model writes for its
// readers: the fix actions' one-line instructions, the summary's
// sentences and the decisions for management. Their arguments are
// numbered (%[n]s) so that one argument list serves both languages, whose
// word orders differ. A key ending ".one" is the English singular of the
// key without it (used when the count is exactly one).
var sentenceMessages = map[string]Text{
	// Fix action instructions; arguments: [1] system, [2] product,
	// [3] installed version, [4] patch ids, [5] target text.
	"action_text.replace_open": {"%[1]sの %[2]s %[3]s をサポート中の版へ移行 (脆弱性の修正版は範囲情報から特定できず)", "replace %[2]s %[3]s on %[1]s with a supported release (the ranges name no fixed version)"},
	"action_text.replace":      {"%[1]sの %[2]s %[3]s をサポート中の版へ移行", "replace %[2]s %[3]s on %[1]s with a supported release"},
	"action_text.confirm_open": {"%[1]sの %[2]s %[3]s の修正版を確認 (範囲情報から修正版を特定できず。ベンダー情報を確認: 要確認)", "confirm the fixed version of %[2]s %[3]s on %[1]s (the ranges name none: check the vendor advisory)"},
	"action_text.confirm":      {"%[1]sの %[2]s %[3]s が影響を受けるか確認 (要確認)", "confirm whether %[2]s %[3]s on %[1]s is affected"},
	"action_text.patch":        {"%[1]sの %[2]s に修正プログラム %[4]s を適用", "apply %[4]s to %[2]s on %[1]s"},
	"action_text.upgrade":      {"%[1]sの %[2]s %[3]s を %[5]sへ更新", "upgrade %[2]s %[3]s on %[1]s to %[5]s"},
	"action_text.other_line":   {" (現在の系列はサポート終了)", " (current line past end of life)"},
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
	// [1] decisions, [2] their kinds, joined by summary.kinds_sep.
	"summary.kinds_sep":     {"・", ", "},
	"summary.decisions":     {"今月、経営層の判断事項が %[1]d 件あります (%[2]s)。", "Management has %[1]d decisions to make this month (%[2]s)."},
	"summary.decisions.one": {"今月、経営層の判断事項が %[1]d 件あります (%[2]s)。", "Management has %[1]d decision to make this month (%[2]s)."},

	// Decisions for management (report.Decision.Text and Reason).
	"decide.no_plan.reason":         {"P1/P2 の対策に方針・担当・予定日がない", "P1/P2 fix actions have no response, owner or date"},
	"decide.overdue.reason":         {"期限超過の対策が残り、部署だけでは解消していない", "overdue fix actions remain that the department has not closed"},
	"decide.no_owner.reason":        {"所管部署が登録されていないシステムの対策で、対応を指示できる部署がない。所管部署の指定が必要", "fix actions on systems no department owns: nobody can be told to do them until an owner is named"},
	"decide.accept_expired.reason":  {"受容の見直し期限が過ぎ、指摘が未対応に戻った", "the acceptance's review date passed; its findings are open again"},
	"decide.accept_expiring.reason": {"受容の見直し期限が近い", "the acceptance's review date is near"},
	"decide.service_stop.reason":    {"業務を止める作業は経営層の承認が必要", "a stop of the business needs management's approval"},
	"decide.eol_replacement.reason": {"サポート終了 (間近) の製品に移行計画・予算がない", "an end-of-life (or ending) product has no replacement plan or budget"},
	"decide.review.reason":          {"1 件の対応記録が多数の指摘の扱いを一括で変えている", "one remediation record changes many findings at once"},
	"decide.attack_signs.reason":    {"未対策の脆弱性を狙う攻撃の兆候がログにある", "the logs show attacks on a vulnerability still open"},
	// The example in decide.no_plan: [1] system, [2] product.
	"decide.product_on":           {"%[1]sの %[2]s", "%[2]s on %[1]s"},
	"decide.no_plan":              {"%[1]s: P1/P2 の対策 %[2]d 件が未計画 (P1 %[3]d 件・P2 %[4]d 件。例: %[5]s)。対応方針と担当の決定が必要", "%[1]s: %[2]d P1/P2 fix actions without a plan (P1 %[3]d, P2 %[4]d; e.g. %[5]s). Decide the response and owner"},
	"decide.no_plan.one":          {"%[1]s: P1/P2 の対策 %[2]d 件が未計画 (P1 %[3]d 件・P2 %[4]d 件。例: %[5]s)。対応方針と担当の決定が必要", "%[1]s: %[2]d P1/P2 fix action without a plan (P1 %[3]d, P2 %[4]d; e.g. %[5]s). Decide the response and owner"},
	"decide.overdue":              {"%[1]s: 期限超過の対策 %[2]d 件 (P1 %[3]d 件・P2 %[4]d 件)。督促・要員追加または期限の再設定を判断", "%[1]s: %[2]d overdue fix actions (P1 %[3]d, P2 %[4]d). Decide: escalate, add staff or reset deadlines"},
	"decide.overdue.one":          {"%[1]s: 期限超過の対策 %[2]d 件 (P1 %[3]d 件・P2 %[4]d 件)。督促・要員追加または期限の再設定を判断", "%[1]s: %[2]d overdue fix action (P1 %[3]d, P2 %[4]d). Decide: escalate, add staff or reset deadlines"},
	"decide.overdue.no_owner":     {"%[1]s: 期限超過の対策 %[2]d 件 (P1 %[3]d 件・P2 %[4]d 件)。所管部署を指定し、対応を指示する", "%[1]s: %[2]d overdue fix actions (P1 %[3]d, P2 %[4]d). Name an owning department and have it act"},
	"decide.overdue.no_owner.one": {"%[1]s: 期限超過の対策 %[2]d 件 (P1 %[3]d 件・P2 %[4]d 件)。所管部署を指定し、対応を指示する", "%[1]s: %[2]d overdue fix action (P1 %[3]d, P2 %[4]d). Name an owning department and have it act"},
	"decide.accept_expired":       {"リスク受容の期限切れ: %[1]s (%[2]s %[3]s)。再承認または対策を判断", "Risk acceptance expired: %[1]s (%[2]s %[3]s). Re-approve or remediate"},
	"decide.accept_expiring":      {"リスク受容が %[1]s に期限: %[2]s (%[3]s)。継続の可否を判断", "Risk acceptance expires %[1]s: %[2]s (%[3]s). Decide whether to renew"},
	"decide.service_stop":         {"サービス停止の承認: %[1]sを %[2]s 時間停止 (%[3]s)", "Approve a service stop: %[1]s down for %[2]s hours (%[3]s)"},
	"decide.service_stop.one":     {"サービス停止の承認: %[1]sを %[2]s 時間停止 (%[3]s)", "Approve a service stop: %[1]s down for %[2]s hour (%[3]s)"},
	"decide.ack_late.reason":      {"受領連絡の期限 (%d 日) を過ぎた外部からの指摘", "a report from outside past the %d days acknowledgement deadline"},
	"decide.ack_late.reason.one":  {"受領連絡の期限 (%d 日) を過ぎた外部からの指摘", "a report from outside past the %d day acknowledgement deadline"},
	"decide.ack_late":             {"第三者からの指摘 %[1]s (%[2]s) に %[3]d 日間受領連絡なし。受領連絡と対応体制を指示", "Report %[1]s from outside (%[2]s) unacknowledged for %[3]d days. Order an acknowledgement and a response"},
	"decide.ack_late.one":         {"第三者からの指摘 %[1]s (%[2]s) に %[3]d 日間受領連絡なし。受領連絡と対応体制を指示", "Report %[1]s from outside (%[2]s) unacknowledged for %[3]d day. Order an acknowledgement and a response"},
	// [1] product [2] release line [3] end of life [4] systems [5] hosts.
	"decide.eol_replacement": {"移行計画なし: %[1]s %[2]s (サポート終了 %[3]s、%[4]s %[5]s)。更改予算と時期の判断", "No replacement plan: %[1]s %[2]s (end of life %[3]s, %[4]s, %[5]s). Decide budget and timing"},
	"decide.systems":         {"%d システム", "%d systems"},
	"decide.systems.one":     {"%d システム", "%d system"},
	"decide.hosts":           {"%d 台", "%d hosts"},
	"decide.hosts.one":       {"%d 台", "%d host"},
	// Remediation records to review; arguments: [1] record, [2] position, then counts.
	"decide.review.wholesale":   {"一括指定 (*) の対応記録 %s (%s) が %d 件の指摘事項に適用され、うち %d 件を完了・受容・影響なしとしています (しきい値 %d 件)。範囲が意図どおりか確認が必要", "Remediation record %s (%s) uses wildcards and governs %d findings, closing %d of them (threshold %d). Confirm the scope is intended"},
	"decide.review.accept_kev":  {"悪用が確認された (KEV) または P1 の指摘事項のリスク受容: %s (%s)、KEV %d 件・P1 %d 件。受容の妥当性を経営層が判断", "Risk acceptance of known-exploited (KEV) or P1 findings: %s (%s), KEV %d, P1 %d. Management to confirm the acceptance"},
	"decide.review.undated":     {"完了日のない完了記録 %s (%s) が %d 件の指摘事項を完了としています。実施の証跡を確認", "Record %s (%s) closes %d findings as done without a completion date. Check the evidence of the work"},
	"decide.review.future_done": {"完了日が基準日より後の完了記録 %s (%s): %d 件の指摘事項は完了とせず ④対策の実施 として扱っています", "Record %s (%s) says done with a completion date after the as-of date: its %d findings are not counted as done (shown as 4 Implement)"},
	// [1] system, [2] advisories attacked, [3] requests.
	"decide.attack_signs": {"被害の有無の確認: %sで未対策の %s を狙う攻撃の兆候 (%d 件)。侵害の有無の調査と対策の前倒しを指示", "Check for compromise: %s shows attacks on the open %s (%d requests). Order a compromise investigation and bring the fix forward"},
	// A fix action's ranking reason: the findings beyond its worst one.
	"rank.further":     {"他 %d 件の指摘", "%d further findings"},
	"rank.further.one": {"他 %d 件の指摘", "%d further finding"},
}
