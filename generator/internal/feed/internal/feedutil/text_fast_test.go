package feedutil

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

// titleOracle is TitleFrom as written before its fast path.
func titleOracle(desc string) string {
	s := strings.Join(strings.Fields(desc), " ")
	if utf8.RuneCountInString(s) <= TitleLen {
		return s
	}
	n := 0
	for i := range s {
		if n == TitleLen-1 {
			return strings.TrimRight(s[:i], " ") + "…"
		}
		n++
	}
	return s
}

func isHTTPOracle(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

var titleSeeds = []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\u00a0b", "a\u0085b", "東京 大阪", "a\vb",
	strings.Repeat("word ", 40), strings.Repeat("x", 200), strings.Repeat("ab ", 39) + "abc d", strings.Repeat("é", 130)}

var urlSeeds = []string{"https://nvd.nist.gov/vuln/detail/CVE-2021-44228", "http://a", "http://", "https:///x", "HTTPS://x.org/",
	"https://x.org:443/a", "https://user@x.org/", "https://[::1]/", "https://x.org/a%20b", "https://x.org/a%zz", "https://x.org/a b",
	"https://x.org/\x7f", "https://x_y.org/", "https://x.org?q=1#f", "https://x.org#", "ftp://x/y", "/relative", "https://例え.jp/", "https://x.org/é"}

// TestTextFastPaths: TitleFrom and IsHTTP answer as before their fast paths.
func TestTextFastPaths(t *testing.T) {
	for _, s := range titleSeeds {
		if got, want := TitleFrom(s), titleOracle(s); got != want {
			t.Errorf("TitleFrom(%q) = %q, want %q", s, got, want)
		}
	}
	for _, s := range urlSeeds {
		if got, want := IsHTTP(s), isHTTPOracle(s); got != want {
			t.Errorf("IsHTTP(%q) = %v, url.Parse says %v", s, got, want)
		}
	}
}

func FuzzTitleFrom(f *testing.F) {
	for _, s := range titleSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := TitleFrom(s), titleOracle(s); got != want {
			t.Errorf("TitleFrom(%q) = %q, want %q", s, got, want)
		}
	})
}

func FuzzIsHTTP(f *testing.F) {
	for _, s := range urlSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := IsHTTP(s), isHTTPOracle(s); got != want {
			t.Errorf("IsHTTP(%q) = %v, url.Parse says %v", s, got, want)
		}
	})
}
