package assess

import (
	"slices"
	"testing"
	"time"

	"vulnreport/generator/internal/attack"
	"vulnreport/generator/internal/findings"
	"vulnreport/generator/internal/history"
	"vulnreport/generator/internal/model"
)

func TestAttackSignsDecision(t *testing.T) {
	asOf := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	sqli := attack.Sign{Category: attack.SQLi, Requests: 40}
	for _, tc := range []struct {
		name  string
		signs attack.SystemSigns
		want  AttackSigns
	}{
		{"no logs: nothing to decide", attack.SystemSigns{System: "web"}, AttackSigns{}},
		{"signs that match no open finding are shown, not escalated",
			attack.SystemSigns{System: "web", Signs: []attack.Sign{sqli}, Correlated: []attack.Correlation{}}, AttackSigns{}},
		{"one correlated finding: needed now",
			attack.SystemSigns{System: "web", Signs: []attack.Sign{sqli},
				Correlated: []attack.Correlation{{Key: "k1", Advisory: "CVE-2024-1", Category: attack.SQLi, Requests: 40}}},
			AttackSigns{Needed: true, Due: asOf, Advisories: []string{"CVE-2024-1"}, Requests: 40, Keys: []string{"k1"}}},
		{"several: all advisories in order, the most requests on one",
			attack.SystemSigns{System: "web", Correlated: []attack.Correlation{
				{Key: "k2", Advisory: "CVE-2021-44228", Requests: 7, By: "rule:944150"},
				{Key: "k1", Advisory: "CVE-2024-1", Requests: 40},
				{Key: "k3", Advisory: "CVE-2024-1", Requests: 3}}},
			AttackSigns{Needed: true, Due: asOf, Advisories: []string{"CVE-2021-44228", "CVE-2024-1", "CVE-2024-1"}, Requests: 40, Keys: []string{"k2", "k1", "k3"}}},
	} {
		got := AttackSignsDecision(tc.signs, asOf)
		if got.Needed != tc.want.Needed || !got.Due.Equal(tc.want.Due) || got.Requests != tc.want.Requests ||
			!slices.Equal(got.Advisories, tc.want.Advisories) || !slices.Equal(got.Keys, tc.want.Keys) {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

func TestReplacementOwner(t *testing.T) {
	for _, tc := range []struct {
		name     string
		depts    []string
		installs []Install
		want     string
	}{
		{"no systems: no owner", nil, []Install{{"IT", 5}}, ""},
		{"one system", []string{"IT"}, []Install{{"IT", 2}}, "IT"},
		{"most hosts wins", []string{"IT", "Sales"}, []Install{{"IT", 2}, {"Sales", 3}}, "Sales"},
		{"hosts add up across installs", []string{"Sales", "IT"}, []Install{{"IT", 2}, {"IT", 2}, {"Sales", 3}}, "IT"},
		{"an unknown host count counts as one", []string{"Sales", "IT"}, []Install{{"IT", 0}, {"IT", 0}, {"Sales", 1}}, "IT"},
		{"a tie goes to the name first in byte order", []string{"Sales", "IT"}, []Install{{"IT", 2}, {"Sales", 2}}, "IT"},
		{"no department wins a tie", []string{"IT", ""}, []Install{{"IT", 1}, {"", 1}}, ""},
		{"a department without installs can still own the line", []string{"Sales"}, nil, "Sales"},
		{"installs outside the line's departments do not choose", []string{"Sales", "IT"}, []Install{{"HR", 9}, {"IT", 1}}, "IT"},
	} {
		if got := ReplacementOwner(tc.depts, tc.installs); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestEscalate(t *testing.T) {
	last := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	asOf := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	mid := time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC)
	open := func(mod func(*model.Finding)) model.Finding {
		f := model.Flat{Key: "k", State: model.StateOpen, Priority: model.P2}.Finding()
		mod(&f)
		return f
	}
	prevP2 := findings.Finding{Priority: model.P2}
	for _, tc := range []struct {
		name string
		f    model.Finding
		prev findings.Finding
		want []Escalation
	}{
		{"unchanged: nothing", open(func(*model.Finding) {}), prevP2, nil},
		{"newly exploited, KEV listing in the period dates it",
			open(func(f *model.Finding) { f.Exploited, f.KEVAdded = true, mid }), prevP2,
			[]Escalation{{Finding: "k", Kind: NewlyExploited, Date: mid}}},
		{"newly exploited, listed before the last build: dated asOf",
			open(func(f *model.Finding) { f.Exploited, f.KEVAdded = true, last }), prevP2,
			[]Escalation{{Finding: "k", Kind: NewlyExploited, Date: asOf}}},
		{"newly exploited, listing after asOf: dated asOf",
			open(func(f *model.Finding) { f.Exploited, f.KEVAdded = true, asOf.AddDate(0, 0, 1) }), prevP2,
			[]Escalation{{Finding: "k", Kind: NewlyExploited, Date: asOf}}},
		{"newly exploited without a KEV date: dated asOf",
			open(func(f *model.Finding) { f.Exploited = true }), prevP2,
			[]Escalation{{Finding: "k", Kind: NewlyExploited, Date: asOf}}},
		{"exploited already last month: nothing",
			open(func(f *model.Finding) { f.Exploited = true }), findings.Finding{Priority: model.P2, Exploited: true}, nil},
		{"newly overdue, due in the period: dated by the due date",
			open(func(f *model.Finding) { f.Overdue, f.Due = true, mid }), prevP2,
			[]Escalation{{Finding: "k", Kind: NewlyOverdue, Date: mid}}},
		{"overdue, due on the last build's date: not new",
			open(func(f *model.Finding) { f.Overdue, f.Due = true, last }), prevP2, nil},
		{"overdue last month too: nothing",
			open(func(f *model.Finding) { f.Overdue, f.Due = true, mid }), findings.Finding{Priority: model.P2, Overdue: true}, nil},
		{"priority raised P2 to P1: dated asOf, from P2",
			open(func(f *model.Finding) { f.Priority = model.P1 }), prevP2,
			[]Escalation{{Finding: "k", Kind: PriorityRaised, Date: asOf, From: model.P2}}},
		{"priority lowered: nothing", open(func(f *model.Finding) { f.Priority = model.P3 }), prevP2, nil},
		{"no valid earlier priority: not raised", open(func(f *model.Finding) { f.Priority = model.P1 }), findings.Finding{}, nil},
		{"all three at once, in order",
			open(func(f *model.Finding) { f.Exploited, f.Overdue, f.Due, f.Priority = true, true, mid, model.P1 }), prevP2,
			[]Escalation{{Finding: "k", Kind: NewlyExploited, Date: asOf}, {Finding: "k", Kind: NewlyOverdue, Date: mid},
				{Finding: "k", Kind: PriorityRaised, Date: asOf, From: model.P2}}},
		{"closed now: nothing",
			open(func(f *model.Finding) { f.State, f.Exploited, f.Priority = model.StateDone, true, model.P1 }), prevP2, nil},
	} {
		got := Escalate(&tc.f, tc.prev, last, asOf)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

// TestArrived: a finding the previous report did not have escalates when
// it arrives exploited or overdue, dated within the period.
func TestArrived(t *testing.T) {
	last := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	asOf := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	mid := time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC)
	long := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	open := func(mod func(*model.Finding)) model.Finding {
		f := model.Flat{Key: "k", State: model.StateOpen, Priority: model.P1}.Finding()
		mod(&f)
		return f
	}
	for _, tc := range []struct {
		name string
		f    model.Finding
		want []Escalation
	}{
		{"new, neither exploited nor overdue: nothing", open(func(*model.Finding) {}), nil},
		{"new KEV listed long ago, due long ago: both, dated asOf",
			open(func(f *model.Finding) { f.Exploited, f.KEVAdded, f.Overdue, f.Due = true, long, true, long }),
			[]Escalation{{Finding: "k", Kind: NewlyExploited, Date: asOf}, {Finding: "k", Kind: NewlyOverdue, Date: asOf}}},
		{"new, listed and due in the period: dated by them",
			open(func(f *model.Finding) { f.Exploited, f.KEVAdded, f.Overdue, f.Due = true, mid, true, mid }),
			[]Escalation{{Finding: "k", Kind: NewlyExploited, Date: mid}, {Finding: "k", Kind: NewlyOverdue, Date: mid}}},
		{"new and closed already: nothing",
			open(func(f *model.Finding) { f.State, f.Exploited, f.Overdue = model.StateDone, true, true }), nil},
	} {
		got := Arrived(&tc.f, last, asOf)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
	var m history.Month
	fs := []model.Finding{open(func(f *model.Finding) { f.Exploited = true })}
	if got := Escalations(m, model.FindingSlice(fs), asOf); len(got) != 1 || got[0].Kind != NewlyExploited {
		t.Errorf("Escalations of a finding the last month lacks: %+v, want it newly exploited", got)
	}
	// Most urgent first, a finding's escalations together and in order.
	p2 := model.Flat{Key: "p2", State: model.StateOpen, Priority: model.P2}.Finding()
	p2.Exploited = true
	p1 := model.Flat{Key: "p1", State: model.StateOpen, Priority: model.P1}.Finding()
	p1.Exploited, p1.Overdue, p1.Due = true, true, long
	got := Escalations(m, model.FindingSlice{p2, p1}, asOf)
	want := []Escalation{{Finding: "p1", Kind: NewlyExploited, Date: asOf}, {Finding: "p1", Kind: NewlyOverdue, Date: long},
		{Finding: "p2", Kind: NewlyExploited, Date: asOf}}
	if !slices.Equal(got, want) {
		t.Errorf("Escalations order: %+v, want %+v", got, want)
	}
}
