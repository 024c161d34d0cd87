package xlsx

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"vulnreport/generator/internal/model"

	"github.com/xuri/excelize/v2"
)

// column describes one column of a table sheet.
type column struct {
	// key is the i18n key of the header.
	key    string
	width  float64
	kind   kind
	hidden bool
}

// table is a list written as a sheet, continued on numbered sheets
// ("指摘一覧 (2)") when it would pass the rows a sheet can hold. excelize's
// StreamWriter lays the sheet out and writes its header; the rows are
// encoded by a rowEncoder (see rowWriter).
type table struct {
	base string
	cols []column
	n    int
	// row fills out (len(cols) values, all nil) with row i's values:
	// string (text, "" leaves the cell empty), int, float64, time.Time
	// (a date; zero leaves it empty), a pointer to one of those (a field
	// of the model: boxing a pointer allocates nothing, a string or a
	// time does) or nil.
	row func(i int, out []any)
	// link returns the URL of row i's kLink cell; only http and https URLs
	// become hyperlinks.
	link func(i int) string
	// prio is the 1-based column holding a priority label ("P1 …"), late
	// the one whose "yes" marks an overdue row; 0 when none.
	prio, late int
	// extra adds sheet settings (data validation) before the stream ends;
	// last is the sheet's last row.
	extra func(sheet string, last int) error
	// edit lists the 1-based columns a person is expected to edit; their
	// headers get their own colour, and their cells stay unlocked when
	// the sheet is protected.
	edit []int
	// protect locks the sheet's cells (no password: a guard against
	// accidental edits of computed values, not a security control), except
	// the edit columns; filtering, sorting and resizing stay allowed.
	protect bool
	// pagesWide, when > 0, prints the sheet that many pages wide (instead
	// of one), repeating the columns titleCols ("$A:$B") beside the header
	// row on every page.
	pagesWide int
	titleCols string
}

// maxLinks bounds the hyperlinks of one sheet: excelize adds each in time
// proportional to those before it. Past it a URL stays as text.
const maxLinks = 2000

// maxSheetName is Excel's limit on sheet names.
const maxSheetName = 31

// partName names part p (0-based) of a table: the base, then "base (2)"….
func partName(base string, p int) string {
	if p == 0 {
		return base
	}
	suffix := fmt.Sprintf(" (%d)", p+1)
	for utf8.RuneCountInString(base)+len(suffix) > maxSheetName {
		_, size := utf8.DecodeLastRuneInString(base)
		base = base[:len(base)-size]
	}
	return base + suffix
}

// partNames returns the sheet names a table of n rows is written to.
func (b *book) partNames(base string, n int) []string {
	per := b.maxRows - 1
	parts := max(1, (n+per-1)/per)
	names := make([]string, parts)
	for p := range names {
		names[p] = partName(base, p)
	}
	return names
}

// writeTable writes t to one or more sheets and returns their names.
func (b *book) writeTable(ctx context.Context, t table) ([]string, error) {
	names := b.partNames(t.base, t.n)
	per := b.maxRows - 1
	for p, name := range names {
		lo := p * per
		if err := b.writePart(ctx, t, name, lo, min(t.n, lo+per)); err != nil {
			return nil, fmt.Errorf("sheet %s: %w", name, err)
		}
	}
	if len(names) > 1 {
		b.spills = append(b.spills, spill{base: t.base, names: names, rows: t.n})
	}
	return names, nil
}

