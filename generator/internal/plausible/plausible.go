// Package plausible checks the dates of a loaded snapshot against the
// as-of date: a date in the future where a field records something that
// has happened (a completion, a publication, an installation, an
// inspection, a receipt) is warned about with its record's position, and
// a risk acceptance that runs beyond the policy's max_acceptance_days is
// capped with a warning. Neither rejects a record: the field is suspect,
// the record is not (class c of the README's three classes). The caps only
// ever make an acceptance end sooner, so the report never looks better
// than the data.
package plausible

import (
	"time"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/notification"
	"vulnreport/generator/internal/remediation"
	"vulnreport/generator/internal/source"
)

// Input is what the checks read. Remediations is changed in place: an
// acceptance's Expires is capped.
type Input struct {
	AsOf              time.Time
	MaxAcceptanceDays int
	Systems           []inventory.System
	Components        []inventory.Component
	Changes           []inventory.Change
	Advisories        []advisory.Advisory
	Remediations      []remediation.Record
	Notifications     []notification.Notification
}

const layout = "2006-01-02"

// Check warns about every date in the future where the field records
// something that has happened, and caps acceptances at the policy's
// maximum. It returns the number of acceptances capped.
func Check(in Input, diags *source.Diagnostics) int {
	future := func(pos source.Pos, entity, field string, t time.Time) {
		if !t.IsZero() && t.After(in.AsOf) {
			diags.WarnK(pos, "diag.future_date", entity, field, t.Format(layout), in.AsOf.Format(layout))
		}
	}
	for _, s := range in.Systems {
		future(s.Pos, "system "+s.ID, "last_inspection", s.LastInspection)
		future(s.Pos, "system "+s.ID, "inventory_updated", s.InventoryUpdated)
	}
	for _, c := range in.Components {
		future(c.Pos, "component", "installed", c.Installed)
		future(c.Pos, "component", "updated", c.Updated)
	}
	for _, c := range in.Changes {
		future(c.Pos, "change", "date", c.Date)
	}
	for _, a := range in.Advisories {
		if a.Pos.File != "" && !isFeed(a.Pos.File) {
			future(a.Pos, "advisory "+a.ID, "published", a.Published)
		}
	}
	for _, n := range in.Notifications {
		future(n.Pos, "notification "+n.ID, "received", n.Received)
		future(n.Pos, "notification "+n.ID, "acknowledged", n.Acknowledged)
	}
	capped := 0
	for i := range in.Remediations {
		r := &in.Remediations[i]
		name := "remediation " + recordName(*r)
		if r.Stage == model.StageDone && r.Completed.After(in.AsOf) {
			diags.WarnK(r.Pos, "diag.future_done", name, r.Completed.Format(layout), in.AsOf.Format(layout))
		} else {
			future(r.Pos, name, "completed", r.Completed)
		}
		if r.Action == remediation.Accept && in.MaxAcceptanceDays > 0 && !r.Expires.IsZero() {
			start := AcceptanceStart(*r, in.AsOf)
			limit := start.AddDate(0, 0, in.MaxAcceptanceDays)
			if r.Expires.After(limit) {
				diags.WarnK(r.Pos, "diag.acceptance_capped", name, r.Expires.Format(layout), in.MaxAcceptanceDays, start.Format(layout), limit.Format(layout))
				r.Expires = limit
				capped++
			}
		}
	}
	return capped
}

// AcceptanceStart is the date an acceptance's maximum runs from: its
// completed date (when the acceptance was decided), else its planned
// date, when not after asOf; else asOf.
func AcceptanceStart(r remediation.Record, asOf time.Time) time.Time {
	for _, t := range []time.Time{r.Completed, r.Planned} {
		if !t.IsZero() && !t.After(asOf) {
			return t
		}
	}
	return asOf
}

func recordName(r remediation.Record) string {
	if r.ID != "" {
		return r.ID
	}
	return "record"
}

// isFeed reports whether a path is a public feed's: feeds publish ahead of
// time zones and embargoes, and are not the organisation's to correct.
func isFeed(p string) bool {
	return len(p) > 6 && p[:6] == "feeds/" || len(p) > 5 && p[:5] == "sbom/"
}
