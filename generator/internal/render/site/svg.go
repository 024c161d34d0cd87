package site

import (
	"math"
	"strconv"
	"strings"

	"vulnreport/generator/internal/chart"
	"vulnreport/generator/internal/i18n"
)

// svg is a chart laid out for the "svg" template: plain shapes and text
// with presentation attributes only (no style attributes, which the
// Content-Security-Policy forbids), plus the numbers as a table.
type svg struct {
	ID, Title, Desc string
	W, H            float64
	Rects           []svgRect
	Lines           []svgLine
	Polys           []svgPoly
	Dots            []svgDot
	Texts           []svgText
	Table           dataTable
}

type svgRect struct {
	X, Y, W, H float64
	Fill, Tip  string
}

type svgLine struct {
	X1, Y1, X2, Y2 float64
	Stroke         string
	Dash           bool
}

type svgPoly struct {
	Points, Stroke string
}

type svgDot struct {
	X, Y  float64
	Fill  string
	Shape string
	Tip   string
}

type svgText struct {
	X, Y   float64
	Text   string
	Anchor string
	Fill   string
	Bold   bool
	Size   float64
}

// dataTable is a chart's numbers, for readers and printers.
type dataTable struct {
	Head []string
	Rows [][]string
}

const (
	textDark  = "#212121"
	textMuted = "#424242"
	gridColor = "#CFD8DC"
)

// chartTitle is a chart's title; the site's own label stands in when the
// chart package's key is missing from the catalogue.
func chartTitle(id string, t i18n.Text, lang i18n.Lang) string {
	if t.JA == t.EN && strings.HasPrefix(t.JA, "chart.") && i18n.Has("site.chart."+id) {
		return i18n.T(lang, "site.chart."+id)
	}
	return t.Get(lang)
}

// chartUnit is the unit after values: "件" in Japanese, none in English.
func chartUnit(t i18n.Text, lang i18n.Lang) string {
	if t.JA == t.EN && strings.HasPrefix(t.JA, "unit.") {
		if lang == i18n.EN {
			return ""
		}
		return i18n.T(lang, "site.unit.count")
	}
	if lang == i18n.EN && t.EN == "" {
		return ""
	}
	return t.Get(lang)
}

func rnd(x float64) float64 { return math.Round(x*10) / 10 }

// textWidth estimates a label's width: CJK characters are square, others
// about 0.6 em.
func textWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		if r >= 0x2E80 {
			w += size
		} else {
			w += size * 0.6
		}
	}
	return w
}

