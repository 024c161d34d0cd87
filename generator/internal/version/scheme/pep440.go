package scheme

import (
	"regexp"
	"strings"
)

// pep440Scheme is Python's version scheme (PEP 440, as the packaging
// library implements it):
//
//	["v"] [epoch "!"] release [pre] [post] [dev] ["+" local]
//
// with packaging's normalisations: case-insensitive; separators '.', '-'
// and '_' optional around pre, post and dev words; "alpha", "beta", "c",
// "pre", "preview" mean a, b, rc, rc, rc; "rev" and "r" mean post; "-1"
// is a post-release; a missing number is 0.
//
// Ordering: epoch; release numerically with trailing zeros ignored
// ("1.0" == "1.0.0"); then dev-only releases ("1.0.dev1") before
// pre-releases (a < b < rc, by number) before the release; post-releases
// after ("1.0" < "1.0.post1"); within each, dev releases before their
// non-dev version ("1.0.post1.dev1" < "1.0.post1"); finally the local
// label: none first, then segment by segment, numbers after letters.
type pep440Scheme struct{}

func (pep440Scheme) Name() string { return "pep440" }

// pep440RE is packaging's VERSION_PATTERN, anchored.
var pep440RE = regexp.MustCompile(`^(?i)v?(?:(?:([0-9]+)!)?([0-9]+(?:\.[0-9]+)*)` +
	`([-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?([0-9]+)?)?` +
	`((?:-([0-9]+))|(?:[-_.]?(post|rev|r)[-_.]?([0-9]+)?))?` +
	`([-_.]?(dev)[-_.]?([0-9]+)?)?)` +
	`(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$`)

func (pep440Scheme) Parse(s string) (Version, error) {
	t, err := prepare("pep440", s)
	if err != nil {
		return nil, err
	}
	m := pep440RE.FindStringSubmatch(t)
	if m == nil {
		return nil, parseError("pep440", s, "expected [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local] (PEP 440)")
	}
	v := pep440Version{text: t, epoch: m[1]}
	v.release = strings.Split(m[2], ".")
	for len(v.release) > 1 && strings.Trim(v.release[len(v.release)-1], "0") == "" {
		v.release = v.release[:len(v.release)-1]
	}
	if len(v.release) == 1 && strings.Trim(v.release[0], "0") == "" {
		v.release = nil
	}
	if m[3] != "" {
		v.hasPre = true
		switch strings.ToLower(m[4]) {
		case "alpha", "a":
			v.preL = 0
		case "beta", "b":
			v.preL = 1
		default:
			v.preL = 2
		}
		v.preN = m[5]
	}
	if m[6] != "" {
		v.hasPost = true
		v.postN = m[7] + m[9]
	}
	if m[10] != "" {
		v.hasDev = true
		v.devN = m[12]
	}
	if m[13] != "" {
		v.local = strings.FieldsFunc(strings.ToLower(m[13]), func(r rune) bool { return r == '.' || r == '-' || r == '_' })
	}
	return v, nil
}

// pep440Version is a parsed PEP 440 version.
type pep440Version struct {
	text    string
	epoch   string
	release []string // trailing zeros removed
	hasPre  bool
	preL    int // 0 a, 1 b, 2 rc
	preN    string
	hasPost bool
	postN   string
	hasDev  bool
	devN    string
	local   []string
}

func (v pep440Version) String() string { return v.text }
func (pep440Version) Scheme() string   { return "pep440" }

// preKey gives the pre-release sort key as packaging's _cmpkey: -1 for a
// dev-only release, 0 with (letter, number) for a pre-release, +1 none.
func (v pep440Version) preKey() int {
	switch {
	case !v.hasPre && !v.hasPost && v.hasDev:
		return -1
	case v.hasPre:
		return 0
	}
	return 1
}

func (v pep440Version) Compare(w Version) int {
	o, ok := w.(pep440Version)
	if !ok {
		return crossCompare(v, w)
	}
	if c := cmpNum(v.epoch, o.epoch); c != 0 {
		return c
	}
	for i := range max(len(v.release), len(o.release)) {
		var a, b string
		if i < len(v.release) {
			a = v.release[i]
		}
		if i < len(o.release) {
			b = o.release[i]
		}
		if c := cmpNum(a, b); c != 0 {
			return c
		}
	}
	if c := cmpInt(v.preKey(), o.preKey()); c != 0 {
		return c
	}
	if v.hasPre {
		if c := cmpInt(v.preL, o.preL); c != 0 {
			return c
		}
		if c := cmpNum(v.preN, o.preN); c != 0 {
			return c
		}
	}
	if c := cmpBool(v.hasPost, o.hasPost); c != 0 {
		return c
	}
	if c := cmpNum(v.postN, o.postN); c != 0 {
		return c
	}
	if c := cmpBool(!v.hasDev, !o.hasDev); c != 0 {
		return c
	}
	if c := cmpNum(v.devN, o.devN); c != 0 {
		return c
	}
	return cmpLocal(v.local, o.local)
}

// cmpLocal compares local labels: none first, then segment by segment,
// numeric segments after letter ones, a prefix first.
func cmpLocal(a, b []string) int {
	if c := cmpBool(a != nil, b != nil); c != 0 {
		return c
	}
	for i := range min(len(a), len(b)) {
		x, y := a[i], b[i]
		nx, ny := allDigits(x), allDigits(y)
		var c int
		switch {
		case nx && ny:
			c = cmpNum(x, y)
		case nx:
			c = 1
		case ny:
			c = -1
		default:
			c = strings.Compare(x, y)
		}
		if c != 0 {
			return c
		}
	}
	return cmpInt(len(a), len(b))
}

// cmpBool orders false before true.
func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
