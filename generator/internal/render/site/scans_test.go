package site_test

import (
	"strings"
	"testing"
	"time"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/render/site"
	"vulnreport/generator/internal/report"
)

// TestScanAlerts: a system not scanned this month and one with a stale
// result are named in the dashboard's banner and the data-quality page in
// both languages, and flagged on their own pages.
func TestScanAlerts(t *testing.T) {
	r := fixture(t)
	last := time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC)
	r.Scans = []report.ScanState{
		{System: "pc-fleet", Name: i18n.Text{JA: "事務用PC", EN: "Office PCs"}, NotScanned: true, LastScanned: last},
		{System: "web-shop", Name: i18n.Text{JA: "受注サイト", EN: "Order site"}, Stale: true,
			Results: []report.ScanResult{{File: "scans/web-shop/trivy.json", Scanner: "Trivy 0.50.1", Scanned: last.AddDate(0, 0, -20), AgeDays: 50, MaxDays: 35, Stale: true}}},
	}
	for i := range r.Systems {
		switch r.Systems[i].ID {
		case "pc-fleet":
			r.Systems[i].NotScanned = true
		case "web-shop":
			r.Systems[i].ScanStale = true
		}
	}
	mem := build(t, r, render.Deps{}, site.PageSize)
	checkSite(t, mem)
	for page, wants := range map[string][]string{
		"index.html":               {"今月スキャン結果のないシステム", "事務用PC (前回 2026-10-31)", "受注サイト (50 日前)"},
		"en/index.html":            {"Not scanned this month", "Office PCs (last 2026-10-31)", "Order site (50 days old)"},
		"quality.html":             {`id="h-scans"`, "scans/web-shop/trivy.json", "今月スキャンされていない", "前回 2026-10-31"},
		"en/systems/pc-fleet.html": {`<span class="tag warn">Not scanned this month</span>`},
		"systems/web-shop.html":    {`<span class="tag warn">スキャン結果が古い</span>`},
	} {
		b, ok := mem.Get(page)
		if !ok {
			t.Fatalf("%s not written", page)
		}
		for _, w := range wants {
			if !strings.Contains(string(b), w) {
				t.Errorf("%s lacks %q", page, w)
			}
		}
	}
}
