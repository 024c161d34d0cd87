package pdf

import (
	"strings"

	"vulnreport/generator/internal/model"
)

// col is a table column: its header, relative width and alignment.
type col struct {
	head  string
	w     float64
	align byte
	// prio marks a column holding the row's priority (table.prios): the
	// cell gets the priority's colour as a bar and tint beside the text.
	prio bool
	// fit sizes the column to its widest cell (dates, numbers, short codes).
	fit bool
}

// table is a table to lay out: columns, rows of cell text, and the
// largest number of lines a cell may take (0 for no limit).
type table struct {
	cols []col
	rows [][]string
	// prios holds each row's priority, for the column marked prio; a row
	// past its end, or PriorityNone, gets no colour.
	prios    []model.Priority
	size     float64
	maxLines int
	// width is the table's width; 0 means the content width.
	width float64
	// x is the left edge; 0 means the left margin.
	x float64
}

const (
	cellPadX = 1.2
	cellPadY = 0.9
)

// widths gives fit columns the width of their widest cell (and of their
// header up to a limit) and shares the rest of the table width among the
// other columns by weight. When fit columns leave too little, every
// column is scaled by weight instead.
func (d *doc) widths(t table) []float64 {
	tw := t.width
	if tw == 0 {
		tw = contentW
	}
	out := make([]float64, len(t.cols))
	fixed, weight := 0.0, 0.0
	for i, c := range t.cols {
		if !c.fits() {
			weight += c.w
			continue
		}
		w := min(d.measure(c.head), 20)
		for _, row := range t.rows {
			if i < len(row) {
				for _, l := range strings.Split(row[i], "\n") {
					w = max(w, d.measure(l))
				}
			}
		}
		limit := 45.0
		if c.fit {
			limit = tw * 0.6
		}
		out[i] = min(w, limit) + 2*cellPadX + 0.2
		fixed += out[i]
	}
	if weight == 0 || tw-fixed < 0.35*tw {
		total := 0.0
		for _, c := range t.cols {
			total += c.w
		}
		for i, c := range t.cols {
			out[i] = tw * c.w / total
		}
		return out
	}
	for i, c := range t.cols {
		if !c.fits() {
			out[i] = (tw - fixed) * c.w / weight
		}
	}
	return out
}

// fits reports whether the column is sized to its content: numbers and
// dates (aligned right or centred), priorities, and columns marked fit.
func (c col) fits() bool { return c.fit || c.prio || c.align == 'R' || c.align == 'C' }

// cellLines wraps every cell of a row and returns the lines and the row's
// height, limited to maxLines per cell when set.
func (d *doc) cellLines(t table, row []string, ws []float64) ([][]string, float64) {
	lh := d.lh()
	out := make([][]string, len(ws))
	n := 1
	for i, w := range ws {
		if i >= len(row) {
			continue
		}
		ls := d.lines(row[i], w-2*cellPadX)
		if t.maxLines > 0 {
			ls = d.clamp(ls, t.maxLines, w-2*cellPadX)
		}
		out[i] = ls
		n = max(n, len(ls))
	}
	return out, float64(n)*lh + 2*cellPadY
}

// clamp keeps at most n lines, ending the last kept one with an ellipsis
// when lines were dropped.
func (d *doc) clamp(ls []string, n int, width float64) []string {
	if len(ls) <= n || n <= 0 {
		return ls
	}
	out := append([]string(nil), ls[:n]...)
	out[n-1] = d.fit(out[n-1]+"…", width)
	return out
}

// fits returns how many of the table's rows fit in height h, header
// included.
func (d *doc) fits(t table, h float64) int {
	d.font(t.fontSize())
	ws := d.widths(t)
	heads := make([]string, len(t.cols))
	for i, c := range t.cols {
		heads[i] = c.head
	}
	_, used := d.cellLines(t, heads, ws)
	for i, row := range t.rows {
		_, rh := d.cellLines(t, row, ws)
		if used+rh > h {
			return i
		}
		used += rh
	}
	return len(t.rows)
}

func (t table) fontSize() float64 {
	if t.size == 0 {
		return sizeTable
	}
	return t.size
}

