package site

import (
	"testing"

	"vulnreport/generator/internal/publish"
)

// TestRelLinkPathCheck: for the characters plainHref lets through,
// insideOutput (which pathOf and relLinkTo use: a renderer imports no
// publish) rejects exactly the paths publish.CheckPath rejects, over every string
// of up to five of the characters that matter.
func TestRelLinkPathCheck(t *testing.T) {
	alphabet := []string{"a", ".", "/", "-", "_"}
	var walk func(s string, n int)
	walk = func(s string, n int) {
		if plainHref(s) && s != "" {
			if got, want := insideOutput(s), publish.CheckPath(s) == nil; got != want {
				t.Errorf("%q: insideOutput %v, publish.CheckPath accepts %v", s, got, want)
			}
		}
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			walk(s+c, n-1)
		}
	}
	walk("", 5)
}
