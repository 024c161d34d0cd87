package planimport

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/remediation"
	"vulnreport/generator/internal/source"
)

// meta is what the workbook's hidden sheet recorded when it was built.
type meta struct {
	asOf, lang string
	sheets     []string
	// headers and letters locate each field's column on the plan sheets.
	headers, letters map[string]string
	// inputs maps the snapshot's remediation files to their SHA-256.
	inputs map[string]string
	// orig holds each action's values as the workbook showed them.
	orig map[string]action
}

// action is one fix action's system, product, the remediation records
// applied to its findings when the workbook was built, and its editable
// values.
type action struct {
	system, product string
	records         []string
	values          map[string]string
}

func readMeta(f *excelize.File) (*meta, error) {
	rows, err := f.GetRows(remediation.MetaSheet, excelize.Options{RawCellValue: true})
	if err != nil || len(rows) == 0 || len(rows[0]) < 2 || rows[0][0] != "format" {
		return nil, fmt.Errorf("the workbook has no %s sheet: it was not written by vulnreport, or the sheet was removed", remediation.MetaSheet)
	}
	if rows[0][1] != remediation.MetaFormat {
		return nil, fmt.Errorf("the workbook's %s sheet has format %q; this version reads %q", remediation.MetaSheet, rows[0][1], remediation.MetaFormat)
	}
	m := &meta{headers: map[string]string{}, letters: map[string]string{}, inputs: map[string]string{}, orig: map[string]action{}}
	get := func(row []string, i int) string {
		if i < len(row) {
			return row[i]
		}
		return ""
	}
	var head []string
	for _, row := range rows[1:] {
		if head != nil {
			key := get(row, 0)
			if key == "" {
				continue
			}
			a := action{system: get(row, 1), product: get(row, 2), records: strings.Fields(get(row, 3)), values: map[string]string{}}
			for i, field := range head {
				if i >= 4 {
					a.values[field] = get(row, i)
				}
			}
			m.orig[key] = a
			continue
		}
		switch get(row, 0) {
		case "as_of":
			m.asOf = get(row, 1)
		case "lang":
			m.lang = get(row, 1)
		case "sheet":
			m.sheets = append(m.sheets, get(row, 1))
		case "column":
			m.headers[get(row, 1)], m.letters[get(row, 1)] = get(row, 2), get(row, 3)
		case "input":
			m.inputs[get(row, 1)] = get(row, 2)
		case remediation.KeyField:
			head = row
		}
	}
	if head == nil || len(m.sheets) == 0 || m.letters[remediation.KeyField] == "" {
		return nil, fmt.Errorf("the workbook's %s sheet is incomplete", remediation.MetaSheet)
	}
	return m, nil
}

// edit is one plan row as the person left it.
type edit struct {
	key    string
	sheet  string
	row    int
	values map[string]string
	// cells names each field's cell ("P7").
	cells map[string]string
}

// ref returns "sheet!cell" of a field of the row.
func (e *edit) ref(field string) string { return e.sheet + "!" + e.cells[field] }

// labels maps every accepted spelling of a stage or action, normalised,
// to its value: the values themselves, the labels in both languages (as
// the drop-down lists show them too), the Japanese aliases of the
// contract, and the "not started" / "undecided" labels, which mean "".
type labels struct {
	kind  string
	m     map[string]string
	shown []string
}

func newLabels(kind string, values []string, aliases map[string]string, lang i18n.Lang) *labels {
	l := &labels{kind: kind, m: map[string]string{}}
	add := func(s, v string) { l.m[source.NormalizeKey(s)] = v }
	for _, v := range values {
		add(v, v)
		for _, lg := range i18n.Supported {
			add(i18n.T(lg, kind+"."+v), v)
			add(remediation.ListLabel(i18n.T(lg, kind+"."+v)), v)
		}
		l.shown = append(l.shown, i18n.T(lang, kind+"."+v))
	}
	for k, v := range aliases {
		add(k, v)
	}
	for _, lg := range i18n.Supported {
		add(i18n.T(lg, kind+"."), "")
	}
	return l
}

func (l *labels) value(s string) (string, bool) {
	if strings.TrimSpace(s) == "" {
		return "", true
	}
	v, ok := l.m[source.NormalizeKey(s)]
	return v, ok
}

// reader reads and checks the plan sheets.
type reader struct {
	f       *excelize.File
	m       *meta
	stages  *labels
	actions *labels
	bad     []string
}

func (rd *reader) badf(format string, args ...any) {
	rd.bad = append(rd.bad, fmt.Sprintf(format, args...))
}

