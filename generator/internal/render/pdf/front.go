package pdf

import (
	"fmt"

	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/report"
)

// cover prints the cover: organisation, title, period, as-of date, the
// classification label in large type and the tool version.
func (d *doc) cover() {
	d.newPage()
	d.pages["cover"] = d.pdf.PageNo()
	d.pdf.Bookmark(d.t("section.cover"), 0, d.y)
	d.y = 62
	d.block(d.tx(d.r.Organization), 16, colMuted, 'L')
	d.gap(3)
	d.block(d.tx(d.r.Title), 26, colAccent, 'L')
	d.gap(4)
	d.drawColor(colAccent)
	d.pdf.SetLineWidth(0.8)
	d.pdf.Line(marginL, d.y, marginL+60, d.y)
	d.gap(8)
	d.block(d.t("period")+"  "+month(d.r.AsOf, d.lang), 13, colText, 'L')
	d.gap(1)
	d.block(d.t("as_of")+"  "+day(d.r.AsOf), 13, colText, 'L')

	// The classification label, large and boxed.
	d.y = 150
	d.font(26)
	label := d.tx(d.r.Classification)
	w := min(d.measure(label)+24, contentW)
	label = d.fit(label, w-8)
	x := marginL + (contentW-w)/2
	d.drawColor(colAlert)
	d.pdf.SetLineWidth(1.2)
	d.pdf.Rect(x, d.y, w, 20, "D")
	d.textColor(colAlert)
	d.put(x+4, d.y, w-8, 20, label, 'C')
	d.y += 24
	d.font(sizeBody)
	d.textColor(colMuted)
	d.para(d.t("pdf.cover.handling"), 0)
	// Rejected records or skipped files: said on the first page a reader
	// sees, not only in the summary.
	d.gap(6)
	d.textColor(colText)
	d.qualityBanner()

	// Provenance at the foot of the page.
	d.y = bottom - 34
	d.font(sizeBody)
	rows := [][2]string{
		{d.t("generated_by"), "vulnreport " + d.r.ToolVersion + " (" + d.tf("pdf.schema", d.r.SchemaVersion) + ")"},
		{d.t("pdf.previous_report"), day(d.r.Previous)},
		{d.t("input_files"), d.tf("pdf.inputs_digest", len(d.r.Sources.Inputs))},
	}
	d.kv(rows, 38, false)
	d.textColor(colText)
}

// block prints a wrapped block of text at size in colour.
func (d *doc) block(s string, size float64, color string, align byte) {
	d.font(size)
	d.textColor(color)
	for _, l := range d.lines(s, contentW) {
		d.put(marginL, d.y, contentW, d.lh(), l, align)
		d.y += d.lh()
	}
	d.textColor(colText)
}

// kv prints key–value rows: keys muted in a column of width kw, values
// wrapped beside them. With dry set it only returns the height.
func (d *doc) kv(rows [][2]string, kw float64, dry bool) float64 {
	lh := d.lh()
	h := 0.0
	for _, row := range rows {
		ls := d.clamp(d.lines(row[1], contentW-kw), 3, contentW-kw)
		n := max(len(ls), 1)
		if !dry {
			d.need(float64(n) * lh)
			d.textColor(colMuted)
			d.put(marginL, d.y, kw-2, lh, d.fit(row[0], kw-2), 'L')
			d.textColor(colText)
			for i, l := range ls {
				d.put(marginL+kw, d.y+float64(i)*lh, contentW-kw, lh, l, 'L')
			}
			d.y += float64(n) * lh
		}
		h += float64(n) * lh
	}
	return h
}

// summary is the executive summary, on one page: the month's position,
// the headline figures, exploited items, decisions requested, the top
// fix actions and the scope. Lists are cut to fit the page.
func (d *doc) summary() {
	d.font(sizeBody)
	d.qualityBanner()
	for i, s := range d.r.Sentences {
		if i == 5 {
			break
		}
		d.bulletN("■", d.tx(s), 3)
	}
	d.gap(2)
	d.tiles()
	d.kevStrip()
	d.freshnessStrip()
	d.scanStrip()
	reserve := d.topRisks(true) + d.scope(true)
	d.decisions(bottom - reserve - d.y)
	d.topRisks(false)
	d.scope(false)
}

