package scheme

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// lawSeeds are versions of every scheme, for the fuzzers' corpus and the
// exhaustive law test.
var lawSeeds = []string{
	"10.2.9-h1", "10.2.9", "21.4R3-S5", "21.4R3", "15.1X49-D200", "9.11.4-P2", "9.11.4-S1", "9.18.0rc1",
	"14.6.0-ee", "14.6.0-ce.0", "8u361", "1.8.0_361", "1.8.0 update361", "1.8.0_392-b08", "11.0.18+10",
	"10.1.0-M17", "10.1.0-milestone17", "7.0U3p", "7.0 Update 3p", "15.2(4)M11", "9.8(4)15", "17.3.4a",
	"2:4.15.5~dfsg-0ubuntu5", "5.6.1+really5.4.5-1", "1.0~rc1", "1.0^git1-1", "1:1.0-1.el8_4",
	"2.9.1-1.module+el8.5.0+1234+abcdef12", "v3.0.0-20200313102051-9f266ea9e77c", "v2.0.0+incompatible",
	"1.0.dev456", "1!1.0b2.post345.dev456", "1.2+1.abc", "1-alpha-1-SNAPSHOT", "2.0.1-xyz", "32.0.0-jre",
	"1.0.2k-fips", "1.1.1w-r0", "2.36.1_rc1-r2", "1.0.0-beta", "2.0.0.rc.2", "1.0", "0", "1", "a", "",
	"1.0+dfsg", "1.0a", "1.0.a", "1.0-a", "1-0.alpha", "1.0_1", "1..0", "9.16(3.19)",
}

// intransitive names the schemes whose owner's own ordering is not
// transitive on some text, which the scheme reproduces on purpose to agree
// with the owner's tool on every pair: Maven's ComparableVersion has
// cycles such as "1k" < "1-0.alpha" < "1.0" < "1k" (checked against
// maven-artifact 3.8.7 in TestMavenCycle). For those, the fuzzer checks
// reflexivity and antisymmetry; transitivity is checked on realistic
// versions in TestOrderLawsExhaustive.
var intransitive = map[string]bool{"maven": true}

// checkLaws checks the total-preorder laws over every triple of vs:
// Compare is reflexive, antisymmetric and (unless the scheme is listed in
// intransitive and fuzzing) transitive, and returns only -1, 0 or 1.
func checkLaws(t *testing.T, name string, vs []Version) {
	checkLawsOpt(t, name, vs, true)
}

// checkLawsOpt is checkLaws with transitivity optional.
func checkLawsOpt(t *testing.T, name string, vs []Version, transitive bool) {
	t.Helper()
	for _, a := range vs {
		if a.Compare(a) != 0 {
			t.Fatalf("%s: %q is not equal to itself", name, a)
		}
		for _, b := range vs {
			ab := a.Compare(b)
			if ab < -1 || ab > 1 || ab != -b.Compare(a) {
				t.Fatalf("%s: not antisymmetric: Compare(%q, %q) = %d, reverse %d", name, a, b, ab, b.Compare(a))
			}
			for _, c := range vs {
				if !transitive {
					break
				}
				bc, ac := b.Compare(c), a.Compare(c)
				if ab <= 0 && bc <= 0 && ac > 0 {
					t.Fatalf("%s: not transitive: %q <= %q <= %q but %q > %q", name, a, b, c, a, c)
				}
				if ab == 0 && bc == 0 && ac != 0 {
					t.Fatalf("%s: equality not transitive over %q, %q, %q", name, a, b, c)
				}
			}
		}
	}
}

// FuzzSchemes parses three texts in every scheme: Parse must not panic,
// a version must parse back from its String to an equal version, and the
// ordering laws must hold among those that parse.
func FuzzSchemes(f *testing.F) {
	for i, s := range lawSeeds {
		f.Add(s, lawSeeds[(i+1)%len(lawSeeds)], lawSeeds[(i+7)%len(lawSeeds)])
	}
	f.Fuzz(func(t *testing.T, a, b, c string) {
		for _, s := range all {
			var vs []Version
			for _, x := range []string{a, b, c} {
				v, err := s.Parse(x)
				if err != nil {
					if v != nil {
						t.Fatalf("%s: Parse(%q) returned a version and error %v", s.Name(), x, err)
					}
					continue
				}
				if v.Scheme() != s.Name() {
					t.Fatalf("%s: Parse(%q).Scheme() = %q", s.Name(), x, v.Scheme())
				}
				again, err := s.Parse(v.String())
				if err != nil || again.Compare(v) != 0 {
					t.Fatalf("%s: %q does not parse back from its String %q: %v", s.Name(), x, v.String(), err)
				}
				vs = append(vs, v)
			}
			checkLawsOpt(t, s.Name(), vs, !intransitive[s.Name()])
		}
	})
}

