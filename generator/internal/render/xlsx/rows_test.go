package xlsx

import (
	"bytes"
	"context"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"vulnreport/generator/internal/report"
)

// nastyTexts are texts hard to write in a cell: markup, spaces to keep,
// characters XML 1.0 forbids, invalid UTF-8, Excel's own _xHHHH_ escape,
// formulas, and texts at and past a cell's 32,767 characters.
var nastyTexts = []string{
	" leading", "trailing ", "\ttab", "two\nlines", "cr\r\nlf\r", "a&b<c>d\"e'f]]>", "ctl\x00\x01\x08\x0b\x0c\x1f\x7f.",
	"bad\xff\xfeutf8", "surrogate\xed\xa0\x80", "nonchars\uFFFE\uFFFF", "real\uFFFD", "😀 emoji", "\u0085nel",
	"_x0041_", "_x005F_x0041_", "_X0041_", "_x004G_", "a_x00e9_b", "_x00041_", "=1+1", "@SUM(A1)", "-2+3",
	"+cmd|' /C calc'!A0", "漢字とカナ", strings.Repeat("a", maxCellChars), strings.Repeat("a", maxCellChars+1),
	strings.Repeat("あ", 20000) + strings.Repeat("😀", 10000), strings.Repeat("x&", 20000),
}

// escapeTexts are texts that excelize itself writes ambiguously (it
// escapes a "_xHHHH_" only when no other precedes it, and "_xH_", "_xHH_"
// not at all, which LibreOffice reads as characters); the row encoder
// writes them unambiguously, so they are left out of TestRowsMatchExcelize.
var escapeTexts = []string{"_x0041_x0042_", "_xD800_", "__x0041__", "x_x12_y", "a_x1_b", "_x0_", "_x123_", "_x005F_x12_", "__x12__"}

// nastyNumbers are numbers hard to write: past 15 digits, tiny, huge,
// negative zero, and those that are not numbers at all.
var nastyNumbers = []float64{0.1 + 0.2, 1e20, 1e-7, 123456789012345678, math.Copysign(0, -1), 5e-324,
	math.MaxFloat64, -math.MaxFloat64, 1.0 / 3, 2.675, 9.95, math.NaN(), math.Inf(1), math.Inf(-1)}

// nasty returns the fixture with a finding and a component per text.
func nasty(texts ...string) *report.Report {
	r := fixture()
	base := r.Findings.Slice()
	fs := slices.Clone(base)
	comps := componentRows(r)
	for i, s := range texts {
		f := base[i%len(base)]
		f.Own()
		f.Key += "/" + strconv.Itoa(i)
		f.Clause, f.Version, f.ProductName = s, s, s
		f.HasCVSS, f.CVSS = true, nastyNumbers[i%len(nastyNumbers)]
		f.HasEPSS, f.EPSS = true, nastyNumbers[(i+3)%len(nastyNumbers)]
		fs = append(fs, f)
		c := comps[i%len(comps)]
		c.Version, c.At, c.Patches = s, s, []string{s}
		comps = append(comps, c)
	}
	r.Findings = report.NewFindingStore(fs)
	r.Components = report.NewComponentStore(comps)
	return r
}

// renderRows renders r with at most maxRows rows a sheet (0: Excel's limit),
// its table rows written by the row encoder or, with viaExcelize, by
// excelize's StreamWriter.
func renderRows(t testing.TB, r *report.Report, maxRows int, viaExcelize bool) []byte {
	t.Helper()
	rd := New(rdDeps).(*renderer)
	rd.excelizeRows = viaExcelize
	if maxRows > 0 {
		rd.maxRows = maxRows
	}
	data, err := rd.workbook(context.Background(), r, r.Languages[0])
	if err != nil {
		t.Fatalf("render: %v", err)
	}
	return data
}

// TestRowsMatchExcelize renders reports with the row encoder and with
// excelize's StreamWriter and wants every part of the two workbooks
// identical, byte for byte: the same cells, types, styles and escapes,
// and the same sheets around them (columns, panes, filters, formats,
// validation, hyperlinks, print settings).
func TestRowsMatchExcelize(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 300
	}
	for _, tc := range []struct {
		name    string
		r       *report.Report
		maxRows int
	}{
		{"fixture", fixture(), 0}, {"nasty", nasty(nastyTexts...), 0}, {"spilled", nasty(nastyTexts...), 7},
		{"synthetic", synthetic(n), 0}, {"synthetic spilled", synthetic(n), n / 3},
	} {
		fast, ref := parts(t, renderRows(t, tc.r, tc.maxRows, false)), parts(t, renderRows(t, tc.r, tc.maxRows, true))
		if len(fast) != len(ref) {
			t.Errorf("%s: %d parts, excelize writes %d", tc.name, len(fast), len(ref))
		}
		for name, want := range ref {
			got, ok := fast[name]
			if !ok {
				t.Errorf("%s: no part %s", tc.name, name)
				continue
			}
			if got != want {
				i := 0
				for i < min(len(got), len(want)) && got[i] == want[i] {
					i++
				}
				t.Errorf("%s: %s differs at byte %d of %d:\n got %q\nwant %q", tc.name, name, i, len(want),
					got[max(0, i-80):min(len(got), i+80)], want[max(0, i-80):min(len(want), i+80)])
			}
		}
	}
}

