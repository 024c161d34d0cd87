package pdf

import (
	"strconv"
	"strings"

	"github.com/go-pdf/fpdf"

	"vulnreport/generator/internal/chart"
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/report"
)

// Page geometry in millimetres: A4 portrait with room for the header and
// the footer outside the content box.
const (
	pageW    = 210.0
	pageH    = 297.0
	marginL  = 18.0
	marginR  = 18.0
	marginT  = 22.0
	marginB  = 20.0
	contentW = pageW - marginL - marginR
	bottom   = pageH - marginB
	ptMM     = 25.4 / 72
	family   = "ipaex"
)

// Type sizes in points.
const (
	sizeBody  = 9.0
	sizeSmall = 7.5
	sizeTable = 8.0
	sizeH1    = 15.0
	sizeH2    = 11.0
)

// Colours.
const (
	colText   = "#212121"
	colMuted  = "#5F6368"
	colAccent = "#1A3A5F"
	colRule   = "#B0BEC5"
	colZebra  = "#F3F5F7"
	colHead   = "#37474F"
	colAlert  = "#C62828"
	colOK     = "#2E7D32"
)

// placed records one line of text as laid out: where it went and the box
// it had to stay inside. Tests use it to prove nothing overflows.
type placed struct {
	Page int
	Text string
	// X, Y, W and H are the text's own extent (W as measured).
	X, Y, W, H float64
	// BoxX, BoxY, BoxW and BoxH are the cell or column it belongs in.
	BoxX, BoxY, BoxW, BoxH float64
	// Frame is set for the page header and footer, outside the content box.
	Frame bool
}

// doc is one pass over one language's document.
type doc struct {
	pdf  *fpdf.Fpdf
	r    *report.Report
	lang i18n.Lang
	ch   chart.Set
	f    *facts
	// prevPages and prevTotal come from the previous pass: section pages
	// for the table of contents and the page count for the footer.
	prevPages map[string]int
	prevTotal int
	pages     map[string]int
	links     map[string]int
	hook      func(placed)
	glyphs    *strings.Replacer
	y         float64
	size      float64
	frame     bool
	section   int
}

// t returns the label of key in the document's language.
func (d *doc) t(key string) string { return i18n.T(d.lang, key) }

// tf formats the label of key.
func (d *doc) tf(key string, args ...any) string { return i18n.Tf(d.lang, key, args...) }

// tx returns user text in the document's language.
func (d *doc) tx(t i18n.Text) string { return t.Get(d.lang) }

// font sets the type size.
func (d *doc) font(size float64) {
	d.size = size
	d.pdf.SetFont(family, "", size)
}

// lh returns the line height of the current size.
func (d *doc) lh() float64 { return d.size * ptMM * 1.45 }

// measure returns the width of s at the current size.
func (d *doc) measure(s string) float64 { return d.pdf.GetStringWidth(d.glyphs.Replace(s)) }

// lines wraps s to width at the current size.
func (d *doc) lines(s string, width float64) []string { return wrap(d.measure, s, width) }

// rgb parses "#RRGGBB".
func rgb(hex string) (int, int, int) {
	v, err := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	if err != nil || len(hex) != 7 {
		return 0, 0, 0
	}
	return int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)
}

// tint mixes hex with white; amount 0 is the colour, 1 white.
func tint(hex string, amount float64) (int, int, int) {
	r, g, b := rgb(hex)
	mix := func(c int) int { return c + int(float64(255-c)*amount) }
	return mix(r), mix(g), mix(b)
}

func (d *doc) textColor(hex string) { d.pdf.SetTextColor(rgb(hex)) }
func (d *doc) fillColor(hex string) { d.pdf.SetFillColor(rgb(hex)) }
func (d *doc) drawColor(hex string) { d.pdf.SetDrawColor(rgb(hex)) }

// newGlyphs returns a replacer of characters IPAex Gothic lacks with
// ones it has (the model writes "≥", the font has "≧").
func newGlyphs() *strings.Replacer {
	return strings.NewReplacer("≥", "≧", "≤", "≦", "⚠", "▲", "✔", "✓", "❗", "！", "\t", " ")
}

