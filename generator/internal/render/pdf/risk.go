package pdf

import (
	"strings"

	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/report"
)

// vsPrev describes the change of a figure since last month, or says there
// is no earlier month.
func (d *doc) vsPrev(now int, prev func(*report.Previous) int) string {
	p := d.r.Summary.Prev
	if p == nil {
		return d.t("pdf.no_prev")
	}
	return d.tf("pdf.vs_prev", signed(now-prev(p)))
}

// risk is the risk overview: open findings by priority, and by system
// category and exposure, with the systems carrying most of it.
func (d *doc) risk() {
	s := d.r.Summary
	d.lead(d.tf("pdf.lead.risk", num(s.OpenTotal), num(s.Open[model.P1]), num(s.Open[model.P2]), num(s.Open[model.P3]), num(s.Open[model.P4]),
		d.vsPrev(s.OpenTotal, func(p *report.Previous) int { return p.OpenTotal })))
	ch := d.ch
	const h = 54.0
	d.need(h)
	y := d.y
	half := (contentW - 8) / 2
	d.barV(ch.OpenByPriority, d.chartTitle(ch.OpenByPriority.Title, "pdf.chart.open_by_priority"), marginL, y, half, h)
	d.barH(ch.PriorityByExposure, d.chartTitle(ch.PriorityByExposure.Title, "pdf.chart.by_exposure"), marginL+half+8, y, half, h*0.62)
	d.y = y + h + 3
	d.need(40)
	d.barH(ch.PriorityByCategory, d.chartTitle(ch.PriorityByCategory.Title, "pdf.chart.by_category"), marginL, d.y, contentW, 38)
	d.y += 41
}

// reasons returns a finding's reasons without the leading priority, which
// its own column shows.
func reasons(text string) string {
	if i := strings.Index(text, ": "); i >= 0 && i <= 3 {
		return text[i+2:]
	}
	return text
}

// instruction returns the "upgrade X on Y to v or later" part of an
// action's text, without the counts that the table shows in columns.
func instruction(text string) string {
	if i := strings.LastIndex(text, ": "); i > 0 {
		return text[:i]
	}
	return text
}

// topActions lists the top ten fix actions: what to do where, findings
// closed, hosts, share of open risk removed, department, due date and
// which of the four steps it is in.
func (d *doc) topActions() {
	acts := d.f.ranked[:min(10, len(d.f.ranked))]
	share := 0.0
	for _, a := range acts {
		share += a.RiskShare
	}
	d.lead(d.tf("pdf.lead.top_actions", num(d.r.Summary.Actions), len(acts), pct(share)))
	t := table{cols: []col{
		{head: "#", w: 5, align: 'R'}, {head: d.t("priority"), w: 10, prio: true}, {head: d.t("col.fix"), w: 56},
		{head: d.t("col.findings"), w: 11, align: 'R'}, {head: d.t("col.hosts"), w: 9, align: 'R'},
		{head: d.t("col.risk_share"), w: 13, align: 'R'}, {head: d.t("col.owner"), w: 17},
		{head: d.t("col.due"), w: 16, align: 'C'}, {head: d.t("col.rank_reasons"), w: 38},
	}, maxLines: 6, size: sizeSmall}
	for _, a := range acts {
		t.addPrio(a.TopPriority, num(a.Rank), a.TopPriority.String(), d.completedOpen(a)+instruction(a.Sentence(d.lang)), num(len(a.Findings)), num(a.Hosts),
			pct(a.RiskShare), d.dept(a.Department), day(a.Due), points(a.Points())+": "+a.Score().ReasonText(d.lang, 3))
	}
	d.table(t)
	d.note(d.shownAlways(len(acts), d.r.Summary.Actions, "section.actions"))
}

// completedOpen marks an action whose completion is recorded while its
// findings are still open, so a ranked item never reads as untouched
// work nor as done (the workbook's plan sheet gives the date).
func (d *doc) completedOpen(a *report.Action) string {
	if a.Completed.IsZero() {
		return ""
	}
	return "［" + d.t("pdf.completed_open") + "］"
}
