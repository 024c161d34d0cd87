package pdf

import "vulnreport/generator/internal/render/xlsx"

// sectionSheets maps the section keys the tables pass to shown to the
// workbook sheet holding all their rows (xlsx.Sheet* keys), so that every
// "see sheet X" names a sheet of the workbook in the same language.
var sectionSheets = map[string]string{
	"section.decisions":     xlsx.SheetDecisions,
	"section.lifecycle":     xlsx.SheetLifecycle,
	"section.plan":          xlsx.SheetPlan,
	"section.actions":       xlsx.SheetPlan,
	"section.by_owner":      xlsx.SheetDepartments,
	"section.departments":   xlsx.SheetDepartments,
	"section.scorecards":    xlsx.SheetDepartments,
	"section.escalated":     xlsx.SheetFindings,
	"section.findings":      xlsx.SheetFindings,
	"section.overdue":       xlsx.SheetFindings,
	"section.due_soon":      xlsx.SheetFindings,
	"section.acceptances":   xlsx.SheetExceptions,
	"section.exceptions":    xlsx.SheetExceptions,
	"section.notifications": xlsx.SheetNotifications,
	"section.contracts":     xlsx.SheetSystems,
	"section.systems":       xlsx.SheetSystems,
	"section.quality":       xlsx.SheetQuality,
	"section.attacks":       xlsx.SheetAttacks,
}

// sheetName returns the workbook's name of the sheet for a section key or
// an xlsx.Sheet* key, in the document's language; "" when there is none
// (then no sheet is named rather than one that does not exist).
func (d *doc) sheetName(key string) string {
	if k, ok := sectionSheets[key]; ok {
		key = k
	}
	return xlsx.SheetName(d.lang, key)
}
