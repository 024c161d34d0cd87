package xlsx

import (
	"context"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"vulnreport/generator/internal/remediation"
	"vulnreport/generator/internal/report"
)

// planColumns are the plan sheet's columns; field names the editable
// ones. Column A, the action key, is hidden; B to L are what a department
// reads on the first printed page (the sheet prints planPagesWide pages
// wide, columns A and B repeated on every page).
var planColumns = []struct {
	field string
	col   column
}{
	{remediation.KeyField, column{"xlsx.col.action_key", 28, kText, true}},
	{"", column{"xlsx.col.system_name", 20, kWrap, false}}, {"", column{"col.product", 20, kWrap, false}},
	{"", column{"xlsx.col.installed_version", 12, kText, false}}, {"", column{"col.kind", 9, kText, false}},
	{"", column{"col.target", 22, kWrap, false}}, {"", column{"xlsx.col.findings_closed", 8, kInt, false}},
	{"", column{"xlsx.col.top_priority", 12, kText, false}}, {"", column{"col.hosts", 7, kInt, false}},
	{"", column{"col.owner", 14, kWrap, false}}, {"due", column{"col.due", 11, kDate, false}},
	{"", column{"col.overdue", 7, kText, false}},
	{"owner", column{"col.assignee", 14, kText, false}}, {"stage", column{"stage", 16, kText, false}},
	{"action", column{"action", 16, kText, false}}, {"planned", column{"col.planned", 11, kDate, false}},
	{"completed", column{"col.completed", 11, kDate, false}}, {"ticket", column{"xlsx.col.ticket", 14, kText, false}},
	{"cost", column{"xlsx.col.cost", 12, kText, false}}, {"", column{"col.system_id", 14, kText, false}},
	{"", column{"col.risk_share", 8, kPct, false}},
	{"justification", column{"col.justification", 36, kWrap, false}}, {"approved_by", column{"col.approved_by", 14, kText, false}},
	{"expires", column{"col.expires", 11, kDate, false}}, {"notes", column{"col.notes", 48, kWrap, false}},
}

// planPagesWide is how many pages wide the plan sheet prints: about a
// dozen columns a page.
const planPagesWide = 3

// planCol returns the 1-based plan column of a field or header key.
func planCol(name string) int {
	for i, c := range planColumns {
		if c.field == name || c.col.key == name {
			return i + 1
		}
	}
	return 0
}

// target says what to install: the one target text every output shows.
func (b *book) target(a *report.Action) string { return a.TargetText.Get(b.lang) }

// plan writes the remediation plan, one row per fix action, with drop-down
// lists for stage and action, and the hidden sheet import-plan needs.
func (b *book) plan(ctx context.Context) error {
	rows, lk := b.planValues(), b.links()
	// Labels boxed once; the editable values point into the model.
	kind, prio := b.labeler("action_kind", false), b.labeler("priority", false)
	listLabels := func(prefix string) func(string) any {
		m := map[string]any{}
		return func(v string) any {
			x, ok := m[v]
			if !ok {
				if l := remediation.ListLabel(b.enum(prefix, v)); l != "" {
					x = l
				}
				m[v] = x
			}
			return x
		}
	}
	stage, action := listLabels("stage"), listLabels("action")
	yes := any(b.t("yes"))
	cols := make([]column, len(planColumns))
	var edit []int
	for i, c := range planColumns {
		cols[i] = c.col
		if c.field != "" && c.field != remediation.KeyField {
			edit = append(edit, i+1)
		}
	}
	list := func(prefix string, vals []string) []string {
		out := make([]string, len(vals))
		for i, v := range vals {
			out[i] = remediation.ListLabel(b.t(prefix + "." + v))
		}
		return out
	}
	names, err := b.writeTable(ctx, table{base: b.sheet(SheetPlan), n: len(rows), cols: cols,
		prio: planCol("xlsx.col.top_priority"), late: planCol("col.overdue"), edit: edit,
		extra: func(sheet string, last int) error {
			return b.planValidation(sheet, last, list("stage", remediation.Stages), list("action", remediation.Actions))
		},
		protect: true, pagesWide: planPagesWide, titleCols: "$A:$B",
		row: func(i int, o []any) {
			pr := &rows[i]
			a := pr.a
			o[0], o[2], o[3] = &a.Key, nameOf(&a.Product, &a.ProductName), &a.Version
			if k := lk.actionSystem[i]; k >= 0 {
				o[1] = textOf(&b.r.Systems[k].Name, b.lang)
			}
			o[4], o[5], o[6], o[7] = kind.of(string(a.Kind)), textOf(&a.TargetText, b.lang), len(a.Findings), prio.of(a.TopPriority.String())
			o[8], o[9], o[10] = b.hostsOf(&a.Hosts), &a.Department, &a.Due
			if a.Overdue {
				o[11] = yes
			}
			o[12], o[13], o[14] = &a.Owner, stage(string(a.Stage)), action(a.Action)
			o[15], o[16], o[19], o[20], o[24] = &a.Planned, &a.Completed, &a.System, &a.RiskShare, &a.Notes
			if f := pr.money; f != nil {
				o[17], o[18] = &f.Ticket, &f.Cost
			}
			if f := pr.accept; f != nil {
				o[21], o[22], o[23] = &f.Justification, &f.ApprovedBy, &f.AcceptExpires
			}
		},
	})
	b.planSheets, b.planRows = names, rows
	return err
}

