package pdf

import (
	"cmp"
	"strings"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/report"
)

// stateMark names the state a list row must show beside an open finding:
// a temporary mitigation, an approved extension or an unapproved one. It
// is "" for a plain open finding, so a row never shows two states.
func (d *doc) stateMark(f *model.Finding) string {
	switch {
	case f.State == model.StateMitigated:
		return d.t("state.mitigated_mark")
	case f.DueSource == "remediation":
		return d.t("state.extended_mark")
	case !f.RequestedDue.IsZero():
		return d.t("state.unapproved_mark")
	}
	return ""
}

// withMark appends a finding's state mark to a cell on a line of its own.
func (d *doc) withMark(cell string, f *model.Finding) string {
	if m := d.stateMark(f); m != "" {
		return cell + "\n［" + m + "］"
	}
	return cell
}

// exceptions prints the exceptions register: moved due dates first (the
// unapproved ones before all), then acceptances, mitigations and
// not-affected decisions, with the original and new dates, the approver,
// the reason and the days extended.
func (d *doc) exceptions() {
	s := d.r.Summary
	ex := d.r.Exceptions
	moved := 0
	for _, e := range ex {
		if e.DueMoved {
			moved++
		}
	}
	d.lead(d.tf("pdf.lead.exceptions", num(len(ex)), num(moved), num(s.Extensions), num(s.ExtensionsUnapproved), num(s.Overdue), num(s.OverdueSLA)))
	// English kinds ("Mitigated (temporary)") need a wider column than
	// Japanese ones to break between words, never inside one.
	kindW := 16.0
	if d.lang == i18n.EN {
		kindW = 20
	}
	t := table{cols: []col{
		{head: d.t("col.kind"), w: kindW}, {head: d.t("col.system"), w: 22}, {head: d.t("col.advisory"), w: 29},
		{head: d.t("col.sla_due"), w: 16, align: 'C'}, {head: d.t("col.new_due"), w: 16, align: 'C'},
		{head: d.t("col.extension"), w: 12, align: 'R'}, {head: d.t("col.approved_by"), w: 21}, {head: d.t("col.reason"), w: 44},
	}, maxLines: 3, size: sizeSmall}
	for _, e := range ex[:min(maxRows, len(ex))] {
		kind := d.t("exception." + e.Kind)
		if e.DueMoved && e.Kind != report.ExceptionDueMoved {
			kind += "\n+ " + d.t("exception.due_moved")
		}
		approver := e.ApprovedBy
		if !e.Honoured {
			approver = "▲ " + d.t("exception.unapproved")
		}
		what := e.Advisory
		if what == "*" || what == "" {
			what = d.t("pdf.all_advisories")
		}
		if e.Product != "" {
			// The product by name on a line of its own, never the raw key
			// nor an id broken across lines.
			name := cmp.Or(e.ProductName, e.Product)
			what = strings.TrimSpace(what + "\n" + name)
		}
		newDue, ext := "—", "—"
		if e.DueMoved {
			newDue, ext = day(e.NewDue), signed(e.ExtensionDays)
			if n := e.Shortened(); n > 0 {
				ext = d.tf("extension.shortened", num(n))
			}
		}
		if e.Kind == report.ExceptionAccepted {
			// The label above the date keeps the column as narrow as a date.
			newDue = d.t("pdf.review_label") + "\n" + day(e.Expires)
			switch {
			case e.Expired:
				newDue += "\n▲ " + d.t("exception.expired")
			case e.ExpiringSoon:
				newDue += "\n▲ " + d.t("exception.expiring")
			}
		}
		reason := e.Reason
		if e.Ticket != "" || e.Cost != "" {
			reason = strings.TrimSpace(reason + "\n" + strings.Trim(e.Ticket+" "+costText(e), " "))
		}
		system := d.sysName(e.System)
		if e.System == "*" || e.System == "" {
			system = d.t("pdf.all_systems")
		}
		t.rows = append(t.rows, []string{kind, system, what, day(e.SLADue), newDue, ext, approver, reason})
	}
	d.table(t)
	d.note(d.shownAlways(min(maxRows, len(ex)), len(ex), "section.exceptions"))
}

// costText prints a record's cost as written.
func costText(e report.Exception) string {
	if e.Cost == "" {
		return ""
	}
	return "¥" + strings.TrimPrefix(e.Cost, "¥")
}

// scorecards prints one row per department, worst first: open findings by
// priority, the two overdue figures, what falls due in the next days, time
// to remediate, SLA compliance and the change since last month.
func (d *doc) scorecards() {
	sc := d.r.Scorecards
	// Systems with no registered owner are no department: they are not
	// counted, and their open findings are called out as owned by nobody.
	s := d.r.Summary
	lead := d.tf("pdf.lead.scorecards", num(s.Departments), num(s.OverdueActions))
	if s.UnownedOpen > 0 {
		lead += d.t("sentence.sep") + d.tf("unowned.alert", num(s.UnownedOpen), num(s.UnownedOverdue))
	}
	d.lead(lead)
	t := table{cols: []col{
		{head: d.t("col.department"), w: 23}, {head: model.P1.String(), w: 8.5, align: 'R'}, {head: model.P2.String(), w: 8.5, align: 'R'},
		{head: model.P3.String(), w: 8.5, align: 'R'}, {head: model.P4.String(), w: 8.5, align: 'R'},
		{head: d.t(i18n.TermOverdueFindings), w: 15, align: 'R'}, {head: d.t(i18n.TermOverdueActions), w: 15, align: 'R'},
		{head: d.tf("pdf.due_within", d.r.Policy.DueSoonDays), w: 14, align: 'R'},
		{head: d.t("col.eol_in_use"), w: 11, align: 'R'}, {head: d.t("col.mttr"), w: 16, align: 'R'},
		{head: d.t("col.sla_rate"), w: 17, align: 'R'}, {head: d.t("col.change_pair"), w: 21, align: 'R'},
	}, size: sizeSmall}
	for _, c := range sc[:min(maxRows, len(sc))] {
		mttr, sla, change := d.t("nodata"), d.t("nodata"), d.t("nodata")
		if c.HasMTTR {
			mttr = days(c.MTTRDays)
		}
		if c.HasSLA {
			sla = pct(c.SLARate)
		}
		if c.HasPrev {
			change = d.tf("pdf.change_open_overdue", signed(c.OpenTotal-c.PrevOpen), signed(c.OverdueFindings-c.PrevOverdue))
		}
		t.rows = append(t.rows, []string{d.tx(c.Name), num(c.Open[0]), num(c.Open[1]), num(c.Open[2]), num(c.Open[3]),
			num(c.OverdueFindings), num(c.OverdueActions), num(c.DueSoon), num(c.EOL), mttr, sla, change})
	}
	d.table(t)
	d.note(d.shownAlways(min(maxRows, len(sc)), len(sc), "section.scorecards"))
	d.note(d.t("pdf.scorecard_note"))
}

// ids names a finding's vulnerability for a person: its ids joined
// (without GHSA ids, see shortIDs), or
// "end of life" with the product for an end-of-life finding, never the
// internal EOL-… id.
func (d *doc) ids(f *model.Finding) string {
	if f.Kind == model.KindEOL {
		return d.t("kind.eol") + " (" + f.ProductName + ")"
	}
	return shortIDs(f)
}