// read returns every plan row that names an action, checking each cell.
func (rd *reader) read() []*edit {
	var out []*edit
	seen := map[string]string{}
	for _, sheet := range rd.m.sheets {
		rows, err := rd.f.GetRows(sheet)
		if err != nil {
			rd.badf("%s: %v", sheet, err)
			continue
		}
		cols := rd.columns(sheet, rows)
		for i := 1; i < len(rows); i++ {
			e := rd.row(sheet, i+1, rows[i], cols)
			if e == nil {
				continue
			}
			if prev, dup := seen[e.key]; dup {
				rd.badf("%s: action key %q appears twice (also %s)", e.ref(remediation.KeyField), e.key, prev)
				continue
			}
			seen[e.key] = e.ref(remediation.KeyField)
			out = append(out, e)
		}
	}
	return out
}

// columns finds each field's column by its header, or where it was written.
func (rd *reader) columns(sheet string, rows [][]string) map[string]int {
	cols := map[string]int{}
	var head []string
	if len(rows) > 0 {
		head = rows[0]
	}
	for field, h := range rd.m.headers {
		if i := slices.Index(head, h); i >= 0 {
			cols[field] = i + 1
			continue
		}
		n, err := excelize.ColumnNameToNumber(rd.m.letters[field])
		if err != nil {
			rd.badf("%s: no column for %s", sheet, field)
			continue
		}
		cols[field] = n
	}
	return cols
}

func (rd *reader) row(sheet string, r int, cells []string, cols map[string]int) *edit {
	e := &edit{sheet: sheet, row: r, values: map[string]string{}, cells: map[string]string{}}
	for field, c := range cols {
		e.cells[field], _ = excelize.CoordinatesToCellName(c, r)
	}
	text := func(field string) string {
		if c := cols[field]; c > 0 && c <= len(cells) {
			return strings.TrimSpace(cells[c-1])
		}
		return ""
	}
	e.key = text(remediation.KeyField)
	if e.key == "" {
		for _, field := range remediation.PlanFields {
			if text(field) != "" {
				rd.badf("%s: the action key is empty: rows cannot be added in the workbook (add a remediation record instead)", e.ref(remediation.KeyField))
				break
			}
		}
		return nil
	}
	if _, ok := rd.m.orig[e.key]; !ok {
		rd.badf("%s: action key %q is not in this workbook: rows cannot be added or keys changed", e.ref(remediation.KeyField), e.key)
		return nil
	}
	for _, field := range remediation.PlanFields {
		if cols[field] == 0 {
			continue
		}
		if formula, _ := rd.f.GetCellFormula(sheet, e.cells[field]); formula != "" {
			rd.badf("%s: holds a formula (=%s): type the value itself", e.ref(field), formula)
			continue
		}
		s := text(field)
		switch {
		case remediation.DateFields[field]:
			e.values[field] = rd.date(e, field, s)
		case field == "stage" || field == "action":
			l := rd.stages
			if field == "action" {
				l = rd.actions
			}
			v, ok := l.value(s)
			if !ok {
				rd.badf("%s: %q is not %s %s: expected one of %s (or %s)", e.ref(field), s, article(field), field,
					strings.Join(l.shown, ", "), strings.Join(enumValues(field), ", "))
			}
			e.values[field] = v
		default:
			e.values[field] = s
		}
	}
	return e
}

func article(field string) string {
	if field == "action" {
		return "an"
	}
	return "a"
}

func enumValues(field string) []string {
	if field == "action" {
		return remediation.Actions
	}
	return remediation.Stages
}

// date reads a date cell: a real Excel date, or text YYYY-MM-DD.
func (rd *reader) date(e *edit, field, shown string) string {
	ref := e.cells[field]
	ct, _ := rd.f.GetCellType(e.sheet, ref)
	raw, _ := rd.f.GetCellValue(e.sheet, ref, excelize.Options{RawCellValue: true})
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	if ct == excelize.CellTypeUnset || ct == excelize.CellTypeNumber || ct == excelize.CellTypeDate {
		if n, err := strconv.ParseFloat(raw, 64); err == nil {
			if n < 1 || n > 2958465 || math.IsNaN(n) {
				rd.badf("%s: %q is not a date", e.ref(field), shown)
				return ""
			}
			t, err := excelize.ExcelDateToTime(n, false)
			if err != nil {
				rd.badf("%s: %q is not a date", e.ref(field), shown)
				return ""
			}
			return t.Format(time.DateOnly)
		}
	}
	t, err := time.Parse(time.DateOnly, raw)
	if err != nil {
		rd.badf("%s: %q is not a date (expected YYYY-MM-DD)", e.ref(field), raw)
		return ""
	}
	return t.Format(time.DateOnly)
}
