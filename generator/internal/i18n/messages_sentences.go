package i18n

// sentenceMessages are the sentences the report model writes for its
// readers: the fix actions' one-line instructions. Their arguments are
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
}
