package i18n

import "testing"

// TestModelMessages checks texts that moved into the catalogue from Go
// code, with their arguments, in both languages: the wording printed
// before the move.
func TestModelMessages(t *testing.T) {
	for _, tc := range []struct {
		got, want Text
	}{
		{Sentencef("reason.cvss", 9.8, 9.0), Text{JA: "CVSS 9.8 (9.0 以上)", EN: "CVSS 9.8 (≥ 9.0)"}},
		{Sentencef("reason.cvss_low", 3.94, 4.0), Text{JA: "CVSS 3.9 (4.0 未満)", EN: "CVSS 3.9 (< 4.0)"}},
		{Sentencef("reason.epss", 0.2, 0.1), Text{JA: "EPSS 0.20 (0.10 以上)", EN: "EPSS 0.20 (≥ 0.10)"}},
		{Sentencef("reason.attack_signs", Text{JA: "SQL インジェクション", EN: "SQL injection"}, "12"),
			Text{JA: "攻撃の兆候あり（SQL インジェクション、12件）", EN: "Signs of attack (SQL injection, 12 requests)"}},
		{Sentencef("action_target.after", "2.4.1"), Text{JA: "2.4.1 より新しい版", EN: "newer than 2.4.1"}},
		{Sentencef("action_target.from", "7.2.7"), Text{JA: "7.2.7 以降", EN: "7.2.7 or later"}},
		{Sentencef("decide.product_on", Text{JA: "基幹", EN: "core"}, "PHP"), Text{JA: "基幹の PHP", EN: "PHP on core"}},
		{Msg("headline.sla_rate"), Text{JA: "SLA 遵守率 (%)", EN: "SLA compliance (%)"}},
		{Sentencef("evidence.refuse.foreign", "a, b, c", Sentencef("evidence.refuse.more", 2)),
			Text{JA: "以前の出力に vulnreport が書いていないファイルがあります (a, b, c ほか 2 件)。中止しました。移すか消してから実行してください",
				EN: "a previous output holding files vulnreport did not write (a, b, c and 2 more): refused so as not to delete them; move them away first"}},
		{Sentencef("evidence.refuse.foreign", "a", Text{}),
			Text{JA: "以前の出力に vulnreport が書いていないファイルがあります (a)。中止しました。移すか消してから実行してください",
				EN: "a previous output holding files vulnreport did not write (a): refused so as not to delete them; move them away first"}},
	} {
		if tc.got != tc.want {
			t.Errorf("got %+v, want %+v", tc.got, tc.want)
		}
	}
}
