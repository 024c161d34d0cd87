package remediation

import (
	"strings"

	"vulnreport/generator/internal/model"
)

// The plan-sheet contract: what the workbook's plan sheets let an owner
// edit and how the workbook records it, written by the workbook renderer
// and read back by import-plan. Both take it from here, so that they
// cannot disagree.

// MetaSheet is the very hidden sheet of the workbook that import-plan
// reads: the plan sheets and their columns, the snapshot's remediation
// files with their SHA-256 as built, and every fix action's editable
// values as the workbook showed them, so that an import can tell the
// workbook's edits from changes made to the snapshot since.
//
// Its rows: "format" MetaFormat; "as_of" date; "lang" code; one "sheet"
// row per plan sheet; one "column" row per plan column (field, header,
// letter); one "input" row per remediation file (path, SHA-256); a blank
// row; then a table headed KeyField, "system", "product", "records" (the
// remediation records applied to the action's findings, space-separated)
// and PlanFields with one row per action, enum values and YYYY-MM-DD
// dates as text.
const MetaSheet = "_vulnreport"

// MetaFormat names the layout of MetaSheet; it is its cell B1.
const MetaFormat = "vulnreport-plan/1"

// PlanFields are the plan sheet's editable columns, named as the fields
// of a remediation record, in the order of MetaSheet's originals table.
var PlanFields = []string{"owner", "due", "stage", "action", "planned", "completed", "justification", "approved_by", "expires", "ticket", "cost", "notes"}

// DateFields are the PlanFields that hold dates.
var DateFields = map[string]bool{"due": true, "planned": true, "completed": true, "expires": true}

// KeyField names the plan sheet's action key column in MetaSheet.
const KeyField = "key"

// ListLabel is the label of an enum value as the plan sheet's drop-down
// lists show it: the catalogue label with commas (which separate list
// items) replaced by semicolons.
func ListLabel(label string) string { return strings.ReplaceAll(label, ",", ";") }

// Requirement is a field a record must fill for its action, and why.
type Requirement struct {
	Field string
	Why   string
}

// Required returns the fields an action requires: an acceptance needs a
// justification, an approver and an expiry date; not_affected needs a
// justification. Decode and import-plan both check a record against it.
func Required(action string) []Requirement {
	switch action {
	case Accept:
		return []Requirement{{"justification", "why the risk is accepted"}, {"approved_by", "who approved the risk"},
			{"expires", "when the acceptance must be reviewed"}}
	case NotAffected:
		return []Requirement{{"justification", "why the finding does not apply"}}
	}
	return nil
}

// WantsCompletion reports whether a record at stage with action should
// carry a completion date: work marked done, unless the decision was to
// accept the risk or that the finding does not apply.
func WantsCompletion(stage model.Stage, action string) bool {
	return stage == model.StageDone && action != Accept && action != NotAffected
}
