package report

import (
	"reflect"
	"slices"
	"testing"
	"time"
	"unsafe"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/plan"
)

// actionSizeBudget is the most bytes a fix action itself may take, in
// Report.Actions and in the plan it points to, its shared parts
// (plan.Fix, plan.Work, ActionSystem) and lists aside: 240 today (232
// when the plan was copied into the action, which made both live at
// once while the report was built), 536 when it held every field itself.
// At 10,000 systems there are 300,000 actions.
const actionSizeBudget = 240

// TestActionSize holds the size of an action and of the plan it points to.
func TestActionSize(t *testing.T) {
	if n := unsafe.Sizeof(Action{}) + unsafe.Sizeof(plan.Action{}); n > actionSizeBudget {
		t.Errorf("report.Action and its plan.Action are %d bytes, over the budget of %d", n, actionSizeBudget)
	}
	if n := unsafe.Sizeof(plan.Action{}); n > 168 {
		t.Errorf("plan.Action is %d bytes, over the budget of 168", n)
	}
}

// TestActionScore ranks an action of three open findings and one of one:
// the first's score is its best finding's plus the further findings'
// term, which Score adds when asked without writing into the finding's
// shared reasons; the second's is its finding's, reasons shared.
func TestActionScore(t *testing.T) {
	day := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	f := func(key, vuln string, cvss float64, kev bool) model.Flat {
		return model.Flat{Key: "s1/a:b@1/" + vuln, Kind: model.KindVulnerability, System: "s1", Product: "a:b", Version: "1",
			VulnID: vuln, HasCVSS: true, CVSS: cvss, KEV: kev, Priority: model.P2, Due: day.AddDate(0, 0, 30), State: model.StateOpen,
			ActionKey: key}
	}
	fs := model.Findings(f("s1/a:b@1", "CVE-1", 5, false), f("s1/a:b@1", "CVE-2", 9.8, true), f("s1/a:b@1", "CVE-3", 7, false),
		model.Flat{Key: "s1/c:d@2/CVE-4", Kind: model.KindVulnerability, System: "s1", Product: "c:d", Version: "2", VulnID: "CVE-4",
			HasCVSS: true, CVSS: 9.8, KEV: true, Priority: model.P2, Due: day.AddDate(0, 0, 30), State: model.StateOpen, ActionKey: "s1/c:d@2"})
	r := &Report{AsOf: day, Findings: NewFindingStore(fs), Actions: []Action{
		{Plan: &plan.Action{Key: "s1/a:b@1", Findings: []string{fs[0].Key, fs[1].Key, fs[2].Key}}},
		{Plan: &plan.Action{Key: "s1/c:d@2", Findings: []string{fs[3].Key}}},
	}}
	rank(r, map[string]inventory.System{"s1": {ID: "s1"}})
	best, _, _ := r.FindingScore(fs[1].Key)
	kept := slices.Clone(best.Reasons)
	var three, one *Action
	for i := range r.Actions {
		if len(r.Actions[i].Findings) == 3 {
			three = &r.Actions[i]
		} else {
			one = &r.Actions[i]
		}
	}
	got := three.Score()
	want := Score{Points: best.Points + 2*WeightActionPerFinding, Reasons: append(append([]ScoreReason(nil), best.Reasons...),
		ScoreReason{Code: "findings", Text: i18n.Countf("rank.further", 2, 2), Points: 2 * WeightActionPerFinding})}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("score %+v\nwant %+v", got, want)
	}
	if three.Points() != got.Points || three.Score().Points != got.Points {
		t.Errorf("Points %v, Score().Points %v", three.Points(), got.Points)
	}
	if again, _, _ := r.FindingScore(fs[1].Key); !reflect.DeepEqual(again.Reasons, kept) {
		t.Errorf("Score wrote into the finding's reasons: %+v", again.Reasons)
	}
	single, _, _ := r.FindingScore(fs[3].Key)
	if sc := one.Score(); sc.Points != single.Points || len(sc.Reasons) == 0 || &sc.Reasons[0] != &single.Reasons[0] {
		t.Errorf("a one-finding action's score %+v, want its finding's %+v, shared", sc, single)
	}
	if three.Rank != 1 || one.Rank != 2 {
		t.Errorf("ranks %d and %d, want 1 and 2", three.Rank, one.Rank)
	}
}
