package xlsx

import (
	"testing"
	"time"

	"vulnreport/generator/internal/attack"
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/report"
)

// TestAttackSheet: the attack-signs sheet of both workbooks lists the
// attack on an open vulnerability first, then the signs with last
// month's requests beside this month's (none where no logs came), then
// the sshd signs; attacker-written samples starting with = + - @ are
// text, never formulas.
func TestAttackSheet(t *testing.T) {
	r := fixture()
	at := time.Date(2026, 11, 21, 3, 40, 0, 0, time.UTC)
	r.Attacks = []attack.SystemSigns{{System: "web01",
		Signs: []attack.Sign{{Category: attack.SQLi, Requests: 7, Sources: 2, MaybeSucceeded: 1, First: at, Last: at, Rules: []int{942100},
			Samples: []string{"=cmd|' /C calc'!A0", "+1+1", "@SUM(A1)", "-2+3"}}},
		Auth:       []attack.AuthSign{{Kind: "root_login", Subject: "root", Count: 1, First: at, Last: at}},
		Correlated: []attack.Correlation{{Key: "k", Advisory: "CVE-2022-21661", Category: attack.SQLi, Requests: 7, By: "cwe:CWE-89"}}}}
	r.AttackTrend = report.AttackTrend{Months: []time.Time{time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC), time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC), r.AsOf},
		Rows: []report.AttackTrendRow{{System: "web01", Category: attack.SQLi, Requests: []int{-1, 3, 7}}}}
	for _, lang := range i18n.Supported {
		r.Languages = []i18n.Lang{lang}
		f := open(t, renderBytes(t, r, 0))
		sheet := SheetName(lang, SheetAttacks)
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 4 {
			t.Fatalf("%s: %d rows, want header + 3: %q", sheet, len(rows), rows)
		}
		if h := rows[0]; h[len(h)-2] != "2026-09" || h[len(h)-1] != "2026-10" {
			t.Errorf("%s: header %q lacks the earlier months", sheet, h)
		}
		check(t, f, sheet, "A2", "text", i18n.T(lang, "xlsx.attack.correlated"))
		check(t, f, sheet, "E2", "text", "CVE-2022-21661")
		check(t, f, sheet, "A3", "text", i18n.T(lang, "xlsx.attack.sign"))
		check(t, f, sheet, "F3", "number", "7")
		check(t, f, sheet, "K3", "text", "=cmd|' /C calc'!A0\n+1+1\n@SUM(A1)\n-2+3")
		check(t, f, sheet, "L3", "blank", "")
		check(t, f, sheet, "M3", "number", "3")
		check(t, f, sheet, "A4", "text", i18n.T(lang, "xlsx.attack.auth"))
		check(t, f, sheet, "D4", "text", i18n.T(lang, "attack.auth.root_login"))
	}
}
