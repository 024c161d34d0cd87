package xlsx

import (
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/report"
)

// hex returns a "#RRGGBB" colour as the workbook writes it, "RRGGBB".
func hex(c string) string { return strings.TrimPrefix(c, "#") }

// kind says how a column's cells are typed and formatted.
type kind uint8

const (
	kText kind = iota // text, one line
	kWrap             // text, wrapped
	kInt              // whole number
	kNum1             // number with one decimal (CVSS)
	kNum3             // number with three decimals (EPSS)
	kPct              // share, shown as a percentage
	kDate             // date, stored as an Excel date number
	kLink             // text with a hyperlink (http/https only)
	kindCount
)

// book is one workbook being written.
type book struct {
	f      *excelize.File
	r      *report.Report
	lang   i18n.Lang
	styles [kindCount]int
	// unlocked are the styles of cells left editable on protected sheets.
	unlocked [kindCount]int
	header   int
	// headerEdit marks the headers of columns meant to be edited.
	headerEdit int
	title      int
	bold       int
	wrapB      int
	dateLeft   int
	prio       map[model.Priority]int
	late       int
	// maxRows is the rows a sheet may hold, header included.
	maxRows int
	// sheets records every sheet written with its data rows, in order.
	sheets []sheetInfo
	// spills records tables continued on numbered sheets.
	spills []spill
	// classification is the label printed in every header and footer.
	classification string
	// widths holds the column widths of sheets written without a stream.
	widths map[string][]float64
	// days caches dates as boxed Excel date numbers, by Unix day.
	days map[int64]any
	// dayTexts caches dates as YYYY-MM-DD (see dayText).
	dayTexts map[time.Time]string
	// planSheets and planRows are the plan as written, for remediation.MetaSheet.
	planSheets []string
	planRows   []planRow
	// mark ends a text cut to fit a cell.
	mark string
	// allHosts is the label of a host count of 0, boxed (see hostsOf).
	allHosts any
	// comp compresses the table rows as they are encoded and the parts
	// when the workbook is saved.
	comp *compressor
	// rows holds each table sheet's encoded, compressed rows by part name,
	// spliced into the sheet when the workbook is saved.
	rows map[string]*stream
	// excelizeRows writes the table rows through excelize's StreamWriter
	// instead: the reference the row encoder is tested against.
	excelizeRows bool
	// later holds, by part name, the rows of sheets encoded only when the
	// workbook is saved (the meta sheet's): each writes its rows into the
	// part, before </sheetData>, as one stream with what excelize wrote.
	later map[string]func(io.Writer) error
	// shared holds what the workbooks of the report compute alike.
	shared *shared
	// pace, when set, lets the report's other workbooks take their turn
	// (see buildAll).
	pace func()
}

type sheetInfo struct {
	name string
	rows int
}

type spill struct {
	base  string
	names []string
	rows  int
}

// t returns the label of key in the primary language.
func (b *book) t(key string) string { return i18n.T(b.lang, key) }

// tf formats the label of key in the primary language.
func (b *book) tf(key string, args ...any) string { return i18n.Tf(b.lang, key, args...) }

// yes returns the "yes" label when v is set and "" otherwise.
func (b *book) yes(v bool) string {
	if v {
		return b.t("yes")
	}
	return ""
}

// enum returns the label of an enum value ("stage.plan"); "" stays "".
func (b *book) enum(prefix, v string) string {
	if v == "" {
		return ""
	}
	return b.t(prefix + "." + v)
}

