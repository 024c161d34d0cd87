package lifecycle

import (
	"testing"
	"time"
)

func TestWindow(t *testing.T) {
	d := func(s string) time.Time {
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			panic(err)
		}
		return t
	}
	asOf := d("2026-12-01")
	for _, tc := range []struct {
		eol  string
		want int
	}{
		{"", -1},           // unknown
		{"2026-11-30", -1}, // already past
		{"2026-12-01", -1}, // ends on the as-of date: past, not ahead
		{"2026-12-02", 0},  // tomorrow
		{"2027-03-01", 0},  // exactly 3 months ahead is within 3 months
		{"2027-03-02", 1},  // a day later: within 6
		{"2027-06-01", 1},  // exactly 6 months
		{"2027-06-02", 2},  // within 12
		{"2027-12-01", 2},  // exactly 12 months
		{"2027-12-02", -1}, // beyond every window
	} {
		var eol time.Time
		if tc.eol != "" {
			eol = d(tc.eol)
		}
		if got := Window(eol, asOf); got != tc.want {
			t.Errorf("Window(%s) = %d, want %d", tc.eol, got, tc.want)
		}
	}
}
