package chart

import (
	"math"
	"slices"
	"testing"
)

func TestScale(t *testing.T) {
	for _, tt := range []struct {
		max   float64
		step  float64
		steps int
	}{
		{0, 1, 1}, {-3, 1, 1}, {math.NaN(), 1, 1}, {0.4, 1, 1}, {1, 1, 1}, {4, 1, 4}, {5, 1, 5}, {6, 2, 3},
		{7, 2, 4}, {11, 5, 3}, {22, 5, 5}, {25, 5, 5}, {26, 10, 3}, {99.5, 20, 5}, {110, 50, 3},
		{202, 50, 5}, {999, 200, 5}, {1_000_000, 200_000, 5},
	} {
		a := Scale(tt.max)
		if a.Step != tt.step || a.Steps != tt.steps || a.Top != tt.step*float64(tt.steps) {
			t.Errorf("Scale(%v) = %+v; want step %v × %d", tt.max, a, tt.step, tt.steps)
		}
	}
}

// TestScaleProperties checks every maximum up to 5,000: the top reaches
// the maximum in at most five whole, round steps, and one step fewer
// would not.
func TestScaleProperties(t *testing.T) {
	round := func(s float64) bool {
		for s >= 10 {
			s /= 10
		}
		return s == 1 || s == 2 || s == 5
	}
	for m := 1; m <= 5000; m++ {
		a := Scale(float64(m))
		if a.Top < float64(m) || a.Steps > 5 || a.Steps < 1 || !round(a.Step) || a.Step != math.Trunc(a.Step) {
			t.Fatalf("Scale(%d) = %+v", m, a)
		}
		if a.Step > 1 && a.Top-a.Step >= float64(m) {
			t.Fatalf("Scale(%d) = %+v: one step fewer reaches the maximum", m, a)
		}
	}
	if got := Scale(22).Ticks(); !slices.Equal(got, []float64{0, 5, 10, 15, 20, 25}) {
		t.Errorf("Scale(22).Ticks() = %v", got)
	}
}
