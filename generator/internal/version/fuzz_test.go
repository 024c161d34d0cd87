package version

import "testing"

// FuzzCompare checks that Parse never panics and that Compare is a total
// preorder: reflexive, antisymmetric and transitive, with Equal agreeing
// with Compare == 0. The package-level Compare on strings is checked for
// the same laws, unparseable strings included. Seeds live in
// testdata/fuzz/FuzzCompare.
func FuzzCompare(f *testing.F) {
	seeds := [][3]string{
		{"2.5.10.1", "2.5.9", "2.5"},
		{"2.0.0-rc1", "2.0.0", "2.0.0rc1"},
		{"1.0.2k", "1.0.2", "1.0.2aa"},
		{"1.2", "1.2.0", "v1.2.0.0"},
		{"15.1.2375.37", "15.1.2375.4", "1:0"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, a, b, c string) {
		va, errA := Parse(a)
		vb, errB := Parse(b)
		vc, errC := Parse(c)
		for _, p := range []struct {
			s   string
			v   Version
			err error
		}{{a, va, errA}, {b, vb, errB}, {c, vc, errC}} {
			if p.err != nil {
				if p.v.IsValid() {
					t.Fatalf("Parse(%q) returned a valid version and error %v", p.s, p.err)
				}
				continue
			}
			if p.v.Compare(p.v) != 0 || !p.v.Equal(p.v) {
				t.Fatalf("%q is not equal to itself", p.s)
			}
			again, err := Parse(p.v.String())
			if err != nil || again.String() != p.v.String() || !again.Equal(p.v) {
				t.Fatalf("Parse(%q).String() = %q does not parse back: %v", p.s, p.v.String(), err)
			}
		}
		vs := []Version{va, vb, vc}
		ss := []string{a, b, c}
		for i := range 3 {
			for j := range 3 {
				x, y := vs[i].Compare(vs[j]), vs[j].Compare(vs[i])
				if x != -y || x < -1 || x > 1 {
					t.Fatalf("not antisymmetric: Compare(%q, %q) = %d, reverse %d", ss[i], ss[j], x, y)
				}
				if vs[i].Equal(vs[j]) != (x == 0) {
					t.Fatalf("Equal(%q, %q) disagrees with Compare = %d", ss[i], ss[j], x)
				}
				sx, sy := Compare(ss[i], ss[j]), Compare(ss[j], ss[i])
				if sx != -sy {
					t.Fatalf("not antisymmetric: Compare(%q, %q) = %d, reverse %d", ss[i], ss[j], sx, sy)
				}
				for k := range 3 {
					if x <= 0 && vs[j].Compare(vs[k]) <= 0 && vs[i].Compare(vs[k]) > 0 {
						t.Fatalf("not transitive: %q <= %q <= %q but %q > %q", ss[i], ss[j], ss[k], ss[i], ss[k])
					}
					if sx <= 0 && Compare(ss[j], ss[k]) <= 0 && Compare(ss[i], ss[k]) > 0 {
						t.Fatalf("package Compare not transitive over %q, %q, %q", ss[i], ss[j], ss[k])
					}
				}
			}
		}
		// HasPrefixLine must not panic, and a version belongs to its own line.
		if errA == nil && !HasPrefixLine(va, a) {
			t.Fatalf("%q does not belong to its own line", a)
		}
		_ = HasPrefixLine(va, b)
	})
}

// FuzzParseRange checks that ParseRange never panics and that a parsed
// range's canonical String parses back to a range with the same String
// and the same membership. Seeds live in testdata/fuzz/FuzzParseRange.
func FuzzParseRange(f *testing.F) {
	for _, s := range []string{
		">=2.3.5 <2.3.32 || =2.5.0",
		"<=2.14.1 || 2.15.0",
		"*",
		">= 2.0.0 < 2.17.1",
		">=3 <2",
		"=>2.0",
	} {
		f.Add(s, "2.3.10")
	}
	f.Fuzz(func(t *testing.T, expr, ver string) {
		r, err := ParseRange(expr)
		if err != nil {
			return
		}
		canon := r.String()
		r2, err := ParseRange(canon)
		if err != nil {
			t.Fatalf("ParseRange(%q).String() = %q does not parse: %v", expr, canon, err)
		}
		if r2.String() != canon {
			t.Fatalf("canonical form not stable: %q -> %q -> %q", expr, canon, r2.String())
		}
		if len(r2.Clauses) != len(r.Clauses) {
			t.Fatalf("%q: clause count changed from %d to %d", expr, len(r.Clauses), len(r2.Clauses))
		}
		for _, c := range r.Clauses {
			_, _ = c.Upper()
			_, _ = c.Lower()
		}
		if v, err := Parse(ver); err == nil {
			if r.MatchingClause(v) != r2.MatchingClause(v) {
				t.Fatalf("%q and its canonical form %q disagree on %q", expr, canon, ver)
			}
			if i := r.MatchingClause(v); i >= 0 && !r.Clauses[i].Contains(v) {
				t.Fatalf("MatchingClause(%q) = %d but that clause does not contain it", ver, i)
			}
		}
	})
}

// TestOrderLaws checks the preorder laws exhaustively over every triple
// of a set of version-like strings built from tricky pieces, which random
// fuzzing rarely produces three at a time.
func TestOrderLaws(t *testing.T) {
	heads := []string{"0", "1", "1.0", "01.0.0", "1.0.2", "v1.0.2", "1:1", "1.a", "1.0a"}
	tails := []string{"", "k", "z", "aa", "p1", ".0", ".1", "-rc1", "rc1", ".RC.1", "-1", "~alpha",
		"-alpha.beta", ".Final", "-GA", "+b1", ".M2", "m2", "_2", "beta", "-0", "-a0"}
	var vs []Version
	for _, h := range heads {
		for _, tl := range tails {
			if v, err := Parse(h + tl); err == nil {
				vs = append(vs, v)
			}
		}
	}
	for _, a := range vs {
		for _, b := range vs {
			ab := a.Compare(b)
			if ab != -b.Compare(a) || a.Equal(b) != (ab == 0) {
				t.Fatalf("antisymmetry or Equal fails for %q, %q", a, b)
			}
			for _, c := range vs {
				if ab <= 0 && b.Compare(c) <= 0 && a.Compare(c) > 0 {
					t.Fatalf("not transitive: %q <= %q <= %q but %q > %q", a, b, c, a, c)
				}
			}
		}
	}
}
