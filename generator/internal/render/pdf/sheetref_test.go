package pdf

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"vulnreport/generator/internal/i18n"
)

// TestSheetKeysNameSheets checks that every key this package passes to
// shown, shownAlways or sheetName names a sheet of the workbook in both languages,
// so that no table's note is silently left without its "see sheet X".
// (app.TestSheetReferencesResolve checks the rendered PDFs against the
// workbooks actually written.)
func TestSheetKeysNameSheets(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	call := regexp.MustCompile(`(?:shown(?:Always)?\([^"\n]*|sheetName\()"([a-z_.]+)"\)`)
	n := 0
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			n++
			for _, lang := range i18n.Supported {
				d := &doc{lang: lang}
				if d.sheetName(m[1]) == "" {
					t.Errorf("%s: key %q names no workbook sheet in %s", name, m[1], lang)
				}
			}
		}
	}
	if n < 10 {
		t.Errorf("found only %d shown calls: the pattern no longer matches the source", n)
	}
}
