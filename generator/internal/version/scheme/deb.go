package scheme

import "strings"

// debScheme is the Debian package version of dpkg (deb-version(7)):
//
//	[epoch ":"] upstream_version ["-" debian_revision]
//
// The epoch is a decimal number (missing is 0, at most 2147483647). The
// revision is the text after the last '-'. The upstream version starts
// with a digit and holds letters, digits and . + ~ - : ; the revision
// holds letters, digits and . + ~.
//
// Ordering (dpkg's verrevcmp): epoch numerically, then upstream, then
// revision. Each part is compared left to right as alternating non-digit
// and digit runs. Non-digit runs compare character by character with '~'
// before everything, even the end of the part, then the end of the part,
// then letters (ASCII order), then other characters; digit runs compare
// numerically. So "1.0~rc1" < "1.0" < "1.0a" < "1.0+dfsg" < "1.0.1"
// (letters sort before '+' and '+' before '.'). A missing revision
// equals "0": "1.0" == "1.0-0".
type debScheme struct{}

func (debScheme) Name() string { return "deb" }

func (debScheme) Parse(s string) (Version, error) {
	t, err := prepare("deb", s)
	if err != nil {
		return nil, err
	}
	v := debVersion{text: t}
	rest := t
	if i := strings.IndexByte(rest, ':'); i >= 0 {
		v.epoch = rest[:i]
		rest = rest[i+1:]
		if v.epoch == "" {
			return nil, parseError("deb", s, "epoch before ':' is empty")
		}
		if !allDigits(v.epoch) {
			return nil, parseError("deb", s, "epoch %q is not a number", v.epoch)
		}
		if cmpNum(v.epoch, "2147483647") > 0 {
			return nil, parseError("deb", s, "epoch %q is too big", v.epoch)
		}
	}
	if i := strings.LastIndexByte(rest, '-'); i >= 0 {
		v.revision = rest[i+1:]
		rest = rest[:i]
		if v.revision == "" {
			return nil, parseError("deb", s, "revision after the last '-' is empty")
		}
	}
	v.upstream = rest
	if v.upstream == "" {
		return nil, parseError("deb", s, "upstream version is empty")
	}
	if !isDigit(v.upstream[0]) {
		return nil, parseError("deb", s, "upstream version must start with a digit")
	}
	for i := 0; i < len(v.upstream); i++ {
		if c := v.upstream[i]; !isAlnum(c) && strings.IndexByte(".-+~:", c) < 0 {
			return nil, parseError("deb", s, "character %q in the upstream version; allowed are letters, digits and . + ~ - :", c)
		}
	}
	for i := 0; i < len(v.revision); i++ {
		if c := v.revision[i]; !isAlnum(c) && strings.IndexByte(".+~", c) < 0 {
			return nil, parseError("deb", s, "character %q in the revision; allowed are letters, digits and . + ~", c)
		}
	}
	return v, nil
}

// debVersion is a parsed Debian version.
type debVersion struct {
	text, epoch, upstream, revision string
}

func (v debVersion) String() string { return v.text }
func (debVersion) Scheme() string   { return "deb" }

// Upstream returns the upstream part of a deb version, without epoch and
// revision; callers compare a package with upstream advisories on it.
func (v debVersion) Upstream() string { return v.upstream }

func (v debVersion) Compare(w Version) int {
	o, ok := w.(debVersion)
	if !ok {
		return crossCompare(v, w)
	}
	if c := cmpNum(v.epoch, o.epoch); c != 0 {
		return c
	}
	if c := verrevcmp(v.upstream, o.upstream); c != 0 {
		return c
	}
	return verrevcmp(v.revision, o.revision)
}

// debOrder is the weight of a character in a non-digit run.
func debOrder(c byte) int {
	switch {
	case isDigit(c), c == 0:
		return 0
	case isLetter(c):
		return int(c)
	case c == '~':
		return -1
	}
	return int(c) + 256
}

// verrevcmp is dpkg's comparison of upstream versions and revisions.
func verrevcmp(a, b string) int {
	at := func(s string, i int) byte {
		if i < len(s) {
			return s[i]
		}
		return 0
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		for i < len(a) && !isDigit(a[i]) || j < len(b) && !isDigit(b[j]) {
			ac, bc := debOrder(at(a, i)), debOrder(at(b, j))
			if ac != bc {
				return cmpInt(ac, bc)
			}
			i++
			j++
		}
		for i < len(a) && a[i] == '0' {
			i++
		}
		for j < len(b) && b[j] == '0' {
			j++
		}
		firstDiff := 0
		for i < len(a) && isDigit(a[i]) && j < len(b) && isDigit(b[j]) {
			if firstDiff == 0 {
				firstDiff = cmpInt(int(a[i]), int(b[j]))
			}
			i++
			j++
		}
		if i < len(a) && isDigit(a[i]) {
			return 1
		}
		if j < len(b) && isDigit(b[j]) {
			return -1
		}
		if firstDiff != 0 {
			return firstDiff
		}
	}
	return 0
}
