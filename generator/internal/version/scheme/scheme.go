package scheme

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Scheme is one ecosystem's or vendor's version ordering.
type Scheme interface {
	// Name is the scheme's name as written in a `scheme` column, such as
	// "generic", "deb" or "panos"; always lower case.
	Name() string
	// Parse reads a version written in the scheme. It is strict: the error
	// says what is wrong and what the scheme expects. Surrounding white
	// space is ignored; callers run [Normalize] first.
	Parse(s string) (Version, error)
}

// Version is a parsed version of one scheme.
//
// Compare is meant for two versions of the same scheme. Given versions
// of different schemes it does not panic: it orders them by scheme name,
// then by their text, which keeps sorting total but means nothing, so
// callers must not mix schemes.
type Version interface {
	// Compare returns -1, 0 or +1 as the version sorts before, equal to
	// or after w in the scheme's ordering.
	Compare(w Version) int
	// String returns the version as written (without surrounding space).
	String() string
	// Scheme returns the name of the scheme that parsed the version.
	Scheme() string
}

// all lists every scheme, in the order of [Names]. It is never modified.
var all = []Scheme{
	apkScheme{},
	bindScheme{},
	ciscoScheme{},
	debScheme{},
	gemScheme{},
	genericScheme{},
	gitlabScheme{},
	javaScheme{},
	junosScheme{},
	mavenScheme{},
	panosScheme{},
	pep440Scheme{},
	rpmScheme{},
	semverScheme{},
	tomcatScheme{},
	vmwareScheme{},
}

// Lookup returns the scheme with the given name, ignoring case and
// surrounding white space. It returns false for "" and unknown names.
func Lookup(name string) (Scheme, bool) {
	name = strings.TrimSpace(name)
	for _, s := range all {
		if strings.EqualFold(s.Name(), name) {
			return s, true
		}
	}
	return nil, false
}

// MustLookup is like [Lookup] but panics for an unknown name; it is meant
// for tests and constants.
func MustLookup(name string) Scheme {
	s, ok := Lookup(name)
	if !ok {
		panic(fmt.Sprintf("scheme.MustLookup: unknown scheme %q", name))
	}
	return s
}

// Generic returns the default scheme, the ordering of package version.
func Generic() Scheme { return genericScheme{} }

// Names returns the names of all schemes, sorted.
func Names() []string {
	out := make([]string, len(all))
	for i, s := range all {
		out[i] = s.Name()
	}
	sort.Strings(out)
	return out
}

// ForPurlType returns the scheme of a purl type (the "deb" of
// "pkg:deb/debian/xz-utils@5.6.1-1"), case-insensitive. It returns false
// for types without a scheme of their own; callers then use [Generic].
func ForPurlType(t string) (Scheme, bool) {
	switch strings.ToLower(strings.TrimSpace(t)) {
	case "deb":
		return debScheme{}, true
	case "rpm":
		return rpmScheme{}, true
	case "apk", "alpine":
		return apkScheme{}, true
	case "nuget":
		// NuGet versions have up to four numeric parts (1.2.3.4), which
		// strict semver refuses: the generic ordering reads them.
		return Generic(), true
	case "npm", "golang", "cargo", "composer", "hex", "pub", "swift":
		return semverScheme{}, true
	case "pypi":
		return pep440Scheme{}, true
	case "maven":
		return mavenScheme{}, true
	case "gem":
		return gemScheme{}, true
	}
	return nil, false
}

// ForVersionType returns the scheme named by a CVE 5 versionType
// ("semver", "maven", "python", "rpm", ...). It returns false for
// "custom", "git", "patch" and other values that name no ordering.
func ForVersionType(t string) (Scheme, bool) {
	switch strings.ToLower(strings.TrimSpace(t)) {
	case "semver":
		return semverScheme{}, true
	case "maven":
		return mavenScheme{}, true
	case "python", "pypi", "pep440":
		return pep440Scheme{}, true
	case "rpm":
		return rpmScheme{}, true
	case "deb", "debian", "dpkg":
		return debScheme{}, true
	case "apk", "alpine":
		return apkScheme{}, true
	case "gem", "rubygems":
		return gemScheme{}, true
	}
	return nil, false
}

// crossCompare orders versions of different schemes, or of a foreign
// implementation: by scheme name, then by text. It keeps Compare total.
func crossCompare(v, w Version) int {
	if w == nil {
		return 1
	}
	if c := strings.Compare(v.Scheme(), w.Scheme()); c != 0 {
		return c
	}
	return strings.Compare(v.String(), w.String())
}

// parseError formats the error for text that is not a version of the
// named scheme.
func parseError(scheme, s, format string, args ...any) error {
	return fmt.Errorf("%s: not a %s version: %s", quote(s), scheme, fmt.Sprintf(format, args...))
}

// quote quotes s for an error message, shortening long text.
func quote(s string) string {
	const limit = 64
	if len(s) > limit {
		return fmt.Sprintf("%q...", s[:limit])
	}
	return fmt.Sprintf("%q", s)
}

// maxLen is the longest version text any scheme accepts, in bytes.
const maxLen = 256

// prepare trims white space and rejects empty and over-long text and
// control characters, for every scheme's Parse.
func prepare(scheme, s string) (string, error) {
	// Only ASCII white space is trimmed: NBSP and the like are for
	// Normalize, which reports them.
	t := strings.Trim(s, " \t\r\n\v\f")
	if t == "" {
		return "", parseError(scheme, s, "empty")
	}
	if len(t) > maxLen {
		return "", parseError(scheme, s, "longer than %d bytes", maxLen)
	}
	for i := 0; i < len(t); i++ {
		if t[i] < 0x20 || t[i] >= 0x7f {
			r, _ := utf8.DecodeRuneInString(t[i:]) // a whole character, not its first byte
			return "", parseError(scheme, s, "character %q at byte %d; only ASCII letters, digits and punctuation are allowed (run Normalize first)", r, i)
		}
	}
	return t, nil
}
