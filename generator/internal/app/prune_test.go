package app

import (
	"slices"
	"testing"

	"vulnreport/generator/internal/match"
	"vulnreport/generator/internal/vuln"
)

// TestKeepMatched: only the vulnerabilities a finding names stay, in
// their order, and every finding still names the same one.
func TestKeepMatched(t *testing.T) {
	var vulns []vuln.Vulnerability
	for _, id := range []string{"CVE-0", "CVE-1", "CVE-2", "CVE-3", "CVE-4"} {
		v := vuln.Vulnerability{}
		v.ID = id
		vulns = append(vulns, v)
	}
	m := match.Result{Found: []match.Found{{Component: 0, Vuln: 3}, {Component: 1, Vuln: 1}, {Component: 2, Vuln: 3}, {Component: 3, Vuln: 4}}}
	want := make([]string, len(m.Found))
	for i, f := range m.Found {
		want[i] = vulns[f.Vuln].ID
	}
	kept := keepMatched(vulns, &m)
	var ids []string
	for _, v := range kept {
		ids = append(ids, v.ID)
	}
	if !slices.Equal(ids, []string{"CVE-1", "CVE-3", "CVE-4"}) {
		t.Errorf("kept %v, want CVE-1, CVE-3, CVE-4", ids)
	}
	for i, f := range m.Found {
		if got := kept[f.Vuln].ID; got != want[i] {
			t.Errorf("finding %d names %s after pruning, %s before", i, got, want[i])
		}
	}
	if got := keepMatched(vulns, &match.Result{}); len(got) != 0 {
		t.Errorf("no findings: kept %d vulnerabilities", len(got))
	}
}
