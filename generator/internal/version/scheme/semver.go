package scheme

import "strings"

// semverScheme is Semantic Versioning 2.0.0 as npm, Cargo and Go modules
// use it:
//
//	["v"] major "." minor "." patch ["-" pre-release] ["+" build]
//
// Numbers have no leading zeros. As in golang.org/x/mod/semver, "v1" and
// "v1.2" (without pre-release or build) are short for "v1.0.0" and
// "v1.2.0". Pre-release identifiers are dot-separated [0-9A-Za-z-]+,
// numeric ones without leading zeros.
//
// Ordering (semver.org §11): major, minor, patch numerically; a version
// with a pre-release before the same version without; pre-releases
// identifier by identifier, numeric ones numerically and before
// alphanumeric ones (ASCII order), a shorter list first when it is a
// prefix. Build metadata is ignored: "v2.0.0+incompatible" == "v2.0.0".
// Go pseudo-versions are pre-releases, so
// "v3.0.0-20200313102051-9f266ea9e77c" < "v3.0.0" and
// "v1.2.4-0.20200313102051-9f266ea9e77c" lies between v1.2.3 and v1.2.4.
type semverScheme struct{}

func (semverScheme) Name() string { return "semver" }

func (semverScheme) Parse(s string) (Version, error) {
	t, err := prepare("semver", s)
	if err != nil {
		return nil, err
	}
	v := semverVersion{text: t}
	rest := strings.TrimPrefix(t, "v")
	if i := strings.IndexByte(rest, '+'); i >= 0 {
		build := rest[i+1:]
		rest = rest[:i]
		if err := checkIdents(build, false); err != "" {
			return nil, parseError("semver", s, "build metadata: %s", err)
		}
		v.build = true
	}
	core := rest
	if i := strings.IndexByte(rest, '-'); i >= 0 {
		core = rest[:i]
		pre := rest[i+1:]
		if err := checkIdents(pre, true); err != "" {
			return nil, parseError("semver", s, "pre-release: %s", err)
		}
		v.pre = strings.Split(pre, ".")
	}
	nums := strings.Split(core, ".")
	if len(nums) > 3 {
		return nil, parseError("semver", s, "more than three numbers; expected major.minor.patch")
	}
	if len(nums) < 3 && (v.pre != nil || v.build) {
		return nil, parseError("semver", s, "expected major.minor.patch before a pre-release or build")
	}
	for i, n := range nums {
		if !allDigits(n) {
			return nil, parseError("semver", s, "%q is not a number; expected major.minor.patch", n)
		}
		if len(n) > 1 && n[0] == '0' {
			return nil, parseError("semver", s, "number %q has a leading zero", n)
		}
		v.num[i] = n
	}
	return v, nil
}

// checkIdents checks dot-separated identifiers; numeric identifiers of a
// pre-release must not have leading zeros. It returns "" when fine.
func checkIdents(s string, pre bool) string {
	for _, id := range strings.Split(s, ".") {
		if id == "" {
			return "empty identifier"
		}
		for i := 0; i < len(id); i++ {
			if !isAlnum(id[i]) && id[i] != '-' {
				return "character " + quote(id[i:i+1]) + "; identifiers hold only letters, digits and '-'"
			}
		}
		if pre && allDigits(id) && len(id) > 1 && id[0] == '0' {
			return "numeric identifier " + quote(id) + " has a leading zero"
		}
	}
	return ""
}

// semverVersion is a parsed semantic version.
type semverVersion struct {
	text  string
	num   [3]string // "" counts as 0 (short forms)
	pre   []string
	build bool
}

func (v semverVersion) String() string { return v.text }
func (semverVersion) Scheme() string   { return "semver" }

func (v semverVersion) Compare(w Version) int {
	o, ok := w.(semverVersion)
	if !ok {
		return crossCompare(v, w)
	}
	for i := range v.num {
		if c := cmpNum(v.num[i], o.num[i]); c != 0 {
			return c
		}
	}
	return cmpPre(v.pre, o.pre)
}

// cmpPre compares semver pre-release identifier lists; nil (none) is last.
func cmpPre(a, b []string) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return 1
	case b == nil:
		return -1
	}
	for i := range min(len(a), len(b)) {
		x, y := a[i], b[i]
		nx, ny := allDigits(x), allDigits(y)
		var c int
		switch {
		case nx && ny:
			c = cmpNum(x, y)
		case nx:
			c = -1
		case ny:
			c = 1
		default:
			c = strings.Compare(x, y)
		}
		if c != 0 {
			return c
		}
	}
	return cmpInt(len(a), len(b))
}