// readBack is the text excelize reads back from a cell written with s:
// characters XML forbids become U+FFFD, and long texts are cut with the mark.
func readBack(s, mark string) string {
	var b strings.Builder
	for _, r := range capText(s, mark) {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			r = 0xFFFD
		}
		b.WriteRune(r)
	}
	return b.String()
}

// TestRowsReadBack opens a workbook written by the row encoder with
// excelize: text reads back as written (as inline strings, never a
// formula), numbers and dates are numbers with their column's style, and
// long texts end with the mark.
func TestRowsReadBack(t *testing.T) {
	r := nasty(append(escapeTexts, nastyTexts...)...)
	f := open(t, renderRows(t, r, 0, false))
	const sheet = "指摘一覧"
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != r.Findings.Len()+1 {
		t.Fatalf("%d rows, want %d", len(rows), r.Findings.Len()+1)
	}
	mark := truncMark(r.Languages[0])
	value := func(ref string) string {
		v, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for i, fd := range r.Findings.All() {
		got := value(cell(23, i+2))
		if want := readBack(fd.Clause, mark); got != want {
			t.Errorf("W%d = %q, want %q", i+2, clip(got, 40), clip(want, 40))
		}
		if n := utf16Len(got); n > maxCellChars {
			t.Errorf("W%d holds %d characters", i+2, n)
		}
	}
	long := value(cell(23, len(rows)-1))
	if !strings.HasSuffix(long, mark) || utf16Len(long) > maxCellChars || !strings.HasPrefix(long, "あああ") {
		t.Errorf("a long text ends %q after %d characters", long[len(long)-20:], utf16Len(long))
	}
	styleOf := func(col string) int {
		id, err := f.GetColStyle(sheet, col)
		if err != nil || id == 0 {
			t.Fatalf("column %s: style %d (%v)", col, id, err)
		}
		return id
	}
	numFmt := map[string]string{"H": "#,##0", "K": "0.0", "M": "0.000", "N": "yyyy-mm-dd", "O": "yyyy-mm-dd"}
	for row := 2; row <= len(rows); row++ {
		for col := 1; col <= 23; col++ {
			ref := cell(col, row)
			if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
				t.Errorf("%s has formula %q", ref, formula)
			}
			v, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
			if v == "" {
				continue
			}
			ct, _ := f.GetCellType(sheet, ref)
			name := colName(col)
			want, isNum := numFmt[name]
			if x, err := strconv.ParseFloat(v, 64); !isNum || err != nil || math.IsNaN(x) || math.IsInf(x, 0) { // NaN, ±Inf: text
				if ct != excelize.CellTypeInlineString {
					t.Errorf("%s = %q: type %v, want an inline string", ref, clip(v, 20), ct)
				}
			} else if ct != excelize.CellTypeUnset && ct != excelize.CellTypeNumber {
				t.Errorf("%s = %q: type %v, want a number", ref, v, ct)
			}
			id, _ := f.GetCellStyle(sheet, ref)
			if id != styleOf(name) {
				t.Errorf("%s: style %d, column style %d", ref, id, styleOf(name))
			}
			if isNum {
				if st, err := f.GetStyle(id); err != nil || st.CustomNumFmt == nil || *st.CustomNumFmt != want {
					t.Errorf("%s: style %d is not %s (%v)", ref, id, want, err)
				}
			}
		}
	}
	check(t, f, sheet, "N2", "date", "46327")
	check(t, f, sheet, "K2", "number", "10")
	if st, err := f.GetStyle(styleOf("A")); err != nil || st.CustomNumFmt != nil || st.Alignment == nil || st.Alignment.Vertical != "top" {
		t.Errorf("text style %+v (%v)", st, err)
	}
	if id, _ := f.GetCellStyle(sheet, "A1"); id == styleOf("A") {
		t.Error("the header has the text style")
	}
}

// TestRowsDeterministic renders a workbook whose rows take several chunks
// twice and wants the same bytes.
func TestRowsDeterministic(t *testing.T) {
	r := synthetic(4000)
	if a, b := renderRows(t, r, 0, false), renderRows(t, r, 0, false); !bytes.Equal(a, b) {
		t.Fatal("two renders of the same report differ")
	}
}

// TestSharedMatchesAlone renders every language of a report in one
// Render, where the later workbooks reuse what the first computed (see
// shared), and wants each workbook byte for byte as when built alone.
func TestSharedMatchesAlone(t *testing.T) {
	for _, r := range []*report.Report{fixture(), synthetic(3000)} {
		rd := New(rdDeps).(*renderer)
		w := memWriter{}
		if err := rd.Render(context.Background(), r, w); err != nil {
			t.Fatal(err)
		}
		if len(r.Languages) < 2 || len(w) != len(r.Languages) {
			t.Fatalf("rendered %d workbooks for languages %v", len(w), r.Languages)
		}
		for _, lang := range r.Languages {
			alone, err := rd.workbook(context.Background(), r, lang)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(w[FileName(r.AsOf, lang)], alone) {
				t.Errorf("%s: the workbook rendered with the others differs from the one rendered alone", lang)
			}
		}
	}
}
