package assess

import (
	"testing"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
)

// TestReasonListsShareAndCopyOnAppend: equal lists share one copy, a
// different text is a different list, and appending to a shared list
// (as the attack stage does) leaves the other findings' list alone.
func TestReasonListsShareAndCopyOnAppend(t *testing.T) {
	l := newReasonLists()
	mk := func(ja string) []model.Reason {
		return append(make([]model.Reason, 0, 4), model.Reason{Code: "cvss", Text: i18n.Text{JA: ja, EN: "x"}}, model.Reason{Code: "internet"})
	}
	a, b, c := l.Intern(mk("CVSS 9.8")), l.Intern(mk("CVSS 9.8")), l.Intern(mk("CVSS 7.5"))
	if &a[0] != &b[0] {
		t.Error("equal lists are not shared")
	}
	if &a[0] == &c[0] || c[0].Text.JA != "CVSS 7.5" {
		t.Error("lists with different text are shared")
	}
	grown := append(a, model.Reason{Code: model.ReasonAttackSigns})
	if len(b) != 2 || &grown[0] == &b[0] {
		t.Error("appending to a shared list wrote into it")
	}
	if l.Intern(nil) != nil {
		t.Error("nil list not kept nil")
	}
}
