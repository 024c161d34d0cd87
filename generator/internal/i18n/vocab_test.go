package i18n

import (
	"strings"
	"testing"
)

// TestExceptionsRegisterOneName: the exceptions register has one name per
// language, the workbook's sheet name, in the method appendix's term, the
// section heading and every sentence that mentions it, so a reader told
// to look in the register finds a sheet and heading of that name.
func TestExceptionsRegisterOneName(t *testing.T) {
	for _, lang := range Supported {
		name := T(lang, TermExceptions)
		if sheet := T(lang, "xlsx.sheet.exceptions"); sheet != name {
			t.Errorf("%s: term %q, workbook sheet %q: one register, one name", lang, name, sheet)
		}
		if h := T(lang, "section.exceptions"); !strings.HasPrefix(h, name) {
			t.Errorf("%s: section heading %q does not start with the register's name %q", lang, h, name)
		}
	}
	for _, other := range []string{"例外台帳", "例外一覧", "exceptions list", "exceptions log", "exception register"} {
		for _, k := range Keys() {
			m := Msg(k)
			if strings.Contains(m.JA, other) || strings.Contains(strings.ToLower(m.EN), other) {
				t.Errorf("%s names the exceptions register %q, not %q / %q", k, other, T(JA, TermExceptions), T(EN, TermExceptions))
			}
		}
	}
}
