package assess

import (
	"testing"
	"time"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/lifecycle"
	"vulnreport/generator/internal/match"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/policy"
	"vulnreport/generator/internal/remediation"
	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/version"
	"vulnreport/generator/internal/vuln"
)

// TestFindingsShareTheirParts: findings of one vulnerability share its
// facts, findings on one component share the component's, findings one
// record covers share what it applies, while what differs per finding
// (priority, due date) stays each finding's own.
func TestFindingsShareTheirParts(t *testing.T) {
	asOf := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	at := func(line int) source.Pos { return source.Pos{File: "components.csv", Line: line} }
	comps := inventory.Components(
		inventory.Flat{System: "web", Key: "a:p", Name: "P", Version: "1.0", Hosts: 1, Pos: at(2)},
		inventory.Flat{System: "lan", Key: "a:p", Name: "P", Version: "1.0", Hosts: 2, Pos: at(3)},
		inventory.Flat{System: "web", Key: "a:q", Name: "Q", Version: "3.1", Hosts: 1, Pos: at(4)},
		inventory.Flat{System: "lan", Key: "a:q", Name: "Q", Version: "3.2", Hosts: 1, Pos: at(5)},
	)
	rg, err := version.ParseRange("<2.0")
	if err != nil {
		t.Fatal(err)
	}
	vul := func(id string, score float64) vuln.Vulnerability {
		return vuln.Vulnerability{Advisory: advisory.Advisory{ID: id, Affected: []advisory.Affected{{Key: "a:p", Versions: "<2.0", Range: rg}},
			CVSS: &advisory.CVSS{Score: score, Version: "3.1"}}, IDs: []string{id}}
	}
	vulns := []vuln.Vulnerability{vul("CVE-1", 9.8), vul("CVE-2", 5.0)}
	res := match.Match(comps, vulns, nil)
	in := Input{
		AsOf: asOf, Policy: policy.Default(), Components: comps, Vulns: vulns, Matched: &res,
		Systems:   []inventory.System{{ID: "web", Exposure: inventory.Internet, Category: inventory.Website}, {ID: "lan", Exposure: "intranet"}},
		Lifecycle: lifecycle.NewIndex([]lifecycle.Cycle{{Key: "a:q", Cycle: "3", EOL: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}}),
		Remediations: []remediation.Record{{ID: "R1", Advisory: "CVE-2", Stage: model.StagePlan, Action: "upgrade", Owner: "山田",
			Due: time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC)}},
	}
	got := map[string]*model.Finding{}
	out := Run(in)
	all := out.Findings.Store().Slice()
	for i := range all {
		got[all[i].Key] = &all[i]
	}
	f := func(key string) *model.Finding {
		t.Helper()
		x := got[key]
		if x == nil {
			t.Fatalf("no finding %s among %d", key, len(got))
		}
		return x
	}
	web1, lan1, web2, lan2 := f("web/a:p@1.0/CVE-1"), f("lan/a:p@1.0/CVE-1"), f("web/a:p@1.0/CVE-2"), f("lan/a:p@1.0/CVE-2")
	eolWeb, eolLan := f("web/a:q@3.1/EOL-a_q-3"), f("lan/a:q@3.2/EOL-a_q-3")
	if web1.VulnFacts != lan1.VulnFacts || web2.VulnFacts != lan2.VulnFacts || eolWeb.VulnFacts != eolLan.VulnFacts {
		t.Error("findings of one vulnerability do not share its facts")
	}
	if web1.ComponentFacts != web2.ComponentFacts || lan1.ComponentFacts != lan2.ComponentFacts || web1.ComponentFacts == lan1.ComponentFacts {
		t.Error("findings on one component do not share its facts, or two components do")
	}
	if web1.ClauseFacts != lan1.ClauseFacts || eolWeb.ClauseFacts != eolLan.ClauseFacts {
		t.Error("findings of one clause do not share it")
	}
	if web2.Applied != lan2.Applied || web2.Owner != "山田" || web2.RequestedDue.IsZero() {
		t.Errorf("findings one record covers do not share what it applies: %+v %+v", web2.Applied, lan2.Applied)
	}
	if web1.Applied != lan1.Applied || web1.Owner != "" || web1.Applied == web2.Applied {
		t.Error("findings without a record do not share the empty record, or share the record's")
	}
	// Shared facts, findings' own priority and due dates.
	if web1.CVSS != 9.8 || web1.Priority != model.P1 || lan1.Priority == model.P1 || web1.Due.Equal(lan1.Due) {
		t.Errorf("per-finding fields shared: web %s %v, lan %s %v", web1.Priority, web1.Due, lan1.Priority, lan1.Due)
	}
	if web1.Hosts != 1 || lan1.Hosts != 2 || eolWeb.EOL.IsZero() || eolWeb.Kind != model.KindEOL || eolWeb.Version != "3.1" || eolLan.Version != "3.2" {
		t.Error("per-finding or end-of-life facts wrong")
	}
	// Equal dates and state are one Standing, each finding's own before.
	shared := 0
	for i := range all {
		for j := range i {
			a, b := all[i].Standing, all[j].Standing
			if *a == *b && a != b {
				t.Errorf("%s and %s have equal dates and state, not shared", all[i].Key, all[j].Key)
			}
			if a == b {
				shared++
			}
		}
	}
	if shared == 0 {
		t.Error("no two findings share their dates and state")
	}
}
