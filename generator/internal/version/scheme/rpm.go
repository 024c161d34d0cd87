package scheme

import "strings"

// rpmScheme is the RPM package version, EVR:
//
//	[epoch ":"] version ["-" release]
//
// The epoch is a decimal number (missing is 0); the release is the text
// after the last '-'. Version and release hold letters, digits and
// . _ + ~ ^ (rpm's own rule), so modular releases
// ("1.module+el8.5.0+1234+5678abcd") and Oracle Linux releases
// ("2.0.1.el8_6") are accepted.
//
// Ordering: as rpm.labelCompare: epoch numerically, then version, then
// release, each by rpmvercmp: runs of digits and of letters compared left
// to right (other characters only separate them, so "1.0" == "1_0");
// digit runs numerically and after letter runs; letter runs in ASCII
// order; '~' sorts before everything, even the end ("1.0~rc1" < "1.0");
// '^' sorts after the end but before anything else ("1.0" < "1.0^git1"
// < "1.0.1"). A missing release sorts before any release, as in
// labelCompare ("5.6.1" < "5.6.1-1").
type rpmScheme struct{}

func (rpmScheme) Name() string { return "rpm" }

func (rpmScheme) Parse(s string) (Version, error) {
	t, err := prepare("rpm", s)
	if err != nil {
		return nil, err
	}
	v := rpmVersion{text: t}
	rest := t
	if i := strings.IndexByte(rest, ':'); i >= 0 {
		v.epoch, rest = rest[:i], rest[i+1:]
		if !allDigits(v.epoch) {
			return nil, parseError("rpm", s, "epoch %q before ':' is not a number", v.epoch)
		}
	}
	if i := strings.LastIndexByte(rest, '-'); i >= 0 {
		v.release, v.hasRelease = rest[i+1:], true
		rest = rest[:i]
		if v.release == "" {
			return nil, parseError("rpm", s, "release after the last '-' is empty")
		}
	}
	v.version = rest
	if v.version == "" {
		return nil, parseError("rpm", s, "version is empty")
	}
	for _, part := range []string{v.version, v.release} {
		for i := 0; i < len(part); i++ {
			if c := part[i]; !isAlnum(c) && strings.IndexByte("._+~^", c) < 0 {
				return nil, parseError("rpm", s, "character %q; allowed are letters, digits and . _ + ~ ^, with '-' only before the release", c)
			}
		}
	}
	if !isDigit(v.version[0]) {
		// rpmvercmp orders "latest" or "TBD" too; a placeholder must not
		// pass for a version.
		return nil, parseError("rpm", s, "version must start with a digit")
	}
	return v, nil
}

// rpmVersion is a parsed RPM EVR.
type rpmVersion struct {
	text, epoch, version, release string
	hasRelease                    bool
}

func (v rpmVersion) String() string { return v.text }
func (rpmVersion) Scheme() string   { return "rpm" }

func (v rpmVersion) Compare(w Version) int {
	o, ok := w.(rpmVersion)
	if !ok {
		return crossCompare(v, w)
	}
	if c := cmpNum(v.epoch, o.epoch); c != 0 {
		return c
	}
	if c := rpmvercmp(v.version, o.version); c != 0 {
		return c
	}
	switch {
	case v.hasRelease && o.hasRelease:
		return rpmvercmp(v.release, o.release)
	case v.hasRelease:
		return 1
	case o.hasRelease:
		return -1
	}
	return 0
}

// rpmvercmp is rpm's rpmvercmp (rpmio/rpmvercmp.c, rpm 4.15 and later).
func rpmvercmp(a, b string) int {
	if a == b {
		return 0
	}
	i, j := 0, 0
	sep := func(c byte) bool { return !isAlnum(c) && c != '~' && c != '^' }
	for i < len(a) || j < len(b) {
		for i < len(a) && sep(a[i]) {
			i++
		}
		for j < len(b) && sep(b[j]) {
			j++
		}
		ca, cb := byte(0), byte(0)
		if i < len(a) {
			ca = a[i]
		}
		if j < len(b) {
			cb = b[j]
		}
		if ca == '~' || cb == '~' {
			if ca != '~' {
				return 1
			}
			if cb != '~' {
				return -1
			}
			i++
			j++
			continue
		}
		if ca == '^' || cb == '^' {
			switch {
			case ca == 0:
				return -1
			case cb == 0:
				return 1
			case ca != '^':
				return 1
			case cb != '^':
				return -1
			}
			i++
			j++
			continue
		}
		if ca == 0 || cb == 0 {
			break
		}
		ei, ej := i, j
		isnum := isDigit(ca)
		if isnum {
			for ei < len(a) && isDigit(a[ei]) {
				ei++
			}
			for ej < len(b) && isDigit(b[ej]) {
				ej++
			}
		} else {
			for ei < len(a) && isLetter(a[ei]) {
				ei++
			}
			for ej < len(b) && isLetter(b[ej]) {
				ej++
			}
		}
		if ej == j {
			if isnum {
				return 1
			}
			return -1
		}
		sa, sb := a[i:ei], b[j:ej]
		var c int
		if isnum {
			c = cmpNum(sa, sb)
		} else {
			c = strings.Compare(sa, sb)
		}
		if c != 0 {
			return c
		}
		i, j = ei, ej
	}
	switch {
	case i >= len(a) && j >= len(b):
		return 0
	case i >= len(a):
		return -1
	}
	return 1
}
