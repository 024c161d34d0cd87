package app

import (
	"bytes"
	"context"
	"html"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/render/xlsx"
)

// sheetRefs find "see sheet X" references: the Japanese シート「X」 and the
// English sheet "X" (as the catalogue's see_sheet writes them).
var sheetRefs = map[i18n.Lang]*regexp.Regexp{
	i18n.JA: regexp.MustCompile(`シート「([^」]+)」`),
	i18n.EN: regexp.MustCompile(`sheet "([^"]+)"`),
}

// TestSheetReferencesResolve builds the sample snapshot and checks that
// every sheet the PDF (its text, by pdftotext) and the site name exists in
// the workbook of the same language, read from the workbook written.
func TestSheetReferencesResolve(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("VULNREPORT_PDF") == "required" {
			t.Fatal("pdftotext is required (VULNREPORT_PDF=required) but not installed: apt-get install poppler-utils")
		}
		t.Skip("pdftotext not installed (poppler-utils); set VULNREPORT_PDF=required to fail instead")
	}
	if testing.Short() {
		t.Skip("builds the whole sample")
	}
	out := filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	res, err := Build(context.Background(), Options{Data: os.DirFS("../../../data"), DataDir: "../../../data", OutDir: out,
		Content: os.DirFS("../../../content"), Today: date("2026-11-30"), Formats: "all"}, &stdout, &stderr)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, stderr.String())
	}
	book := map[i18n.Lang][]string{}
	for _, lang := range res.Report.Languages {
		sheets := workbookSheets(t, filepath.Join(out, xlsx.FileName(res.Report.AsOf, lang)))
		book[lang] = sheets
		for _, want := range xlsx.Sheets(lang) {
			if !slices.Contains(sheets, want) {
				t.Errorf("%s workbook lacks sheet %q of xlsx.Sheets: %q", lang, want, sheets)
			}
		}
		pdf := filepath.Join(out, "report-"+res.Report.AsOf.Format("2006-01-02")+"."+string(lang)+".pdf")
		text, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", pdf, err)
		}
		refs := references(lang, string(text))
		if len(refs) == 0 {
			t.Errorf("%s PDF names no sheet: the test would pass without checking anything", lang)
		}
		for _, ref := range refs {
			if !slices.Contains(sheets, ref) {
				t.Errorf("%s PDF refers to sheet %q, which the %s workbook lacks (sheets: %q)", lang, ref, lang, sheets)
			}
		}
		t.Logf("%s PDF: %d sheet references, all resolve", lang, len(refs))
	}
	// The site: Japanese pages at the root, English ones under en/.
	err = filepath.WalkDir(out, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		lang := i18n.JA
		if rel, _ := filepath.Rel(out, p); strings.HasPrefix(rel, "en"+string(filepath.Separator)) {
			lang = i18n.EN
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sheets := book[lang]
		for _, ref := range references(lang, html.UnescapeString(string(data))) {
			if !slices.Contains(sheets, ref) {
				t.Errorf("%s refers to sheet %q, which the %s workbook lacks", p, ref, lang)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// references returns the sheet names a text refers to, with line breaks
// inside a reference undone (pdftotext breaks lines where the PDF does).
func references(lang i18n.Lang, text string) []string {
	if lang == i18n.JA {
		text = strings.ReplaceAll(text, "\n", "")
	} else {
		text = strings.ReplaceAll(text, "\n", " ")
	}
	var out []string
	for _, m := range sheetRefs[lang].FindAllStringSubmatch(text, -1) {
		out = append(out, strings.Join(strings.Fields(m[1]), " "))
	}
	return out
}

// workbookSheets returns the sheet names of a workbook as written.
func workbookSheets(t *testing.T, path string) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("workbook: %v", err)
	}
	defer f.Close()
	return f.GetSheetList()
}

func TestReferencesFindsWrappedNames(t *testing.T) {
	ja := references(i18n.JA, "15 件中 10 件を表示、全件はワークブックのシート「対策\n計画」を参照")
	en := references(i18n.EN, `see sheet "Remediation`+"\n"+`plan" of the workbook`)
	if !slices.Equal(ja, []string{"対策計画"}) || !slices.Equal(en, []string{"Remediation plan"}) {
		t.Errorf("references: %q %q", ja, en)
	}
}
