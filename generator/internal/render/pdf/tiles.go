package pdf

import (
	"vulnreport/generator/internal/report"
)

// tiles prints the headline figures in one row: value, last month and
// the change, the target, and whether it was met in words as well as
// colour.
func (d *doc) tiles() {
	hs := d.r.Summary.Headlines
	if len(hs) > 6 {
		hs = hs[:6]
	}
	if len(hs) == 0 {
		return
	}
	const gapX, tileH = 2.0, 29.0
	w := (contentW - gapX*5) / 6
	for i, h := range hs {
		d.tile(marginL+float64(i)*(w+gapX), d.y, w, tileH, h)
	}
	d.y += tileH + 3
}

func (d *doc) tile(x, y, w, h float64, hl report.Headline) {
	value, prev, target, met, status := d.headline(hl)
	d.pdf.SetFillColor(tint(status, 0.92))
	d.pdf.Rect(x, y, w, h, "F")
	d.fillColor(status)
	d.pdf.Rect(x, y, 1.2, h, "F")
	in := w - 4
	put := func(yy, lh float64, s string, color string) {
		d.textColor(color)
		d.putIn(x+2.8, y+yy, in, lh, d.fit(s, in), 'L', x, y, w, h)
	}
	d.font(6.5)
	lh := d.lh()
	for i, l := range d.clamp(d.lines(d.tx(hl.Label), in), 3, in) {
		put(1+float64(i)*lh, lh, l, colMuted)
	}
	// The value in the largest size that fits, from 14 pt down to 8 pt.
	size := 14.0
	for d.font(size); size > 8 && d.measure(value) > in; size-- {
		d.font(size - 1)
	}
	put(11, 6.5, value, colText)
	d.font(6.5)
	lh = d.lh()
	put(18.2, lh, prev, colMuted)
	put(18.2+lh, lh, target, colMuted)
	put(18.2+2*lh, lh, met, status)
	d.textColor(colText)
}

// headline returns a figure's value, last-month line, target line, met
// word and status colour.
func (d *doc) headline(hl report.Headline) (value, prev, target, met, status string) {
	value = num(hl.Value)
	isRate := hl.Key == report.HeadSLA
	if isRate {
		value += "%"
		if !d.r.Summary.HasSLARate {
			value = d.t("nodata")
		}
	}
	if hl.HasPrev {
		prev = d.tf("pdf.tile.prev", num(hl.Prev), signed(hl.Value-hl.Prev))
	} else {
		prev = d.t("pdf.tile.no_prev")
	}
	switch {
	case hl.Rule == report.TargetNoIncrease:
		target = d.t("pdf.tile.target_no_increase")
	case hl.Rule == report.TargetAtLeast:
		target = d.tf("pdf.tile.target_min", num(hl.Target))
	case hl.Target == 0:
		target = d.t("pdf.tile.target_zero")
	default:
		target = d.tf("pdf.tile.target_max", num(hl.Target))
	}
	if hl.NoBasis {
		return value, prev, target, "—", colMuted
	}
	if hl.Met && d.r.Quality.Alert() {
		// Never "met" on inputs rejected in part: the figure may understate.
		return value, prev, target, d.t("pdf.needs_review"), colAlert
	}
	if hl.Met {
		return value, prev, target, d.t("met"), colOK
	}
	return value, prev, target, d.t("not_met"), colAlert
}
