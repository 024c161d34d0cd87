package scheme

import (
	"slices"
	"strings"
	"testing"
)

func TestLookupNames(t *testing.T) {
	names := Names()
	if !slices.IsSorted(names) || len(names) != len(all) {
		t.Fatalf("Names() = %v", names)
	}
	for _, n := range names {
		s, ok := Lookup(" " + n + " ")
		if !ok || s.Name() != n {
			t.Fatalf("Lookup(%q) = %v, %v", n, s, ok)
		}
	}
	if s, ok := Lookup("DEB"); !ok || s.Name() != "deb" {
		t.Fatalf("Lookup is not case-insensitive")
	}
	for _, bad := range []string{"", "debian-ish", "semver2"} {
		if _, ok := Lookup(bad); ok {
			t.Fatalf("Lookup(%q) found a scheme", bad)
		}
	}
}

func TestForPurlAndVersionType(t *testing.T) {
	for in, want := range map[string]string{"deb": "deb", "RPM": "rpm", "apk": "apk", "npm": "semver",
		"golang": "semver", "cargo": "semver", "pypi": "pep440", "maven": "maven", "gem": "gem"} {
		if s, ok := ForPurlType(in); !ok || s.Name() != want {
			t.Errorf("ForPurlType(%q) = %v, %v; want %s", in, s, ok, want)
		}
	}
	if _, ok := ForPurlType("generic"); ok {
		t.Errorf("ForPurlType(generic) found a scheme")
	}
	for in, want := range map[string]string{"semver": "semver", "maven": "maven", "python": "pep440", "rpm": "rpm"} {
		if s, ok := ForVersionType(in); !ok || s.Name() != want {
			t.Errorf("ForVersionType(%q) = %v, %v; want %s", in, s, ok, want)
		}
	}
	for _, in := range []string{"custom", "git", "patch", "", "7.0U3o"} {
		if _, ok := ForVersionType(in); ok {
			t.Errorf("ForVersionType(%q) found a scheme", in)
		}
	}
}

// cmpCase is one ordering fact: Compare(a, b) == want.
type cmpCase struct {
	a, b string
	want int
}

// checkOrder parses each pair in scheme s and checks Compare both ways.
func checkOrder(t *testing.T, s Scheme, cases []cmpCase) {
	t.Helper()
	for _, c := range cases {
		a, err := s.Parse(c.a)
		if err != nil {
			t.Errorf("%s: Parse(%q): %v", s.Name(), c.a, err)
			continue
		}
		b, err := s.Parse(c.b)
		if err != nil {
			t.Errorf("%s: Parse(%q): %v", s.Name(), c.b, err)
			continue
		}
		if got := a.Compare(b); got != c.want {
			t.Errorf("%s: Compare(%q, %q) = %d, want %d", s.Name(), c.a, c.b, got, c.want)
		}
		if got := b.Compare(a); got != -c.want {
			t.Errorf("%s: Compare(%q, %q) = %d, want %d", s.Name(), c.b, c.a, got, -c.want)
		}
	}
}

// checkReject checks that scheme s rejects each text.
func checkReject(t *testing.T, s Scheme, bad []string) {
	t.Helper()
	for _, b := range bad {
		if v, err := s.Parse(b); err == nil {
			t.Errorf("%s: Parse(%q) = %v, want an error", s.Name(), b, v)
		}
	}
}

func TestGeneric(t *testing.T) {
	checkOrder(t, Generic(), []cmpCase{
		{"2.5.10.1", "2.5.9", 1},
		{"1.0.2k-fips", "1.0.2k", 0},
		{"1.0.2k-fips", "1.0.2l", -1},
		{"32.0.0-jre", "32.0.0", 0},
		{"32.0.0-android", "32.0.0", 0},
		{"31.1-jre", "32.0.0", -1},
		{"1.8.0_392-b08", "1.8.0_392", 0},
		{"8u392-b08", "8u392", 0},
		{"1.2_3-b1", "1.2_3", -1}, // not a Java update: "-b1" stays a pre-release
		{"2.0-b1", "2.0", -1},     // without a Java update "-b1" stays a pre-release
		{"2.0.0-rc1", "2.0.0", -1},
		{"Ver.2.4.1", "2.4.1", 0},
		{"ver 2.4", "2.4.0", 0},
		{"Version 10", "10", 0},
		{"V2.4", "2.4", 0},
	})
	checkReject(t, Generic(), []string{"", "N/A", "不明", "=1.0", "2.3.31\u200b", "-fips", "Ver.", "Version", "Verx1.0", "Ver.beta"})
}

func TestCrossSchemeCompare(t *testing.T) {
	g, _ := Generic().Parse("1.0")
	d, err := MustLookup("generic").Parse("1.0")
	if err != nil || g.Compare(d) != 0 {
		t.Fatalf("same scheme: %v", err)
	}
	if g.Compare(nil) != 1 {
		t.Fatalf("Compare(nil) should be 1")
	}
}

func TestRange(t *testing.T) {
	r, err := ParseRange(Generic(), ">=1.0.2 <1.0.2l || =1.1.0")
	if err != nil {
		t.Fatal(err)
	}
	for v, want := range map[string]int{"1.0.2k-fips": 0, "1.0.2l-fips": -1, "1.1.0": 1, "1.0.1": -1} {
		pv, _ := Generic().Parse(v)
		if got := r.MatchingClause(pv); got != want {
			t.Errorf("MatchingClause(%q) = %d, want %d", v, got, want)
		}
	}
	if r.String() != ">=1.0.2 <1.0.2l || =1.1.0" {
		t.Errorf("String() = %q", r.String())
	}
	for _, bad := range []string{"", ">=3 <2", "=>1", "1.0 *", "N/A"} {
		if _, err := ParseRange(Generic(), bad); err == nil {
			t.Errorf("ParseRange(%q) succeeded", bad)
		}
	}
}

func TestNormalize(t *testing.T) {
	for _, c := range []struct {
		in, want string
		changed  bool
	}{
		{"2.3.31", "2.3.31", false},
		{" 2.3.31 ", "2.3.31", false},
		{"2.3.31\u200b", "2.3.31", true},
		{"\ufeff2.3.31", "2.3.31", true},
		{"２.３.３１", "2.3.31", true},
		{"1.8.0\u00a0update361", "1.8.0 update361", true},
		{"10.2.9\u2010h1", "10.2.9-h1", true},
		{"不明", "不明", false},
	} {
		got, ch := Normalize(c.in)
		if got != c.want || ch != c.changed {
			t.Errorf("Normalize(%q) = %q, %v; want %q, %v", c.in, got, ch, c.want, c.changed)
		}
	}
}

// TestNothingFailsOpen checks that no scheme reads placeholder text as a
// version: such a component must surface as a parse error (要確認), not
// as a version that matches nothing.
func TestNothingFailsOpen(t *testing.T) {
	for _, s := range all {
		checkReject(t, s, []string{"", " ", "N/A", "n/a", "不明", "=1.0", "2.3.31\u200b", "\u00a02.3.31", "-", "*",
			"latest", "unknown", "TBD", "1.0\x00", "２.３.３１", strings.Repeat("1.", 200) + "1"})
	}
}
