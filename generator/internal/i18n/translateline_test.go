package i18n_test

import (
	"testing"

	"vulnreport/generator/internal/i18n"
)

// TestTranslateLine translates diagnostic lines and rejection reasons with
// their positions, field names and values kept, and leaves a message
// outside the catalogue as it is.
func TestTranslateLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`systems.yaml:8:20: warning: field "last_inspection": "2026/6/31" is not a date: expected YYYY-MM-DD, YYYY/M/D or YYYY-M-D: the field is dropped and the record kept`,
			`systems.yaml:8:20: warning: 項目 "last_inspection": "2026/6/31" は日付として読めません。YYYY-MM-DD, YYYY/M/D or YYYY-M-D の形で書いてください (この項目は使わず、レコードは採用します)`},
		{`components.csv:3:1: a quoted field is not closed (a stray "?)`, `components.csv:3:1: 引用符で始めた値が閉じていません (余分な " がありませんか?)`},
		{`x.csv:1:1: error: header "バージョン" in column 3 names the same field "version" as column 2: the header is invalid and every data row of the file is rejected; rename or delete one of the columns`,
			`x.csv:1:1: error: 3 列目の見出し "バージョン" は 2 列目と同じ項目 "version" を指しています。見出しが不正なため、このファイルのデータ行はすべて不採用です。どちらかの列名を直すか削除してください`},
		{`a.yaml:1:1: error: something nobody catalogued`, `a.yaml:1:1: error: something nobody catalogued`},
	} {
		if got := i18n.TranslateLine(i18n.JA, tc.in); got != tc.want {
			t.Errorf("i18n.TranslateLine(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
		if got := i18n.TranslateLine(i18n.EN, tc.in); got != tc.in {
			t.Errorf("English changed: %q", got)
		}
	}
}