// table lays out t from the current position, breaking across pages and
// repeating the header row on each. A break never leaves fewer than three
// rows (or the whole table, if shorter) alone on the next page.
func (d *doc) table(t table) {
	d.font(t.fontSize())
	ws := d.widths(t)
	x0 := t.x
	if x0 == 0 {
		x0 = marginL
	}
	heads := make([]string, len(t.cols))
	for i, c := range t.cols {
		heads[i] = c.head
	}
	hl, hh := d.cellLines(t, heads, ws)
	cells := make([][][]string, len(t.rows))
	hs := make([]float64, len(t.rows))
	room := bottom - marginT - hh
	for i, row := range t.rows {
		cells[i], hs[i] = d.cellLines(t, row, ws)
		if hs[i] > room {
			// A row taller than a page: keep what fits and mark the cut.
			keep := int((room - 2*cellPadY) / d.lh())
			for j := range cells[i] {
				cells[i][j] = d.clamp(cells[i][j], keep, ws[j]-2*cellPadX)
			}
			hs[i] = float64(keep)*d.lh() + 2*cellPadY
		}
	}
	breaks := d.breaks(hs, hh)
	zebra := false
	for i := range t.rows {
		if i == 0 || breaks[i] {
			if breaks[i] {
				d.newPage()
			}
			d.font(t.fontSize())
			d.headRow(t, x0, ws, hl, hh)
			zebra = false
		}
		d.bodyRow(t, x0, ws, cells[i], hs[i], zebra, t.prio(i))
		zebra = !zebra
	}
	if len(t.rows) == 0 {
		// No rows: print the header and a "none" line so the reader sees
		// the table was considered.
		d.need(hh + d.lh() + 2*cellPadY)
		d.headRow(t, x0, ws, hl, hh)
		d.font(t.fontSize())
		d.textColor(colMuted)
		tw := sum(ws)
		d.put(x0+cellPadX, d.y+cellPadY, tw-2*cellPadX, d.lh(), d.fit(d.t("pdf.none"), tw-2*cellPadX), 'L')
		d.textColor(colText)
		d.y += d.lh() + 2*cellPadY
	}
	d.drawColor(colRule)
	d.pdf.SetLineWidth(0.2)
	d.pdf.Line(x0, d.y, x0+sum(ws), d.y)
	d.y += 1.5
}

// breaks decides before which rows a new page starts, given the rows'
// heights and the header's, starting at the current position. Row 0 is a
// break when not even the header and the first row fit here. A break that
// would carry fewer than three rows over moves up so that three go.
func (d *doc) breaks(hs []float64, hh float64) map[int]bool {
	out := map[int]bool{}
	y := d.y + hh
	start := 0
	for i := 0; i < len(hs); i++ {
		if y+hs[i] <= bottom {
			y += hs[i]
			continue
		}
		if left := len(hs) - i; left < 3 && i-start > 3 && !out[i] {
			i = max(len(hs)-3, start+1)
		}
		out[i] = true
		start = i
		y = marginT + hh + hs[i]
	}
	return out
}

func (d *doc) headRow(t table, x0 float64, ws []float64, hl [][]string, hh float64) {
	d.fillColor(colHead)
	d.pdf.Rect(x0, d.y, sum(ws), hh, "F")
	d.textColor("#FFFFFF")
	x := x0
	for i, w := range ws {
		d.cellText(x, d.y, w, hh, hl[i], t.cols[i].align)
		x += w
	}
	d.textColor(colText)
	d.y += hh
}

// prio returns the priority of row i, PriorityNone when it has none.
func (t table) prio(i int) model.Priority {
	if i < len(t.prios) {
		return t.prios[i]
	}
	return model.PriorityNone
}

// addPrio appends a row whose priority column shows p.
func (t *table) addPrio(p model.Priority, row ...string) {
	for len(t.prios) < len(t.rows) {
		t.prios = append(t.prios, model.PriorityNone)
	}
	t.rows = append(t.rows, row)
	t.prios = append(t.prios, p)
}

func (d *doc) bodyRow(t table, x0 float64, ws []float64, cl [][]string, rh float64, zebra bool, p model.Priority) {
	if zebra {
		d.fillColor(colZebra)
		d.pdf.Rect(x0, d.y, sum(ws), rh, "F")
	}
	x := x0
	for i, w := range ws {
		if t.cols[i].prio && len(cl[i]) > 0 && p.Valid() {
			if c := p.Color(); c != "" {
				d.pdf.SetFillColor(tint(c, 0.8))
				d.pdf.Rect(x, d.y, w, rh, "F")
				d.fillColor(c)
				d.pdf.Rect(x, d.y, 1.2, rh, "F")
			}
		}
		d.cellText(x, d.y, w, rh, cl[i], t.cols[i].align)
		x += w
	}
	d.drawColor("#DDE3E8")
	d.pdf.SetLineWidth(0.1)
	d.pdf.Line(x0, d.y+rh, x0+sum(ws), d.y+rh)
	d.y += rh
}

// cellText prints wrapped lines in a cell, recording the cell as their box.
func (d *doc) cellText(x, y, w, h float64, ls []string, align byte) {
	lh := d.lh()
	if align == 0 {
		align = 'L'
	}
	for j, l := range ls {
		d.putIn(x+cellPadX, y+cellPadY+float64(j)*lh, w-2*cellPadX, lh, l, align, x, y, w, h)
	}
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}
