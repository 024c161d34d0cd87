package pdf

import (
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/report"
)

// maxShort is the most rows of the secondary lists of a section (overdue
// actions, due soon, escalations); the workbook has them all.
const maxShort = 10

// overdue covers overdue items and SLA compliance: compliance by
// priority, the age × priority matrix, overdue fix actions, the
// departments worst first, what falls due in the coming days and what
// became more urgent since the last report.
func (d *doc) overdue() {
	s := d.r.Summary
	vs := d.vsPrev(s.Overdue, func(p *report.Previous) int { return p.Overdue })
	if s.HasSLARate {
		d.lead(d.tf("pdf.lead.overdue", num(s.Overdue), vs, pct(s.SLARate)))
	} else {
		d.lead(d.tf("pdf.lead.overdue_norate", num(s.Overdue), vs))
	}

	d.sub(d.t("pdf.sub.sla"), 30)
	t := table{cols: []col{
		{head: d.t("priority"), w: 26, prio: true}, {head: d.t("trend.target_days"), w: 16, align: 'R'},
		{head: d.t("trend.closed"), w: 16, align: 'R'}, {head: d.t("trend.in_time"), w: 16, align: 'R'},
		{head: d.t("trend.sla"), w: 18, align: 'R'}, {head: d.t("trend.open"), w: 16, align: 'R'},
		{head: d.t("trend.past_due"), w: 20, align: 'R'},
	}}
	for _, row := range d.r.Trends.SLA {
		rate := d.t("nodata")
		if row.HasRate {
			rate = pct(row.Rate)
		}
		t.addPrio(row.Priority, d.t(row.Priority.LabelKey()), d.tf("pdf.days", row.TargetDays), num(row.Closed),
			num(row.ClosedInTime), rate, num(row.OpenTotal), num(row.OpenPastDue))
	}
	d.table(t)
	d.note(d.t("pdf.sla_note"))

	d.sub(d.t("section.age"), 30)
	t = table{cols: []col{
		{head: d.t("priority"), w: 26, prio: true}, {head: d.t("pdf.age.lt7"), w: 18, align: 'R'},
		{head: d.t("pdf.age.7_30"), w: 18, align: 'R'}, {head: d.t("pdf.age.31_90"), w: 18, align: 'R'},
		{head: d.t("pdf.age.gt90"), w: 18, align: 'R'}, {head: d.t("pdf.total"), w: 18, align: 'R'},
	}}
	for _, row := range d.r.Posture.Age {
		total := 0
		cells := []string{d.t(row.Priority.LabelKey())}
		for _, n := range row.Buckets {
			cells = append(cells, num(n))
			total += n
		}
		t.addPrio(row.Priority, append(cells, num(total))...)
	}
	d.table(t)

	d.note(d.t("pdf.age_note"))

	// The overdue fix actions are the same actions as the top ten and the
	// P1/P2 plan (sections 3 and 10): the body names their count and the
	// sheet that lists them all rather than a third table of them.
	d.note(d.tf("pdf.overdue_actions_moved", d.tf("pdf.sub.overdue_actions_n", d.t(i18n.TermOverdueActions), num(len(d.f.overdue))),
		d.sheetName("section.actions"), d.t("col.overdue")))

	d.sub(d.tf("pdf.sub.due_soon", d.r.Policy.DueSoonDays), 25)
	d.findingList(d.f.dueSoon[:min(maxShort, len(d.f.dueSoon))], len(d.r.Posture.DueSoon), "section.due_soon")

	d.sub(d.t("section.escalated"), 25)
	esc := d.r.Trends.Escalated
	t = table{cols: []col{
		{head: d.t("pdf.date"), w: 17, align: 'C'}, {head: d.t("col.kind"), w: 24}, {head: d.t("priority"), w: 10, prio: true},
		{head: d.t("col.ids"), w: 45}, {head: d.t("col.system"), w: 40}, {head: d.t("col.owner"), w: 24},
	}, maxLines: 3}
	for _, e := range esc[:min(maxShort, len(esc))] {
		f := d.f.escalated[e.Finding]
		if f == nil {
			nf := model.New(nil, nil, nil, nil)
			nf.Key = e.Finding
			f = &nf
		}
		t.addPrio(f.Priority, day(e.Date), d.t("escalated."+e.Kind), f.Priority.String(), d.ids(f),
			d.sysName(f.System), d.dept(d.f.owner(f.System)))
	}
	d.table(t)
	d.note(d.shown(min(maxShort, len(esc)), len(esc), "section.escalated"))
}

// exploited covers exploited vulnerabilities on internet-facing systems.
func (d *doc) exploited() {
	s := d.r.Summary
	vs := d.vsPrev(s.ExploitedInternet, func(p *report.Previous) int { return p.ExploitedInternet })
	if s.ExploitedInternet == 0 {
		d.lead(d.tf("pdf.lead.exploited_none", vs, num(s.ExploitedOpen)))
	} else {
		d.lead(d.tf("pdf.lead.exploited", num(s.ExploitedInternet), vs, num(s.ExploitedOpen), num(s.KEVOldestDays), num(s.KEVPastDue)))
	}
	// One row per system, one line per product: every finding is named
	// (the body never leaves one out) and the table stays short; the
	// workbook's findings sheet has each finding's own row.
	t := table{cols: []col{
		{head: d.t("priority"), w: 9, prio: true}, {head: d.t("col.system"), w: 34}, {head: d.t("col.owner"), w: 20},
		{head: d.t("col.findings"), w: 10, align: 'R'}, {head: d.t("pdf.kev_first_due"), w: 17, align: 'C'},
		{head: d.t("pdf.kev_products"), w: 92},
	}, size: sizeSmall}
	for _, g := range groupKEV(d.f.kev) {
		t.addPrio(g.prio, g.prio.String(), d.sysName(g.system), d.dept(d.f.owner(g.system)), num(g.n), day(g.firstDue), d.kevCell(g))
	}
	d.table(t)
	d.note(d.tf("pdf.kev_all_note", d.sheetName("section.findings")))
	if n := len(d.r.KEVUnmatched); n > 0 {
		d.note(d.tf("pdf.kev_unmatched_note", num(n)))
	}
}

// findingList prints findings with their due dates (at most maxRows).
func (d *doc) findingList(fs []*model.Finding, total int, sheet string) {
	t := table{cols: []col{
		{head: d.t("col.due"), w: 17, align: 'C'}, {head: d.t("priority"), w: 10, prio: true}, {head: d.t("col.ids"), w: 40},
		{head: d.t("col.system"), w: 36}, {head: d.t("col.product"), w: 34}, {head: d.t("col.owner"), w: 22},
	}, maxLines: 3}
	for _, f := range fs[:min(maxRows, len(fs))] {
		t.addPrio(f.Priority, day(f.Due), f.Priority.String(), d.ids(f), d.sysName(f.System),
			f.ProductName+" "+f.Version, d.dept(d.f.owner(f.System)))
	}
	d.table(t)
	d.note(d.shown(min(maxRows, len(fs)), total, sheet))
}
