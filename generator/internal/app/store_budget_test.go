package app

import (
	"os"
	"testing"

	"vulnreport/generator/internal/feed/all"
	"vulnreport/generator/internal/report"
	"vulnreport/generator/internal/snapshot"
	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/synth"
	"vulnreport/generator/internal/testutil/liveheap"
)

// findingBudget is the most heap one finding of the report model may hold
// on its own: the finding and everything only it refers to (its key, its
// reasons), its share of the parts it shares with other findings — the
// facts of its vulnerability, component, matched clause and applied
// remediation record and its dates and state (model.VulnFacts,
// ComponentFacts, ClauseFacts, Applied, Standing), which only findings
// point to and so go with them — and its place in the risk ranking. Text
// the parts share with the rest of the model (ids, names) is not counted.
// storeBudget is the findings' part alone. Measured 273 (findings 175,
// ranking 98) with the findings in model.FindingStore (columns of small
// integers and one key arena); 430 (289 + 141) with the compact finding
// of 136 bytes before it; 1,105 (963 + 141) with the 888-byte flat
// finding before that.
const (
	findingBudget = 310
	storeBudget   = 200
)

// TestFindingBytesBudget builds the report model of a small synthetic
// enterprise and measures the heap the findings keep alive: the live heap
// with the model, less the live heap once the model's findings are
// dropped, per finding.
func TestFindingBytesBudget(t *testing.T) {
	r := syntheticReport(t)
	n := r.Findings.Len()
	if n < 5000 {
		t.Fatalf("only %d findings: the measurement needs thousands", n)
	}
	// Ranking and RankOf index the findings: they go with them.
	ranking := liveheap.Per(n, func() { r.Ranking, r.RankOf = nil, nil })
	store := liveheap.Per(n, func() { r.Findings = nil })
	t.Logf("ranking %.0f B/finding", ranking)
	withinBudget(t, "findings without the ranking", n, store, storeBudget)
	withinBudget(t, "findings", n, ranking+store, findingBudget)
}

// withinBudget fails t when items of what hold more than budget bytes each.
func withinBudget(t *testing.T, what string, n int, per float64, budget int) {
	t.Helper()
	t.Logf("%d %s: %.0f bytes each (budget %d)", n, what, per, budget)
	if per > float64(budget) {
		t.Errorf("the %s hold %.0f bytes each, over the budget of %d", what, per, budget)
	}
}

// actionBudget is the most heap one fix action of the report model may
// hold on its own: the action (report.Action and the plan.Action it
// points to), its list of finding keys, its score's reasons and its share
// of the parts it shares with other actions (plan.Fix, plan.Work,
// report.ActionSystem). Measured 333 with those parts, the key a slice of
// the finding store's key text and the score's reasons its best finding's
// (a 72-byte action and its 168-byte plan; 325 with the plan copied into a
// 232-byte action); 812 when every action held all its fields itself (a
// 536-byte action, its own target text, key and reason list).
const actionBudget = 360

// TestActionBytesBudget builds the report model of a small synthetic
// enterprise and measures the heap its fix actions keep alive: the live
// heap with the model, less the live heap once the actions are dropped,
// per action.
func TestActionBytesBudget(t *testing.T) {
	r := syntheticReport(t)
	n := len(r.Actions)
	if n < 2000 {
		t.Fatalf("only %d actions: the measurement needs thousands", n)
	}
	withinBudget(t, "actions", n, liveheap.Per(n, func() { r.Actions = nil }), actionBudget)
}

// assessedBudget is the most heap one assessed finding may hold between
// assessment and the report model: its columns and key in the store
// assessment packs it into (model.FindingBuilder, 96 bytes here), its
// share of the parts it points to and of the tables that number them
// (which grow with the distinct components, clauses, vulnerabilities and
// dates, not with the findings). Measured 240; the slice of
// model.Finding that assessment made before the builder held 304.
const assessedBudget = 270

// TestAssessedBytesBudget runs the pipeline to the end of assessment and
// measures the heap the assessed findings keep: the live heap with them,
// less the live heap once they are dropped, per finding. No stage may
// keep a struct per finding: what grows with the findings is the store.
func TestAssessedBytesBudget(t *testing.T) {
	p := NewPipeline(Options{Data: os.DirFS(syntheticDir(t))}, nil, nil)
	p.ConsumeInputs() // the matches go once assessed, as in the build
	if err := p.Load(); err != nil {
		t.Fatal(err)
	}
	p.Merge()
	p.Match()
	p.Assess()
	if p.m.Found != nil {
		t.Fatal("with ConsumeInputs the matches outlive assessment")
	}
	n := p.as.Findings.Len()
	if n < 5000 {
		t.Fatalf("only %d findings: the measurement needs thousands", n)
	}
	withinBudget(t, "assessed findings", n, liveheap.Per(n, func() { p.as.Findings = nil }), assessedBudget)
}

// syntheticDir writes the snapshot of a small synthetic enterprise
// (skipped in short mode).
func syntheticDir(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds a synthetic enterprise")
	}
	dir := t.TempDir()
	if _, err := synth.Write(dir, synth.Config{Systems: 150, Components: 15000, Advisories: 20000, InstalledShare: 0.2}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// syntheticReport builds the report model of a small synthetic enterprise
// (skipped in short mode).
func syntheticReport(t *testing.T) *report.Report {
	t.Helper()
	dir := syntheticDir(t)
	var diags source.Diagnostics
	snap := snapshot.Load(os.DirFS(dir), snapshot.Options{Feeds: all.Parsers()}, &diags)
	if len(snap.Fatal) > 0 {
		t.Fatalf("synthetic snapshot: %v", snap.Fatal)
	}
	return AnalyzeSnapshot(snap, Options{}, &diags, func(string, int) {})
}
