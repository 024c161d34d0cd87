package pdf

import (
	"strconv"

	"github.com/go-pdf/fpdf"

	"vulnreport/generator/internal/chart"
)

// Segment and marker colours of the lifecycle timeline.
const (
	colReplace = "#1565C0"
	colToday   = "#263238"
)

// gantt draws the lifecycle timeline for the given rows of g: one bar per
// release line with its support periods, end-of-life and replacement
// markers, the line's status in words, year ticks and a "today" line at
// the as-of date. rowH is the height of one row.
func (d *doc) gantt(g chart.Gantt, rows []chart.Row, title string, x, y, w, rowH float64) float64 {
	top := d.chartHead(x, y, w, title)
	d.font(6.5)
	lh := d.lh()
	labelW, statusW := 50.0, 24.0
	plotX := x + labelW + statusW + 1
	plotW := w - labelW - statusW - 1
	px := func(p float64) float64 { return plotX + plotW*p }
	// Year ticks.
	top += lh
	plotBottom := top + rowH*float64(len(rows))
	d.pdf.SetLineWidth(0.1)
	for _, t := range g.Years() {
		tx := px(g.Pos(t))
		d.drawColor("#CFD8DC")
		d.pdf.Line(tx, top, tx, plotBottom)
		d.textColor(colMuted)
		lx := min(max(tx-6, plotX), x+w-12)
		d.put(lx, top-lh, 12, lh, strconv.Itoa(t.Year()), 'C')
	}
	for i, r := range rows {
		ry := top + rowH*float64(i)
		if i%2 == 1 {
			d.fillColor(colZebra)
			d.pdf.Rect(x, ry, w, rowH, "F")
		}
		d.textColor(colText)
		label := r.Label
		switch r.Sub {
		case "":
		case "1":
			label += " (" + d.t("pdf.systems_one") + ")"
		default:
			label += " (" + d.tf("pdf.systems_n", r.Sub) + ")"
		}
		// Shrink a long label rather than clip it; clip only below 4.5 pt.
		for size := 6.5; size > 4.5 && d.measure(label) > labelW-1; size -= 0.5 {
			d.font(size - 0.5)
		}
		d.put(x, ry, labelW-1, rowH, d.fit(label, labelW-1), 'L')
		d.font(6.5)
		d.textColor(statusColor(r.Status))
		d.put(x+labelW, ry, statusW, rowH, d.fit(d.t("lifecycle."+r.Status), statusW), 'L')
		for _, s := range r.Segments {
			x1, x2 := px(g.Pos(s.From)), px(g.Pos(s.To))
			if x2 <= x1 {
				continue
			}
			d.fillColor(segmentColor(s.Kind))
			if s.Open {
				d.pdf.SetAlpha(0.45, "Normal")
			}
			d.pdf.Rect(x1, ry+rowH*0.25, x2-x1, rowH*0.5, "F")
			if s.Open {
				d.pdf.SetAlpha(1, "Normal")
			}
		}
		for _, m := range r.Markers {
			d.marker(m.Kind, px(g.Pos(m.Date)), ry+rowH/2, rowH*0.32)
		}
	}
	// Today line.
	tx := px(g.Pos(g.Today))
	d.drawColor(colToday)
	d.pdf.SetLineWidth(0.4)
	d.pdf.SetDashPattern([]float64{1, 0.8}, 0)
	d.pdf.Line(tx, top-0.5, tx, plotBottom)
	d.pdf.SetDashPattern(nil, 0)
	d.textColor(colToday)
	today := d.t("pdf.today") + " " + day(g.Today)
	tw := d.measure(today)
	d.put(min(tx+1, x+w-tw), plotBottom+0.5, tw, lh, today, 'L')
	d.textColor(colText)
	d.pdf.SetLineWidth(0.2)
	d.ganttLegend(x, plotBottom+lh+1.5, w)
	return plotBottom + 2*lh + 3 - y
}

// marker draws an end-of-life tick (a red downward triangle) or a planned
// replacement (a blue diamond).
func (d *doc) marker(kind string, x, y, r float64) {
	switch kind {
	case "eol":
		d.fillColor(chart.StatusColor["eol"])
		d.pdf.Polygon(triangle(x, y, r), "F")
	default:
		d.fillColor(colReplace)
		d.pdf.Polygon(diamond(x, y, r), "F")
	}
}

func (d *doc) ganttLegend(x, y, w float64) {
	d.font(6.5)
	lh := d.lh()
	cx := x
	item := func(draw func(cx float64), label string) {
		lw := d.measure(label)
		if cx+5+lw > x+w {
			return
		}
		draw(cx)
		d.textColor(colText)
		d.put(cx+4, y, lw, lh, label, 'L')
		cx += 4 + lw + 4
	}
	for _, k := range []string{"supported", "security_only", "extended"} {
		item(func(cx float64) {
			d.fillColor(segmentColor(k))
			d.pdf.Rect(cx, y+lh*0.25, 3, lh*0.5, "F")
		}, d.t("lifecycle."+k))
	}
	item(func(cx float64) { d.marker("eol", cx+1.5, y+lh/2, 1.3) }, d.t("lifecycle.eol"))
	item(func(cx float64) { d.marker("replacement", cx+1.5, y+lh/2, 1.3) }, d.t("col.replacement"))
	item(func(cx float64) {
		d.drawColor(colToday)
		d.pdf.SetLineWidth(0.4)
		d.pdf.SetDashPattern([]float64{1, 0.8}, 0)
		d.pdf.Line(cx+1.5, y, cx+1.5, y+lh)
		d.pdf.SetDashPattern(nil, 0)
	}, d.t("pdf.today"))
}

func segmentColor(kind string) string {
	if c, ok := chart.StatusColor[kind]; ok {
		return c
	}
	return chart.StatusColor["unknown"]
}

// statusColor is the text colour of a lifecycle status, dark enough to read.
func statusColor(s string) string {
	switch s {
	case "eol":
		return colAlert
	case "ending", "security_only":
		return "#8D6E00"
	case "extended":
		return "#6A1B9A"
	case "supported":
		return colOK
	}
	return colMuted
}

func triangle(x, y, r float64) []fpdf.PointType {
	return []fpdf.PointType{{X: x - r, Y: y - r}, {X: x + r, Y: y - r}, {X: x, Y: y + r}}
}

func diamond(x, y, r float64) []fpdf.PointType {
	return []fpdf.PointType{{X: x, Y: y - r}, {X: x + r, Y: y}, {X: x, Y: y + r}, {X: x - r, Y: y}}
}
