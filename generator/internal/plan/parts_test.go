package plan

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"vulnreport/generator/internal/model"
)

// flatWork is what an action's own fields said before actions shared
// their Work: every finding folded in, in order, from the first one's
// stage on.
func flatWork(fs []*model.Finding) Work {
	w := Work{Stage: fs[0].Stage}
	for _, f := range fs {
		w.Progress[stageOrder[f.Stage]]++
		if stageOrder[f.Stage] < stageOrder[w.Stage] {
			w.Stage = f.Stage
		}
		if w.Owner == "" {
			w.Owner = f.Owner
		}
		if w.Action == "" {
			w.Action = f.Action
		}
		if f.RemediationID != "" && !slices.Contains(w.Remediations, f.RemediationID) {
			w.Remediations = append(w.Remediations, f.RemediationID)
		}
		if !f.Planned.IsZero() && (w.Planned.IsZero() || f.Planned.After(w.Planned)) {
			w.Planned = f.Planned
		}
		if !f.Completed.IsZero() && (w.Completed.IsZero() || f.Completed.After(w.Completed)) {
			w.Completed = f.Completed
		}
		if w.Notes == "" {
			w.Notes = f.Notes
		}
	}
	slices.Sort(w.Remediations)
	return w
}

// TestActionWorkShared builds actions from findings with and without
// remediation records, in random order: each action's Work reads as the
// fields it had of its own, equal Works are one, and the shared Work of
// actions without records is never written into.
func TestActionWorkShared(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 4))
	stages := []model.Stage{"", "", "", model.StageInvestigate, model.StageAssess, model.StagePlan, model.StageImplement, model.StageDone, "unknown"}
	pick := func(s ...string) string { return s[rng.IntN(len(s))] }
	date := func() time.Time {
		if rng.IntN(3) == 0 {
			return d("2026-11-01").AddDate(0, 0, rng.IntN(40))
		}
		return time.Time{}
	}
	var fs []model.Finding
	for sys := range 300 {
		for n := range 1 + rng.IntN(4) {
			x := finding(fmt.Sprintf("s%03d", sys), "a:b", "1", fmt.Sprintf("CVE-%d", n))
			x.Own()
			x.State = model.StateOpen
			if rng.IntN(4) == 0 {
				x.Stage = stages[rng.IntN(len(stages))]
				x.Owner, x.Action, x.Notes = pick("", "山田", "鈴木"), pick("", "upgrade", "patch"), pick("", "n1")
				// Ids that would read alike joined by a separator.
				x.RemediationID = pick("", "R-1", "R-2", "a\x00b", "a", "b")
				x.Planned, x.Completed = date(), date()
			}
			fs = append(fs, x)
		}
	}
	rng.Shuffle(len(fs), func(i, j int) { fs[i], fs[j] = fs[j], fs[i] })
	members := map[string][]*model.Finding{}
	for i := range fs {
		k := ActionKey(fs[i])
		members[k] = append(members[k], &fs[i])
	}
	acts := BuildActions(fs, nil)
	if len(acts) != 300 {
		t.Fatalf("%d actions, want 300", len(acts))
	}
	works := map[*Work]bool{}
	for _, a := range acts {
		if a.Work == nil || a.Fix == nil {
			t.Fatalf("%s: a part is nil", a.Key)
		}
		want := flatWork(members[a.Key])
		if !reflect.DeepEqual(*a.Work, want) {
			t.Errorf("%s: work\n%+v\nwant\n%+v", a.Key, *a.Work, want)
		}
		works[a.Work] = true
		if a.Fix != acts[0].Fix {
			t.Errorf("%s: equal fixes are not shared", a.Key)
		}
	}
	for w := range works {
		for v := range works {
			if w != v && reflect.DeepEqual(*w, *v) {
				t.Fatalf("equal works are kept twice: %+v", *w)
			}
		}
	}
	if !reflect.DeepEqual(*noWork, Work{}) {
		t.Errorf("the shared Work of actions without records was written into: %+v", *noWork)
	}
	if got, want := acts[0].TargetText, ActionTargetText(acts[0]); got != want {
		t.Errorf("TargetText %v, want %v", got, want)
	}
}
