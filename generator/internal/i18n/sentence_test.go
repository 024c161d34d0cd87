package i18n

import "testing"

// TestCountf checks the English singular, the Japanese form that needs
// none, Text arguments given in each language and numbered verbs.
func TestCountf(t *testing.T) {
	for _, tc := range []struct {
		got, want Text
	}{
		{Countf("summary.decisions", 1, 1, Text{JA: "期限超過", EN: "Overdue"}),
			Text{JA: "今月、経営層の判断事項が 1 件あります (期限超過)。", EN: "Management has 1 decision to make this month (Overdue)."}},
		{Countf("summary.decisions", 2, 2, Text{JA: "期限超過", EN: "Overdue"}),
			Text{JA: "今月、経営層の判断事項が 2 件あります (期限超過)。", EN: "Management has 2 decisions to make this month (Overdue)."}},
		{Countf("summary.overdue_sla", 1, 1, 7),
			Text{JA: " (承認済みの期限延長 1 件を認めなければ 7 件)", EN: " (7 without the 1 approved extension)"}},
		{Countf("summary.overdue", 0, 0),
			Text{JA: "期限超過の指摘は 0 件", EN: "0 findings are past their due date"}},
		{Countf("action_text.due", 1, "2026-12-01"), Text{JA: "、期限 2026-12-01", EN: ", due 2026-12-01"}},
		{Sentencef("action_text.patch", Text{JA: "基幹", EN: "core"}, "Office", "2016", "KB1", ""),
			Text{JA: "基幹の Office に修正プログラム KB1 を適用", EN: "apply KB1 to Office on core"}},
		{Sentencef("decide.eol_replacement", "PHP", "7.4", "2022-11-28", Countf("decide.systems", 1, 1), Countf("decide.hosts", 3, 3)),
			Text{JA: "移行計画なし: PHP 7.4 (サポート終了 2022-11-28、1 システム 3 台)。更改予算と時期の判断",
				EN: "No replacement plan: PHP 7.4 (end of life 2022-11-28, 1 system, 3 hosts). Decide budget and timing"}},
		{Countf("decide.service_stop", 1, Text{JA: "基幹", EN: "core"}, "1", "R-1"),
			Text{JA: "サービス停止の承認: 基幹を 1 時間停止 (R-1)", EN: "Approve a service stop: core down for 1 hour (R-1)"}},
		{Sentencef("decide.accept_expiring", "2027-01-31", "A-1", Text{JA: "基幹", EN: "core"}),
			Text{JA: "リスク受容が 2027-01-31 に期限: A-1 (基幹)。継続の可否を判断", EN: "Risk acceptance expires 2027-01-31: A-1 (core). Decide whether to renew"}},
		{Sentencef("decide.review.wholesale", "R-9", "plan.yaml:3:1", 40, 30, 20),
			Text{JA: "一括指定 (*) の対応記録 R-9 (plan.yaml:3:1) が 40 件の指摘事項に適用され、うち 30 件を完了・受容・影響なしとしています (しきい値 20 件)。範囲が意図どおりか確認が必要",
				EN: "Remediation record R-9 (plan.yaml:3:1) uses wildcards and governs 40 findings, closing 30 of them (threshold 20). Confirm the scope is intended"}},
		{Sentencef("decide.review.undated", "R-8", "plan.yaml:9:1", 5),
			Text{JA: "完了日のない完了記録 R-8 (plan.yaml:9:1) が 5 件の指摘事項を完了としています。実施の証跡を確認",
				EN: "Record R-8 (plan.yaml:9:1) closes 5 findings as done without a completion date. Check the evidence of the work"}},
	} {
		if tc.got != tc.want {
			t.Errorf("got %+v, want %+v", tc.got, tc.want)
		}
	}
}
