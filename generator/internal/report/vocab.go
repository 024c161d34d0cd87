package report

import (
	"time"

	"vulnreport/generator/internal/plan"
	"vulnreport/generator/internal/risk"
)

// Progress counts an action's findings by the stage their remediation
// records reached (plan.Progress), named here so that renderers read it
// from the model.
type Progress = plan.Progress

// StepPartial is the state of a step some of an action's findings reached,
// but not all (plan.StepPartial).
const StepPartial = plan.StepPartial

// DaysBetween returns the whole days from a to b, as the due-date rules
// count them (risk.DaysBetween).
func DaysBetween(a, b time.Time) int { return risk.DaysBetween(a, b) }
