package pdf_test

import (
	"strings"
	"testing"

	"vulnreport/generator/internal/i18n"
)

// TestSampleBoardPagesUnclipped renders the sample snapshot and checks
// that the board-facing sections (the executive summary with its
// decisions, the risk overview and the top ten fix actions) cut no cell
// short: a board member cannot act on "侵害の有無の調査と対策の前…" or a
// fix target ending in "KB5000871,…".
func TestSampleBoardPagesUnclipped(t *testing.T) {
	pdfs := samplePDFs(t)
	for _, lang := range []i18n.Lang{i18n.JA, i18n.EN} {
		pdfData := pdfs[lang]
		pages := strings.Split(run(t, "pdftotext", pdfData, "-enc", "UTF-8", "-layout"), "\f")
		first := -1
		for p, text := range pages {
			if !strings.Contains(text, i18n.T(lang, "section.toc")) && strings.Contains(text, "1. "+i18n.T(lang, "section.summary")) {
				first = p
				break
			}
		}
		if first < 0 {
			t.Fatalf("%s: no executive summary", lang)
		}
		body := strings.Join(pages[first:], "\f")
		end := strings.Index(body, "4. "+i18n.T(lang, "section.overdue"))
		if end < 0 {
			t.Fatalf("%s: no section 4 after the top actions", lang)
		}
		for i, line := range strings.Split(body[:end], "\n") {
			if strings.Contains(line, "…") {
				t.Errorf("%s: board-facing line %d is cut short: %q", lang, i+1, strings.TrimSpace(line))
			}
		}
	}
}
