package app

import (
	"os"
	"testing"

	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/source"
)

// TestSampleCoverage checks that the sample snapshot in data/ builds
// without rejected records and shows every priority, stage, action and
// lifecycle status at least once, as the reports' examples need.
func TestSampleCoverage(t *testing.T) {
	var diags source.Diagnostics
	r, _, err := Analyze(Options{Data: os.DirFS("../../../data")}, &diags, func(string, int) {})
	if err != nil {
		t.Fatal(err)
	}
	if r.Quality.Rejected != 0 || r.Quality.Errors != 0 {
		t.Errorf("sample has %d rejected records, %d errors: %v", r.Quality.Rejected, r.Quality.Errors, r.Quality.Diagnostics)
	}
	seen := map[string]bool{}
	for _, f := range r.Findings.All() {
		seen["priority:"+f.Priority.String()] = true
		seen["stage:"+string(f.Stage)] = true
		seen["action:"+f.Action] = true
		seen["lifecycle:"+string(f.Lifecycle)] = true
		seen["state:"+string(f.State)] = true
		if f.ExpiredAcceptance {
			seen["expired acceptance"] = true
		}
	}
	for _, c := range r.Components.All() {
		seen["component lifecycle:"+string(c.Lifecycle)] = true
	}
	for _, k := range []string{
		"priority:P1", "priority:P2", "priority:P3", "priority:P4",
		"stage:investigate", "stage:assess", "stage:plan", "stage:implement", "stage:done", "stage:",
		"action:patch", "action:upgrade", "action:workaround", "action:mitigate", "action:replace", "action:accept", "action:not_affected",
		"lifecycle:eol", "lifecycle:ending", "lifecycle:security_only", "lifecycle:supported", "lifecycle:unknown",
		"component lifecycle:extended", "component lifecycle:eol", "component lifecycle:supported",
		"state:open", "state:mitigated", "state:accepted", "state:not_affected", "expired acceptance",
	} {
		if !seen[k] {
			t.Errorf("the sample shows no %s", k)
		}
	}
	if len(r.Notifications) == 0 || len(r.Acceptances) == 0 || len(r.Trends.Months) < 3 {
		t.Errorf("notifications %d, acceptances %d, months %d", len(r.Notifications), len(r.Acceptances), len(r.Trends.Months))
	}
	kinds := map[model.DecisionKind]int{}
	for _, d := range r.Decisions {
		kinds[d.Kind]++
	}
	t.Logf("decisions: %v", kinds)
}
