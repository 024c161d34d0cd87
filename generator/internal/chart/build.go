package chart

import (
	"fmt"
	"time"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/report"
)

// Set is every chart of a report.
type Set struct {
	OpenByPriority     Bar
	PriorityByCategory Bar
	PriorityByExposure Bar
	Trend              Line
	Flow               Bar
	SLA                Bar
	Timeline           Gantt
}

// Build describes every chart of r.
func Build(r *report.Report) Set {
	return Set{
		OpenByPriority:     openByPriority(r),
		PriorityByCategory: byDimension(r, "priority-by-category", "chart.by_category", report.Categories(), "category.", func(c report.MatrixCell) string { return c.Category }),
		PriorityByExposure: byDimension(r, "priority-by-exposure", "chart.by_exposure", report.Exposures(), "exposure.", func(c report.MatrixCell) string { return c.Exposure }),
		Trend:              trend(r),
		Flow:               flow(r),
		SLA:                sla(r),
		Timeline:           timeline(r),
	}
}

func priorityLabels() []i18n.Text {
	out := make([]i18n.Text, len(model.Priorities))
	for i, p := range model.Priorities {
		out[i] = i18n.Msg(p.LabelKey())
	}
	return out
}

func openByPriority(r *report.Report) Bar {
	vals := make([]float64, len(model.Priorities))
	for i, p := range model.Priorities {
		vals[i] = float64(r.Summary.Open[p])
	}
	b := Bar{ID: "open-by-priority", Title: i18n.Msg("chart.open_by_priority"), Categories: priorityLabels(), Unit: i18n.Msg("unit.count")}
	// One series per priority so each bar has its own colour and label.
	for i, p := range model.Priorities {
		v := make([]float64, len(model.Priorities))
		v[i] = vals[i]
		b.Series = append(b.Series, Series{Label: i18n.Msg(p.LabelKey()), Color: p.Color(), Values: v})
	}
	b.Stacked = true
	return b
}

func byDimension(r *report.Report, id, title string, dims []string, prefix string, dim func(report.MatrixCell) string) Bar {
	b := Bar{ID: id, Title: i18n.Msg(title), Stacked: true, Horizontal: true, Unit: i18n.Msg("unit.count")}
	for _, d := range dims {
		b.Categories = append(b.Categories, i18n.Msg(prefix+d))
	}
	for _, p := range model.Priorities {
		s := Series{Label: i18n.Msg(p.LabelKey()), Color: p.Color(), Values: make([]float64, len(dims))}
		for _, c := range r.Posture.Matrix {
			if c.Priority != p {
				continue
			}
			for i, d := range dims {
				if dim(c) == d {
					s.Values[i] += float64(c.Count)
				}
			}
		}
		b.Series = append(b.Series, s)
	}
	return b
}

func trend(r *report.Report) Line {
	l := Line{ID: "trend", Title: i18n.Msg("chart.trend")}
	total := Series{Label: i18n.Msg("trend.open"), Color: "#37474F"}
	per := map[model.Priority]*Series{}
	for _, p := range model.Priorities {
		per[p] = &Series{Label: i18n.Msg(p.LabelKey()), Color: p.Color()}
	}
	for _, m := range r.Trends.Months {
		l.X = append(l.X, m.Date)
		total.Values = append(total.Values, float64(m.Open))
		for _, p := range model.Priorities {
			per[p].Values = append(per[p].Values, float64(m.ByPriority[p]))
		}
	}
	l.Series = append(l.Series, total)
	for _, p := range model.Priorities {
		l.Series = append(l.Series, *per[p])
	}
	return l
}

func flow(r *report.Report) Bar {
	b := Bar{ID: "flow", Title: i18n.Msg("chart.flow"), Unit: i18n.Msg("unit.count")}
	nw := Series{Label: i18n.Msg("trend.new"), Color: NewColor}
	rs := Series{Label: i18n.Msg("trend.resolved"), Color: ResolvedColor}
	for _, m := range r.Trends.Months {
		b.Categories = append(b.Categories, i18n.Plain(m.Date.Format("2006-01")))
		nw.Values = append(nw.Values, float64(m.New))
		rs.Values = append(rs.Values, float64(m.Resolved))
	}
	b.Series = []Series{nw, rs}
	return b
}

func sla(r *report.Report) Bar {
	b := Bar{ID: "sla", Title: i18n.Msg("chart.sla"), Unit: i18n.Plain("%")}
	s := Series{Label: i18n.Msg("trend.sla"), Color: "#455A64"}
	for _, row := range r.Trends.SLA {
		b.Categories = append(b.Categories, i18n.Msg(row.Priority.LabelKey()))
		v := 0.0
		if row.HasRate {
			v = row.Rate * 100
		}
		s.Values = append(s.Values, v)
	}
	b.Series = []Series{s}
	return b
}

// timeline spans from two years before the as-of date to three after.
func timeline(r *report.Report) Gantt {
	g := Gantt{ID: "timeline", Title: i18n.Msg("chart.timeline"), Today: r.AsOf,
		From: time.Date(r.AsOf.Year()-2, 1, 1, 0, 0, 0, 0, time.UTC),
		To:   time.Date(r.AsOf.Year()+4, 1, 1, 0, 0, 0, 0, time.UTC)}
	for _, l := range r.Lifecycle {
		row := Row{Label: fmt.Sprintf("%s %s", l.ProductName, l.Cycle), Status: string(l.Status),
			Sub: fmt.Sprintf("%d", len(l.Systems))}
		start := l.Released
		if start.IsZero() || start.Before(g.From) {
			start = g.From
		}
		end := l.SupportEnd
		if end.IsZero() {
			end = l.EOL
		}
		if !end.IsZero() {
			row.Segments = append(row.Segments, Segment{From: start, To: end, Kind: "supported"})
			if !l.EOL.IsZero() && l.EOL.After(end) {
				row.Segments = append(row.Segments, Segment{From: end, To: l.EOL, Kind: "security_only"})
			}
		} else {
			// No end date known: the support is unknown, never drawn as supported.
			row.Segments = append(row.Segments, Segment{From: start, To: g.To, Kind: "unknown", Open: true})
		}
		if !l.ExtendedEnd.IsZero() && !l.EOL.IsZero() && l.ExtendedEnd.After(l.EOL) {
			row.Segments = append(row.Segments, Segment{From: l.EOL, To: l.ExtendedEnd, Kind: "extended"})
		}
		if !l.EOL.IsZero() {
			row.Markers = append(row.Markers, Marker{Date: l.EOL, Kind: "eol", Label: i18n.Msg("lifecycle.eol")})
		}
		if !l.Replacement.IsZero() {
			row.Markers = append(row.Markers, Marker{Date: l.Replacement, Kind: "replacement", Label: i18n.Msg("col.replacement")})
		}
		g.Rows = append(g.Rows, row)
	}
	return g
}
