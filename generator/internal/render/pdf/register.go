package pdf

import (
	"slices"
	"strings"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/report"
)

// acceptances prints the risk-acceptance register: who approved what and
// why, until when, with expired and soon-expiring entries flagged.
func (d *doc) acceptances() {
	acc := d.r.Acceptances
	expired, soon := 0, 0
	for _, a := range acc {
		switch {
		case a.Expired:
			expired++
		case a.ExpiringSoon:
			soon++
		}
	}
	if len(acc) == 0 {
		d.lead(d.t("pdf.lead.acceptances_none"))
	} else {
		d.lead(d.tf("pdf.lead.acceptances", num(len(acc)), num(expired), num(soon), d.r.Policy.AcceptanceDays))
	}
	t := table{cols: []col{
		{head: d.t("col.system"), w: 26}, {head: d.t("col.advisory"), w: 26}, {head: d.t("col.approved_by"), w: 18},
		{head: d.t("col.justification"), w: 60}, {head: d.t("col.expires"), w: 17, align: 'C'},
		{head: d.t("col.status"), w: 16}, {head: d.t("col.findings"), w: 12, align: 'R'},
	}, maxLines: 6}
	for _, a := range acc[:min(maxRows, len(acc))] {
		status := ""
		switch {
		case a.Expired:
			status = "▲ " + d.t("expired")
		case a.ExpiringSoon:
			status = "▲ " + d.t("expiring_soon")
		}
		what := a.Advisory
		if what == "*" {
			what = d.t("pdf.all_advisories")
		}
		if a.Product != "" {
			what = strings.TrimSpace(what + " " + a.Product)
		}
		just := a.Justification
		if a.Notes != "" {
			just += "\n" + a.Notes
		}
		t.rows = append(t.rows, []string{d.sysName(a.System), what, a.ApprovedBy, just, day(a.Expires), status, num(a.Findings)})
	}
	d.table(t)
	d.note(d.shown(min(maxRows, len(acc)), len(acc), "section.acceptances"))
}

// notifications prints reports received from outside (IPA, finders) with
// when they were received and acknowledged, and their status.
func (d *doc) notifications() {
	ns := d.r.Notifications
	late, open := 0, 0
	for _, n := range ns {
		if n.AckLate {
			late++
		}
		if n.Status != "closed" {
			open++
		}
	}
	if len(ns) == 0 {
		d.lead(d.t("pdf.lead.notifications_none"))
	} else {
		d.lead(d.tf("pdf.lead.notifications", num(len(ns)), num(late), d.r.Policy.AckDays, num(open)))
	}
	t := table{cols: []col{
		{head: d.t("col.received"), w: 17, align: 'C'}, {head: d.t("col.from"), w: 14}, {head: d.t("col.system"), w: 28},
		{head: d.t("col.summary"), w: 69}, {head: d.t("col.acknowledged"), w: 24}, {head: d.t("col.status"), w: 11},
	}, maxLines: 4, size: sizeSmall}
	for _, n := range ns[:min(maxRows, len(ns))] {
		ack := day(n.Acknowledged) + " (" + i18n.Tn(d.lang, "pdf.days", n.AckDays) + ")"
		if n.Acknowledged.IsZero() {
			ack = i18n.Tn(d.lang, "pdf.not_acknowledged", n.AckDays)
		}
		if n.AckLate {
			ack += "\n▲ " + d.t("ack_late")
		}
		summary := d.tx(n.Summary)
		if n.Advisory != "" {
			summary += " (" + n.Advisory + ")"
		}
		t.rows = append(t.rows, []string{day(n.Received), d.t("from." + n.From), d.sysName(n.System), summary, ack,
			d.t("nstatus." + n.Status)})
	}
	d.table(t)
	d.note(d.shown(min(maxRows, len(ns)), len(ns), "section.notifications"))
}

// contracts prints contractor-run systems whose contracts miss the guide's
// clauses, and websites past their inspection interval.
func (d *doc) contracts() {
	ci := d.r.Posture.ContractIssues
	insp := d.r.Posture.InspectionOverdue
	if len(ci) == 0 && len(insp) == 0 {
		d.lead(d.tf("pdf.lead.contracts_none", d.r.Policy.InspectionDays))
	} else {
		d.lead(d.tf("pdf.lead.contracts", num(len(ci)), num(len(insp)), d.r.Policy.InspectionDays))
	}
	// One column per clause of the guide, so each system takes one line
	// and a missing clause reads the same in every row.
	gapCodes := []string{report.GapMaintenanceExpired, report.GapPostDelivery, report.GapKnownVulnFree,
		report.GapInspection, report.GapEmergency}
	cols := []col{{head: d.t("col.system"), w: 38}, {head: d.t("col.contractor"), w: 37}}
	for _, g := range gapCodes {
		cols = append(cols, col{head: d.t("pdf.gap_short." + g), w: 15})
	}
	t := table{cols: append(cols, col{head: d.t("pdf.open_p1p2"), w: 14, align: 'R'}), maxLines: 3, size: sizeSmall}
	for _, c := range ci[:min(maxRows, len(ci))] {
		row := []string{d.sysName(c.System), c.Contractor}
		for _, g := range gapCodes {
			cell := ""
			if slices.Contains(c.Gaps, g) {
				cell = d.t("pdf.gap_mark." + g)
			}
			row = append(row, cell)
		}
		s := d.f.system(c.System)
		t.rows = append(t.rows, append(row, num(s.Open[model.P1]+s.Open[model.P2])))
	}
	d.table(t)
	d.note(d.shown(min(maxRows, len(ci)), len(ci), "section.contracts"))

	d.sub(d.t("pdf.sub.inspection"), 25)
	t = table{cols: []col{
		{head: d.t("col.system"), w: 50}, {head: d.t("col.last_inspection"), w: 24, align: 'C'},
		{head: d.t("pdf.days_since"), w: 20, align: 'R'}, {head: d.t("col.contractor"), w: 44}, {head: d.t("col.owner"), w: 26},
	}, maxLines: 3}
	for _, id := range insp[:min(maxRows, len(insp))] {
		s := d.f.system(id)
		since := d.t("pdf.never")
		if !s.LastInspection.IsZero() {
			since = num(report.DaysBetween(s.LastInspection, d.r.AsOf))
		}
		t.rows = append(t.rows, []string{d.sysName(id), day(s.LastInspection), since, s.Contractor, d.dept(s.Owner)})
	}
	d.table(t)
	d.note(d.shown(min(maxRows, len(insp)), len(insp), "section.contracts"))
}
