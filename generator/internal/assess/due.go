package assess

import (
	"time"

	"vulnreport/generator/internal/model"
)

// The judgments below place a finding's due dates against the as-of date;
// report counts their results in the summary, posture, scorecard and
// exceptions.

// DueSoonHorizon is the last day on which a finding can fall due and still
// count as due soon as of asOf: asOf plus the policy's due-soon days.
func DueSoonHorizon(asOf time.Time, days int) time.Time { return asOf.AddDate(0, 0, days) }

// DueSoon reports whether a finding not overdue has a due date on or
// before horizon (DueSoonHorizon); one without a due date is not.
func DueSoon(f *model.Finding, horizon time.Time) bool {
	return !f.Overdue && !f.Due.IsZero() && !f.Due.After(horizon)
}

// PastSLA reports whether a finding's SLA due date, its due date before
// any extension, has passed by asOf (the day itself is not past).
func PastSLA(f *model.Finding, asOf time.Time) bool {
	return !f.SLADue.IsZero() && asOf.After(f.SLADue)
}

// PastKEVDue reports whether the due date CISA's KEV catalogue sets for a
// finding has passed by asOf (the day itself is not past).
func PastKEVDue(f *model.Finding, asOf time.Time) bool {
	return !f.KEVDue.IsZero() && asOf.After(f.KEVDue)
}

// Staleness returns the whole days from date (a feed's or a scan's) to
// asOf and whether they exceed maxDays: the data is then too old to trust
// as of asOf.
func Staleness(date, asOf time.Time, maxDays int) (days int, stale bool) {
	days = int(asOf.Sub(date).Hours() / 24)
	return days, days > maxDays
}
