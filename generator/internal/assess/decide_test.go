package assess

import (
	"testing"
	"time"

	"vulnreport/generator/internal/model"
)

func TestNeededBy(t *testing.T) {
	asOf := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	var zero time.Time
	for _, tc := range []struct {
		name      string
		due, want time.Time
		late      bool
		lateSince time.Time
	}{
		{"no due date: needed now, not late", zero, asOf, false, zero},
		{"due yesterday: needed now, late since then", asOf.AddDate(0, 0, -1), asOf, true, asOf.AddDate(0, 0, -1)},
		{"due one second ago: late", asOf.Add(-time.Second), asOf, true, asOf.Add(-time.Second)},
		{"due today: not late", asOf, asOf, false, zero},
		{"due tomorrow: needed then", asOf.AddDate(0, 0, 1), asOf.AddDate(0, 0, 1), false, zero},
	} {
		got, late, since := NeededBy(tc.due, asOf)
		if !got.Equal(tc.want) || late != tc.late || !since.Equal(tc.lateSince) {
			t.Errorf("%s: NeededBy = %v, %v, %v; want %v, %v, %v", tc.name, got, late, since, tc.want, tc.late, tc.lateSince)
		}
	}
}

func TestFixActionDecision(t *testing.T) {
	for _, tc := range []struct {
		name               string
		overdue, completed bool
		top                model.Priority
		stage              model.Stage
		planned            bool
		want               model.DecisionKind
	}{
		{"overdue, open", true, false, model.P4, model.StageImplement, true, model.DecisionOverdue},
		{"overdue wins over unplanned", true, false, model.P1, model.StageNone, false, model.DecisionOverdue},
		{"overdue but completed: unplanned rule still applies", true, true, model.P1, model.StageNone, false, model.DecisionNoPlan},
		{"overdue and completed, planned: none", true, true, model.P1, model.StageNone, true, ""},
		{"P1 without stage or date", false, false, model.P1, model.StageNone, false, model.DecisionNoPlan},
		{"P2 still investigating", false, false, model.P2, model.StageInvestigate, false, model.DecisionNoPlan},
		{"P3 is below the line", false, false, model.P3, model.StageNone, false, ""},
		{"P1 with a planned date", false, false, model.P1, model.StageNone, true, ""},
		{"P1 past investigation", false, false, model.P1, model.StageAssess, false, ""},
	} {
		if got := FixActionDecision(tc.overdue, tc.completed, tc.top, tc.stage, tc.planned); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestAcceptanceDecision(t *testing.T) {
	for _, tc := range []struct {
		expired, soon bool
		want          model.DecisionKind
	}{
		{false, false, ""},
		{true, false, model.DecisionAcceptExpired},
		{false, true, model.DecisionAcceptExpiring},
		{true, true, model.DecisionAcceptExpired},
	} {
		if got := AcceptanceDecision(tc.expired, tc.soon); got != tc.want {
			t.Errorf("AcceptanceDecision(%v, %v) = %q, want %q", tc.expired, tc.soon, got, tc.want)
		}
	}
}

func TestServiceStopDecision(t *testing.T) {
	asOf := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	var zero time.Time
	for _, tc := range []struct {
		name    string
		hours   float64
		stage   model.Stage
		planned time.Time
		want    bool
	}{
		{"exactly the minimum, unplanned", MinServiceStopHours, model.StagePlan, zero, true},
		{"just under the minimum", 0.99, model.StagePlan, zero, false},
		{"planned today", 4, model.StageImplement, asOf, true},
		{"planned tomorrow", 4, model.StageImplement, asOf.AddDate(0, 0, 1), true},
		{"planned date passed", 4, model.StageImplement, asOf.AddDate(0, 0, -1), false},
		{"work done", 4, model.StageDone, zero, false},
	} {
		if got := ServiceStopDecision(tc.hours, tc.stage, tc.planned, asOf); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestAckLateDecision(t *testing.T) {
	received := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	var zero time.Time
	for _, tc := range []struct {
		name         string
		acknowledged time.Time
		ackLate      bool
		status       string
		want         bool
	}{
		{"waiting past the limit", zero, true, "open", true},
		{"waiting within the limit", zero, false, "open", false},
		{"acknowledged late: no longer waiting", received.AddDate(0, 0, 9), true, "open", false},
		{"closed without acknowledgement", zero, true, "closed", false},
	} {
		got, due := AckLateDecision(received, tc.acknowledged, tc.ackLate, tc.status, 5)
		if got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
		if want := received.AddDate(0, 0, 5); !due.Equal(want) {
			t.Errorf("%s: due %v, want %v", tc.name, due, want)
		}
	}
}

func TestReplacementDecision(t *testing.T) {
	var zero time.Time
	later := time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		status      model.LifecycleStatus
		replacement time.Time
		want        bool
	}{
		{model.LifecycleEOL, zero, true},
		{model.LifecycleEnding, zero, true},
		{model.LifecycleEOL, later, false},
		{model.LifecycleEnding, later, false},
		{model.LifecycleSupported, zero, false},
	} {
		if got := ReplacementDecision(tc.status, tc.replacement); got != tc.want {
			t.Errorf("ReplacementDecision(%q, %v) = %v, want %v", tc.status, tc.replacement, got, tc.want)
		}
	}
}
