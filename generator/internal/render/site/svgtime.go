package site

import (
	"math"
	"strconv"
	"strings"

	"vulnreport/generator/internal/chart"
	"vulnreport/generator/internal/i18n"
)

// lineSVG lays out a line chart over months: one polyline per series with
// its last value written at its end, and a legend.
func lineSVG(l chart.Line, lang i18n.Lang) *svg {
	s := &svg{ID: l.ID, Title: chartTitle(l.ID, l.Title, lang), W: 640}
	s.Table.Head = []string{i18n.T(lang, "as_of")}
	for _, se := range l.Series {
		s.Table.Head = append(s.Table.Head, se.Label.Get(lang))
	}
	for i, x := range l.X {
		cells := []string{date(x)}
		for _, se := range l.Series {
			cells = append(cells, fmtVal(value(se, i)))
		}
		s.Table.Rows = append(s.Table.Rows, cells)
	}
	var desc []string
	for _, se := range l.Series {
		var vs []string
		for i := range l.X {
			vs = append(vs, fmtVal(value(se, i)))
		}
		desc = append(desc, se.Label.Get(lang)+": "+strings.Join(vs, " → "))
	}
	s.Desc = strings.Join(desc, "; ")
	if len(l.X) == 0 {
		s.H = 60
		s.Texts = append(s.Texts, svgText{X: 320, Y: 34, Text: i18n.T(lang, "site.no_data_chart"), Anchor: "middle", Fill: textMuted, Size: 13})
		return s
	}
	left, right, top, plotH := 44.0, 120.0, 16.0, 190.0
	plot := s.W - left - right
	base := top + plotH
	axis := l.Axis()
	m := axis.Top
	for _, v := range axis.Ticks() {
		y := base - plotH*v/m
		s.Lines = append(s.Lines, svgLine{X1: left, Y1: rnd(y), X2: left + plot, Y2: rnd(y), Stroke: gridColor})
		s.Texts = append(s.Texts, svgText{X: left - 6, Y: rnd(y + 4), Text: fmtVal(v), Anchor: "end", Fill: textMuted, Size: 11})
	}
	xAt := func(i int) float64 {
		if len(l.X) == 1 {
			return left + plot/2
		}
		return left + plot*float64(i)/float64(len(l.X)-1)
	}
	step := max(1, len(l.X)/8)
	for i, x := range l.X {
		if i%step == 0 || i == len(l.X)-1 {
			s.Texts = append(s.Texts, svgText{X: rnd(xAt(i)), Y: rnd(base + 18), Text: x.Format("2006-01"), Anchor: "middle", Fill: textDark, Size: 11})
		}
	}
	var ends []float64
	for _, se := range l.Series {
		var pts []string
		for i := range l.X {
			x, y := xAt(i), base-plotH*value(se, i)/m
			pts = append(pts, strconv.FormatFloat(rnd(x), 'f', -1, 64)+","+strconv.FormatFloat(rnd(y), 'f', -1, 64))
			s.Dots = append(s.Dots, svgDot{X: rnd(x), Y: rnd(y), Fill: se.Color, Tip: se.Label.Get(lang) + " " + date(l.X[i]) + ": " + fmtVal(value(se, i))})
		}
		if len(pts) > 1 {
			s.Polys = append(s.Polys, svgPoly{Points: strings.Join(pts, " "), Stroke: se.Color})
		}
		last := len(l.X) - 1
		y := base - plotH*value(se, last)/m + 4
		for _, e := range ends {
			if math.Abs(e-y) < 13 {
				y = e + 13
			}
		}
		ends = append(ends, y)
		s.Texts = append(s.Texts, svgText{X: rnd(xAt(last) + 8), Y: rnd(y), Text: se.Label.Get(lang) + " " + fmtVal(value(se, last)), Anchor: "start", Fill: textDark, Size: 11})
	}
	s.H = rnd(math.Max(base+30, ends[len(ends)-1]+8))
	return s
}

// segmentColor is the fill of a timeline period.
func segmentColor(kind string) string {
	if c, ok := chart.StatusColor[kind]; ok {
		return c
	}
	return chart.StatusColor["unknown"]
}