func (b *book) newStyles() error {
	font := func(bold bool, color string) *excelize.Font { return &excelize.Font{Bold: bold, Color: color} }
	top := &excelize.Alignment{Vertical: "top"}
	wrap := &excelize.Alignment{Vertical: "top", WrapText: true}
	num := func(format string) *excelize.Style {
		return &excelize.Style{CustomNumFmt: &format, Alignment: top}
	}
	defs := [kindCount]*excelize.Style{
		kText: {Alignment: top},
		kWrap: {Alignment: wrap},
		kInt:  num("#,##0"),
		kNum1: num("0.0"),
		kNum3: num("0.000"),
		kPct:  num("0%"),
		kDate: num("yyyy-mm-dd"),
		kLink: {Alignment: top, Font: &excelize.Font{Color: "1565C0", Underline: "single"}},
	}
	var err error
	for k, s := range defs {
		if b.styles[k], err = b.f.NewStyle(s); err != nil {
			return err
		}
		u := *s
		u.Protection = &excelize.Protection{Locked: false}
		u.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F1F8E9"}}
		if b.unlocked[k], err = b.f.NewStyle(&u); err != nil {
			return err
		}
	}
	border := []excelize.Border{{Type: "bottom", Color: "263238", Style: 1}}
	if b.header, err = b.f.NewStyle(&excelize.Style{Font: font(true, "FFFFFF"), Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"37474F"}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}); err != nil {
		return err
	}
	if b.headerEdit, err = b.f.NewStyle(&excelize.Style{Font: font(true, "FFFFFF"), Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"2E7D32"}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}); err != nil {
		return err
	}
	if b.title, err = b.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}); err != nil {
		return err
	}
	if b.bold, err = b.f.NewStyle(&excelize.Style{Font: font(true, ""), Alignment: top}); err != nil {
		return err
	}
	if b.wrapB, err = b.f.NewStyle(&excelize.Style{Alignment: wrap}); err != nil {
		return err
	}
	dateFmt := "yyyy-mm-dd"
	if b.dateLeft, err = b.f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt,
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}}); err != nil {
		return err
	}
	b.prio = map[model.Priority]int{}
	for _, p := range model.Priorities {
		if b.prio[p], err = b.f.NewConditionalStyle(&excelize.Style{Font: font(true, hex(p.Ink())),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{hex(p.Color())}}}); err != nil {
			return err
		}
	}
	b.late, err = b.f.NewConditionalStyle(&excelize.Style{Font: font(true, "B71C1C"),
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FDECEA"}}})
	return err
}

// hf escapes text for a header or footer, where '&' starts a code.
func hf(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// pageSetup gives a sheet its print form: A4 landscape fitted to the page
// width, the classification and page x / y in the header and footer, and
// the header row repeated on every page when titleRows > 0.
func (b *book) pageSetup(sheet string, titleRows int) error {
	size, orient, one, zero, fit := 9, "landscape", 1, 0, true
	if err := b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient,
		FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	title := hf(clip(b.r.Title.Get(b.lang), 60))
	cls := hf(clip(b.classification, 40))
	date := b.r.AsOf.Format(time.DateOnly)
	if err := b.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddHeader: fmt.Sprintf(`&L&"-,Bold"%s&C%s&R%s`, cls, title, hf(sheet)),
		OddFooter: fmt.Sprintf(`&L%s&C&P / &N&R%s %s`, cls, hf(b.t("as_of")), date),
	}); err != nil {
		return err
	}
	if titleRows > 0 {
		return b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
			RefersTo: fmt.Sprintf("%s!$1:$%d", quoteSheet(sheet), titleRows)})
	}
	return nil
}

// pageSetupWide is pageSetup for a wide list: printed pagesWide pages
// wide (so that a page shows about a dozen columns at a legible size),
// with the header row and the columns titleCols ("$A:$B") repeated on
// every page.
func (b *book) pageSetupWide(sheet string, pagesWide int, titleCols string) error {
	if err := b.pageSetup(sheet, 0); err != nil {
		return err
	}
	wide, zero := pagesWide, 0
	if err := b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{FitToWidth: &wide, FitToHeight: &zero}); err != nil {
		return err
	}
	return b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: fmt.Sprintf("%s!%s,%s!$1:$1", quoteSheet(sheet), titleCols, quoteSheet(sheet))})
}

// sheet returns the name of a sheet (a Sheet* key) in the book's language.
func (b *book) sheet(key string) string { return SheetName(b.lang, key) }

// clip shortens s to at most n runes, marking the cut with "…".
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// quoteSheet quotes a sheet name for a formula or reference.
func quoteSheet(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// excelEpoch is day zero of Excel's 1900 date system (as corrected for
// the 1900 leap-year bug, valid from March 1900).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// serial returns t as an Excel date number, or nil for the zero time.
func serial(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return days(t)
}

// webLink returns s when it is an absolute http or https URL, else "".
func webLink(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return u.String()
}

// cell returns the A1 name of a 1-based column and row.
func cell(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

// colName returns the letters of a 1-based column.
func colName(col int) string {
	s, _ := excelize.ColumnNumberToName(col)
	return s
}

// put writes one value into a cell of a sheet written without a stream:
// strings always as text (never a formula), numbers as numbers, times as
// dates. nil and "" leave the cell empty.
func (b *book) put(sheet string, col, row int, v any, style int) error {
	ref := cell(col, row)
	var err error
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		if x == "" {
			return nil
		}
		err = b.f.SetCellStr(sheet, ref, capText(x, b.mark))
	case int:
		err = b.f.SetCellInt(sheet, ref, int64(x))
	case float64:
		err = b.f.SetCellFloat(sheet, ref, x, -1, 64)
	case time.Time:
		s := serial(x)
		if s == nil {
			return nil
		}
		err = b.f.SetCellFloat(sheet, ref, s.(float64), -1, 64)
	default:
		return fmt.Errorf("unsupported cell value %T", v)
	}
	if err == nil && style != 0 {
		err = b.f.SetCellStyle(sheet, ref, ref, style)
	}
	return err
}