func (b *book) writePart(ctx context.Context, t table, name string, lo, hi int) error {
	if _, err := b.f.NewSheet(name); err != nil {
		return err
	}
	last := hi - lo + 1
	lastCol := colName(len(t.cols))
	// AutoFilter replaces the sheet properties: it goes before pageSetup.
	if err := b.f.AutoFilter(name, "A1:"+lastCol+strconv.Itoa(last), nil); err != nil {
		return err
	}
	if t.pagesWide > 0 {
		if err := b.pageSetupWide(name, t.pagesWide, t.titleCols); err != nil {
			return err
		}
	} else if err := b.pageSetup(name, 1); err != nil {
		return err
	}
	if err := b.f.SetSheetDimension(name, "A1:"+lastCol+strconv.Itoa(last)); err != nil {
		return err
	}
	if err := b.rowFormats(name, t, last, lastCol); err != nil {
		return err
	}
	if t.extra != nil {
		if err := t.extra(name, last); err != nil {
			return err
		}
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	linkCol := 0
	header := make([]any, len(t.cols))
	// excelize puts each column set first in <cols>: going from the last
	// column to the first leaves them in the ascending order Excel expects.
	for i := len(t.cols) - 1; i >= 0; i-- {
		c := t.cols[i]
		if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return err
		}
		if err := sw.SetColStyle(i+1, i+1, b.cellStyle(c.kind, slices.Contains(t.edit, i+1))); err != nil {
			return err
		}
		if c.hidden {
			if err := sw.SetColVisible(i+1, i+1, false); err != nil {
				return err
			}
		}
		if c.kind == kLink {
			linkCol = i + 1
		}
		style := b.header
		if slices.Contains(t.edit, i+1) {
			style = b.headerEdit
		}
		header[i] = excelize.Cell{StyleID: style, Value: b.t(c.key)}
	}
	// The header is as tall as its longest wrapped label needs (two lines at least).
	labels := make([]any, len(t.cols))
	hcols := make([]column, len(t.cols))
	for i, c := range t.cols {
		labels[i], hcols[i] = b.t(c.key), c
		hcols[i].kind = kWrap
	}
	if err := sw.SetRow("A1", header, excelize.RowOpts{Height: max(32, wrapHeight(hcols, labels))}); err != nil {
		return err
	}
	if t.protect {
		if err := b.protect(name); err != nil {
			return err
		}
	}
	rows, err := b.rowWriter(name, t.cols, t.edit, sw)
	if err != nil {
		return err
	}
	vals := make([]any, len(t.cols))
	links := 0
	for i := lo; i < hi; i++ {
		if (i-lo)&0xffff == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if b.pace != nil && i > lo && (i-lo)%paceRows == 0 {
			b.pace()
		}
		clear(vals)
		t.row(i, vals)
		row := i - lo + 2
		if err := rows(row, vals); err != nil {
			return err
		}
		if linkCol > 0 && t.link != nil && links < maxLinks {
			if u := webLink(t.link(i)); u != "" {
				if err := b.f.SetCellHyperLink(name, cell(linkCol, row), u, "External"); err != nil {
					return err
				}
				links++
			}
		}
	}
	if err := rows(0, nil); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	b.sheets = append(b.sheets, sheetInfo{name: name, rows: hi - lo})
	return nil
}

// rowWriter returns the function writing the data rows of a table sheet
// whose header sw wrote: each call writes row number row with vals (see
// table.row); row 0 ends the rows. They are encoded by a rowEncoder and
// compressed as they come, to be spliced into the sheet's part when the
// workbook is saved (excelize writes the part with the header row only);
// or, with excelizeRows, written through sw.
func (b *book) rowWriter(sheet string, cols []column, edit []int, sw *excelize.StreamWriter) (func(row int, vals []any) error, error) {
	if b.excelizeRows {
		return func(row int, vals []any) error {
			if row == 0 {
				return nil
			}
			for j, v := range vals {
				v = deref(v)
				vals[j] = v
				switch x := v.(type) {
				case string:
					if vals[j] = capText(x, b.mark); x == "" {
						vals[j] = nil
					}
				case time.Time:
					vals[j] = serial(x)
				}
			}
			if h := wrapHeight(cols, vals); h > 0 {
				return sw.SetRow("A"+strconv.Itoa(row), vals, excelize.RowOpts{Height: h})
			}
			return sw.SetRow("A"+strconv.Itoa(row), vals)
		}, nil
	}
	path, err := b.sheetPart(sheet)
	if err != nil {
		return nil, err
	}
	styles := make([]int, len(cols))
	for i, c := range cols {
		styles[i] = b.cellStyle(c.kind, slices.Contains(edit, i+1))
	}
	enc := newRowEncoder(styles, b.mark)
	s := &stream{c: b.comp}
	b.rows[path] = s
	// Rows without wrapped text keep the default height.
	wraps := slices.ContainsFunc(cols, func(c column) bool { return c.kind == kWrap })
	return func(row int, vals []any) error {
		if row == 0 {
			s.cut(false)
			return nil
		}
		if s.buf == nil {
			s.buf = s.c.buffer()
		}
		enc.warm(vals)
		height := 0.0
		if wraps {
			height = wrapHeight(cols, vals)
		}
		var err error
		if s.buf, err = enc.appendRow(s.buf, row, vals, height); err != nil {
			return err
		}
		s.full()
		return nil
	}, nil
}

