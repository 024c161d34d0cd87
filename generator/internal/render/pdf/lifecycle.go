package pdf

import (
	"slices"

	"vulnreport/generator/internal/chart"
	"vulnreport/generator/internal/report"
)

// maxGanttRows is the most release lines the timeline draws.
const maxGanttRows = 20

// minGanttRowH and maxGanttRowH bound the height of a timeline row: the
// least that stays legible and the most a short timeline takes.
const (
	minGanttRowH = 3.6
	maxGanttRowH = 4.2
)

// maxLifecycleRows is the most end-of-life lines the table lists; the
// workbook has them all.
const maxLifecycleRows = 6

// lifecycle draws the support timeline of the release lines in use and
// lists end-of-life software with planned replacements.
func (d *doc) lifecycle() {
	s := d.r.Summary
	d.lead(d.tf("pdf.lead.lifecycle", num(s.EOLInUse), num(s.EOLSoon[0]), num(s.EOLSoon[1]), num(s.EOLSoon[2])))
	horizon := d.r.AsOf.AddDate(1, 0, 0)
	g := d.ch.Timeline
	var rows []chart.Row
	var lines []report.Line
	relevant := 0
	for i, l := range d.r.Lifecycle {
		if l.EOL.IsZero() || l.EOL.After(horizon) {
			continue
		}
		relevant++
		if len(rows) < maxGanttRows && i < len(g.Rows) {
			rows = append(rows, g.Rows[i])
			lines = append(lines, l)
		}
	}
	if len(rows) > 0 {
		// Rows shrink to fit the page, but never below legibility: a
		// timeline squeezed into the page's last centimetres starts a page.
		rowH := min(maxGanttRowH, (bottom-d.y-34)/float64(len(rows)))
		if rowH < minGanttRowH {
			d.newPage()
			rowH = min(maxGanttRowH, (bottom-d.y-34)/float64(len(rows)))
		}
		d.y += d.gantt(g, rows, d.chartTitle(g.Title, "pdf.chart.timeline"), marginL, d.y, contentW, rowH)
	}
	d.note(d.tf("pdf.gantt_note", len(rows), len(d.r.Lifecycle)))

	// The counts now and within 3, 6 and 12 months are the lead's: the
	// subsection lists the lines themselves.
	d.sub(d.t("section.eol"), 40)
	t := table{cols: []col{
		{head: d.t("col.product"), w: 34}, {head: d.t("lifecycle"), w: 22}, {head: d.t("lifecycle.eol"), w: 19, align: 'C'},
		{head: d.t("col.system"), w: 42}, {head: d.t("col.owner"), w: 26}, {head: d.t("col.hosts"), w: 10, align: 'R'},
		{head: d.t("col.replacement"), w: 19, align: 'C'},
	}, maxLines: 3}
	for _, l := range lines[:min(maxLifecycleRows, len(lines))] {
		var names, owners []string
		for _, id := range l.Systems {
			names = append(names, d.sysName(id))
			if o := d.f.owner(id); o != "" && !slices.Contains(owners, o) {
				owners = append(owners, o)
			}
		}
		repl := day(l.Replacement)
		if l.Replacement.IsZero() {
			repl = d.t("pdf.unplanned")
		}
		t.rows = append(t.rows, []string{l.ProductName + " " + l.Cycle, d.t("lifecycle." + string(l.Status)), day(l.EOL),
			d.list(names), d.list(owners), num(l.Hosts), repl})
	}
	d.table(t)
	d.note(d.shown(min(maxLifecycleRows, len(lines)), relevant, "section.lifecycle"))
	if len(d.r.Posture.ClientEOL) > 0 {
		var names []string
		for _, id := range d.r.Posture.ClientEOL {
			names = append(names, d.sysName(id))
		}
		d.note(d.tf("pdf.client_eol", d.list(names)))
	}
}

// plan shows the remediation plan by department: where each department's
// fix actions are in the guide's four steps, and the P1/P2 actions with
// their due and planned dates.
func (d *doc) plan() {
	p := d.f.plan
	// Systems with no registered owner are no department (§9 counts the
	// same way); their actions are listed under department.none.
	depts := 0
	for _, row := range p.depts {
		if row.dept != "" {
			depts++
		}
	}
	d.lead(d.tf("pdf.lead.plan", num(d.r.Summary.Actions), num(depts), num(p.urgentN), num(p.notStarted)))
	d.sub(d.t("pdf.sub.plan_urgent"), 30)
	t := table{cols: []col{
		{head: d.t("col.owner"), w: 18}, {head: d.t("priority"), w: 10, prio: true}, {head: d.t("col.fix"), w: 76},
		{head: d.t("col.due"), w: 17, align: 'C'}, {head: d.t("col.planned"), w: 17, align: 'C'}, {head: d.t("stage"), w: 28},
	}, maxLines: 3, size: sizeSmall}
	for _, a := range p.urgent[:min(10, len(p.urgent))] {
		t.addPrio(a.TopPriority, d.dept(a.Department), a.TopPriority.String(), instruction(a.Sentence(d.lang)), day(a.Due),
			day(a.Planned), d.actionStage(a))
	}
	d.table(t)
	d.note(d.shown(min(10, len(p.urgent)), p.urgentN, "section.plan"))
}
