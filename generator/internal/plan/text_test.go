package plan

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
)

// oracleText is the sentence as Text made it before appendFormat, through
// fmt: the reference AppendTextIn must match byte for byte.
func oracleText(lang i18n.Lang, a Action, system i18n.Text, productName string) string {
	var key string
	switch {
	case a.Kind == model.ActionReplace && a.TargetOpen:
		key = "action_text.replace_open"
	case a.Kind == model.ActionReplace:
		key = "action_text.replace"
	case a.Kind == model.ActionConfirm && a.TargetOpen:
		key = "action_text.confirm_open"
	case a.Kind == model.ActionConfirm:
		key = "action_text.confirm"
	case a.Kind == model.ActionPatch:
		key = "action_text.patch"
	default:
		key = "action_text.upgrade"
	}
	// One buffer for the sentence's parts: a plan has an action per
	// product version and system, hundreds of thousands at scale.
	var buf [320]byte
	b := i18n.Appendf(buf[:0], lang, key, system.Get(lang), productName, a.Version, a.Patches, ActionTargetText(a).Get(lang))
	if key == "action_text.upgrade" && a.EOL {
		b = append(b, i18n.T(lang, "action_text.other_line")...)
	}
	closes := "action_text.closes"
	if n := len(a.Findings); n == 1 && lang == i18n.EN {
		closes += ".one"
	}
	b = i18n.Appendf(b, lang, closes, len(a.Findings), a.TopPriority)
	if !a.Due.IsZero() {
		b = i18n.Appendf(b, lang, "action_text.due", a.Due.Format("2006-01-02"))
	}
	return string(b)
}

// textActions are actions of every kind and shape a sentence depends on,
// with texts that look like format verbs and need escaping.
func textActions() []Action {
	var out []Action
	kinds := []model.ActionKind{model.ActionUpgrade, model.ActionPatch, model.ActionReplace, model.ActionConfirm, ""}
	targets := []struct {
		target string
		after  bool
	}{{"", false}, {"2.5.33", false}, {"2.5.12", true}, {"%s 100%", false}}
	counts := []int{0, 1, 2, 999, 1000, 1234567}
	dues := []time.Time{{}, time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(12026, 1, 2, 0, 0, 0, 0, time.UTC)}
	i := 0
	for _, k := range kinds {
		for _, t := range targets {
			for _, patches := range []string{"", "KB5005565", "KB1, KB2 %d"} {
				for _, open := range []bool{false, true} {
					n := counts[i%len(counts)]
					a := Action{Fix: NewFix(Fix{Kind: k, Target: t.target, TargetAfter: t.after, Patches: patches, TargetOpen: open, EOL: i%3 == 0}),
						Work: &Work{}, Version: fmt.Sprintf("1.%d <b>&", i), Findings: make([]string, n), TopPriority: model.Priorities[i%len(model.Priorities)],
						Due: dues[i%len(dues)]}
					out = append(out, a)
					i++
				}
			}
		}
	}
	return out
}

func TestAppendTextInMatchesFmt(t *testing.T) {
	systems := []i18n.Text{{JA: "受注サイト", EN: "Order site"}, i18n.Plain("%[2]s %!x <x>"), {JA: "名前だけ"}, {}}
	products := []string{"Apache Struts", "", "100% %v"}
	for i, a := range textActions() {
		sys, prod := systems[i%len(systems)], products[i%len(products)]
		for _, lang := range []i18n.Lang{i18n.JA, i18n.EN} {
			want := oracleText(lang, a, sys, prod)
			if got := TextIn(lang, &a, sys, prod); got != want {
				t.Fatalf("action %d %s:\n got %q\nwant %q", i, lang, got, want)
			}
			if got := string(AppendTextIn([]byte("x"), lang, &a, sys, prod)); got != "x"+want {
				t.Fatalf("action %d %s: AppendTextIn appended %q, want %q", i, lang, got, "x"+want)
			}
		}
		if got := Text(a, sys, prod); got != (i18n.Text{JA: oracleText(i18n.JA, a, sys, prod), EN: oracleText(i18n.EN, a, sys, prod)}) {
			t.Fatalf("action %d: Text = %q", i, got)
		}
	}
}

