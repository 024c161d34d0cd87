package xlsx

import (
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"vulnreport/generator/internal/i18n"
)

// libreOffice returns the LibreOffice program, or skips the test when it
// is not installed, unless VULNREPORT_LIBREOFFICE=required (as in CI).
func libreOffice(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"libreoffice", "soffice"} {
		if bin, err := exec.LookPath(name); err == nil {
			return bin
		}
	}
	if os.Getenv("VULNREPORT_LIBREOFFICE") == "required" {
		t.Fatal("VULNREPORT_LIBREOFFICE=required but neither libreoffice nor soffice is installed")
	}
	t.Skip("libreoffice not installed (Debian: libreoffice-calc-nogui; set VULNREPORT_LIBREOFFICE=required to fail instead)")
	return ""
}

// convert converts the workbook data with LibreOffice, headless, to the
// format (a filter: "pdf", "csv:…") in dir, and returns LibreOffice's output.
func convert(t *testing.T, bin, dir string, data []byte, format string) string {
	t.Helper()
	in := filepath.Join(dir, "report.xlsx")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	profile := "-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile"))
	args := []string{"--headless", profile, "--convert-to", format, "--outdir", dir, in}
	var out []byte
	var err error
	for range 2 { // a fresh profile may ask for a restart (exit 81) on first use
		out, err = exec.CommandContext(ctx, bin, args...).CombinedOutput()
		if exitCode(err) != 81 {
			break
		}
	}
	if err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	return string(out)
}

// TestLibreOfficeOpensWorkbook converts the workbook to PDF with
// LibreOffice, headless, when it is installed: the file must open and
// print without errors.
func TestLibreOfficeOpensWorkbook(t *testing.T) {
	bin := libreOffice(t)
	dir := t.TempDir()
	out := convert(t, bin, dir, renderBytes(t, fixture(), 0), "pdf")
	if st, err := os.Stat(filepath.Join(dir, "report.pdf")); err != nil || st.Size() == 0 {
		t.Fatalf("no PDF (%v)\n%s", err, out)
	}
}

// TestLibreOfficeReadsRows exports every sheet of a workbook whose rows
// the row encoder wrote to CSV with LibreOffice, cells as shown: another
// reader than excelize finds every row, formula-like text as text, dates,
// CVSS and EPSS in their number formats, and the rows continued on a
// numbered sheet.
func TestLibreOfficeReadsRows(t *testing.T) {
	bin := libreOffice(t)
	r := nasty(append(escapeTexts, nastyTexts...)...)
	r.Languages = []i18n.Lang{i18n.EN}
	const per = 20 // rows a sheet, header included: the lists spill
	dir := t.TempDir()
	// Comma, double quote, UTF-8, from line 1, …, cells as shown, every sheet.
	out := convert(t, bin, dir, renderRows(t, r, per, false), `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1`)
	read := func(sheet string) [][]string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, "report-"+sheet+".csv"))
		if err != nil {
			t.Fatalf("%s: %v\n%s", sheet, err, out)
		}
		cr := csv.NewReader(strings.NewReader(string(b)))
		cr.FieldsPerRecord = -1
		rows, err := cr.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", sheet, err)
		}
		return rows
	}
	// table reads a table's rows from its sheets: base, "base (2)"…
	table := func(base string, n int) [][]string {
		rows := read(base)
		for p := 1; p*(per-1) < n; p++ {
			rows = append(rows, read(partName(base, p))[1:]...)
		}
		return rows
	}
	findings := table("Findings", r.Findings.Len())
	if len(findings) != r.Findings.Len()+1 {
		t.Fatalf("%d finding rows, want %d", len(findings)-1, r.Findings.Len())
	}
	head := findings[0]
	if head[0] != i18n.T(i18n.EN, "priority") || head[10] != "CVSS" || len(head) != 25 {
		t.Errorf("header %q", head)
	}
	want := map[int]string{5: evilLink, 8: "2.5.33 or later", 10: "10.0", 12: "0.970", 13: "2026-11-01", 14: "2026-11-08"}
	for col, v := range want {
		if got := findings[1][col]; got != v {
			t.Errorf("findings row 2, column %s = %q, want %q", colName(col+1), got, v)
		}
	}
	for i, f := range r.Findings.All() {
		row := findings[i+1]
		// LibreOffice makes carriage returns line feeds.
		if got, want := row[22], readBack(f.Clause, truncMark(i18n.EN)); got != strings.ReplaceAll(strings.ReplaceAll(want, "\r\n", "\n"), "\r", "\n") {
			t.Errorf("findings row %d: clause %q, want %q", i+2, clip(got, 40), clip(want, 40))
		}
	}
	n := r.Components.Len()
	components := table("Components", n)
	if len(components) != n+1 || components[len(components)-1][13] != readBack(r.Components.At(n-1).At, truncMark(i18n.EN)) {
		t.Errorf("%d component rows, want %d", len(components)-1, n)
	}
}

func exitCode(err error) int {
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	return 0
}
