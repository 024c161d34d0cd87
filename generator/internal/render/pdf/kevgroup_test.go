package pdf

import (
	"strings"
	"testing"
	"time"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
)

// TestGroupKEV: section 5 groups the exploited findings by system, in the
// order of each system's first finding in the ranking, names every
// finding once, takes the highest priority and the earliest KEV due date,
// and keeps a finding's state mark beside its id.
func TestGroupKEV(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	flat := model.Findings(
		model.Flat{Key: "a", System: "web", VulnID: "CVE-2021-44228", IDs: []string{"JVNDB-2021-005429", "GHSA-jfh8-c2jp-5v3q", "Log4Shell"},
			ProductName: "log4j-core", Version: "2.14.1", Priority: model.P2, KEVDue: day("2021-12-24")},
		model.Flat{Key: "b", System: "mail", VulnID: "CVE-2021-26855", IDs: []string{"ProxyLogon"}, ProductName: "Exchange", Version: "2016",
			Priority: model.P1, KEVDue: day("2021-04-16"), State: model.StateMitigated},
		model.Flat{Key: "c", System: "web", VulnID: "CVE-2021-45046", ProductName: "log4j-core", Version: "2.14.1", Priority: model.P1,
			KEVDue: day("2023-05-22")},
		model.Flat{Key: "d", System: "web", VulnID: "CVE-2017-5638", ProductName: "Struts", Version: "2.3.31", Priority: model.P1},
	)
	fs := []*model.Finding{&flat[0], &flat[1], &flat[2], &flat[3]}
	gs := groupKEV(fs)
	if len(gs) != 2 || gs[0].system != "web" || gs[1].system != "mail" {
		t.Fatalf("groups %+v: want web (first ranked) then mail", gs)
	}
	web := gs[0]
	if web.n != 3 || web.prio != model.P1 || day("2021-12-24") != web.firstDue || len(web.products) != 2 {
		t.Errorf("web group: n %d prio %v first due %v products %d; want 3, P1, 2021-12-24, 2", web.n, web.prio, web.firstDue, len(web.products))
	}
	d := &doc{lang: i18n.JA}
	cell := d.kevCell(web)
	for _, want := range []string{"log4j-core 2.14.1: CVE-2021-44228 / JVNDB-2021-005429 / Log4Shell", "CVE-2021-45046", "Struts 2.3.31: CVE-2017-5638"} {
		if !strings.Contains(cell, want) {
			t.Errorf("web cell %q lacks %q", cell, want)
		}
	}
	if strings.Contains(cell, "GHSA-") || strings.Count(cell, "\n") != 1 {
		t.Errorf("web cell %q: want no GHSA id and one line per product", cell)
	}
	if mail := d.kevCell(gs[1]); !strings.Contains(mail, "CVE-2021-26855 / ProxyLogon ［"+d.t("state.mitigated_mark")+"］") {
		t.Errorf("mail cell %q lacks the mitigated mark beside the id", mail)
	}
}
