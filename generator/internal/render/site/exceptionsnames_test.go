package site_test

import (
	"strings"
	"testing"

	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/render/site"
	"vulnreport/generator/internal/report"
)

// TestDashboardExceptionsNames: a remediation record for every system and
// every advisory ("*") reads 全システム / 全脆弱性 in the dashboard's
// exceptions register, never a bare "*", and days extended print with
// thousands separators like the PDF's.
func TestDashboardExceptionsNames(t *testing.T) {
	base := fixture(t)
	rep := *base
	rep.Exceptions = []report.Exception{{Kind: report.ExceptionDueMoved, DueMoved: true, System: "*", Advisory: "*",
		SLADue: day("2021-04-16"), NewDue: day("2026-12-12"), ExtensionDays: 2066, ApprovedBy: "CISO", Honoured: true, Reason: "migration"}}
	out := build(t, &rep, render.Deps{Content: contentFS}, site.PageSize)
	for page, want := range map[string][]string{"index.html": {"全システム", "全脆弱性", "2,066"}, "en/index.html": {"all systems", "all advisories", "2,066"}} {
		b, ok := out.Get(page)
		if !ok {
			t.Fatalf("no %s", page)
		}
		s := string(b)
		i := strings.Index(s, "<td>CISO</td>")
		if i < 0 {
			t.Fatalf("%s: exception row not found", page)
		}
		row := s[strings.LastIndex(s[:i], "<tr>"):i]
		for _, w := range want {
			if !strings.Contains(row, w) {
				t.Errorf("%s: exception row %q lacks %q", page, row, w)
			}
		}
		if strings.Contains(row, "<td>*</td>") {
			t.Errorf("%s: exception row shows a bare *: %q", page, row)
		}
	}
}

// TestDashboardExceptionShortened: a due date brought forward reads
// "短縮 19" / "shortened by 19" in the days-extended column, not "-19".
func TestDashboardExceptionShortened(t *testing.T) {
	base := fixture(t)
	rep := *base
	rep.Exceptions = []report.Exception{{Kind: report.ExceptionDueMoved, DueMoved: true, System: "*", Advisory: "*",
		SLADue: day("2026-12-31"), NewDue: day("2026-12-12"), ExtensionDays: -19, ApprovedBy: "CISO", Honoured: true, Reason: "earlier"}}
	out := build(t, &rep, render.Deps{Content: contentFS}, site.PageSize)
	for page, want := range map[string]string{"index.html": "<td>短縮 19</td>", "en/index.html": "<td>shortened by 19</td>"} {
		b, _ := out.Get(page)
		s := string(b)
		i := strings.Index(s, "<td>CISO</td>")
		if i < 0 {
			t.Fatalf("%s: exception row not found", page)
		}
		if row := s[strings.LastIndex(s[:i], "<tr>"):i]; !strings.Contains(row, want) {
			t.Errorf("%s: exception row %q lacks %q", page, row, want)
		}
	}
}
