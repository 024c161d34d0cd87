package report

import (
	"slices"
	"testing"
	"time"

	"vulnreport/generator/internal/attack"
)

// TestAttackTrend: earlier months' signs and this month's make one row
// per system and kind; a month without the system's logs is unknown (-1),
// not zero; history dated on or after the as-of date is ignored; at most
// MaxTrendMonths are shown.
func TestAttackTrend(t *testing.T) {
	d := func(s string) time.Time { v, _ := time.Parse(time.DateOnly, s); return v }
	signs := func(sys string, n int) attack.SystemSigns {
		return attack.SystemSigns{System: sys, Signs: []attack.Sign{{Category: attack.SQLi, Requests: n}}}
	}
	in := Input{AsOf: d("2026-11-30"), Attacks: []attack.SystemSigns{signs("shop", 9), signs("rec", 2)},
		AttackHistory: []AttackMonth{
			{Date: d("2026-10-31"), Systems: []attack.SystemSigns{signs("shop", 4)}},
			{Date: d("2026-09-30"), Systems: []attack.SystemSigns{signs("shop", 5), signs("rec", 1)}},
			{Date: d("2026-11-30"), Systems: []attack.SystemSigns{signs("shop", 100)}},
		}}
	tr := attackTrend(in)
	if len(tr.Months) != 3 || !tr.Months[0].Equal(d("2026-09-30")) || !tr.Months[2].Equal(d("2026-11-30")) {
		t.Fatalf("months %v", tr.Months)
	}
	got := map[string][]int{}
	for _, r := range tr.Rows {
		got[r.System] = r.Requests
	}
	if !slices.Equal(got["shop"], []int{5, 4, 9}) || !slices.Equal(got["rec"], []int{1, -1, 2}) {
		t.Errorf("rows %v", got)
	}
	for _, r := range tr.Rows {
		if !r.Rising() {
			t.Errorf("%s: 9 after 4 and 2 after an unknown month after 1 are rises", r.System)
		}
	}
	for i := 0; i < 10; i++ {
		in.AttackHistory = append(in.AttackHistory, AttackMonth{Date: d("2025-01-31").AddDate(0, i, 0)})
	}
	if tr := attackTrend(in); len(tr.Months) != MaxTrendMonths {
		t.Errorf("%d months, want %d", len(tr.Months), MaxTrendMonths)
	}
	if tr := attackTrend(Input{AsOf: d("2026-11-30"), Attacks: in.Attacks}); len(tr.Rows) != 0 {
		t.Error("a trend without earlier months")
	}
}
