// Package chart describes the report's charts as data — bars, lines and a
// lifecycle timeline — built once from the report model, so that the site
// (inline SVG) and the PDF (vector drawing) draw the same charts with the
// same numbers, colours and labels. Every series and bar carries a text
// label, so colour is never the only signal.
package chart

import (
	"time"

	"vulnreport/generator/internal/i18n"
)

// Status colours, the same in the site, the PDF and the workbook (a
// priority's colour is model.Priority.Color).
var (
	StatusColor = map[string]string{
		"supported": "#2E7D32", "ending": "#F9A825", "security_only": "#FBC02D", "extended": "#8E24AA", "eol": "#C62828", "unknown": "#9E9E9E",
	}
	// Neutral colours for flows.
	NewColor      = "#1565C0"
	ResolvedColor = "#2E7D32"
)

// Series is one named series of values, one per category.
type Series struct {
	Label  i18n.Text
	Color  string
	Values []float64
}

// Bar is a bar chart: one group per category, one bar (or stacked segment)
// per series.
type Bar struct {
	ID         string
	Title      i18n.Text
	Categories []i18n.Text
	Series     []Series
	Stacked    bool
	// Horizontal draws bars from the left, categories down the side.
	Horizontal bool
	// Unit follows values in labels ("%", "件").
	Unit i18n.Text
}

// Max returns the largest bar (or stack) value, at least 1.
func (b Bar) Max() float64 {
	m := 1.0
	for i := range b.Categories {
		sum := 0.0
		for _, s := range b.Series {
			if i >= len(s.Values) {
				continue
			}
			if b.Stacked {
				sum += s.Values[i]
			} else if s.Values[i] > sum {
				sum = s.Values[i]
			}
		}
		if sum > m {
			m = sum
		}
	}
	return m
}

// Line is a line chart over dated points.
type Line struct {
	ID     string
	Title  i18n.Text
	X      []time.Time
	Series []Series
}

// Max returns the largest value, at least 1.
func (l Line) Max() float64 {
	m := 1.0
	for _, s := range l.Series {
		for _, v := range s.Values {
			if v > m {
				m = v
			}
		}
	}
	return m
}

// Segment is one period of a release line's support.
type Segment struct {
	From, To time.Time
	// Kind is "supported", "security_only" or "extended".
	Kind string
	// Open is set when the period has no known end.
	Open bool
}

// Marker is a dated event on a timeline row.
type Marker struct {
	Date time.Time
	// Kind is "eol" or "replacement".
	Kind  string
	Label i18n.Text
}

// Row is one release line on the timeline.
type Row struct {
	Label    string
	Sub      string
	Status   string
	Segments []Segment
	Markers  []Marker
}

// Gantt is the lifecycle timeline: release lines in use against time, with a
// "today" line at the as-of date.
type Gantt struct {
	ID       string
	Title    i18n.Text
	From, To time.Time
	Today    time.Time
	Rows     []Row
}

// Pos returns where t falls between From and To, from 0 to 1, clamped.
func (g Gantt) Pos(t time.Time) float64 {
	span := g.To.Sub(g.From).Hours()
	if span <= 0 {
		return 0
	}
	x := t.Sub(g.From).Hours() / span
	return min(max(x, 0), 1)
}

// Years returns the first day of each year between From and To, for ticks.
func (g Gantt) Years() []time.Time {
	var out []time.Time
	for y := g.From.Year(); y <= g.To.Year(); y++ {
		t := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		if !t.Before(g.From) && !t.After(g.To) {
			out = append(out, t)
		}
	}
	return out
}
