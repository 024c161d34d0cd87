package xlsx

import (
	"strconv"
	"strings"
	"testing"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/report"
)

// TestMethodSheetListsRankingWeights reads the method sheet of each
// language's workbook and finds every term of the risk ranking with its
// label, rule and points in that language.
func TestMethodSheetListsRankingWeights(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.JA, i18n.EN} {
		r := fixture()
		r.Languages = []i18n.Lang{lang}
		f := open(t, renderBytes(t, r, 0))
		sheet := i18n.T(lang, "xlsx.sheet.method")
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		title := -1
		for i, row := range rows {
			if len(row) > 0 && row[0] == i18n.T(lang, "pdf.sub.ranking") {
				title = i
			}
		}
		if title < 0 {
			t.Fatalf("%s: %s has no block %q", lang, sheet, i18n.T(lang, "pdf.sub.ranking"))
		}
		got := rows[title+2:]
		if len(got) < len(report.Weights) {
			t.Fatalf("%s: %d ranking rows, want %d", lang, len(got), len(report.Weights))
		}
		for i, w := range report.Weights {
			want := strconv.FormatFloat(w.Points, 'f', -1, 64)
			if w.Points == 0 {
				want = "× 0.5"
			}
			row := got[i]
			if len(row) < 3 || row[0] != w.Label.Get(lang) || row[1] != w.Rule.Get(lang) || row[2] != want {
				t.Errorf("%s: ranking row %d = %q, want [%s %s %s]", lang, i, row, w.Label.Get(lang), w.Rule.Get(lang), want)
			}
			if lang == i18n.EN && strings.ContainsFunc(row[0]+row[1], func(r rune) bool { return r > 0x3000 }) {
				t.Errorf("en: ranking row %d has Japanese text: %q", i, row)
			}
		}
	}
}
