package xlsx

import (
	"testing"

	"vulnreport/generator/internal/report"
)

// TestLinks wants every reference resolved to the record a map filled in
// the model's order finds (the last with the key), and -1 where none has
// the key: with systems and actions listed twice, and findings and
// actions naming neither.
func TestLinks(t *testing.T) {
	r := fixture()
	r.Systems = append(r.Systems, r.Systems[0], r.Systems[1])
	r.Systems[len(r.Systems)-1].Name.JA = "後の方"
	r.Actions = append(r.Actions, r.Actions[1])
	fs := r.Findings.Slice()
	orphan := fs[0]
	orphan.Own()
	orphan.ActionKey, orphan.System = "nowhere", "nothing"
	empty := fs[1]
	empty.ActionKey = ""
	r.Findings = report.NewFindingStore(append(fs, orphan, empty))
	stray := r.Actions[0]
	stray.Key, stray.System = "stray", "nothing"
	r.Actions = append(r.Actions, stray)
	systems, actions := map[string]int{}, map[string]int{}
	for i, s := range r.Systems {
		systems[s.ID] = i
	}
	for i, a := range r.Actions {
		actions[a.Key] = i
	}
	want := func(m map[string]int, key string) int32 {
		if i, ok := m[key]; ok {
			return int32(i)
		}
		return -1
	}
	l := newLinks(r)
	for i, f := range r.Findings.All() {
		if got, w := l.findingAction[i], want(actions, f.ActionKey); got != w {
			t.Errorf("finding %d (%s): action %d, want %d", i, f.ActionKey, got, w)
		}
		if got, w := l.findingSystem[i], want(systems, f.System); got != w {
			t.Errorf("finding %d (%s): system %d, want %d", i, f.System, got, w)
		}
	}
	for i, a := range r.Actions {
		if got, w := l.actionKey[i], want(actions, a.Key); got != w {
			t.Errorf("action %d (%s): key %d, want %d", i, a.Key, got, w)
		}
		if got, w := l.actionSystem[i], want(systems, a.System); got != w {
			t.Errorf("action %d (%s): system %d, want %d", i, a.System, got, w)
		}
	}
	if l.findingSystem[r.Findings.Len()-2] != -1 || l.actionKey[1] != int32(len(r.Actions)-2) {
		t.Error("the orphan or the repeated action is not as built")
	}
}