// strip prints a tinted box with a coloured edge holding text of at most
// n lines.
func (d *doc) strip(text, color string, n int) {
	d.font(sizeBody)
	lh := d.lh()
	ls := d.clamp(d.lines(text, contentW-8), n, contentW-8)
	h := float64(len(ls))*lh + 3
	d.need(h)
	d.pdf.SetFillColor(tint(color, 0.9))
	d.pdf.Rect(marginL, d.y, contentW, h, "F")
	d.fillColor(color)
	d.pdf.Rect(marginL, d.y, 1.5, h, "F")
	for i, l := range ls {
		d.putIn(marginL+5, d.y+1.5+float64(i)*lh, contentW-8, lh, l, 'L', marginL, d.y, contentW, h)
	}
	d.y += h + 3
}

// qualityBanner warns, at the top of page one, that records were
// rejected or files skipped, with the counts: the figures may understate.
func (d *doc) qualityBanner() {
	q := d.r.Quality
	if !q.Alert() {
		return
	}
	d.strip(d.tf("pdf.quality_banner", num(q.Rejected), num(q.Read), num(len(q.Skipped))), colAlert, 3)
}

// freshnessStrip states coverage and each feed's age against the policy's
// threshold, in the alert colour when any feed is stale.
func (d *doc) freshnessStrip() {
	c := d.r.Coverage
	var stale, fresh []string
	for _, f := range d.r.Freshness {
		name := d.t("feed." + f.Kind)
		switch {
		case !f.Present:
			stale = append(stale, d.tf("pdf.feed.missing", name))
		case !f.HasDate:
			stale = append(stale, d.tf("pdf.feed.undated", name))
		case f.Stale:
			stale = append(stale, d.tf("pdf.feed.stale", name, day(f.Date), num(f.AgeDays), num(f.MaxDays)))
		default:
			fresh = append(fresh, d.tf("pdf.feed.fresh", name, day(f.Date), num(f.AgeDays)))
		}
	}
	text := d.tf("pdf.coverage", pct(c.Share(c.WithData)), num(c.WithData), num(c.Components), pct(c.Share(c.KnownSupport)), num(c.KnownSupport))
	color := colAccent
	if len(stale) > 0 {
		text = d.tf("pdf.feeds_stale", d.list(stale)) + d.t("pdf.sep") + text
		color = colAlert
	}
	if len(fresh) > 0 {
		text += d.t("pdf.sep") + d.tf("pdf.feeds_fresh", d.list(fresh))
	}
	d.strip(text, color, 5)
}

// bulletN prints a bullet of at most n lines.
func (d *doc) bulletN(marker, s string, n int) {
	lh := d.lh()
	mw := d.measure(marker) + 1.5
	w := contentW - mw - 2
	for i, l := range d.clamp(d.lines(s, w), n, w) {
		if i == 0 {
			d.textColor(colAccent)
			d.put(marginL+2, d.y, mw, lh, marker, 'L')
			d.textColor(colText)
		}
		d.put(marginL+2+mw, d.y, w, lh, l, 'L')
		d.y += lh
	}
	d.gap(0.6)
}

// kevStrip prints the exploited-vulnerabilities block of page one.
func (d *doc) kevStrip() {
	s := d.r.Summary
	d.strip(d.tf("pdf.kev_strip", num(s.ExploitedOpen), num(s.ExploitedInternet), num(s.KEVOpen), num(s.KEVPastDue), num(s.KEVOldestDays)), colAlert, 2)
}

