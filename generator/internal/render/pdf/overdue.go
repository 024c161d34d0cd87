package pdf

import (
	"slices"
	"strings"
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

	// SLA compliance, the time to remediate and the age of what is still
	// open share one table, one row per priority: what closed this month
	// (in time, how fast) beside what is open (age buckets with fixed
	// edges summing to the open count, and how many are past due).
	d.sub(d.t("pdf.sub.sla_age"), 30)
	age := map[model.Priority][4]int{}
	for _, row := range d.r.Posture.Age {
		age[row.Priority] = row.Buckets
	}
	mttr := map[model.Priority]report.MTTRRow{}
	for _, m := range d.r.Trends.MTTR {
		mttr[m.Priority] = m
	}
	// Japanese needs room for データなし, English for "31–90 days" and
	// "180 days": widths that keep every cell on one line in each.
	tw, mw, aw := 13.0, 16.0, 10.0
	if d.lang == i18n.EN {
		tw, mw, aw = 15, 13, 11.5
	}
	t := table{cols: []col{
		{head: d.t("priority"), w: 20, prio: true}, {head: d.t("trend.target_days"), w: tw, align: 'R'},
		{head: d.t("trend.closed"), w: 11, align: 'R'}, {head: d.t("trend.in_time"), w: 11, align: 'R'},
		{head: d.t("trend.sla"), w: 17, align: 'R'}, {head: d.t("pdf.mttr_mean"), w: mw, align: 'R'},
		{head: d.t("pdf.mttr_median"), w: mw, align: 'R'}, {head: d.t("pdf.age.lt7"), w: aw, align: 'R'},
		{head: d.t("pdf.age.7_30"), w: aw, align: 'R'}, {head: d.t("pdf.age.31_90"), w: aw, align: 'R'},
		{head: d.t("pdf.age.gt90"), w: aw, align: 'R'}, {head: d.t("trend.open"), w: 11, align: 'R'},
		{head: d.t("trend.past_due"), w: 13, align: 'R'},
	}, size: sizeSmall}
	for _, row := range d.r.Trends.SLA {
		rate, mean, median := d.t("nodata"), d.t("nodata"), d.t("nodata")
		if row.HasRate {
			rate = pct(row.Rate)
		}
		if m := mttr[row.Priority]; m.Count > 0 {
			mean, median = days(m.MeanDays), days(m.MedianDays)
		}
		b := age[row.Priority]
		t.addPrio(row.Priority, d.t(row.Priority.LabelKey()), i18n.Tn(d.lang, "pdf.days", row.TargetDays), num(row.Closed),
			num(row.ClosedInTime), rate, mean, median, num(b[0]), num(b[1]), num(b[2]), num(b[3]), num(row.OpenTotal), num(row.OpenPastDue))
	}
	d.table(t)
	d.note(d.t("pdf.mttr_note"))
	d.note(d.t("pdf.sla_note"))
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
		{head: d.t("col.ids"), w: 50}, {head: d.t("col.system"), w: 40}, {head: d.t("col.owner"), w: 22},
	}, maxLines: 3, size: sizeSmall}
	// One row per finding: a finding that became exploited and overdue at
	// once (a KEV entry past its due on arrival) reads as one item.
	type row struct {
		finding      string
		dates, kinds []string
	}
	var rows []row
	for _, e := range esc {
		if n := len(rows); n == 0 || rows[n-1].finding != e.Finding {
			rows = append(rows, row{finding: e.Finding})
		}
		r := &rows[len(rows)-1]
		if dd := day(e.Date); !slices.Contains(r.dates, dd) {
			r.dates = append(r.dates, dd)
		}
		r.kinds = append(r.kinds, d.t("escalated."+e.Kind))
	}
	for _, r := range rows[:min(maxShort, len(rows))] {
		f := d.f.escalated[r.finding]
		if f == nil {
			nf := model.New(nil, nil, nil, nil)
			nf.Key = r.finding
			f = &nf
		}
		t.addPrio(f.Priority, strings.Join(r.dates, "\n"), strings.Join(r.kinds, "\n"), f.Priority.String(), d.ids(f),
			d.sysName(f.System), d.dept(d.f.owner(f.System)))
	}
	d.table(t)
	d.note(d.shown(min(maxShort, len(rows)), len(rows), "section.escalated"))
}

// exploited covers exploited vulnerabilities on internet-facing systems.
func (d *doc) exploited() {
	s := d.r.Summary
	vs := d.vsPrev(s.ExploitedInternet, func(p *report.Previous) int { return p.ExploitedInternet })
	if s.ExploitedInternet == 0 {
		d.lead(d.tf("pdf.lead.exploited_none", vs, num(s.ExploitedOpen)))
	} else {
		d.lead(d.tf("pdf.lead.exploited", num(s.ExploitedInternet), vs, num(s.ExploitedOpen), num(s.KEVOpen), num(s.KEVPastDue), num(s.KEVOldestDays)))
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
		{head: d.t("col.due"), w: 17, align: 'C'}, {head: d.t("priority"), w: 10, prio: true}, {head: d.t("col.ids"), w: 46},
		{head: d.t("col.system"), w: 38}, {head: d.t("col.product"), w: 36}, {head: d.t("col.owner"), w: 20},
	}, maxLines: 3, size: sizeSmall}
	for _, f := range fs[:min(maxRows, len(fs))] {
		t.addPrio(f.Priority, day(f.Due), f.Priority.String(), d.ids(f), d.sysName(f.System),
			f.ProductName+" "+f.Version, d.dept(d.f.owner(f.System)))
	}
	d.table(t)
	d.note(d.shown(min(maxRows, len(fs)), total, sheet))
}
