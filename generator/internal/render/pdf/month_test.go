package pdf

import (
	"testing"
	"time"

	"vulnreport/generator/internal/i18n"
)

// TestMonth checks the month the PDF names, from the catalogue's format.
func TestMonth(t *testing.T) {
	d := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	if got := month(d, i18n.JA); got != "2027年1月" {
		t.Errorf("ja: %q", got)
	}
	if got := month(d, i18n.EN); got != "January 2027" {
		t.Errorf("en: %q", got)
	}
}