// planValidation adds the drop-down lists and date checks of the plan sheet.
func (b *book) planValidation(sheet string, last int, stages, actions []string) error {
	if last < 2 {
		return nil
	}
	rng := func(field string) string {
		c := colName(planCol(field))
		return c + "2:" + c + strconv.Itoa(last)
	}
	for _, l := range []struct {
		field string
		items []string
	}{{"stage", stages}, {"action", actions}} {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = rng(l.field)
		if err := dv.SetDropList(l.items); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, b.t(l.field), b.t("xlsx.dv.list"))
		if err := b.f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	lo, hi := serial(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)), serial(time.Date(2099, 12, 31, 0, 0, 0, 0, time.UTC))
	for _, field := range []string{"due", "planned", "completed", "expires"} {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = rng(field)
		if err := dv.SetRange(lo, hi, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, b.t(planColumns[planCol(field)-1].col.key), b.t("xlsx.dv.date"))
		if err := b.f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	return nil
}

// meta writes remediation.MetaSheet (see its doc) and hides it.
func (b *book) meta(ctx context.Context) error {
	sheets, rows := b.planSheets, b.planRows
	if _, err := b.f.NewSheet(remediation.MetaSheet); err != nil {
		return err
	}
	sw, err := b.f.NewStreamWriter(remediation.MetaSheet)
	if err != nil {
		return err
	}
	r := 0
	var row []any // SetRow writes the values out: one row slice serves all
	add := func(vals ...string) error {
		r++
		row = slices.Grow(row[:0], len(vals))[:len(vals)]
		for i, v := range vals {
			row[i] = nil
			if v != "" { // cut as the plan sheet's cells are, so that they compare equal
				row[i] = capText(v, b.mark)
			}
		}
		return sw.SetRow("A"+strconv.Itoa(r), row)
	}
	head := [][]string{{"format", remediation.MetaFormat}, {"as_of", day(b.r.AsOf)}, {"lang", string(b.lang)}}
	for _, s := range sheets {
		head = append(head, []string{"sheet", s})
	}
	for i, c := range planColumns {
		if c.field != "" {
			head = append(head, []string{"column", c.field, b.t(c.col.key), colName(i + 1)})
		}
	}
	for _, in := range b.r.Sources.Inputs {
		if in.Kind == "remediation" {
			head = append(head, []string{"input", in.Path, in.SHA256})
		}
	}
	head = append(head, []string{}, append([]string{remediation.KeyField, "system", "product", "records"}, remediation.PlanFields...))
	for _, h := range head {
		if err := add(h...); err != nil {
			return err
		}
	}
	if err := b.metaRows(ctx, rows, r+1, add); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	// SetSheetVisible would read back every sheet, the streamed ones
	// included; setting the state on the workbook part is enough.
	for i, s := range b.f.WorkBook.Sheets.Sheet {
		if s.Name == remediation.MetaSheet {
			b.f.WorkBook.Sheets.Sheet[i].State = "veryHidden"
		}
	}
	return nil
}

// metaRows writes the meta sheet's table of originals, one row per plan
// row from row number first on: through add with excelizeRows, else
// encoded by a rowEncoder when the workbook is saved, into the sheet's
// part as excelize hands it over (see book.later).
func (b *book) metaRows(ctx context.Context, rows []planRow, first int, add func(vals ...string) error) error {
	vals := make([]string, len(remediation.PlanFields)+4)
	ix := newPlanFieldIndex()
	fill := func(pr planRow) {
		vals[0], vals[1], vals[2], vals[3] = pr.a.Key, pr.a.System, pr.a.Product, strings.Join(pr.a.Remediations, " ")
		pr.values(vals[4:], ix, b.dayText)
	}
	if b.excelizeRows {
		for i, pr := range rows {
			if i&0xffff == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			fill(pr)
			if err := add(vals...); err != nil {
				return err
			}
		}
		return nil
	}
	path, err := b.sheetPart(remediation.MetaSheet)
	if err != nil {
		return err
	}
	enc := newRowEncoder(make([]int, len(vals)), b.mark)
	b.later[path] = func(w io.Writer) error {
		const flushAt = 64 << 10
		buf := make([]byte, 0, flushAt+flushAt/2)
		for i, pr := range rows {
			if i&0xffff == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			fill(pr)
			if buf = enc.appendTexts(buf, first+i, vals); len(buf) >= flushAt {
				if _, err := w.Write(buf); err != nil {
					return err
				}
				buf = buf[:0]
			}
		}
		_, err := w.Write(buf)
		return err
	}
	return nil
}
