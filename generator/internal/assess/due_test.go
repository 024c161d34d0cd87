package assess

import (
	"testing"
	"time"

	"vulnreport/generator/internal/model"
)

func TestDueSoon(t *testing.T) {
	asOf := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	horizon := DueSoonHorizon(asOf, 14)
	if want := time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC); !horizon.Equal(want) {
		t.Fatalf("horizon %v, want %v", horizon, want)
	}
	var zero time.Time
	for _, tc := range []struct {
		name    string
		due     time.Time
		overdue bool
		want    bool
	}{
		{"no due date", zero, false, false},
		{"due today", asOf, false, true},
		{"due on the horizon's day", horizon, false, true},
		{"due the day after", horizon.AddDate(0, 0, 1), false, false},
		{"overdue is not due soon", asOf.AddDate(0, 0, -3), true, false},
	} {
		f := model.Flat{Due: tc.due, Overdue: tc.overdue}.Finding()
		if got := DueSoon(&f, horizon); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestPastSLAAndKEVDue(t *testing.T) {
	asOf := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	var zero time.Time
	for _, tc := range []struct {
		name string
		due  time.Time
		want bool
	}{
		{"no date", zero, false},
		{"yesterday", asOf.AddDate(0, 0, -1), true},
		{"one second before", asOf.Add(-time.Second), true},
		{"the day itself", asOf, false},
		{"tomorrow", asOf.AddDate(0, 0, 1), false},
	} {
		f := model.Flat{SLADue: tc.due, KEVDue: tc.due}.Finding()
		if got := PastSLA(&f, asOf); got != tc.want {
			t.Errorf("PastSLA %s: %v, want %v", tc.name, got, tc.want)
		}
		if got := PastKEVDue(&f, asOf); got != tc.want {
			t.Errorf("PastKEVDue %s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestStaleness(t *testing.T) {
	asOf := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name  string
		date  time.Time
		days  int
		stale bool
	}{
		{"today", asOf, 0, false},
		{"seven days: at the limit", asOf.AddDate(0, 0, -7), 7, false},
		{"seven days and a second: whole days count", asOf.AddDate(0, 0, -7).Add(-time.Second), 7, false},
		{"eight days: past the limit", asOf.AddDate(0, 0, -8), 8, true},
		{"dated after asOf", asOf.AddDate(0, 0, 2), -2, false},
	} {
		days, stale := Staleness(tc.date, asOf, 7)
		if days != tc.days || stale != tc.stale {
			t.Errorf("%s: %d, %v; want %d, %v", tc.name, days, stale, tc.days, tc.stale)
		}
	}
}
