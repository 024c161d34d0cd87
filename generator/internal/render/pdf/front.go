package pdf

import (
	"fmt"

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
	for i, s := range d.r.Sentences {
		if i == 5 {
			break
		}
		d.bulletN("■", d.tx(s), 3)
	}
	d.gap(2)
	d.tiles()
	d.kevStrip()
	reserve := d.topRisks(true) + d.scope(true)
	d.decisions(bottom - reserve - d.y)
	d.topRisks(false)
	d.scope(false)
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
	text := d.tf("pdf.kev_strip", num(s.ExploitedOpen), num(s.ExploitedInternet), num(s.KEVOldestDays), num(s.KEVPastDue))
	d.font(sizeBody)
	lh := d.lh()
	ls := d.clamp(d.lines(text, contentW-8), 2, contentW-8)
	h := float64(len(ls))*lh + 3
	d.pdf.SetFillColor(tint(colAlert, 0.9))
	d.pdf.Rect(marginL, d.y, contentW, h, "F")
	d.fillColor(colAlert)
	d.pdf.Rect(marginL, d.y, 1.5, h, "F")
	for i, l := range ls {
		d.putIn(marginL+5, d.y+1.5+float64(i)*lh, contentW-8, lh, l, 'L', marginL, d.y, contentW, h)
	}
	d.y += h + 3
}

// decisions prints the decisions management must make, as many as fit in
// height h (at most six), picked so that each kind appears.
func (d *doc) decisions(h float64) {
	end := d.y + h
	all := d.r.Decisions
	var counts []string
	for _, k := range decisionKinds() {
		n := 0
		for _, dc := range all {
			if dc.Kind == k {
				n++
			}
		}
		if n > 0 {
			counts = append(counts, fmt.Sprintf("%s %s", d.t("decision."+k), d.count(n)))
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
		{head: d.t("col.kind"), w: 24},
		{head: d.t("col.decision"), w: 90},
		{head: d.t("col.assignee"), w: 22},
		{head: d.t("col.due"), w: 17, align: 'C'},
	}, maxLines: 2, size: sizeSmall}
	row := func(dc report.Decision) []string {
		owner := dc.Owner
		if owner == "" {
			owner = d.f.owner(dc.System)
		}
		if owner == "" {
			owner = "—"
		}
		return []string{d.t("decision." + dc.Kind), d.tx(dc.Text), owner, day(dc.Due)}
	}
	for _, dc := range d.f.decisions {
		t.rows = append(t.rows, row(dc))
	}
	// Keep room for the "n of N" note and the rule below the table, then
	// show the first decisions that fit (every kind before a second of
	// any), sorted by due date.
	d.font(sizeSmall)
	noteH := float64(len(d.lines(d.shown(1, len(all), "section.decisions"), contentW)))*d.lh() + 1
	n := min(max(d.fits(t, end-d.y-noteH-1.5), 1), len(d.f.decisions))
	t.rows = nil
	for _, dc := range byDue(d.f.decisions[:n]) {
		t.rows = append(t.rows, row(dc))
	}
	d.table(t)
	d.note(d.shown(len(t.rows), len(all), "section.decisions"))
}

// topRisks prints the top five fix actions in plain words; with dry set it
// returns the height only.
func (d *doc) topRisks(dry bool) float64 {
	h := d.subHeight(d.t("pdf.top_risks"))
	d.font(sizeTable)
	lh := d.lh()
	acts := d.f.actions[:min(5, len(d.f.actions))]
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
		ls := d.clamp(d.lines(d.tx(a.Text), w), 2, w)
		h += float64(len(ls))*lh + 0.6
		if !dry {
			d.bulletN(fmt.Sprintf("%d.", i+1), d.tx(a.Text), 2)
		}
	}
	if len(acts) == 0 {
		h += lh
	}
	return h
}

// feedSummary describes the public feeds by kind: the latest date and,
// when several files of a kind were read, how many.
func (d *doc) feedSummary() []string {
	type kind struct {
		latest string
		files  int
	}
	var order []string
	kinds := map[string]*kind{}
	for _, f := range d.r.Sources.Feeds {
		k := kinds[f.Kind]
		if k == nil {
			k = &kind{}
			kinds[f.Kind] = k
			order = append(order, f.Kind)
		}
		k.files++
		if date := f.Date; len(date) >= 10 && date[:10] > k.latest {
			k.latest = date[:10]
		}
	}
	names := map[string]string{"kev": "KEV", "epss": "EPSS", "nvd": "NVD", "jvn": "JVN", "cve5": "CVE", "endoflife": "endoflife.date", "sbom": "SBOM", "osv": "OSV", "csaf": "Red Hat CSAF"}
	var out []string
	for _, k := range order {
		name := names[k]
		if name == "" {
			name = k
		}
		switch latest := kinds[k].latest; {
		case kinds[k].files > 1 && latest != "":
			out = append(out, d.tf("pdf.feed_files", name, kinds[k].files, latest))
		case kinds[k].files > 1:
			out = append(out, d.tf("pdf.feed_files_nodate", name, kinds[k].files))
		case latest != "":
			out = append(out, name+" "+latest)
		default:
			out = append(out, name)
		}
	}
	return out
}

// scope prints what the report covers; with dry set it returns the
// height only.
func (d *doc) scope(dry bool) float64 {
	s := d.r.Summary
	share := "—"
	if s.SystemsActive > 0 {
		share = pct(float64(s.SystemsCurrent) / float64(s.SystemsActive))
	}
	feedText := d.t("pdf.no_feeds")
	if feeds := d.feedSummary(); len(feeds) > 0 {
		feedText = d.list(feeds)
	}
	rows := [][2]string{
		{d.t("period"), d.tf("pdf.scope.period", month(d.r.AsOf, d.lang), day(d.r.AsOf))},
		{d.t("pdf.scope.systems"), d.tf("pdf.scope.systems_text", num(s.SystemsActive), num(s.Systems), num(s.Hosts), num(s.Components))},
		{d.t("pdf.scope.inventory"), d.tf("pdf.scope.inventory_text", num(s.SystemsCurrent), num(s.SystemsActive), share, d.r.Policy.StaleDays)},
		{d.t("feeds"), feedText},
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
