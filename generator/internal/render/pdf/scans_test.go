package pdf_test

import (
	"strings"
	"testing"
	"time"

	"vulnreport/generator/internal/attack"
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

// TestAttackSectionTrend: the attack-signs section opens with the attack
// on an open vulnerability, then the month-by-month trend, "—" for a
// month without logs and ▲ for a rise.
func TestAttackSectionTrend(t *testing.T) {
	r := analyze(t, fixture())
	at := time.Date(2026, 11, 21, 3, 40, 0, 0, time.UTC)
	r.Attacks = []attack.SystemSigns{{System: "web-shop", LinesRead: 3601,
		Signs:      []attack.Sign{{Category: attack.Java, Requests: 12, Sources: 1, First: at, Last: at}},
		Correlated: []attack.Correlation{{Key: "k", Advisory: "CVE-2017-5638", Category: attack.Java, Requests: 12, By: "rule:944150"}}}}
	r.AttackTrend = report.AttackTrend{Months: []time.Time{time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC), time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC), r.AsOf},
		Rows: []report.AttackTrendRow{{System: "web-shop", Category: attack.Java, Requests: []int{-1, 4, 12}}}}
	files := renderPDF(t, r, nil)
	text := squash(run(t, "pdftotext", files["report-2026-11-30.ja.pdf"], "-enc", "UTF-8"))
	corr, trend := strings.LastIndex(text, squash(i18n.T(i18n.JA, "attacks.correlated"))), strings.LastIndex(text, squash(i18n.T(i18n.JA, "attacks.trend")))
	if corr < 0 || trend < corr {
		t.Fatalf("correlated at %d, trend at %d: the trend must follow the attacks on open vulnerabilities", corr, trend)
	}
	if !strings.Contains(text[trend:], "2026-092026-102026-11") || !strings.Contains(text[trend:], "—4▲12") {
		t.Errorf("trend table not found after its title: %.300s", text[trend:])
	}
}
