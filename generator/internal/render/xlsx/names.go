package xlsx

import (
	"time"

	"vulnreport/generator/internal/i18n"
)

// Sheet keys: the workbook's sheets, named once here. Every reference to a
// sheet in another output ("see sheet X") takes its name from SheetName,
// so that it names a sheet the workbook of that language has.
const (
	SheetSummary       = "summary"
	SheetDecisions     = "decisions"
	SheetDepartments   = "departments"
	SheetPlan          = "plan"
	SheetFindings      = "findings"
	SheetExceptions    = "exceptions"
	SheetSystems       = "systems"
	SheetComponents    = "components"
	SheetLifecycle     = "lifecycle"
	SheetAdvisories    = "advisories"
	SheetNotifications = "notifications"
	SheetQuality       = "quality"
	SheetMethod        = "method"
)

// SheetKeys lists the sheets of every workbook, in order. A list longer
// than a sheet holds continues on numbered sheets after its first
// ("指摘一覧 (2)"); the first always exists, even when the list is empty.
var SheetKeys = []string{SheetSummary, SheetDecisions, SheetDepartments, SheetPlan, SheetFindings, SheetExceptions,
	SheetSystems, SheetComponents, SheetLifecycle, SheetAdvisories, SheetNotifications, SheetQuality, SheetMethod}

// SheetName returns the name of a sheet in the workbook of a language,
// or "" for an unknown key.
func SheetName(lang i18n.Lang, key string) string {
	for _, k := range SheetKeys {
		if k == key {
			return i18n.T(lang, "xlsx.sheet."+key)
		}
	}
	return ""
}

// Sheets returns the sheet names of the workbook of a language, in order
// (without numbered continuations and the hidden remediation.MetaSheet).
func Sheets(lang i18n.Lang) []string {
	out := make([]string, len(SheetKeys))
	for i, k := range SheetKeys {
		out[i] = SheetName(lang, k)
	}
	return out
}

// FileName returns the workbook's name for an as-of date and language:
// report-YYYY-MM-DD.ja.xlsx. There is one workbook per report language,
// each with its own sheet names, headers and labels.
func FileName(asOf time.Time, lang i18n.Lang) string {
	return "report-" + asOf.Format(time.DateOnly) + "." + string(lang) + ".xlsx"
}
