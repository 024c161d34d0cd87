package chart

import "math"

// Axis is a value axis from 0 to Top in Steps equal steps of Step: the one
// scale every renderer draws a chart's values against, so that the site
// and the PDF show the same axis for the same data.
type Axis struct {
	Top   float64
	Step  float64
	Steps int
}

// Scale returns the axis for values up to m: the smallest whole, round step
// (1, 2 or 5 times a power of ten) that reaches m in at most five steps,
// and the top as that many steps. A maximum of 22 gives 0, 5, … 25.
func Scale(m float64) Axis {
	if !(m > 0) || math.IsInf(m, 0) {
		m = 1
	}
	step := 1.0
	for step*5 < m {
		switch {
		case step*2*5 >= m:
			step *= 2
		case step*5*5 >= m:
			step *= 5
		default:
			step *= 10
		}
	}
	n := max(1, int(math.Ceil(m/step)))
	return Axis{Top: step * float64(n), Step: step, Steps: n}
}

// Ticks returns the values of the axis's ticks, 0 and Top included.
func (a Axis) Ticks() []float64 {
	out := make([]float64, 0, a.Steps+1)
	for k := 0; k <= a.Steps; k++ {
		out = append(out, a.Step*float64(k))
	}
	return out
}

// Axis returns the value axis of a vertical bar chart.
func (b Bar) Axis() Axis { return Scale(b.Max()) }

// Axis returns the value axis of a line chart.
func (l Line) Axis() Axis { return Scale(l.Max()) }
