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
			Text{JA: "基幹 の Office に修正プログラム KB1 を適用", EN: "apply KB1 to Office on core"}},
	} {
		if tc.got != tc.want {
			t.Errorf("got %+v, want %+v", tc.got, tc.want)
		}
	}
}