// decisions prints the decisions management must make, in the model's
// order (late outside reports first, then the one risk ranking), as many
// as fit in height h, and names the sheet that holds them all.
func (d *doc) decisions(h float64) {
	end := d.y + h
	all := d.r.Decisions
	var counts []string
	for _, k := range model.DecisionKinds() {
		n := 0
		for _, dc := range all {
			if dc.Kind == k {
				n++
			}
		}
		if n > 0 {
			counts = append(counts, fmt.Sprintf("%s %s", d.t(k.LabelKey()), d.count(n)))
		}
	}
	d.sub(d.tf("pdf.decisions_title", num(len(all))), 0)
	d.font(sizeSmall)
	d.textColor(colMuted)
	if len(counts) > 0 {
		d.para(d.list(counts), 0)
		d.gap(0.8)
	}
	d.textColor(colText)
	t := table{cols: []col{
		{head: d.t("col.kind"), w: 22},
		{head: d.t("col.decision"), w: 88},
		{head: d.t("col.department"), w: 22},
		{head: d.t("col.needed_by"), w: 21, align: 'C'},
	}, maxLines: 3, size: sizeSmall}
	row := func(dc report.Decision) []string {
		return []string{d.t(dc.Kind.LabelKey()), d.tx(dc.Text), d.tx(dc.DepartmentName), d.neededBy(dc)}
	}
	for _, dc := range all {
		t.rows = append(t.rows, row(dc))
	}
	d.font(sizeSmall)
	noteH := float64(len(d.lines(d.shownAlways(1, len(all), "section.decisions"), contentW)))*d.lh() + 1
	n := min(max(d.fits(t, end-d.y-noteH-1.5), 1), len(all))
	t.rows = t.rows[:n]
	d.table(t)
	d.note(d.shownAlways(len(t.rows), len(all), "section.decisions"))
}

// neededBy prints when a decision is needed: its date, or "late since"
// the date it fell due.
func (d *doc) neededBy(dc report.Decision) string {
	if dc.Late {
		return d.tf("pdf.late_since", day(dc.LateSince))
	}
	return day(dc.NeededBy)
}

// topRisks prints the top five fix actions in plain words; with dry set it
// returns the height only.
func (d *doc) topRisks(dry bool) float64 {
	h := d.subHeight(d.t("pdf.top_risks"))
	d.font(sizeTable)
	lh := d.lh()
	acts := d.f.ranked[:min(3, len(d.f.ranked))]
	if !dry {
		d.sub(d.t("pdf.top_risks"), 0)
		d.font(sizeTable)
		if len(acts) == 0 {
			d.para(d.t("pdf.none"), 0)
		}
	}
	mw := d.measure("5.") + 1.5
	w := contentW - mw - 2
	for i, a := range acts {
		text := d.topRiskText(a)
		ls := d.clamp(d.lines(text, w), 2, w)
		h += float64(len(ls))*lh + 0.6
		if !dry {
			d.bulletN(fmt.Sprintf("%d.", i+1), text, 2)
		}
	}
	if len(acts) == 0 {
		h += lh
	}
	return h
}

// topRiskText is a top fix action's line on page one: the instruction
// and the reasons it ranks where it does.
func (d *doc) topRiskText(a *report.Action) string {
	return d.completedOpen(a) + a.Sentence(d.lang) + " ［" + d.tf("pdf.rank_reasons", a.Score().ReasonText(d.lang, 3)) + "］"
}

// scope prints what the report covers; with dry set it returns the
// height only.
func (d *doc) scope(dry bool) float64 {
	s := d.r.Summary
	share := "—"
	if s.SystemsActive > 0 {
		share = pct(float64(s.SystemsCurrent) / float64(s.SystemsActive))
	}
	rows := [][2]string{
		{d.t("period"), d.tf("pdf.scope.period", month(d.r.AsOf, d.lang), day(d.r.AsOf))},
		{d.t("pdf.scope.systems"), d.tf("pdf.scope.systems_text", num(s.SystemsActive), num(s.Systems), num(s.Hosts), num(s.Components))},
		{d.t("pdf.scope.inventory"), d.tf("pdf.scope.inventory_text", num(s.SystemsCurrent), num(s.SystemsActive), share, d.r.Policy.StaleDays)},
	}
	if dry {
		h := d.subHeight(d.t("section.scope"))
		d.font(sizeSmall)
		return h + d.kv(rows, 30, true)
	}
	d.sub(d.t("section.scope"), 0)
	d.font(sizeSmall)
	return d.kv(rows, 30, false)
}
