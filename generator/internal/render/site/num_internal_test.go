package site

import (
	"math"
	"testing"

	"vulnreport/generator/internal/i18n"
)

// TestAppendNumIsNumber requires appendNum to write what num writes, for
// every length of figure, both signs and the extremes.
func TestAppendNumIsNumber(t *testing.T) {
	ns := []int{0, 1, -1, math.MaxInt64, math.MinInt64, math.MinInt64 + 1}
	for p := 1; p < 1e18; p *= 10 {
		ns = append(ns, p, p-1, -p, -(p - 1), p+p/2)
	}
	for _, n := range ns {
		if got, want := string(appendNum([]byte("x"), n)), "x"+i18n.Number(n); got != want {
			t.Errorf("appendNum(%d) = %q, want %q", n, got, want)
		}
	}
}
