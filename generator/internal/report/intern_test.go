package report

import "testing"

// TestScoreReasonListsShareAndCopyOnAppend: equal score lists share one
// copy, different points are different lists, and an action's appended
// term never writes into a finding's shared list.
func TestScoreReasonListsShareAndCopyOnAppend(t *testing.T) {
	l := newScoreReasonLists()
	mk := func(p float64) []ScoreReason {
		return append(make([]ScoreReason, 0, 4), ScoreReason{Code: "kev", Points: 40}, ScoreReason{Code: "cvss", Points: p})
	}
	a, b, c := l.Intern(mk(19.6)), l.Intern(mk(19.6)), l.Intern(mk(15))
	if &a[0] != &b[0] {
		t.Error("equal lists are not shared")
	}
	if &a[0] == &c[0] || c[1].Points != 15 {
		t.Error("lists with different points are shared")
	}
	grown := append(a, ScoreReason{Code: "findings", Points: 3})
	if len(b) != 2 || &grown[0] == &b[0] {
		t.Error("appending to a shared list wrote into it")
	}
}
