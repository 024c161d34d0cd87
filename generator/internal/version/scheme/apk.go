package scheme

import "strings"

// apkScheme is Alpine Linux's apk package version:
//
//	N(.N)*[letter](_suffix[N])*[-rN]
//
// with suffixes alpha, beta, pre, rc (pre-releases) and cvs, svn, git,
// hg, p (post-releases). Ordering, as apk-tools: numbers left to right,
// a list that is a prefix of the other first ("1.2" < "1.2.0" <
// "1.2.1"); then the letter ("1.2" < "1.2a"); then suffixes in
// turn, pre-releases before none before post-releases
// ("1.2_rc1" < "1.2" < "1.2_p1"), each kind by its number; then the
// revision ("-r0" < "-r1"; none is r0).
//
// Difference from apk-tools: a number with leading zeros after the first
// ("1.02") compares numerically here; apk-tools compares such digits as a
// decimal fraction. No Alpine package in the samples uses one.
type apkScheme struct{}

func (apkScheme) Name() string { return "apk" }

// apkSuffixRank orders the suffixes; none (the release) is 5.
var apkSuffixRank = map[string]int{"alpha": 1, "beta": 2, "pre": 3, "rc": 4, "cvs": 6, "svn": 7, "git": 8, "hg": 9, "p": 10}

func (apkScheme) Parse(s string) (Version, error) {
	t, err := prepare("apk", s)
	if err != nil {
		return nil, err
	}
	v := apkVersion{text: t}
	rest := t
	if i := strings.LastIndex(rest, "-r"); i >= 0 {
		v.rev = rest[i+2:]
		if !allDigits(v.rev) {
			return nil, parseError("apk", s, "revision %q after \"-r\" is not a number", v.rev)
		}
		rest = rest[:i]
	}
	parts := strings.Split(rest, "_")
	core := parts[0]
	if core != "" && isLetter(core[len(core)-1]) {
		v.letter = core[len(core)-1:]
		core = core[:len(core)-1]
	}
	n, ok := parseNums(core)
	if !ok {
		return nil, parseError("apk", s, `expected N(.N)*[letter](_suffix[N])*[-rN], such as "1.1.1w-r0" or "2.36.1_rc1-r2"`)
	}
	v.nums = n
	for _, sf := range parts[1:] {
		j := 0
		for j < len(sf) && isLetter(sf[j]) {
			j++
		}
		rank, ok := apkSuffixRank[sf[:j]]
		if !ok || (j < len(sf) && !allDigits(sf[j:])) {
			return nil, parseError("apk", s, "suffix %q; expected _alpha, _beta, _pre, _rc, _cvs, _svn, _git, _hg or _p, with an optional number", "_"+sf)
		}
		v.sufs = append(v.sufs, apkSuffix{rank, sf[j:]})
	}
	return v, nil
}

// apkSuffix is one "_suffixN".
type apkSuffix struct {
	rank int
	num  string
}

// apkVersion is a parsed apk version.
type apkVersion struct {
	text   string
	nums   nums
	letter string
	sufs   []apkSuffix
	rev    string
}

func (v apkVersion) String() string { return v.text }
func (apkVersion) Scheme() string   { return "apk" }

func (v apkVersion) Compare(w Version) int {
	o, ok := w.(apkVersion)
	if !ok {
		return crossCompare(v, w)
	}
	for i := range max(len(v.nums), len(o.nums)) {
		switch {
		case i >= len(v.nums):
			return -1
		case i >= len(o.nums):
			return 1
		}
		if c := cmpNum(v.nums[i], o.nums[i]); c != 0 {
			return c
		}
	}
	if c := cmpShortlex(v.letter, o.letter); c != 0 {
		return c
	}
	for i := range max(len(v.sufs), len(o.sufs)) {
		a, b := apkSuffix{rank: 5}, apkSuffix{rank: 5}
		if i < len(v.sufs) {
			a = v.sufs[i]
		}
		if i < len(o.sufs) {
			b = o.sufs[i]
		}
		if c := cmpInt(a.rank, b.rank); c != 0 {
			return c
		}
		if c := cmpNum(a.num, b.num); c != 0 {
			return c
		}
	}
	return cmpNum(v.rev, o.rev)
}
