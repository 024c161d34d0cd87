package scheme

import (
	"regexp"
	"strings"

	"vulnreport/generator/internal/version"
)

// genericScheme is the default ordering: package version, plus build
// tags that name the release itself (see the package documentation).
type genericScheme struct{}

func (genericScheme) Name() string { return "generic" }

func (genericScheme) Parse(s string) (Version, error) {
	t, err := prepare("generic", s)
	if err != nil {
		return nil, err
	}
	v, err := version.Parse(stripBuildTag(stripVerWord(t)))
	if err != nil {
		return nil, err
	}
	return genericVersion{v: v, text: t}, nil
}

// genericVersion is a version of the generic scheme.
type genericVersion struct {
	v    version.Version
	text string
}

func (v genericVersion) String() string { return v.text }
func (genericVersion) Scheme() string   { return "generic" }

func (v genericVersion) Compare(w Version) int {
	if g, ok := w.(genericVersion); ok {
		return v.v.Compare(g.v)
	}
	return crossCompare(v, w)
}

// AsGeneric returns the package version value behind a generic-scheme
// version, for the release-line helpers of that package
// ([version.HasPrefixLine]). It returns false for other schemes.
func AsGeneric(v Version) (version.Version, bool) {
	g, ok := v.(genericVersion)
	return g.v, ok
}

// stripVerWord removes a leading "Ver." or "Version" word before a
// digit, as Japanese vendors and asset lists write versions ("Ver.2.4.1",
// "Ver 2.4", "Version 10"); "V2.4" is already read by package version.
func stripVerWord(t string) string {
	low := strings.ToLower(t)
	for _, w := range []string{"version", "ver"} {
		if !strings.HasPrefix(low, w) {
			continue
		}
		rest := strings.TrimLeft(t[len(w):], ". ")
		if rest != "" && isDigit(rest[0]) {
			return rest
		}
	}
	return t
}

// buildTags are suffixes that name a build of the release itself, never a
// pre-release: OpenSSL "1.0.2k-fips", Guava "32.0.0-jre" and
// "32.0.0-android".
var buildTags = []string{"-fips", "-jre", "-android"}

// javaUpdateRE matches a Java version with an update: "1.8.0_392",
// "8u392".
var javaUpdateRE = regexp.MustCompile(`^(?:\d+\.\d+\.\d+_\d+|\d+u\d+)$`)

// stripBuildTag removes one trailing build tag: a word of buildTags, or
// a Java build number "-bNN" after a Java update ("1.8.0_392-b08",
// "8u392-b08").
func stripBuildTag(t string) string {
	low := strings.ToLower(t)
	for _, tag := range buildTags {
		if strings.HasSuffix(low, tag) && len(t) > len(tag) {
			return t[:len(t)-len(tag)]
		}
	}
	if i := strings.LastIndex(low, "-b"); i > 0 && allDigits(low[i+2:]) && javaUpdateRE.MatchString(low[:i]) {
		return t[:i]
	}
	return t
}

func isDigit(b byte) bool  { return '0' <= b && b <= '9' }
func isLetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }
func isAlnum(b byte) bool  { return isDigit(b) || isLetter(b) }

// allDigits reports whether s is non-empty and only digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// cmpInt compares two ints.
func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// cmpNum compares two digit strings numerically, of any length.
func cmpNum(a, b string) int {
	a, b = strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
	if c := cmpInt(len(a), len(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}
