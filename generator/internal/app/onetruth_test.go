package app

import (
	"os"
	"strings"
	"testing"
	"vulnreport/generator/internal/i18n"

	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/source"
)

// TestSampleOneTruth checks the issue-14 model on the sample: the ranking
// puts Log4Shell on the internet-facing order site near the top, overdue is
// reported both ways with the extensions that explain the difference,
// decisions have a department and a date not in the past, and late
// outside reports come first.
func TestSampleOneTruth(t *testing.T) {
	var diags source.Diagnostics
	r, _, err := Analyze(Options{Data: os.DirFS("../../../data")}, &diags, func(string, int) {})
	if err != nil {
		t.Fatal(err)
	}
	pos := -1
	for i, x := range r.Ranking {
		f := r.Findings.At(x.Index)
		if f.System == "web-shop" && f.VulnID == "CVE-2021-44228" {
			pos = i
		}
		if i > 0 && x.Score.Points > r.Ranking[i-1].Score.Points {
			t.Fatalf("ranking not descending at %d", i)
		}
	}
	if pos < 0 || pos >= 10 {
		t.Errorf("Log4Shell on web-shop ranks %d, want within the top ten", pos+1)
	}
	// An open exploited finding on an internet-facing system outranks
	// every finding that is neither exploited nor internet-facing.
	exposure := map[string]string{}
	for _, s := range r.Systems {
		exposure[s.ID] = s.Exposure
	}
	lowestKEV, highestPlain := 1e9, 0.0
	for _, x := range r.Ranking {
		f := r.Findings.At(x.Index)
		internet := exposure[f.System] == inventory.Internet
		switch {
		case f.Exploited && internet && f.State == "open":
			lowestKEV = min(lowestKEV, x.Score.Points)
		case !f.Exploited && !internet:
			highestPlain = max(highestPlain, x.Score.Points)
		}
	}
	if lowestKEV <= highestPlain {
		t.Errorf("an exploited internet-facing finding scores %.1f, below a plain internal one at %.1f", lowestKEV, highestPlain)
	}
	s := r.Summary
	extra := 0
	byKey := map[string]int{}
	for i := range r.Findings.All() {
		byKey[r.Findings.Key(i)] = i
	}
	named := 0
	for _, e := range r.Exceptions {
		// The register names the product as installed on the record's own
		// system (by the generic name when its versions there carry
		// different names), never another system's name for the key.
		names := map[string]bool{}
		for _, k := range e.Findings {
			if f := r.Findings.At(byKey[k]); e.Product != "" && f.Product == e.Product {
				names[f.ProductName] = true
			}
		}
		if len(names) == 1 {
			named++
			if !names[e.ProductName] {
				t.Errorf("%s on %s: product named %q, its findings say %v", e.ID, e.System, e.ProductName, names)
			}
		} else if len(names) > 1 && (e.ProductName == "" || names[e.ProductName]) {
			t.Errorf("%s on %s: product named %q, one of its versions' names %v", e.ID, e.System, e.ProductName, names)
		}
	}
	for _, e := range r.Exceptions {
		extra += e.OverdueIfSLA
		if e.DueMoved && e.Honoured && e.ApprovedBy == "" {
			t.Errorf("%s: a moved due date honoured without an approver", e.ID)
		}
	}
	if named == 0 {
		t.Error("no exception of the sample names a product: the name check checked nothing")
	}
	if s.OverdueSLA != s.Overdue+extra {
		t.Errorf("overdue without extensions %d, want overdue %d + %d held back by extensions", s.OverdueSLA, s.Overdue, extra)
	}
	if s.Extensions == 0 || s.OverdueSLA <= s.Overdue {
		t.Errorf("the sample's approved extensions should show: extensions %d, overdue %d / %d", s.Extensions, s.Overdue, s.OverdueSLA)
	}
	unowned := 0
	for i, d := range r.Decisions {
		if d.DepartmentName.IsZero() {
			t.Errorf("decision %s has no department", d.Ref)
		}
		if d.NeededBy.Before(r.AsOf) {
			t.Errorf("decision %s is needed by %s, before the as-of date", d.Ref, d.NeededBy.Format("2006-01-02"))
		}
		if d.Late != (!d.Due.IsZero() && d.Due.Before(r.AsOf)) || d.Late && !d.LateSince.Equal(d.Due) {
			t.Errorf("decision %s: late %v since %v, due %v", d.Ref, d.Late, d.LateSince, d.Due)
		}
		if d.Reason.IsZero() {
			t.Errorf("decision %s has no reason", d.Ref)
		}
		if d.Ref == "dept:" {
			unowned++
			if d.Reason != i18n.Msg("decide.no_owner.reason") {
				t.Errorf("decision %s on systems no department owns asks %q, not for an owner", d.Ref, d.Reason.EN)
			}
			if d.Kind == "overdue" && !strings.Contains(d.Text.EN, "Name an owning department") {
				t.Errorf("decision %s on systems no department owns says %q, not to name an owner", d.Ref, d.Text.EN)
			}
		}
		if i > 0 && d.Kind == "notification_unacknowledged" && r.Decisions[i-1].Kind != d.Kind {
			t.Errorf("late outside report %s is not among the first decisions", d.Ref)
		}
		if d.Kind == "service_stop" && d.Score == 0 && d.Findings > 0 {
			t.Errorf("service stop %s covers findings but has no score", d.Ref)
		}
	}
	if unowned == 0 {
		t.Error("the sample's overdue fix actions on systems no department owns raise no decision asking for an owner")
	}
	// Freshness: the sample's feeds are old and the defaults are in force.
	for _, f := range r.Freshness {
		if f.MaxDays == 0 {
			t.Errorf("feed %s has no age limit", f.Kind)
		}
		if f.Kind == "kev" && (!f.HasDate || !f.Stale || f.AgeDays < 400) {
			t.Errorf("KEV freshness %+v: the sample's catalog is over a year old", f)
		}
	}
	if c := r.Coverage; c.Components == 0 || c.WithData <= 0 || c.WithData > c.Components || c.KnownSupport > c.Components {
		t.Errorf("coverage %+v", c)
	}
	for _, sc := range r.Scorecards {
		if sc.Name.IsZero() {
			t.Errorf("scorecard without a name: %+v", sc)
		}
	}
}
