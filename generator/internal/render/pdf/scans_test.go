package pdf_test

import (
	"strings"
	"testing"
	"time"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/report"
)

// TestScanAlertOnPageOne: a system not scanned this month and a stale
// scanner result are named on the executive summary's page, in both
// languages, and the summary still fits its page.
func TestScanAlertOnPageOne(t *testing.T) {
	r := analyze(t, fixture())
	last := time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC)
	r.Scans = []report.ScanState{
		{System: "pc-fleet", Name: i18n.Text{JA: "事務用PC", EN: "Office PCs"}, NotScanned: true, LastScanned: last},
		{System: "web-shop", Name: i18n.Text{JA: "受注サイト", EN: "Order site"}, Stale: true,
			Results: []report.ScanResult{{File: "scans/web-shop/trivy.json", Scanner: "Trivy", Scanned: last.AddDate(0, 0, -20), AgeDays: 50, MaxDays: 35, Stale: true}}},
	}
	files := renderPDF(t, r, nil)
	for lang, wants := range map[i18n.Lang][]string{
		i18n.JA: {"今月スキャン結果のないシステム", "事務用PC(前回2026-10-31)", "受注サイト(50日前)"},
		i18n.EN: {"Notscannedthismonth", "OfficePCs(last2026-10-31)", "Ordersite(50daysold)"},
	} {
		data := files["report-2026-11-30."+string(lang)+".pdf"]
		summary := squash("1. " + i18n.T(lang, "section.summary"))
		found := false
		for _, page := range strings.Split(run(t, "pdftotext", data, "-enc", "UTF-8"), "\f") {
			text := squash(page)
			if !strings.Contains(text, summary) || strings.Contains(text, squash(i18n.T(lang, "section.toc"))) {
				continue
			}
			found = true
			for _, w := range wants {
				if !strings.Contains(text, w) {
					t.Errorf("%s: the summary page lacks %q", lang, w)
				}
			}
			break
		}
		if !found {
			t.Errorf("%s: no summary page", lang)
		}
		checkSummaryPage(t, lang, data, pageCount(t, run(t, "pdfinfo", data)))
	}
}
