package pdf

import (
	"strings"

	"vulnreport/generator/internal/chart"
	"vulnreport/generator/internal/i18n"
)

// trends prints the twelve-month open trend and the monthly flow of new
// and resolved findings.
func (d *doc) trends() {
	t := d.r.Trends
	net := t.New - t.Resolved
	d.lead(d.tf("pdf.lead.trends", num(t.New), num(t.Resolved), num(t.Reopened), signed(net), len(t.Months)))
	// The trend and the monthly flow sit side by side: two short charts
	// read as well as stacked ones and keep the body near ten pages.
	const h = 56.0
	d.need(h)
	lw := contentW * 0.56
	d.lineChart(d.ch.Trend, d.chartTitle(d.ch.Trend.Title, "pdf.chart.trend"), marginL, d.y, lw, h, d.r.AsOf)
	flow := lastBars(d.ch.Flow, 12)
	d.barV(flow, d.chartTitle(flow.Title, "pdf.chart.flow"), marginL+lw+4, d.y, contentW-lw-4, h-2)
	d.y += h + 3

	d.sub(d.t("pdf.sub.flow"), 20)
	tb := table{cols: []col{
		{head: d.t("trend.new"), w: 1, align: 'R'}, {head: d.t("trend.resolved"), w: 1, align: 'R'},
		{head: d.t("trend.reopened"), w: 1, align: 'R'}, {head: d.t("trend.carried"), w: 1, align: 'R'},
		{head: d.t("trend.net"), w: 1, align: 'R'}, {head: d.t("state.mitigated"), w: 1, align: 'R'},
		{head: d.t("state.accepted"), w: 1, align: 'R'},
	}, rows: [][]string{{num(t.New), num(t.Resolved), num(t.Reopened), num(t.Carried), signed(net),
		num(d.r.Summary.Mitigated), num(d.r.Summary.Accepted)}}}
	d.table(tb)
	d.note(d.t("pdf.flow_note"))

	// Time to remediate by priority is in section 4, beside SLA
	// compliance and the age of what is open.
}

// lastBars keeps the last n categories of a bar chart.
func lastBars(b chart.Bar, n int) chart.Bar {
	from := max(0, len(b.Categories)-n)
	out := b
	out.Categories = b.Categories[from:]
	out.Series = make([]chart.Series, len(b.Series))
	for i, s := range b.Series {
		s.Values = s.Values[min(from, len(s.Values)):]
		out.Series[i] = s
	}
	return out
}

// quality prints the data-quality paragraph, its counts, and the rejected
// records with where they are.
func (d *doc) quality() {
	q := d.r.Quality
	p := d.r.Posture
	s := d.r.Summary
	d.lead(d.tf("pdf.lead.quality", num(q.Read), num(q.Accepted), num(q.Rejected), num(q.Errors), num(q.Warnings)))
	installed := 0
	for _, k := range d.r.KEVUnmatched {
		if k.Installed {
			installed++
		}
	}
	// Records read, accepted and rejected are the lead's sentence; the
	// table lists the other checks.
	rows := [][]string{
		{d.t("remediation_reviews"), num(len(q.Reviews))},
		{d.t("unmatched_products"), num(len(q.Unmatched))},
		{d.t("bad_versions"), num(len(q.BadVersions))},
		{d.t("pdf.q.stale"), d.countList(p.StaleInventory)},
		{d.t("pdf.q.no_owner"), d.countList(p.NoOwner)},
		{d.t("state.confirm"), num(s.NeedsConfirmation)},
		{d.t("section.kev_unmatched"), d.tf("pdf.q.kev_unmatched", num(len(d.r.KEVUnmatched)), num(installed))},
	}
	if len(d.r.Scans) > 0 {
		text := d.r.ScanAlert(d.lang)
		if text == "" {
			text = d.tf("scan.q.fine", num(len(d.r.Scans)))
		}
		rows = append(rows, []string{d.t("site.scans"), text})
	}
	d.table(table{cols: []col{{head: d.t("pdf.q.item"), w: 60}, {head: d.t("col.count"), w: 114}}, rows: rows, maxLines: 4, size: sizeSmall})
	d.note(d.t("pdf.quality_detail_note"))
}

// qualityDetail prints, in the appendix, the records behind the body's
// data-quality counts: rejected records with where they are, remediation
// records to review and software that matches nothing.
func (d *doc) qualityDetail() {
	q := d.r.Quality
	rej := q.Rejections
	d.sub(d.t("rejected_records"), 20)
	t := table{cols: []col{
		{head: d.t("col.location"), w: 40}, {head: d.t("col.kind"), w: 22}, {head: "ID", w: 26}, {head: d.t("col.reason"), w: 86},
	}, maxLines: 4}
	for _, r := range rej[:min(maxRows, len(rej))] {
		reasons := make([]string, len(r.Reasons))
		for i, x := range r.Reasons {
			reasons[i] = i18n.TranslateLine(d.lang, x)
		}
		t.rows = append(t.rows, []string{r.Location, r.Kind, r.ID, strings.Join(reasons, "\n")})
	}
	d.table(t)
	d.note(d.shown(min(maxRows, len(rej)), len(rej), "section.quality"))

	if len(q.Reviews) > 0 {
		d.sub(d.t("remediation_reviews"), 20)
		t = table{cols: []col{
			{head: d.t("col.location"), w: 40}, {head: d.t("col.kind"), w: 26}, {head: d.t("col.findings"), w: 18}, {head: d.t("col.reason"), w: 90},
		}, maxLines: 4}
		for _, x := range q.Reviews[:min(maxRows, len(q.Reviews))] {
			t.rows = append(t.rows, []string{x.At, d.t("review." + x.Kind), num(x.Findings), d.tx(x.Text)})
		}
		d.table(t)
		d.note(d.shown(min(maxRows, len(q.Reviews)), len(q.Reviews), "section.quality"))
	}

	if len(q.Unmatched) > 0 {
		d.sub(d.t("unmatched_products"), 20)
		t = table{cols: []col{
			{head: d.t("col.system"), w: 40}, {head: d.t("col.product"), w: 70}, {head: d.t("col.version"), w: 30},
			{head: d.t("col.location"), w: 34},
		}, maxLines: 3}
		// The full list is in the workbook: the body shows the first few.
		for _, c := range q.Unmatched[:min(maxShort, len(q.Unmatched))] {
			t.rows = append(t.rows, []string{d.sysName(c.System), c.ProductName + " (" + c.Product + ")", c.Version, c.At})
		}
		d.table(t)
		d.note(d.shown(min(maxShort, len(q.Unmatched)), len(q.Unmatched), "section.quality"))
	}
}

// countList formats "3 (a, b, c)" with system names, at most ten named.
func (d *doc) countList(ids []string) string {
	if len(ids) == 0 {
		return "0"
	}
	var names []string
	for _, id := range ids[:min(10, len(ids))] {
		names = append(names, d.sysName(id))
	}
	s := num(len(ids)) + " (" + d.list(names)
	if len(ids) > 10 {
		s += d.t("pdf.list_sep") + "…"
	}
	return s + ")"
}