// put draws one line of text in the box (x, y, w, lh), aligned 'L', 'R'
// or 'C', and records it. The box is also the containment box.
func (d *doc) put(x, y, w, lh float64, s string, align byte) {
	d.putIn(x, y, w, lh, s, align, x, y, w, lh)
}

// putIn draws one line in (x, y, w, lh) that must stay inside the box
// (bx, by, bw, bh).
func (d *doc) putIn(x, y, w, lh float64, s string, align byte, bx, by, bw, bh float64) {
	if s == "" {
		return
	}
	s = d.glyphs.Replace(s)
	sw := d.measure(s)
	tx := x
	switch align {
	case 'R':
		tx = x + w - sw
	case 'C':
		tx = x + (w-sw)/2
	}
	if d.hook != nil {
		d.hook(placed{Page: d.pdf.PageNo(), Text: s, X: tx, Y: y, W: sw, H: lh,
			BoxX: bx, BoxY: by, BoxW: bw, BoxH: bh, Frame: d.frame})
	}
	d.pdf.Text(tx, y+lh/2+d.size*ptMM*0.34, s)
}

// fit shortens s with an ellipsis until it fits width.
func (d *doc) fit(s string, width float64) string {
	if d.measure(s) <= width {
		return s
	}
	rs := []rune(s)
	for n := len(rs) - 1; n > 0; n-- {
		if t := string(rs[:n]) + "…"; d.measure(t) <= width {
			return t
		}
	}
	return ""
}

// need starts a new page unless h millimetres remain.
func (d *doc) need(h float64) {
	if d.y+h > bottom {
		d.newPage()
	}
}

// newPage adds a page with its header and footer.
func (d *doc) newPage() {
	d.pdf.AddPage()
	d.frame = true
	size := d.size
	d.header()
	d.footer()
	d.frame = false
	d.font(size)
	d.textColor(colText)
	d.y = marginT
}

// header prints the organisation, the title and the classification label.
func (d *doc) header() {
	d.font(sizeSmall)
	label := d.tx(d.r.Classification)
	lw := d.measure(label) + 6
	d.drawColor(colAlert)
	d.textColor(colAlert)
	d.pdf.SetLineWidth(0.35)
	d.pdf.Rect(pageW-marginR-lw, 8, lw, 6, "D")
	d.put(pageW-marginR-lw, 8, lw, 6, label, 'C')
	d.textColor(colMuted)
	left := d.tx(d.r.Organization) + "  " + d.tx(d.r.Title)
	d.put(marginL, 8, contentW-lw-4, 6, d.fit(left, contentW-lw-4), 'L')
	d.drawColor(colRule)
	d.pdf.SetLineWidth(0.2)
	d.pdf.Line(marginL, 16, pageW-marginR, 16)
}

// footer prints the as-of date and "page x / y".
func (d *doc) footer() {
	d.font(sizeSmall)
	d.textColor(colMuted)
	d.drawColor(colRule)
	d.pdf.SetLineWidth(0.2)
	y := pageH - 14
	d.pdf.Line(marginL, y, pageW-marginR, y)
	d.put(marginL, y+1.5, 80, 5, d.t("as_of")+" "+day(d.r.AsOf), 'L')
	total := d.prevTotal
	if total < d.pdf.PageNo() {
		total = d.pdf.PageNo()
	}
	d.put(pageW-marginR-60, y+1.5, 60, 5, d.tf("pdf.page_of", d.pdf.PageNo(), total), 'R')
	d.put(marginL+60, y+1.5, contentW-120, 5, d.fit(d.tx(d.r.Classification), contentW-120), 'C')
}

// para prints a wrapped paragraph at the current size, indented by indent.
func (d *doc) para(s string, indent float64) {
	lh := d.lh()
	w := contentW - indent
	for _, l := range d.lines(s, w) {
		d.need(lh)
		d.put(marginL+indent, d.y, w, lh, l, 'L')
		d.y += lh
	}
}

// gap adds vertical space.
func (d *doc) gap(h float64) { d.y += h }