// onColor picks the text colour with enough contrast on a fill.
func onColor(fill string) string {
	if len(fill) != 7 || fill[0] != '#' {
		return textDark
	}
	v, err := strconv.ParseUint(fill[1:], 16, 32)
	if err != nil {
		return textDark
	}
	lin := func(c uint64) float64 {
		x := float64(c) / 255
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	l := 0.2126*lin(v>>16&0xff) + 0.7152*lin(v>>8&0xff) + 0.0722*lin(v&0xff)
	if (1.05)/(l+0.05) >= 4.5 {
		return "#FFFFFF"
	}
	return textDark
}

func fmtVal(v float64) string {
	if v == math.Trunc(v) {
		return num(int(v))
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

// legend lays out swatches and labels in rows from (x, y) within width w
// and returns where the next item would go.
func (s *svg) legend(items []chart.Series, lang i18n.Lang, x, y, w float64) (float64, float64) {
	cx := x
	for _, it := range items {
		label := it.Label.Get(lang)
		lw := 18 + textWidth(label, 12) + 16
		if cx+lw > x+w && cx > x {
			cx, y = x, y+18
		}
		s.Rects = append(s.Rects, svgRect{X: rnd(cx), Y: rnd(y - 10), W: 12, H: 12, Fill: it.Color})
		s.Texts = append(s.Texts, svgText{X: rnd(cx + 17), Y: rnd(y), Text: label, Anchor: "start", Fill: textDark, Size: 12})
		cx += lw
	}
	return cx, y
}

// barSVG lays out a bar chart: vertical bars per category (stacked or
// side by side), or horizontal stacked bars with categories down the side.
// Every bar carries its value as text.
func barSVG(b chart.Bar, lang i18n.Lang) *svg { return barSVGMissing(b, lang, nil) }

// barSVGMissing is barSVG where missing[i] marks a category without data:
// its bar is labelled "no data" rather than drawn as zero.
func barSVGMissing(b chart.Bar, lang i18n.Lang, missing []bool) *svg {
	s := &svg{ID: b.ID, Title: chartTitle(b.ID, b.Title, lang), W: 640}
	unit := chartUnit(b.Unit, lang)
	label := func(i int, v float64) string {
		if i < len(missing) && missing[i] {
			return i18n.T(lang, "nodata")
		}
		return fmtVal(v) + unit
	}
	s.Table.Head = []string{""}
	for _, se := range b.Series {
		s.Table.Head = append(s.Table.Head, se.Label.Get(lang))
	}
	var desc []string
	for i, c := range b.Categories {
		cells := []string{c.Get(lang)}
		var parts []string
		for _, se := range b.Series {
			v := value(se, i)
			cells = append(cells, strings.TrimSuffix(label(i, v), unit))
			if v != 0 || len(b.Series) == 1 {
				parts = append(parts, se.Label.Get(lang)+" "+label(i, v))
			}
		}
		s.Table.Rows = append(s.Table.Rows, cells)
		desc = append(desc, c.Get(lang)+": "+strings.Join(parts, ", "))
	}
	s.Desc = strings.Join(desc, "; ")
	if len(b.Categories) == 0 {
		s.H = 60
		s.Texts = append(s.Texts, svgText{X: 320, Y: 34, Text: i18n.T(lang, "site.no_data_chart"), Anchor: "middle", Fill: textMuted, Size: 13})
		return s
	}
	if b.Horizontal {
		horizontalBars(s, b, lang, b.Max(), unit)
	} else {
		verticalBars(s, b, lang, unit, label)
	}
	return s
}

func value(se chart.Series, i int) float64 {
	if i < len(se.Values) {
		return se.Values[i]
	}
	return 0
}

func horizontalBars(s *svg, b chart.Bar, lang i18n.Lang, top float64, unit string) {
	labelW := 0.0
	for _, c := range b.Categories {
		labelW = math.Max(labelW, textWidth(c.Get(lang), 12))
	}
	left, right, rowH, y0 := labelW+16, 56.0, 30.0, 10.0
	plot := s.W - left - right
	for i, c := range b.Categories {
		y := y0 + float64(i)*rowH
		s.Texts = append(s.Texts, svgText{X: rnd(left - 8), Y: rnd(y + 17), Text: c.Get(lang), Anchor: "end", Fill: textDark, Size: 12})
		x, total := left, 0.0
		for _, se := range b.Series {
			v := value(se, i)
			if v <= 0 {
				continue
			}
			w := plot * v / top
			s.Rects = append(s.Rects, svgRect{X: rnd(x), Y: rnd(y + 4), W: rnd(w), H: 20, Fill: se.Color, Tip: se.Label.Get(lang) + ": " + fmtVal(v) + unit})
			if w >= textWidth(fmtVal(v), 11)+6 {
				s.Texts = append(s.Texts, svgText{X: rnd(x + w/2), Y: rnd(y + 18), Text: fmtVal(v), Anchor: "middle", Fill: onColor(se.Color), Size: 11})
			}
			x += w
			total += v
		}
		s.Texts = append(s.Texts, svgText{X: rnd(x + 6), Y: rnd(y + 18), Text: fmtVal(total) + unit, Anchor: "start", Fill: textDark, Size: 12, Bold: true})
	}
	y := y0 + float64(len(b.Categories))*rowH + 22
	_, ly := s.legend(b.Series, lang, left, y, plot+right)
	s.H = rnd(ly + 10)
}

func verticalBars(s *svg, b chart.Bar, lang i18n.Lang, unit string, label func(int, float64) string) {
	left, right, top, plotH := 44.0, 12.0, 22.0, 190.0
	plot := s.W - left - right
	base := top + plotH
	axis := b.Axis()
	m := axis.Top
	for _, v := range axis.Ticks() {
		y := base - plotH*v/m
		s.Lines = append(s.Lines, svgLine{X1: left, Y1: rnd(y), X2: s.W - right, Y2: rnd(y), Stroke: gridColor})
		s.Texts = append(s.Texts, svgText{X: left - 6, Y: rnd(y + 4), Text: fmtVal(v), Anchor: "end", Fill: textMuted, Size: 11})
	}
	n := float64(len(b.Categories))
	slot := plot / n
	groups := 1.0
	if !b.Stacked {
		groups = float64(len(b.Series))
	}
	barW := math.Min(slot*0.7/groups, 64)
	for i, c := range b.Categories {
		cx := left + slot*(float64(i)+0.5)
		s.Texts = append(s.Texts, svgText{X: rnd(cx), Y: rnd(base + 18), Text: c.Get(lang), Anchor: "middle", Fill: textDark, Size: 12})
		y, total := base, 0.0
		for k, se := range b.Series {
			v := value(se, i)
			h := plotH * v / m
			x := cx - barW*groups/2
			if !b.Stacked {
				x += barW * float64(k)
				y = base
			}
			if v > 0 {
				s.Rects = append(s.Rects, svgRect{X: rnd(x), Y: rnd(y - h), W: rnd(barW), H: rnd(h), Fill: se.Color, Tip: c.Get(lang) + " " + se.Label.Get(lang) + ": " + fmtVal(v) + unit})
			}
			if !b.Stacked {
				s.Texts = append(s.Texts, svgText{X: rnd(x + barW/2), Y: rnd(y - h - 4), Text: label(i, v), Anchor: "middle", Fill: textDark, Size: 11})
			}
			if b.Stacked {
				y -= h
				total += v
			}
		}
		if b.Stacked {
			s.Texts = append(s.Texts, svgText{X: rnd(cx), Y: rnd(y - 5), Text: fmtVal(total) + unit, Anchor: "middle", Fill: textDark, Size: 12, Bold: true})
		}
	}
	s.H = base + 30
	if len(b.Series) > 1 && !sameLabels(b) {
		_, ly := s.legend(b.Series, lang, left, base+46, plot)
		s.H = rnd(ly + 10)
	}
}

// sameLabels reports whether the series are the categories themselves
// (one series per category), where a legend would repeat the axis.
func sameLabels(b chart.Bar) bool {
	if len(b.Series) != len(b.Categories) {
		return false
	}
	for i := range b.Series {
		if b.Series[i].Label != b.Categories[i] {
			return false
		}
	}
	return true
}

// D returns the outline of a marker: a diamond or a triangle around (X, Y).
func (d svgDot) D() string {
	f := func(x, y float64) string {
		return strconv.FormatFloat(rnd(x), 'f', -1, 64) + "," + strconv.FormatFloat(rnd(y), 'f', -1, 64)
	}
	if d.Shape == "triangle" {
		return "M" + f(d.X, d.Y-6) + " L" + f(d.X+6, d.Y+5) + " L" + f(d.X-6, d.Y+5) + " Z"
	}
	return "M" + f(d.X, d.Y-7) + " L" + f(d.X+6, d.Y) + " L" + f(d.X, d.Y+7) + " L" + f(d.X-6, d.Y) + " Z"
}