// FuzzRange checks that ParseRange never panics in any scheme and that a
// range's canonical form parses back to the same membership.
func FuzzRange(f *testing.F) {
	for _, s := range []string{">=10.2.9 <10.2.9-h1 || =11.0.4", "<21.4R3-S5", "*", ">=1:1.0-1 <2:0", ">=3 <2", "=>1"} {
		f.Add(s, "10.2.9")
	}
	f.Fuzz(func(t *testing.T, expr, ver string) {
		for _, s := range all {
			r, err := ParseRange(s, expr)
			if err != nil {
				continue
			}
			r2, err := ParseRange(s, r.String())
			if err != nil || r2.String() != r.String() {
				t.Fatalf("%s: canonical form of %q, %q, does not parse back: %v", s.Name(), expr, r.String(), err)
			}
			if v, err := s.Parse(ver); err == nil && r.MatchingClause(v) != r2.MatchingClause(v) {
				t.Fatalf("%s: %q and %q disagree on %q", s.Name(), expr, r.String(), ver)
			}
		}
	})
}

// FuzzNormalize checks that Normalize never panics, is idempotent, keeps
// valid UTF-8 valid, and leaves no invisible character behind.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"2.3.31\u200b", "２.３.３１", "\ufeff1.0", "1.8.0\u00a0update361", "不明", "\xff1.0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, _ := Normalize(s)
		if n2, ch := Normalize(n); n2 != n || ch {
			t.Fatalf("Normalize not idempotent: %q -> %q -> %q", s, n, n2)
		}
		if utf8.ValidString(s) && !utf8.ValidString(n) {
			t.Fatalf("Normalize(%q) = %q is not valid UTF-8", s, n)
		}
		if strings.ContainsRune(n, '\u200b') || strings.ContainsRune(n, '\ufeff') {
			t.Fatalf("Normalize(%q) = %q keeps an invisible character", s, n)
		}
	})
}

// FuzzFoldCPEUpdate checks that FoldCPEUpdate never panics and keeps
// the version when it does not fold.
func FuzzFoldCPEUpdate(f *testing.F) {
	f.Add("juniper:junos", "21.4", "r3-s5")
	f.Add("paloaltonetworks:pan-os", "10.2.8", "h1")
	f.Add("oracle:jdk", "1.8.0", "update361")
	f.Fuzz(func(t *testing.T, p, v, u string) {
		got, ok := FoldCPEUpdate(p, v, u)
		if !ok && got != v {
			t.Fatalf("FoldCPEUpdate(%q, %q, %q) changed the version without folding: %q", p, v, u, got)
		}
	})
}

// TestOrderLawsExhaustive checks the laws over every triple of versions
// built from tricky pieces, per scheme: random fuzzing rarely produces
// three related versions at once.
func TestOrderLawsExhaustive(t *testing.T) {
	heads := []string{"0", "1", "1.0", "01.0", "1.0.2", "v1.0.2", "1:1.0", "21.4", "10.2.9", "1.8.0", "8", "9.8(4)", "7.0"}
	tails := []string{"", "k", "aa", "p1", ".0", ".1", "-rc1", "rc1", "~rc1", "^git1", "-1", "-1.el8", "-0ubuntu1", "+dfsg",
		"-h1", "R3", "R3-S5", "-P2", "-S1", "-ee", "_361", "u361", "-b08", "-M17", "U3p", "M11", "15", "_p1", "-r1",
		".dev1", ".post1", "-SNAPSHOT", "-sp", "-jre", "-fips", "+incompatible", "-0.20200313102051-9f266ea9e77c"}
	for _, s := range all {
		var vs []Version
		if intransitive[s.Name()] {
			// Realistic versions only: those published by the owner and
			// those of real artifacts, without the "-0.alpha" forms of
			// MNG-6964 that make Maven's cycles.
			var cands []string
			for _, c := range mavenRealistic(t) {
				if !strings.Contains(c, "-0.") {
					cands = append(cands, c)
				}
			}
			vs = pool(t, s, cands)
			checkLaws(t, s.Name(), vs)
			continue
		}
		for _, h := range heads {
			for _, tl := range tails {
				if v, err := s.Parse(h + tl); err == nil {
					vs = append(vs, v)
				}
			}
		}
		for _, x := range lawSeeds {
			if v, err := s.Parse(x); err == nil {
				vs = append(vs, v)
			}
		}
		// A thinned sample keeps the cubic check fast.
		if len(vs) > 160 {
			k := (len(vs) + 159) / 160
			var thin []Version
			for i := 0; i < len(vs); i += k {
				thin = append(thin, vs[i])
			}
			vs = thin
		}
		if len(vs) < 5 {
			t.Errorf("%s: only %d versions to check the laws on", s.Name(), len(vs))
		}
		checkLaws(t, s.Name(), vs)
	}
}

// TestMavenCycle documents that Maven's own ordering has cycles, and that
// this scheme reproduces them rather than disagree with Maven.
func TestMavenCycle(t *testing.T) {
	s := MustLookup("maven")
	cycle := []string{"1k", "1-0.alpha", "1.0"}
	for i := range cycle {
		a, _ := s.Parse(cycle[i])
		b, _ := s.Parse(cycle[(i+1)%len(cycle)])
		if a.Compare(b) != -1 {
			t.Errorf("Compare(%q, %q) = %d; maven-artifact 3.8.7 says -1", a, b, a.Compare(b))
		}
	}
}
