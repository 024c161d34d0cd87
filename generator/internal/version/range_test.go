package version

import (
	"strings"
	"testing"
)

func TestRangeContains(t *testing.T) {
	tests := []struct {
		name  string
		expr  string
		in    []string
		notIn []string
	}{
		{
			name:  "half-open interval",
			expr:  ">=2.3.5 <2.3.32",
			in:    []string{"2.3.5", "2.3.31", "2.3.10.1", "2.3.32-rc1", "v2.3.20"},
			notIn: []string{"2.3.4", "2.3.32", "2.3.32.0", "2.5.0", "2.3.5-rc1"},
		},
		{
			name:  "union with equality",
			expr:  "<=2.14.1 || =2.15.0",
			in:    []string{"2.0", "2.14.1", "2.14.0", "2.15.0", "2.15"},
			notIn: []string{"2.14.2", "2.15.1", "2.16.0"},
		},
		{
			name:  "any",
			expr:  "*",
			in:    []string{"0", "1.0", "99999.1-rc1", "1:0"},
			notIn: nil,
		},
		{
			name:  "bare version",
			expr:  "2.5.0",
			in:    []string{"2.5.0", "2.5", "v2.5.0.0"},
			notIn: []string{"2.5.0.1", "2.5.0-rc1", "2.4.9"},
		},
		{
			name:  "NVD start including end excluding",
			expr:  ">= 2.0.0 < 2.17.1",
			in:    []string{"2.0.0", "2.17.0", "2.0.0.1"},
			notIn: []string{"2.0.0-beta9", "1.9", "2.17.1"},
		},
		{
			name:  "NVD start excluding end including",
			expr:  ">2.0 <=2.17.1",
			in:    []string{"2.0.1", "2.17.1", "2.0a"},
			notIn: []string{"2.0", "2.0.0", "2.17.1a", "2.17.2"},
		},
		{
			name:  "openssl letter releases",
			expr:  ">=1.0.2 <1.0.2zf",
			in:    []string{"1.0.2", "1.0.2k", "1.0.2ze"},
			notIn: []string{"1.0.2zf", "1.0.2zg", "1.1.0", "1.0.1u"},
		},
		{
			name:  "only upper bound",
			expr:  "<1.0",
			in:    []string{"0.9", "1.0-rc1", "0"},
			notIn: []string{"1.0", "1.0.1"},
		},
		{
			name:  "three clauses",
			expr:  "<1 || >=2 <3 || >=4",
			in:    []string{"0.5", "2.9", "4", "100"},
			notIn: []string{"1", "1.5", "3", "3.9"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ParseRange(tt.expr)
			if err != nil {
				t.Fatalf("ParseRange(%q): %v", tt.expr, err)
			}
			for _, s := range tt.in {
				if !r.Contains(MustParse(s)) {
					t.Errorf("%q does not contain %q", tt.expr, s)
				}
			}
			for _, s := range tt.notIn {
				if r.Contains(MustParse(s)) {
					t.Errorf("%q contains %q", tt.expr, s)
				}
			}
			if r.Contains(Version{}) {
				t.Errorf("%q contains the zero Version", tt.expr)
			}
		})
	}
}

func TestMatchingClause(t *testing.T) {
	r, err := ParseRange("<=2.14.1 || =2.15.0 || >=2.0 <3")
	if err != nil {
		t.Fatal(err)
	}
	for s, want := range map[string]int{"2.14.0": 0, "2.15.0": 1, "2.16": 2, "3.0": -1, "1.0": 0} {
		if got := r.MatchingClause(MustParse(s)); got != want {
			t.Errorf("MatchingClause(%q) = %d, want %d", s, got, want)
		}
	}
	var zero Range
	if zero.Contains(MustParse("1")) || zero.MatchingClause(MustParse("1")) != -1 || zero.String() != "" {
		t.Error("zero Range must contain nothing")
	}
}

func TestRangeString(t *testing.T) {
	tests := []struct{ in, want string }{
		{">=2.3.5 <2.3.32", ">=2.3.5 <2.3.32"},
		{"  >= 2.3.5   < 2.3.32  ", ">=2.3.5 <2.3.32"},
		{"<=2.14.1||2.15.0", "<=2.14.1 || =2.15.0"},
		{"*", "*"},
		{" * || >1", "* || >1"},
		{"v1.2", "=v1.2"},
		{"= 1.0-rc1+b2", "=1.0-rc1+b2"},
		{"1:2.3 <1:3", "=1:2.3 <1:3"},
	}
	for _, tt := range tests {
		r, err := ParseRange(tt.in)
		if err != nil {
			t.Errorf("ParseRange(%q): %v", tt.in, err)
			continue
		}
		if got := r.String(); got != tt.want {
			t.Errorf("ParseRange(%q).String() = %q, want %q", tt.in, got, tt.want)
		}
		r2, err := ParseRange(r.String())
		if err != nil || r2.String() != r.String() || len(r2.Clauses) != len(r.Clauses) {
			t.Errorf("round trip of %q: %q, %v", tt.in, r2.String(), err)
		}
	}
}

