package assess

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"vulnreport/generator/internal/model"
)

// TestSortFindingsMatchesOrder sorts random findings with the packed keys
// and with Order itself: the orders must agree, across priorities (unset
// and unknown ones too), overdue, zero, distant and sub-second due dates.
func TestSortFindingsMatchesOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	prios := []model.Priority{model.P1, model.P2, model.P3, model.P4, model.PriorityNone, model.Priority(9)}
	dues := []time.Time{{}, time.Date(1, 1, 2, 0, 0, 0, 0, time.UTC), time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 30, 0, 0, 0, 1, time.UTC),
		time.Date(2026, 11, 30, 9, 0, 0, 0, time.FixedZone("JST", 9*3600)), time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)}
	fs := make([]model.Finding, 2000)
	for i := range fs {
		fs[i] = model.Flat{Key: fmt.Sprintf("k%05d", rng.IntN(100000)) + fmt.Sprint(i), Priority: prios[rng.IntN(len(prios))],
			Overdue: rng.IntN(3) == 0, Due: dues[rng.IntN(len(dues))].AddDate(0, 0, rng.IntN(3))}.Finding()
	}
	want := slices.Clone(fs)
	slices.SortFunc(want, Order)
	b := model.NewFindingBuilder(len(fs))
	for _, f := range fs {
		b.Add(f)
	}
	sortFindings(b)
	got := b.Store().Slice()
	for i := range want {
		if got[i].Key != want[i].Key {
			t.Fatalf("position %d: %s (%s %v %v), want %s (%s %v %v)", i, got[i].Key, got[i].Priority, got[i].Overdue, got[i].Due,
				want[i].Key, want[i].Priority, want[i].Overdue, want[i].Due)
		}
	}
}
