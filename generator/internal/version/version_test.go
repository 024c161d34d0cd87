package version

import (
	"slices"
	"strings"
	"testing"
)

func TestCompare(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want int
	}{
		// The contract's examples.
		{"four segments beat three", "2.5.10.1", "2.5.9", 1},
		{"numeric not lexical", "2.5.10", "2.5.9", 1},
		{"pre-release before release", "2.0.0-rc1", "2.0.0", -1},
		{"letter suffix after number", "1.0.2k", "1.0.2", 1},
		{"missing segment is zero", "1.2", "1.2.0", 0},
		{"missing segments are zero", "1.2", "1.2.0.0", 0},
		{"exchange build numbers", "15.1.2375.37", "15.1.2375.4", 1},
		{"windows build", "10.0.19045.3930", "10.0.19045.4046", -1},
		{"windows vs line", "10.0.19045", "10.0.19045.0", 0},
		{"struts four part vs three", "2.5.10.1", "2.5.10", 1},
		{"longer with non-zero tail", "1.2.0.1", "1.2", 1},

		// Leading v, leading zeros, long numbers, case.
		{"leading v ignored", "v1.2", "1.2", 0},
		{"leading V ignored", "V1.2.0", "1.2", 0},
		{"leading zeros", "1.02", "1.2", 0},
		{"leading zeros everywhere", "001.000.010", "1.0.10", 0},
		{"huge numbers", "1.123456789012345678901234567890", "1.123456789012345678901234567891", -1},
		{"huge vs small", "99999999999999999999999999", "100000000000000000000000000", -1},
		{"huge with leading zeros", "1.000000000000000000000000000005", "1.5", 0},
		{"case insensitive suffix", "1.0.2K", "1.0.2k", 0},
		{"underscore separator", "1_2_3", "1.2.3", 0},

		// Letter suffixes (OpenSSL, OpenSSH).
		{"openssl a before b", "1.0.2a", "1.0.2b", -1},
		{"openssl z before za", "0.9.8z", "0.9.8za", -1},
		{"openssl y before za", "0.9.8y", "0.9.8za", -1},
		{"shortlex z before aa", "1.0.2z", "1.0.2aa", -1},
		{"suffix before next number", "1.0.2zz", "1.0.3", -1},
		{"openssl 3 segment letter", "1.1.1w", "1.1.1t", 1},
		{"openssh p1 after plain", "7.4p1", "7.4", 1},
		{"openssh p2 after p1", "7.4p2", "7.4p1", 1},
		{"openssh p10 after p2", "7.4p10", "7.4p2", 1},
		{"openssh p before p1", "7.4p", "7.4p1", -1},
		{"openssh next minor", "7.4p1", "7.5", -1},
		{"pure letter segment", "1.a", "1.0a", 0},
		{"pure letter after zero", "1.2.a", "1.2", 1},
		{"el7 segment", "3.10.0.el7", "3.10.0", 1},
		{"python post release", "1.0.post1", "1.0", 1},

		// Pre-releases.
		{"alpha before beta", "2.0.0-alpha", "2.0.0-beta", -1},
		{"alpha before alpha.1", "2.0.0-alpha", "2.0.0-alpha.1", -1},
		{"alpha.1 before alpha.beta", "2.0.0-alpha.1", "2.0.0-alpha.beta", -1},
		{"beta.2 before beta.11", "2.0.0-beta.2", "2.0.0-beta.11", -1},
		{"beta before pre", "2.0.0-beta", "2.0.0-pre", -1},
		{"pre before rc", "2.0.0-pre", "2.0.0-rc", -1},
		{"rc before rc.1", "2.0.0-rc", "2.0.0-rc.1", -1},
		{"rc2 before rc10", "2.0.0-rc2", "2.0.0-rc10", -1},
		{"rc1 equals rc.1", "2.0.0-rc1", "2.0.0-rc.1", 0},
		{"rc1 equals RC-1", "2.0.0-rc1", "2.0.0-RC-1", 0},
		{"pre-release case", "2.0.0-BETA", "2.0.0-beta", 0},
		{"numeric identifier before alpha", "1.0-rc.1", "1.0-rc.a", -1},
		{"citrix build after its release", "13.1-37.176", "13.1", 1},
		{"citrix builds compare numerically", "13.1-37.176", "13.1-49.13", -1},
		{"citrix build equals dotted form", "13.1-37.176", "13.1.37.176", 0},
		{"debian revision is later", "1.2-3", "1.2", 1},
		{"beta still a pre-release", "2.0-beta9", "2.0", -1},
		{"pre-release after previous release", "2.0.0-rc1", "1.9.9", 1},
		{"pre-release of longer release", "2.0.0.1-rc1", "2.0.0", 1},
		{"tilde pre-release", "1.0~rc1", "1.0", -1},
		{"tilde equals dash", "1.0~rc1", "1.0-rc1", 0},
		{"snapshot before release", "1.0-SNAPSHOT", "1.0", -1},
		{"attached rc", "2.0.0rc1", "2.0.0-rc1", 0},
		{"attached beta before release", "1.0beta", "1.0", -1},
		{"attached alpha2", "3.0.0alpha2", "3.0.0-alpha.2", 0},
		{"attached dev", "1.0.dev2", "1.0-dev2", 0},
		{"attached word runs to end", "2.0rc1.2", "2.0-rc.1.2", 0},
		{"attached then dash", "2.0rc1-3", "2.0-rc.1.3", 0},
		{"segment RC", "5.0.0.RC1", "5.0.0-rc1", 0},
		{"segment Beta", "4.3.0.Beta3", "4.3.0", -1},
		{"segment CR", "4.0.0.CR1", "4.0.0.Beta1", 1},
		{"spring milestone", "5.0.0.M1", "5.0.0-m1", 0},
		{"spring milestone before rc", "5.0.0.M4", "5.0.0.RC1", -1},
		{"attached m is a suffix", "1.0.2m", "1.0.2", 1},
		{"word with letters after is a suffix", "1.0betax", "1.0", 1},

		// Release markers and build metadata.
		{"RELEASE is release", "2.0.0.RELEASE", "2.0.0", 0},
		{"Final is release", "5.4.2.Final", "5.4.2", 0},
		{"GA is release", "1.0.GA", "1.0", 0},
		{"dash GA is release", "1.0-GA", "1.0", 0},
		{"dash final is release", "1.0-final", "1.0.0", 0},
		{"marker then snapshot", "2.0.0.GA-SNAPSHOT", "2.0.0", -1},
		{"marker not last is a segment", "1.final.2", "1.0.2", 1},
		{"build ignored", "1.0+build5", "1.0", 0},
		{"builds ignored", "1.0+build5", "1.0+build6", 0},
		{"build with pre-release", "1.0-rc1+b2", "1.0-rc1", 0},
		{"debian dfsg", "1.2+dfsg", "1.2", 0},

		// Epochs.
		{"epoch first", "1:1.0", "9.9", 1},
		{"epoch zero", "0:1.0", "1.0", 0},
		{"epoch compare", "2:1.0", "10:0.1", -1},
		{"epoch with v", "1:v2.0", "1:2.0", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := MustParse(tt.a), MustParse(tt.b)
			if got := a.Compare(b); got != tt.want {
				t.Errorf("Compare(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
			}
			if got := b.Compare(a); got != -tt.want {
				t.Errorf("Compare(%q, %q) = %d, want %d", tt.b, tt.a, got, -tt.want)
			}
			if got := a.Equal(b); got != (tt.want == 0) {
				t.Errorf("Equal(%q, %q) = %v", tt.a, tt.b, got)
			}
			if got := Compare(tt.a, tt.b); got != tt.want {
				t.Errorf("package Compare(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestSortedOrder(t *testing.T) {
	// Each line is strictly greater than the previous one.
	want := []string{
		"0.9.8y", "0.9.8za", "0.9.8zh", "1.0", "1.0.2", "1.0.2a", "1.0.2k", "1.0.2z", "1.0.2aa",
		"1.1.1", "2.0.0-alpha", "2.0.0-alpha.1", "2.0.0-alpha.beta", "2.0.0-beta",
		"2.0.0-beta.2", "2.0.0-beta.11", "2.0.0-rc.1", "2.0.0", "2.0.0.1", "2.5", "2.5.9",
		"2.5.10", "2.5.10.1", "2.50", "10.0.19045", "10.0.19045.3930", "1:0.1",
	}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortFunc(got, Compare)
	if !slices.Equal(got, want) {
		t.Fatalf("sorted:\n%v\nwant:\n%v", got, want)
	}
	for i := 1; i < len(want); i++ {
		if c := Compare(want[i-1], want[i]); c != -1 {
			t.Errorf("Compare(%q, %q) = %d, want -1", want[i-1], want[i], c)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in, wantSub string
	}{
		{"empty", "", "empty"},
		{"blank", "   ", "empty"},
		{"whitespace inside", "1. 2", "white space"},
		{"tab inside", "1.2\t3", "white space"},
		{"control char", "1.2\x00", "control character U+0000"},
		{"delete char", "1.2\x7f", "control character"},
		{"too long", strings.Repeat("1", 257), "257 characters, longer than the limit of 256"},
		{"non ascii", "1.2é", "non-ASCII"},
		{"invalid utf8", "1.2\xff", "invalid UTF-8"},
		{"wildcard x", "2.5.x", `segment "x" is a wildcard; write a range such as ">=2.5 <2.6"`},
		{"wildcard X", "2.X", `">=2 <3"`},
		{"wildcard star", "1.9.*", `">=1.9 <1.10"`},
		{"wildcard carries", "1.99.x", `">=1.99 <1.100"`},
		{"lone star", "*", "wildcard"},
		{"lone x", "x", "wildcard"},
		{"starts with letter", "latest", "must start with a digit"},
		{"only v", "v", "must start with a digit"},
		{"dash first", "-1.0", "must start with a digit"},
		{"empty segment", "1..2", "empty segment"},
		{"trailing dot", "1.2.", "empty segment"},
		{"leading dot", ".1", "must start with a digit"},
		{"bad char", "1.2/3", `unexpected character '/'`},
		{"comma", "1,2", `unexpected character ','`},
		{"empty pre", "1.0-", "nothing after '-'"},
		{"empty pre identifier", "1.0-rc..1", "empty identifier"},
		{"star in pre", "1.0-rc*", "unexpected character '*'"},
		{"star in segment", "1.2*", "unexpected character '*'"},
		{"empty build", "1.0+", "nothing after '+'"},
		{"bad epoch", "a:1.0", "epoch"},
		{"empty epoch", ":1.0", "epoch"},
		{"two colons", "1:2:3", "more than one ':'"},
		{"nothing after epoch", "1:", "must start with a digit"},
		{"operator", ">=1.0", "unexpected character '>'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.in)
			if err == nil {
				t.Fatalf("Parse(%q) succeeded, want error containing %q", tt.in, tt.wantSub)
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.wantSub) || !strings.Contains(msg, "not a version") {
				t.Errorf("Parse(%q) error = %q, want it to contain %q", tt.in, msg, tt.wantSub)
			}
			if msg != strings.ToLower(msg[:1])+msg[1:] {
				t.Errorf("error %q does not start in lower case", msg)
			}
			if len(msg) > 400 {
				t.Errorf("error is %d bytes long", len(msg))
			}
		})
	}
}

func TestParseExampleMessage(t *testing.T) {
	_, err := Parse("2.5.x")
	want := `"2.5.x": not a version: segment "x" is a wildcard; write a range such as ">=2.5 <2.6" instead`
	if err == nil || err.Error() != want {
		t.Errorf("Parse(2.5.x) error = %v, want %s", err, want)
	}
}

func TestStringAndValidity(t *testing.T) {
	for _, s := range []string{"1.2", "v1.2.0", "2.0.0-RC1+build.5", "1:2.3~beta", "2.0.0.RELEASE"} {
		v := MustParse(s)
		if v.String() != s || !v.IsValid() {
			t.Errorf("MustParse(%q).String() = %q, valid %v", s, v.String(), v.IsValid())
		}
	}
	if got := MustParse("  1.2\n").String(); got != "1.2" {
		t.Errorf("surrounding space not trimmed: %q", got)
	}
	var zero Version
	if zero.IsValid() || zero.String() != "" {
		t.Errorf("zero Version: valid %v, string %q", zero.IsValid(), zero.String())
	}
	if zero.Compare(MustParse("0")) != -1 || MustParse("0").Compare(zero) != 1 || zero.Compare(zero) != 0 {
		t.Error("zero Version must sort before every valid version")
	}
	if zero.Equal(MustParse("0")) {
		t.Error("zero Version equals a valid version")
	}
}

func TestMustParsePanics(t *testing.T) {
	defer func() {
		r := recover()
		if r == nil || !strings.Contains(r.(string), "not a version") {
			t.Errorf("MustParse panic = %v", r)
		}
	}()
	MustParse("2.5.x")
}

func TestCompareStrings(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"1.0", "unknown", -1},
		{"unknown", "1.0", 1},
		{"abc", "abd", -1},
		{"2.5.x", "2.5.x", 0},
		{"", "1.0", 1},
		{"", "n/a", -1},
		{"1.2", "v1.2.0", 0},
	}
	for _, tt := range tests {
		if got := Compare(tt.a, tt.b); got != tt.want {
			t.Errorf("Compare(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestHasPrefixLine(t *testing.T) {
	tests := []struct {
		v, cycle string
		want     bool
	}{
		{"2.5.26", "2.5", true},
		{"2.5", "2.5", true},
		{"2.5.0", "2.5", true},
		{"2.50", "2.5", false},
		{"2.50.1", "2.5", false},
		{"2.4.9", "2.5", false},
		{"3.5", "2.5", false},
		{"10.0.19045", "10", true},
		{"10.0.19045.3930", "10.0", true},
		{"11.0", "10", false},
		{"1.0.2k", "1.0.2", true},
		{"1.0.2k", "1.0", true},
		{"1.0.3", "1.0.2", false},
		{"7.4p1", "7.4", true},
		{"2.5", "2.5.0", true},
		{"2.5.1", "2.5.0", false},
		{"2.5.26", "v2.5", true},
		{"v2.5.26", "2.5", true},
		{"2.5.0-rc1", "2.5", true},
		{"2.5.26", "2.5.x", false},
		{"2.5.26", "", false},
		{"1:2.5.26", "2.5", false},
		{"1:2.5.26", "1:2.5", true},
		{"1.0.2k", "1.0.2k", true},
		{"1.0.2l", "1.0.2k", false},
	}
	for _, tt := range tests {
		if got := HasPrefixLine(MustParse(tt.v), tt.cycle); got != tt.want {
			t.Errorf("HasPrefixLine(%q, %q) = %v, want %v", tt.v, tt.cycle, got, tt.want)
		}
	}
	if HasPrefixLine(Version{}, "1") {
		t.Error("zero Version belongs to a line")
	}
}

func BenchmarkCompare(b *testing.B) {
	x, y := MustParse("15.1.2375.37"), MustParse("15.1.2375.4")
	for b.Loop() {
		x.Compare(y)
	}
}

func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		_, _ = Parse("2.0.0-beta.11+build5")
	}
}
