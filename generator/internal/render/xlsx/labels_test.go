package xlsx

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/remediation"
)

// TestLabels checks the workbook's own labels: every xlsx key in both
// languages, sheet names Excel accepts, and no catalogue key left
// untranslated in any cell of either language's workbook.
func TestLabels(t *testing.T) {
	for _, k := range i18n.Keys() {
		if !strings.HasPrefix(k, "xlsx.") {
			continue
		}
		if m := i18n.Msg(k); m.JA == "" || m.EN == "" {
			t.Errorf("%s: ja %q en %q, want both", k, m.JA, m.EN)
		}
		if strings.HasPrefix(k, "xlsx.sheet.") {
			for _, l := range i18n.Supported {
				name := i18n.T(l, k)
				if utf8.RuneCountInString(name) > 26 || strings.ContainsAny(name, `:\/?*[]'`) {
					t.Errorf("%s (%s): %q is not a safe sheet name (numbered parts add 4 characters)", k, l, name)
				}
			}
		}
	}
	key := regexp.MustCompile(`^(xlsx|col|stage|action|state|priority|lifecycle|due_source|category|exposure|data|criticality|` +
		`severity|from|nstatus|gap|action_kind|kind|section|trend)\.[A-Za-z0-9_.]*$`)
	for _, lang := range i18n.Supported {
		r := fixture()
		r.Languages = []i18n.Lang{lang}
		f := open(t, renderBytes(t, r, 0))
		for _, sheet := range f.GetSheetList() {
			if sheet == remediation.MetaSheet {
				continue
			}
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			for _, row := range rows {
				for _, c := range row {
					if key.MatchString(c) {
						t.Errorf("%s: %s: untranslated key %q", lang, sheet, c)
					}
				}
			}
		}
	}
}
