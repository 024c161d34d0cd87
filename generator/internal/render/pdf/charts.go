package pdf

import (
	"math"
	"strconv"
	"time"

	"vulnreport/generator/internal/chart"
	"vulnreport/generator/internal/i18n"
)

// Charts are drawn as vectors from chart.Set, the same descriptions the
// site draws as SVG. Every bar and series carries its number or name in
// text, so colour is never the only signal.

const sizeChart = 7.0

// chartTitle returns a chart's title, or the fallback label when the
// catalogue has no entry for the chart's key.
func (d *doc) chartTitle(t i18n.Text, fallback string) string {
	s := d.tx(t)
	if s == "" || (t.JA == t.EN && len(s) > 6 && s[:6] == "chart.") {
		return d.t(fallback)
	}
	return s
}

// unit returns a chart's unit for value labels: "%" is kept, counts are
// written as bare numbers (the title says what they count).
func (d *doc) unit(t i18n.Text) string {
	if s := d.tx(t); s == "%" {
		return s
	}
	return ""
}

// chartHead prints a chart's title above (x, y) and returns the y below it.
func (d *doc) chartHead(x, y, w float64, title string) float64 {
	d.font(sizeBody)
	d.textColor(colAccent)
	d.put(x, y, w, d.lh(), d.fit(title, w), 'L')
	d.textColor(colText)
	return y + d.lh() + 1
}