// ganttSVG lays out the lifecycle timeline: one row per release line with
// its support periods, end-of-life and replacement markers, the status as
// text at the right, year ticks and the as-of date as a labelled line.
func ganttSVG(g chart.Gantt, lang i18n.Lang) *svg {
	s := &svg{ID: g.ID, Title: chartTitle(g.ID, g.Title, lang), W: 960}
	s.Table.Head = []string{i18n.T(lang, "col.product"), i18n.T(lang, "lifecycle"), i18n.T(lang, "site.col.periods")}
	labelW := 120.0
	for _, r := range g.Rows {
		labelW = math.Max(labelW, textWidth(r.Label, 12))
	}
	labelW = math.Min(labelW, 300)
	left, right, top, rowH := labelW+16, 190.0, 30.0, 26.0
	plot := s.W - left - right
	pos := func(p float64) float64 { return rnd(left + plot*p) }
	bottom := top + rowH*float64(len(g.Rows))
	for _, y := range g.Years() {
		x := pos(g.Pos(y))
		s.Lines = append(s.Lines, svgLine{X1: x, Y1: top - 4, X2: x, Y2: rnd(bottom), Stroke: gridColor})
		s.Texts = append(s.Texts, svgText{X: x, Y: top - 10, Text: strconv.Itoa(y.Year()), Anchor: "middle", Fill: textMuted, Size: 11})
	}
	var desc []string
	for i, r := range g.Rows {
		y := top + rowH*float64(i)
		status := statusText(r, lang)
		s.Texts = append(s.Texts, svgText{X: rnd(left - 8), Y: rnd(y + 17), Text: r.Label, Anchor: "end", Fill: textDark, Size: 12})
		var periods []string
		for _, sg := range r.Segments {
			x1, x2 := pos(g.Pos(sg.From)), pos(g.Pos(sg.To))
			label := i18n.T(lang, "lifecycle."+sg.Kind)
			end := date(sg.To)
			if sg.Open {
				end = "…"
			}
			periods = append(periods, label+" "+date(sg.From)+"–"+end)
			if x2 > x1 {
				s.Rects = append(s.Rects, svgRect{X: x1, Y: rnd(y + 5), W: rnd(x2 - x1), H: 16, Fill: segmentColor(sg.Kind), Tip: label + " " + date(sg.From) + "–" + end})
			}
		}
		for _, m := range r.Markers {
			periods = append(periods, m.Label.Get(lang)+" "+date(m.Date))
			if m.Date.Before(g.From) || m.Date.After(g.To) {
				continue
			}
			x := pos(g.Pos(m.Date))
			shape, fill := "diamond", textDark
			if m.Kind == "replacement" {
				shape, fill = "triangle", "#1565C0"
			}
			s.Dots = append(s.Dots, svgDot{X: x, Y: rnd(y + 13), Fill: fill, Shape: shape, Tip: m.Label.Get(lang) + " " + date(m.Date)})
		}
		s.Texts = append(s.Texts, svgText{X: rnd(left + plot + 8), Y: rnd(y + 17), Text: status, Anchor: "start", Fill: textDark, Size: 11})
		s.Table.Rows = append(s.Table.Rows, []string{r.Label, status, strings.Join(periods, ", ")})
		desc = append(desc, r.Label+": "+status)
	}
	tx := pos(g.Pos(g.Today))
	s.Lines = append(s.Lines, svgLine{X1: tx, Y1: top - 4, X2: tx, Y2: rnd(bottom + 4), Stroke: "#B71C1C", Dash: true})
	s.Texts = append(s.Texts, svgText{X: tx, Y: rnd(bottom + 18), Text: i18n.T(lang, "as_of") + " " + date(g.Today), Anchor: "middle", Fill: "#B71C1C", Size: 11, Bold: true})
	legend := []chart.Series{
		{Label: i18n.Msg("lifecycle.supported"), Color: segmentColor("supported")},
		{Label: i18n.Msg("lifecycle.security_only"), Color: segmentColor("security_only")},
		{Label: i18n.Msg("lifecycle.extended"), Color: segmentColor("extended")},
	}
	lx, ly := s.legend(legend, lang, left, bottom+42, plot)
	if lx+300 > left+plot {
		lx, ly = left, ly+18
	}
	s.Dots = append(s.Dots, svgDot{X: lx, Y: ly - 4, Fill: textDark, Shape: "diamond"},
		svgDot{X: lx + 150, Y: ly - 4, Fill: "#1565C0", Shape: "triangle"})
	s.Texts = append(s.Texts, svgText{X: lx + 10, Y: ly, Text: i18n.T(lang, "lifecycle.eol"), Anchor: "start", Fill: textDark, Size: 12},
		svgText{X: lx + 160, Y: ly, Text: i18n.T(lang, "col.replacement"), Anchor: "start", Fill: textDark, Size: 12})
	s.H = rnd(ly + 12)
	if len(g.Rows) == 0 {
		desc = append(desc, i18n.T(lang, "site.no_data_chart"))
	}
	s.Desc = strings.Join(desc, "; ")
	return s
}

// statusText is a row's support status with the date that matters: the
// end of life, or for extended support the end of that.
func statusText(r chart.Row, lang i18n.Lang) string {
	status := i18n.T(lang, "lifecycle."+r.Status)
	if r.Status == "extended" {
		for _, sg := range r.Segments {
			if sg.Kind == "extended" {
				return status + " (〜" + date(sg.To) + ")"
			}
		}
	}
	for _, m := range r.Markers {
		if m.Kind == "eol" {
			return status + " (" + date(m.Date) + ")"
		}
	}
	return status
}
