package scheme

import "strings"

// nums is a dotted list of decimal numbers, such as "10.2.9"; a missing
// number counts as 0, so "10.2" == "10.2.0".
type nums []string

// parseNums reads "N(.N)*"; ok is false for anything else.
func parseNums(s string) (nums, bool) {
	if s == "" {
		return nil, false
	}
	parts := strings.Split(s, ".")
	for _, p := range parts {
		if !allDigits(p) {
			return nil, false
		}
	}
	return nums(parts), true
}

// cmpNums compares two number lists, missing numbers counting as 0.
func cmpNums(a, b nums) int {
	for i := range max(len(a), len(b)) {
		var x, y string
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		if c := cmpNum(x, y); c != 0 {
			return c
		}
	}
	return 0
}

// cmpShortlex orders shorter strings first, then bytewise: "" < "a" <
// "z" < "aa", the order of update letters (VMware "U3z" < "U3aa").
func cmpShortlex(a, b string) int {
	if c := cmpInt(len(a), len(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// keyVersion is the version type of the vendor schemes: the text as
// written and a comparison key, a list of parts compared in turn.
type keyVersion struct {
	scheme string
	text   string
	key    []part
}

// part is one element of a comparison key: a number list, a number, a
// rank or a string, compared by its kind's rule.
type part struct {
	nums  nums   // compared with cmpNums when set
	num   string // compared numerically
	rank  int    // compared as int
	str   string // compared shortlex
	isNum bool
}

func (v keyVersion) String() string { return v.text }
func (v keyVersion) Scheme() string { return v.scheme }

func (v keyVersion) Compare(w Version) int {
	o, ok := w.(keyVersion)
	if !ok || o.scheme != v.scheme || len(o.key) != len(v.key) {
		return crossCompare(v, w)
	}
	for i := range v.key {
		a, b := v.key[i], o.key[i]
		if c := cmpNums(a.nums, b.nums); c != 0 {
			return c
		}
		if c := cmpNum(a.num, b.num); c != 0 {
			return c
		}
		if c := cmpInt(a.rank, b.rank); c != 0 {
			return c
		}
		if c := cmpShortlex(a.str, b.str); c != 0 {
			return c
		}
	}
	return 0
}
