package pdf

import (
	"strconv"
)

// sectionDef is one section of the document: its id, the catalogue key of
// its title, whether it is numbered and starts a page, and how to draw its
// body.
type sectionDef struct {
	id, key  string
	appendix bool
	fresh    bool
	draw     func(*doc)
	// keep is how many millimetres of the body must fit below the
	// heading on its page (defaultKeep when 0), so that a heading is
	// never left alone above a chart that goes to the next page.
	keep float64
}

// defaultKeep is the room a section needs below its heading unless it
// says otherwise.
const defaultKeep = 40.0

// sections lists the sections in the order every month's report uses.
func sections() []sectionDef {
	return []sectionDef{
		{id: "summary", key: "section.summary", fresh: true, draw: (*doc).summary},
		{id: "risk", key: "section.risk", fresh: true, draw: (*doc).risk},
		{id: "actions", key: "pdf.section.top_actions", draw: (*doc).topActions},
		{id: "overdue", key: "section.overdue", draw: (*doc).overdue},
		{id: "exploited", key: "section.exploited", draw: (*doc).exploited},
		{id: "attacks", key: "section.attacks", draw: (*doc).attacks},
		{id: "lifecycle", key: "section.lifecycle", draw: (*doc).lifecycle},
		{id: "exceptions", key: "section.exceptions", draw: (*doc).exceptions, keep: 70},
		{id: "scorecards", key: "section.scorecards", draw: (*doc).scorecards},
		{id: "plan", key: "section.plan", draw: (*doc).plan},
		{id: "notifications", key: "section.notifications", draw: (*doc).notifications},
		{id: "contracts", key: "section.contracts", draw: (*doc).contracts},
		{id: "trends", key: "section.trends", draw: (*doc).trends, keep: 80},
		{id: "quality", key: "section.quality", draw: (*doc).quality},
		{id: "quality_detail", key: "pdf.section.quality_detail", appendix: true, fresh: true, draw: (*doc).qualityDetail},
		{id: "method", key: "section.method", appendix: true, fresh: true, draw: (*doc).method},
		{id: "glossary", key: "section.glossary", appendix: true, fresh: true, draw: (*doc).glossary},
	}
}

// sectionTitle returns the numbered title of s ("3. 重要な指摘").
func (d *doc) sectionTitle(s sectionDef, n int) string {
	if s.appendix {
		return d.t(s.key)
	}
	return strconv.Itoa(n) + ". " + d.t(s.key)
}

// heading starts section s: on a new page when it asks for one or when
// little room is left, with a bookmark, a contents link target and its
// page recorded for the contents.
func (d *doc) heading(s sectionDef) {
	if !s.appendix {
		d.section++
	}
	keep := s.keep
	if keep == 0 {
		keep = defaultKeep
	}
	if s.fresh || d.y+keep > bottom {
		d.newPage()
	} else {
		d.gap(4)
	}
	title := d.sectionTitle(s, d.section)
	d.pages[s.id] = d.pdf.PageNo()
	d.pdf.SetLink(d.links[s.id], d.y, -1)
	d.pdf.Bookmark(title, 0, d.y)
	d.font(sizeH1)
	d.fillColor(colAccent)
	d.pdf.Rect(marginL, d.y+0.8, 1.6, d.lh()-1.6, "F")
	d.textColor(colAccent)
	lh := d.lh()
	for _, l := range d.lines(title, contentW-4) {
		d.put(marginL+4, d.y, contentW-4, lh, l, 'L')
		d.y += lh
	}
	d.drawColor(colAccent)
	d.pdf.SetLineWidth(0.4)
	d.pdf.Line(marginL, d.y+0.5, pageW-marginR, d.y+0.5)
	d.y += 3
	d.textColor(colText)
	d.font(sizeBody)
}

// lead prints the section's opening sentence: what it shows and what
// changed.
func (d *doc) lead(s string) {
	d.font(sizeBody)
	d.textColor(colText)
	d.para(s, 0)
	d.gap(2.5)
}

// sub starts a subsection, kept with at least keep millimetres of what
// follows, with a level-2 bookmark.
func (d *doc) sub(title string, keep float64) {
	d.font(sizeH2)
	d.need(d.lh() + 2 + keep)
	d.gap(1.5)
	d.pdf.Bookmark(title, 1, d.y)
	d.textColor(colAccent)
	for _, l := range d.lines(title, contentW) {
		d.put(marginL, d.y, contentW, d.lh(), l, 'L')
		d.y += d.lh()
	}
	d.textColor(colText)
	d.gap(0.8)
	d.font(sizeBody)
}

// subHeight returns the height sub takes for title.
func (d *doc) subHeight(title string) float64 {
	d.font(sizeH2)
	return 2.3 + float64(len(d.lines(title, contentW)))*d.lh()
}

// note prints a small muted line, such as a table's "15 of N shown".
func (d *doc) note(s string) {
	if s == "" {
		return
	}
	d.font(sizeSmall)
	d.textColor(colMuted)
	d.need(float64(len(d.lines(s, contentW))) * d.lh())
	d.para(s, 0)
	d.textColor(colText)
	d.font(sizeBody)
	d.gap(1)
}

// shown says "n of total shown; see sheet X" when a list was cut, or ""
// when everything is shown.
func (d *doc) shown(n, total int, sheetKey string) string {
	if n >= total {
		return ""
	}
	s := d.tf("of_n", total, n)
	if name := d.sheetName(sheetKey); name != "" {
		s += d.t("pdf.sep") + d.tf("see_sheet", name)
	}
	return s
}

// shownAlways says "n of total shown; all in sheet X", also when the
// whole list is shown, so the reader knows where the list lives.
func (d *doc) shownAlways(n, total int, sheetKey string) string {
	if n >= total {
		if name := d.sheetName(sheetKey); name != "" {
			return d.tf("pdf.all_in_sheet", name)
		}
		return ""
	}
	return d.shown(n, total, sheetKey)
}

// contents prints the table of contents with page numbers from the
// previous pass and links to each section.
func (d *doc) contents() {
	d.newPage()
	d.pages["toc"] = d.pdf.PageNo()
	d.pdf.Bookmark(d.t("section.toc"), 0, d.y)
	d.font(sizeH1)
	d.textColor(colAccent)
	d.put(marginL, d.y, contentW, d.lh(), d.t("section.toc"), 'L')
	d.y += d.lh() + 4
	d.font(11)
	d.textColor(colText)
	lh := 9.0
	n := 0
	for _, s := range sections() {
		if !s.appendix {
			n++
		}
		title := d.sectionTitle(s, n)
		page := ""
		if p, ok := d.prevPages[s.id]; ok {
			page = strconv.Itoa(p)
		}
		pw := 14.0
		tw := d.measure(title)
		title = d.fit(title, contentW-pw-8)
		tw = min(tw, contentW-pw-8)
		d.put(marginL, d.y, contentW-pw-8, lh, title, 'L')
		d.put(pageW-marginR-pw, d.y, pw, lh, page, 'R')
		d.drawColor(colRule)
		d.pdf.SetDashPattern([]float64{0.4, 1.2}, 0)
		d.pdf.Line(marginL+tw+2, d.y+lh*0.7, pageW-marginR-pw-2, d.y+lh*0.7)
		d.pdf.SetDashPattern(nil, 0)
		d.pdf.Link(marginL, d.y, contentW, lh, d.links[s.id])
		d.y += lh
	}
	d.gap(6)
	d.font(sizeSmall)
	d.textColor(colMuted)
	d.para(d.t("pdf.toc_note"), 0)
	d.para(d.t("pdf.sheet_note"), 0)
	d.textColor(colText)
}