func TestParseRangeErrors(t *testing.T) {
	tests := []struct {
		name, in, wantSub string
	}{
		{"empty", "", "empty range"},
		{"blank", "  \t ", "empty range"},
		{"empty clause", ">=1 || ", "clause 2: empty clause"},
		{"leading empty clause", "|| 1", "clause 1: empty clause"},
		{"contradiction", ">=3 <2", `clause ">=3 <2" matches no version: >=3 and <2 exclude each other`},
		{"touching strict lower", ">2 <=2", "matches no version"},
		{"touching strict upper", ">=2 <2.0", "matches no version"},
		{"two equalities", "=1 =2", "matches no version"},
		{"equality outside", "=1.5 >=2", "matches no version"},
		{"arrow", "=>2.0", `unknown operator "=>" in "=>2.0"`},
		{"pessimistic", "~> 2.0", `unknown operator "~>"`},
		{"double equals", "==2.0", `unknown operator "=="`},
		{"not equal", "!=2.0", `unknown operator "!="`},
		{"caret", "^1.2", `unknown operator "^"`},
		{"tilde", "~1.2", `unknown operator "~"`},
		{"dangling operator", ">=1 <", `operator "<" has no version after it`},
		{"operator then operator", ">= <2", `operator ">=" is followed by "<2"`},
		{"star combined", "* >=1", `"*" must be a clause of its own`},
		{"star as version", ">=*", "wildcard"},
		{"wildcard version", ">=2.5.x", `"2.5.x": not a version: segment "x" is a wildcard`},
		{"single pipe", ">=1 | <2", `stray "|"`},
		{"comma separated", ">=1.0, <2.0", `comma after "1.0"; comparators are separated by spaces`},
		{"comma inside", ">=1.0,<2.0", `unexpected character ','`},
		{"bad version", ">=latest", "must start with a digit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseRange(tt.in)
			if err == nil {
				t.Fatalf("ParseRange(%q) succeeded, want error containing %q", tt.in, tt.wantSub)
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.wantSub) {
				t.Errorf("ParseRange(%q) error = %q, want it to contain %q", tt.in, msg, tt.wantSub)
			}
			if msg != strings.ToLower(msg[:1])+msg[1:] {
				t.Errorf("error %q does not start in lower case", msg)
			}
		})
	}
}

func TestParseRangeAccepts(t *testing.T) {
	for _, s := range []string{
		">=1 <=1",      // a single version
		"=1 =1.0.0",    // equal bounds
		">=1 >=2 <3",   // redundant bounds
		"<2 <3",        // redundant upper bounds
		">1 <1.0.0.1",  // narrow but not empty
		"1.0 || 1.0.0", // duplicate clauses
	} {
		if _, err := ParseRange(s); err != nil {
			t.Errorf("ParseRange(%q): %v", s, err)
		}
	}
}

func TestUpperLower(t *testing.T) {
	tests := []struct {
		clause             string
		upper, lower       string // canonical comparator, "" when open-ended
		upperOK, lowerOKok bool
	}{
		{">=2.0", "", ">=2.0", false, true},
		{"*", "", "", false, false},
		{"<3", "<3", "", true, false},
		{">=2.3.5 <2.3.32", "<2.3.32", ">=2.3.5", true, true},
		{"<=2.14.1", "<=2.14.1", "", true, false},
		{"=2.15.0", "=2.15.0", "=2.15.0", true, true},
		{"<=3 <3", "<3", "", true, false},
		{"<3 <=3", "<3", "", true, false},
		{"<5 <=4 <4.5", "<=4", "", true, false},
		{">1 >=1 >0.5", "", ">1", false, true},
		{">=1 =2 <3", "=2", "=2", true, true},
	}
	for _, tt := range tests {
		r, err := ParseRange(tt.clause)
		if err != nil {
			t.Fatalf("ParseRange(%q): %v", tt.clause, err)
		}
		c := r.Clauses[0]
		up, ok := c.Upper()
		if ok != tt.upperOK || (ok && up.String() != tt.upper) {
			t.Errorf("%q Upper() = %q, %v; want %q, %v", tt.clause, up, ok, tt.upper, tt.upperOK)
		}
		lo, ok := c.Lower()
		if ok != tt.lowerOKok || (ok && lo.String() != tt.lower) {
			t.Errorf("%q Lower() = %q, %v; want %q, %v", tt.clause, lo, ok, tt.lower, tt.lowerOKok)
		}
	}
}

func TestClauseAndOpEdges(t *testing.T) {
	if got := Op(0).String(); got != "Op(0)" {
		t.Errorf("Op(0).String() = %q", got)
	}
	want := map[Op]string{OpLT: "<", OpLE: "<=", OpGT: ">", OpGE: ">=", OpEQ: "="}
	for op, s := range want {
		if op.String() != s {
			t.Errorf("%d.String() = %q, want %q", int(op), op.String(), s)
		}
	}
	v := MustParse("1.0")
	if (Clause{}).Contains(v) {
		t.Error("empty clause contains a version")
	}
	if (Comparator{Op: 0, Version: v}).Matches(v) {
		t.Error("invalid operator matches")
	}
	if (Comparator{Op: OpLE}).Matches(v) {
		t.Error("zero bound matches")
	}
}

func BenchmarkRangeContains(b *testing.B) {
	r, err := ParseRange(">=2.0.0 <2.3.32 || >=2.5.0 <2.5.33 || >=6.0.0 <6.1.2.1")
	if err != nil {
		b.Fatal(err)
	}
	v := MustParse("2.5.10.1")
	for b.Loop() {
		r.Contains(v)
	}
}
