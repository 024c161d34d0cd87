package assess

import (
	"time"

	"vulnreport/generator/internal/model"
)

// The judgments below decide which items need a management decision and
// by when; report assembles its Decision records from their results.

// MinServiceStopHours is the shortest planned outage that is a decision
// for management; shorter stops fall within an owner's maintenance window.
const MinServiceStopHours = 1

// NeededBy returns the date a decision with the due date is needed by as
// of asOf: the due date while it lies ahead (or is asOf itself), asOf
// otherwise. A decision whose due date has passed is late since that date;
// one without a due date is needed now but is not late.
func NeededBy(due, asOf time.Time) (neededBy time.Time, late bool, lateSince time.Time) {
	if due.IsZero() {
		return asOf, false, time.Time{}
	}
	if due.Before(asOf) {
		return asOf, true, due
	}
	return due, false, time.Time{}
}

// FixActionDecision says which department-level decision a fix action
// calls for: model.DecisionOverdue for an overdue action not completed,
// model.DecisionNoPlan for a P1/P2 action still being investigated (or
// with no stage) and without a planned date, and "" for none. Overdue
// wins over unplanned.
func FixActionDecision(overdue, completed bool, top model.Priority, stage model.Stage, planned bool) model.DecisionKind {
	switch {
	case overdue && !completed:
		return model.DecisionOverdue
	case (top == model.P1 || top == model.P2) && (stage == model.StageNone || stage == model.StageInvestigate) && !planned:
		return model.DecisionNoPlan
	}
	return ""
}

// AcceptanceDecision says which decision a risk acceptance calls for:
// model.DecisionAcceptExpired once expired, model.DecisionAcceptExpiring
// while it expires soon, and "" otherwise.
func AcceptanceDecision(expired, expiringSoon bool) model.DecisionKind {
	switch {
	case expired:
		return model.DecisionAcceptExpired
	case expiringSoon:
		return model.DecisionAcceptExpiring
	}
	return ""
}

// ServiceStopDecision reports whether a remediation record's planned
// outage of hours needs management's approval as of asOf: at least
// MinServiceStopHours, the work not done, and its planned date not yet
// passed (none counts as not passed).
func ServiceStopDecision(hours float64, stage model.Stage, planned, asOf time.Time) bool {
	return hours >= MinServiceStopHours && stage != model.StageDone && (planned.IsZero() || !planned.Before(asOf))
}

// AckLateDecision reports whether an outside report still waiting for
// its acknowledgement past the limit, and not closed, needs a decision,
// and the date the acknowledgement was due (received plus limit days).
func AckLateDecision(received, acknowledged time.Time, ackLate bool, status string, limit int) (needed bool, due time.Time) {
	return acknowledged.IsZero() && ackLate && status != "closed", received.AddDate(0, 0, limit)
}

// ReplacementDecision reports whether a product cycle at or near its end
// of life without a replacement date needs a decision on its replacement.
func ReplacementDecision(status model.LifecycleStatus, replacement time.Time) bool {
	return (status == model.LifecycleEOL || status == model.LifecycleEnding) && replacement.IsZero()
}
