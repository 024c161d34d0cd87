package xlsx

import (
	"strings"
	"testing"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
)

// TestInterner wants the interned texts of a row equal to those the
// plain functions build: joined lists, ids in their order, scanner
// results and a finding's reasons.
func TestInterner(t *testing.T) {
	in := newInterner()
	str := func(v any) string {
		switch x := v.(type) {
		case nil:
			return ""
		case *string:
			return *x
		}
		return v.(string)
	}
	for _, list := range [][]string{nil, {""}, {"a"}, {"", "x"}, {"x", ""}, {"CVE-1", "JVNDB-2", "GHSA-3", "CVE-4", "JVN-5"}, {"a", "b", "c"}} {
		if got, want := str(in.join(list, ", ")), strings.Join(list, ", "); got != want {
			t.Errorf("join %q = %q, want %q", list, got, want)
		}
		if got, want := str(in.ids(list)), ids(list); got != want {
			t.Errorf("ids %q = %q, want %q", list, got, want)
		}
	}
	for _, ss := range [][]model.ScanSource{{{Scanner: "vuls", File: "a.json"}}, {{Scanner: "trivy", File: "t.json", Confidence: "high"},
		{Scanner: "grype", File: "g.json", Confidence: "cpe", Low: true}, {Scanner: "vuls", File: "", Confidence: "", Low: true}}} {
		gs, gc := in.scanners(ss)
		ws, wc := scanCells(ss)
		if str(gs) != ws || str(gc) != wc {
			t.Errorf("scanners %v = %q %q, want %q %q", ss, gs, gc, ws, wc)
		}
	}
	// Lists sharing their first element, asked for twice (the second
	// time by identity), and one changed priority and language.
	shared := []string{"CVE-1", "JVN-2", "X-3"}
	for range 2 {
		for _, list := range [][]string{shared, shared[:2], shared[1:]} {
			if got, want := str(in.ids(list)), ids(list); got != want {
				t.Errorf("ids %q = %q, want %q", list, got, want)
			}
		}
	}
	r := fixture()
	for range 2 {
		for _, lang := range []i18n.Lang{i18n.JA, i18n.EN} {
			b := &book{r: r, lang: lang}
			for _, f := range r.Findings.All() {
				for _, p := range []model.Priority{f.Priority, model.P4} {
					f.Priority = p
					if got, want := str(in.reasons(&f, lang)), b.reasons(&f); got != want {
						t.Errorf("reasons %s = %q, want %q", f.Key, got, want)
					}
					if len(f.Reasons) > 1 {
						f.Reasons = f.Reasons[:1]
						if got, want := str(in.reasons(&f, lang)), b.reasons(&f); got != want {
							t.Errorf("reasons %s = %q, want %q", f.Key, got, want)
						}
					}
				}
			}
		}
	}
}
