package site

import (
	"testing"
	"time"

	"vulnreport/generator/internal/i18n"
)

// TestPageTitleAndMonth checks the paged title and the month label the
// site writes from catalogue formats, in both languages.
func TestPageTitleAndMonth(t *testing.T) {
	for _, tc := range []struct {
		got, want string
	}{
		{pageTitle(i18n.JA, "指摘事項", 1), "指摘事項"},
		{pageTitle(i18n.JA, "指摘事項", 2), "指摘事項 (ページ 2)"},
		{pageTitle(i18n.EN, "Findings", 12), "Findings (Page 12)"},
		{monthLabel(i18n.JA, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)), "2026年11月"},
		{monthLabel(i18n.EN, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)), "November 2026"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
