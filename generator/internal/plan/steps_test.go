package plan

import (
	"testing"

	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/remediation"
)

// TestActionStepsShowWorkOnAnyFinding applies remediation records to some
// of an action's findings and checks that its four steps show that work:
// a workaround done on one finding of two is no longer "all to do".
func TestActionStepsShowWorkOnAnyFinding(t *testing.T) {
	rec := func(adv string, stage model.Stage, action string) Resolved {
		return Resolved{Record: remediation.Record{ID: "R-" + adv, System: "s1", Advisory: adv, Stage: stage, Action: action}}
	}
	cases := []struct {
		name  string
		recs  []Resolved
		stage model.Stage // the action's stage: its least advanced finding's
		steps []string    // the four steps' states
	}{
		{"no work recorded", nil, "", []string{StepTodo, StepTodo, StepTodo, StepTodo}},
		{"workaround done on the second finding only", []Resolved{rec("CVE-2", "done", "workaround")}, "",
			[]string{StepPartial, StepPartial, StepPartial, StepPartial}},
		{"first finding investigated, second planned", []Resolved{rec("CVE-1", "investigate", "upgrade"), rec("CVE-2", "plan", "upgrade")}, "investigate",
			[]string{StepCurrent, StepPartial, StepPartial, StepTodo}},
		{"both at implement", []Resolved{rec("CVE-1", "implement", "patch"), rec("CVE-2", "implement", "patch")}, "implement",
			[]string{StepDone, StepDone, StepDone, StepCurrent}},
		{"one assessed, one mitigated", []Resolved{rec("CVE-1", "assess", "upgrade"), rec("CVE-2", "done", "mitigate")}, "assess",
			[]string{StepDone, StepCurrent, StepPartial, StepPartial}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs := []model.Finding{finding("s1", "a:b", "1", "CVE-1"), finding("s1", "a:b", "1", "CVE-2")}
			Apply(fs, tc.recs, asOf)
			as := BuildActions(fs, nil)
			if len(as) != 1 {
				t.Fatalf("%d actions, want 1", len(as))
			}
			a := as[0]
			if a.Stage != tc.stage {
				t.Errorf("stage %q, want %q", a.Stage, tc.stage)
			}
			if a.Progress.Total() != 2 {
				t.Errorf("progress counts %d findings, want 2: %v", a.Progress.Total(), a.Progress)
			}
			for i, want := range tc.steps {
				if got := a.Progress.StepState(i + 1); got != want {
					t.Errorf("step %d: %s, want %s (progress %v)", i+1, got, want, a.Progress)
				}
			}
			if mixed := len(tc.recs) > 0 && tc.stage != "implement"; a.Progress.Mixed() != mixed {
				t.Errorf("mixed %v, want %v", a.Progress.Mixed(), mixed)
			}
		})
	}
}

func TestStageNameRoundTrips(t *testing.T) {
	for _, s := range append([]model.Stage{model.StageNone}, model.Stages[:]...) {
		if got := StageName(StageNumber(s)); got != s {
			t.Errorf("StageName(StageNumber(%q)) = %q", s, got)
		}
	}
}