// TestAppendFormat checks appendFormat against fmt on the catalogue's own
// formats and on formats it must leave to fmt.
func TestAppendFormat(t *testing.T) {
	args := []arg{str("a%s"), num(1234), bytesArg([]byte("<b>"))}
	fmtArgs := []any{"a%s", 1234, "<b>"}
	cases := []struct {
		format string
		ok     bool
	}{
		{"%[1]s and %[3]s", true}, {"%[1]s %[2]d", true}, {"%s, %d, %s", true}, {"100%% %[3]s", true}, {"%[2]d then %s", true},
		{"%s", false},          // arguments left over: fmt reports them
		{"%[4]s", false},       // no such argument
		{"%s %s %s %s", false}, // missing argument
		{"%[2]s", false},       // a count printed as text
		{"%d", false},          // text printed as a number
		{"%5s %d %s", false}, {"%v %d %s", false}, {"%[1]q", false}, {"%[x]s", false}, {"%[+1]s", false}, {"%[1", false}, {"end %", false},
	}
	for _, c := range cases {
		got, ok := appendFormat([]byte("p:"), c.format, args)
		if ok != c.ok {
			t.Errorf("%q: ok = %v, want %v", c.format, ok, c.ok)
			continue
		}
		if !ok {
			if string(got) != "p:" {
				t.Errorf("%q: declined but appended %q", c.format, got)
			}
			continue
		}
		in := append([]any(nil), fmtArgs...)
		in[1] = fmt.Sprintf("%s", i18n.Number(1234))
		want := "p:" + fmt.Sprintf(strings.ReplaceAll(strings.ReplaceAll(c.format, "%[2]d", "%[2]s"), ", %d,", ", %s,"), in...)
		if string(got) != want {
			t.Errorf("%q: got %q, want %q", c.format, got, want)
		}
	}
	// Every sentence format of the catalogue takes the fast path.
	for _, key := range i18n.Keys() {
		if !strings.HasPrefix(key, "action_text.") && !strings.HasPrefix(key, "action_target.") {
			continue
		}
		for _, lang := range []i18n.Lang{i18n.JA, i18n.EN} {
			f := i18n.T(lang, key)
			n := strings.Count(f, "%") - 2*strings.Count(f, "%%")
			if strings.Contains(f, "%[") {
				n = 5 // as the sentence gives its five texts
			}
			var as []arg
			for range n {
				as = append(as, str("x"))
			}
			if strings.Contains(f, "d") && strings.HasPrefix(key, "action_text.closes") {
				as = []arg{num(3), str("P1")}
			}
			if _, ok := appendFormat(nil, f, as); !ok {
				t.Errorf("%s (%s) %q is left to fmt", key, lang, f)
			}
		}
	}
}

func TestAppendNumber(t *testing.T) {
	for _, n := range []int{0, 7, -7, 999, 1000, -1000, 123456, 1234567, -1234567, 1 << 62, -1 << 63} {
		if got, want := string(appendNumber(nil, n)), i18n.Number(n); got != want {
			t.Errorf("appendNumber(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestAppendTextInAllocs: the sentence, appended to a buffer large enough,
// allocates nothing (through fmt it allocated about a dozen times).
func TestAppendTextInAllocs(t *testing.T) {
	a := Action{Fix: NewFix(Fix{Kind: model.ActionUpgrade, Target: "2.5.33", EOL: true}), Work: &Work{}, Version: "2.5.10",
		Findings: make([]string, 1234), TopPriority: model.P1, Due: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)}
	sys := i18n.Text{JA: "受注サイト", EN: "Order site"}
	buf := make([]byte, 0, 1024)
	for _, n := range []int{1, 1234} {
		a.Findings = make([]string, n)
		for _, lang := range []i18n.Lang{i18n.JA, i18n.EN} {
			if allocs := testing.AllocsPerRun(100, func() { AppendTextIn(buf[:0], lang, &a, sys, "Apache Struts") }); allocs != 0 {
				t.Errorf("%s, %d findings: %.0f allocations a sentence, want 0", lang, n, allocs)
			}
		}
	}
}
