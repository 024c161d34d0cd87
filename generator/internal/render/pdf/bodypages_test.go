package pdf_test

import (
	"os"
	"strings"
	"testing"

	"vulnreport/generator/internal/i18n"
)

// maxBodyPages is the body's page budget: from the executive summary up
// to the first appendix, cover and contents excluded.
const maxBodyPages = 10

// TestSampleBodyPages renders the repository's sample snapshot and checks
// that the body takes at most maxBodyPages pages in each language, so
// English, which writes longer than Japanese, does not spill one page
// further: a table column or a lead sentence that grows shows here.
func TestSampleBodyPages(t *testing.T) {
	pdfs := samplePDFs(t)
	for _, lang := range []i18n.Lang{i18n.JA, i18n.EN} {
		pdfData := pdfs[lang]
		texts := strings.Split(run(t, "pdftotext", pdfData, "-enc", "UTF-8"), "\f")
		toc := squash(i18n.T(lang, "section.toc"))
		summary := squash("1. " + i18n.T(lang, "section.summary"))
		appendix := squash(i18n.T(lang, "pdf.section.quality_detail"))
		first, end := -1, -1
		for p, text := range texts {
			text = squash(text)
			if strings.Contains(text, toc) {
				continue
			}
			if first < 0 && strings.Contains(text, summary) {
				first = p
			}
			if first >= 0 && strings.Contains(text, appendix) {
				end = p
				break
			}
		}
		if first < 0 || end < 0 {
			t.Fatalf("%s: cannot find the executive summary (page %d) or the first appendix (page %d)", lang, first+1, end+1)
		}
		if n := end - first; n > maxBodyPages {
			t.Errorf("%s: the body takes %d pages (%d–%d), more than %d", lang, n, first+1, end, maxBodyPages)
		}
	}
}

// samplePDFs renders the repository's sample snapshot and returns its PDF
// in each language; the test is skipped when the sample is not there.
func samplePDFs(t *testing.T) map[i18n.Lang][]byte {
	t.Helper()
	const data = "../../../../data"
	if _, err := os.Stat(data); err != nil {
		t.Skipf("no sample snapshot at %s: %v", data, err)
	}
	files := renderPDF(t, analyze(t, os.DirFS(data)), nil)
	out := map[i18n.Lang][]byte{}
	for _, lang := range []i18n.Lang{i18n.JA, i18n.EN} {
		name := "report-2026-11-30." + string(lang) + ".pdf"
		b, ok := files[name]
		if !ok {
			t.Fatalf("no %s among %v", name, keys(files))
		}
		out[lang] = b
	}
	return out
}