// value formats a chart value: whole numbers without decimals.
func value(v float64) string {
	if v == math.Trunc(v) {
		return num(int(v))
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

// valueAxis draws the axis's gridlines from x+axisW to right between
// bottom (0) and top (axis.Top), with each tick's value right-aligned in
// the axisW before them: the same ticks the site draws.
func (d *doc) valueAxis(axis chart.Axis, x, axisW, right, top, bottom float64) {
	lh := d.lh()
	d.pdf.SetLineWidth(0.1)
	for k, v := range axis.Ticks() {
		gy := bottom - (bottom-top)*float64(k)/float64(axis.Steps)
		d.drawColor("#E0E0E0")
		d.pdf.Line(x+axisW, gy, right, gy)
		d.textColor(colMuted)
		d.put(x, gy-lh/2, axisW-1, lh, value(v), 'R')
	}
	d.textColor(colText)
}

// barV draws a vertical bar chart (stacked or grouped) in the box.
func (d *doc) barV(b chart.Bar, title string, x, y, w, h float64) {
	top := d.chartHead(x, y, w, title)
	d.font(sizeChart)
	lh := d.lh()
	n := len(b.Categories)
	if n == 0 {
		return
	}
	labelH := 2 * lh
	legendH := 0.0
	if !b.Stacked || len(b.Series) > 1 && !onePerCategory(b) {
		legendH = d.legend(b.Series, x, y, w, true) + 1
		d.font(sizeChart)
	}
	plotTop, plotBottom := top+lh+1, y+h-labelH-legendH
	ph := plotBottom - plotTop
	axis := b.Axis()
	m := axis.Top
	axisW := d.measure(value(m)) + 2
	d.valueAxis(axis, x, axisW, x+w, plotTop, plotBottom)
	lx, lw := x, w
	x, w = x+axisW, w-axisW
	slot := w / float64(n)
	groups := 1
	if !b.Stacked {
		groups = len(b.Series)
	}
	bw := min(slot*0.7/float64(groups), 14)
	d.drawColor(colRule)
	d.pdf.SetLineWidth(0.2)
	d.pdf.Line(x, plotBottom, x+w, plotBottom)
	for i, c := range b.Categories {
		cx := x + slot*float64(i) + slot/2
		base := plotBottom
		total := 0.0
		for j, s := range b.Series {
			v := at(s.Values, i)
			bh := ph * v / m
			bx := cx - bw*float64(groups)/2
			if !b.Stacked {
				bx += bw * float64(j)
				base = plotBottom
			}
			if v > 0 {
				d.fillColor(s.Color)
				d.pdf.Rect(bx, base-bh, bw, bh, "F")
			}
			if !b.Stacked {
				d.font(6)
				// The label may be wider than its bar; kept inside the chart.
				lx := min(max(bx-2, x), x+w-bw-4)
				d.put(lx, base-bh-d.lh(), bw+4, d.lh(), d.fit(value(v), bw+4), 'C')
				d.font(sizeChart)
			} else {
				base -= bh
			}
			total += v
		}
		if b.Stacked {
			d.put(cx-slot/2, base-lh, slot, lh, d.fit(value(total)+d.unit(b.Unit), slot), 'C')
		}
		ls := d.clamp(d.lines(d.tx(c), slot-1), 2, slot-1)
		for k, l := range ls {
			d.put(cx-slot/2+0.5, plotBottom+0.5+float64(k)*lh, slot-1, lh, l, 'C')
		}
	}
	if legendH > 0 {
		d.legend(b.Series, lx, y+h-legendH+0.5, lw, false)
	}
}

// onePerCategory reports whether each series fills one category only, as
// in the open-by-priority chart, so the axis labels already name them.
func onePerCategory(b chart.Bar) bool {
	for _, s := range b.Series {
		n := 0
		for _, v := range s.Values {
			if v != 0 {
				n++
			}
		}
		if n > 1 {
			return false
		}
	}
	return true
}

// barH draws a horizontal stacked bar chart with category labels on the
// left, each segment labelled with its value when it has room, and the
// total at the end of each bar.
func (d *doc) barH(b chart.Bar, title string, x, y, w, h float64) {
	top := d.chartHead(x, y, w, title)
	d.font(sizeChart)
	n := len(b.Categories)
	if n == 0 {
		return
	}
	labelW := min(w*0.3, 34.0)
	legendH := d.legend(b.Series, x+labelW+1, y, w-labelW-1, true) + 1.5
	d.font(sizeChart)
	plotX, plotW := x+labelW+1, w-labelW-1-10
	rowH := min((y+h-legendH-top)/float64(n), 8)
	m := b.Max()
	for i, c := range b.Categories {
		ry := top + rowH*float64(i)
		d.textColor(colText)
		d.put(x, ry, labelW, rowH, d.fit(d.tx(c), labelW), 'L')
		bx := plotX
		total := 0.0
		for _, s := range b.Series {
			v := at(s.Values, i)
			if v <= 0 {
				continue
			}
			sw := plotW * v / m
			d.fillColor(s.Color)
			d.pdf.Rect(bx, ry+rowH*0.18, sw, rowH*0.64, "F")
			if t := value(v); d.measure(t)+1 < sw {
				d.textColor(textOn(s.Color))
				d.put(bx, ry, sw, rowH, t, 'C')
			}
			bx += sw
			total += v
		}
		d.textColor(colText)
		d.put(bx+1, ry, 9, rowH, d.fit(value(total), 9), 'L')
	}
	d.legend(b.Series, x+labelW+1, top+rowH*float64(n)+1, w-labelW-1, false)
}

// legend prints a swatch and the label of each series, wrapping onto
// more lines when needed, and returns its height.
func (d *doc) legend(ss []chart.Series, x, y, w float64, dry bool) float64 {
	d.font(sizeChart)
	lh := d.lh()
	cx, cy := x, y
	for _, s := range ss {
		label := d.fit(d.tx(s.Label), w-4)
		lw := d.measure(label)
		if cx > x && cx+3.2+lw > x+w {
			cx, cy = x, cy+lh
		}
		if !dry {
			d.fillColor(s.Color)
			d.pdf.Rect(cx, cy+lh/2-1.2, 2.4, 2.4, "F")
			d.textColor(colText)
			d.put(cx+3.2, cy, lw, lh, label, 'L')
		}
		cx += 3.2 + lw + 3.5
	}
	return cy + lh - y
}

// textOn picks black or white text for a fill colour.
func textOn(hex string) string {
	r, g, b := rgb(hex)
	if 0.299*float64(r)+0.587*float64(g)+0.114*float64(b) > 150 {
		return colText
	}
	return "#FFFFFF"
}

func at(vs []float64, i int) float64 {
	if i < len(vs) {
		return vs[i]
	}
	return 0
}

// lineChart draws a line chart over the twelve months up to asOf, points
// placed by date, with each series' name and latest value written at its
// last point.
func (d *doc) lineChart(l chart.Line, title string, x, y, w, h float64, asOf time.Time) {
	top := d.chartHead(x, y, w, title)
	d.font(sizeChart)
	lh := d.lh()
	from := time.Date(asOf.Year(), asOf.Month()-11, 1, 0, 0, 0, 0, time.UTC)
	first := len(l.X)
	for i, t := range l.X {
		if !t.Before(from) {
			first = i
			break
		}
	}
	xs := l.X[first:]
	if len(xs) == 0 {
		d.textColor(colMuted)
		d.put(x, top, w, lh, d.t("nodata"), 'L')
		d.textColor(colText)
		return
	}
	axis := l.Axis()
	m := axis.Top
	labelW, axisW := 32.0, d.measure(value(m))+2
	plotX, plotW := x+axisW, w-axisW-labelW
	plotTop, plotBottom := top+2, y+h-lh-1
	ph := plotBottom - plotTop
	span := asOf.Sub(from).Hours()
	px := func(t time.Time) float64 { return plotX + plotW*t.Sub(from).Hours()/span }
	d.valueAxis(axis, x, axisW, plotX+plotW, plotTop, plotBottom)
	// Month labels every second month, or sparser when the chart is too
	// narrow for them to stand apart; the last is always the as-of month.
	every := 2
	for every < 12 && plotW*float64(every)/12 < d.measure("2006-01")+3 {
		every++
	}
	for k := 0; k < 12; k++ {
		t := time.Date(from.Year(), from.Month()+time.Month(k), 1, 0, 0, 0, 0, time.UTC)
		tx := px(t)
		d.drawColor("#E0E0E0")
		d.pdf.Line(tx, plotBottom, tx, plotBottom+0.8)
		if k%every == (11 % every) {
			d.put(tx-8, plotBottom+0.5, 16, lh, t.Format("2006-01"), 'C')
		}
	}
	var ends []endLabel
	for _, s := range l.Series {
		vs := s.Values[min(first, len(s.Values)):]
		d.drawColor(s.Color)
		d.fillColor(s.Color)
		d.pdf.SetLineWidth(0.6)
		for i := range vs {
			if i >= len(xs) {
				break
			}
			py := plotBottom - ph*vs[i]/m
			if i > 0 {
				d.pdf.Line(px(xs[i-1]), plotBottom-ph*vs[i-1]/m, px(xs[i]), py)
			}
			d.pdf.Circle(px(xs[i]), py, 0.7, "F")
		}
		if n := min(len(vs), len(xs)); n > 0 {
			ends = append(ends, endLabel{y: plotBottom - ph*vs[n-1]/m, text: d.tx(s.Label) + " " + value(vs[n-1]), color: s.Color})
		}
	}
	lx := px(xs[len(xs)-1]) + 2
	d.endLabels(ends, lx, plotTop, plotBottom, x+w-lx, lh)
	d.textColor(colText)
}

type endLabel struct {
	y     float64
	text  string
	color string
}

// endLabels writes the series labels beside their last points, moved
// apart so they do not overlap.
func (d *doc) endLabels(ls []endLabel, x, top, bot, w, lh float64) {
	sortEnds(ls)
	prev := top - lh
	for i := range ls {
		ls[i].y = max(ls[i].y-lh/2, prev+lh)
		prev = ls[i].y
	}
	if n := len(ls); n > 0 && ls[n-1].y+lh > bot {
		shift := ls[n-1].y + lh - bot
		for i := range ls {
			ls[i].y -= shift
		}
	}
	for _, l := range ls {
		d.textColor(l.color)
		d.put(x, l.y, w, lh, d.fit(l.text, w), 'L')
	}
}

func sortEnds(ls []endLabel) {
	for i := 1; i < len(ls); i++ {
		for j := i; j > 0 && ls[j].y < ls[j-1].y; j-- {
			ls[j], ls[j-1] = ls[j-1], ls[j]
		}
	}
}
