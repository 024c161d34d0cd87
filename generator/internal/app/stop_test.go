package app

import (
	"strings"
	"testing"

	"vulnreport/generator/internal/i18n"
)

// TestStopErrorLocalized: a stopped build's reasons are given in the
// language of its diagnostics, file names kept, and in English by Error
// (what logs and callers match); a reason outside the catalogue stays as
// it is rather than vanish.
func TestStopErrorLocalized(t *testing.T) {
	e := &StopError{Reasons: []string{
		"systems.csv: the file holds no system: a report on no systems would show no findings",
		"odd.csv: something nobody catalogued",
	}}
	en := "the build stopped:\n  systems.csv: the file holds no system: a report on no systems would show no findings\n  odd.csv: something nobody catalogued"
	if got := e.Error(); got != en {
		t.Errorf("Error() = %q", got)
	}
	if got := e.Localized(); got != en {
		t.Errorf("Localized() without a language = %q, want English", got)
	}
	e.Lang = i18n.JA
	got := e.Localized()
	for _, want := range []string{"ビルドを中止しました:", "\n  systems.csv: システムが 1 件もありません", "\n  odd.csv: something nobody catalogued"} {
		if !strings.Contains(got, want) {
			t.Errorf("Localized() = %q, want it to contain %q", got, want)
		}
	}
	if e.Error() != en {
		t.Errorf("Error() changed with the language: %q", e.Error())
	}
}
