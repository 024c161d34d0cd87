package i18n

import "testing"

func TestNumber(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -1000: "-1,000"} {
		if got := Number(n); got != want {
			t.Errorf("Number(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestTfSeparators: counts formatted through the catalogue get thousands
// separators whatever the verb's position; the year of "month" does not;
// widths and flags keep plain integers.
func TestTfSeparators(t *testing.T) {
	for _, c := range []struct {
		lang Lang
		key  string
		args []any
		want string
	}{
		{JA, "site.days", []any{4621}, "4,621 日"},
		{EN, "site.days", []any{4621}, "4,621 days"},
		{EN, "of_n", []any{12345, 15}, "15 of 12,345 shown"},
		{JA, "month", []any{"2026", 12, "December"}, "2026年12月"},
		{EN, "month", []any{"2026", 12, "December"}, "December 2026"},
	} {
		if got := Tf(c.lang, c.key, c.args...); got != c.want {
			t.Errorf("Tf(%s, %s, %v) = %q, want %q", c.lang, c.key, c.args, got, c.want)
		}
	}
	if got := Sentencef("summary.overdue", 1234).EN; got != "1,234 findings are past their due date" {
		t.Errorf("Sentencef: %q", got)
	}
	args := []any{1000}
	Tf(EN, "site.days", args...)
	if args[0] != 1000 {
		t.Errorf("Tf changed its caller's arguments: %v", args)
	}
}

// TestTnSingular: English says "1 day", Japanese needs no singular.
func TestTnSingular(t *testing.T) {
	for _, c := range []struct {
		lang Lang
		n    int
		want string
	}{{EN, 1, "1 day"}, {EN, 2, "2 days"}, {EN, 1000, "1,000 days"}, {JA, 1, "1 日"}} {
		if got := Tn(c.lang, "site.days", c.n); got != c.want {
			t.Errorf("Tn(%s, site.days, %d) = %q, want %q", c.lang, c.n, got, c.want)
		}
	}
}