// sheetPart returns the name of a sheet's part in the archive, as
// excelize's NewSheet names it. (Were that to change, saving fails: the
// zipWriter checks that every sheet's rows found their part.)
func (b *book) sheetPart(sheet string) (string, error) {
	for _, s := range b.f.WorkBook.Sheets.Sheet {
		if s.Name == sheet {
			return "xl/worksheets/sheet" + strconv.Itoa(s.SheetID) + ".xml", nil
		}
	}
	return "", fmt.Errorf("no sheet %s", sheet)
}

// rowFormats adds the conditional formats: the priority colours on the
// priority column (the label stays, so colour is never the only signal)
// and overdue rows in red.
func (b *book) rowFormats(sheet string, t table, last int, lastCol string) error {
	if last < 2 {
		return nil
	}
	end := strconv.Itoa(last)
	if t.prio > 0 {
		c := colName(t.prio)
		var rules []excelize.ConditionalFormatOptions
		for _, p := range model.Priorities {
			rules = append(rules, excelize.ConditionalFormatOptions{Type: "formula", Format: intPtr(b.prio[p]),
				Criteria: fmt.Sprintf(`LEFT($%s2,2)="%s"`, c, p)})
		}
		if err := b.f.SetConditionalFormat(sheet, c+"2:"+c+end, rules); err != nil {
			return err
		}
	}
	if t.late > 0 {
		c := colName(t.late)
		return b.f.SetConditionalFormat(sheet, "A2:"+lastCol+end, []excelize.ConditionalFormatOptions{{
			Type: "formula", Format: intPtr(b.late), Criteria: fmt.Sprintf(`$%s2="%s"`, c, b.t("yes"))}})
	}
	return nil
}

func intPtr(i int) *int { return &i }

// wrapHeight estimates the height in points a table row needs for its
// wrapped text cells, or 0 for the default height: Excel and LibreOffice
// do not fit streamed rows on opening, and a wrapped text taller than its
// row is drawn over the rows below when printed. A character of East
// Asian width counts as two columns.
func wrapHeight(cols []column, vals []any) float64 {
	lines := 1
	for i, c := range cols {
		if c.kind != kWrap || i >= len(vals) {
			continue
		}
		var s string
		switch x := vals[i].(type) {
		case string:
			s = x
		case *string:
			s = *x
		}
		if s == "" {
			continue
		}
		per := max(1, int(c.width*0.95))
		// Each line (up to a line feed) takes its width's share of lines,
		// at least one; the count stops at the six a row is allowed.
		n, w := 0, 0
		for i := 0; i < len(s) && n < 6; i++ {
			if ch := s[i]; ch < utf8.RuneSelf { // ASCII: one column
				if ch != '\n' {
					w++
					continue
				}
				n, w = n+max(1, (w+per-1)/per), 0
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size - 1
			w++
			if r >= 0x1100 {
				w++
			}
		}
		n += max(1, (w+per-1)/per)
		lines = max(lines, min(n, 6))
	}
	if lines == 1 {
		return 0
	}
	return float64(lines)*13.5 + 2
}

// cellStyle returns the style of a column's cells: locked, or unlocked
// for a column a person edits.
func (b *book) cellStyle(k kind, edit bool) int {
	if edit {
		return b.unlocked[k]
	}
	return b.styles[k]
}

// protect protects a sheet without a password: locked cells (all but the
// edit columns) cannot be changed by mistake, while selecting, filtering,
// sorting and resizing stay allowed. import-plan reads protected sheets.
func (b *book) protect(sheet string) error {
	return b.f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{AutoFilter: true, Sort: true, FormatColumns: true,
		FormatRows: true, SelectLockedCells: true, SelectUnlockedCells: true})
}
