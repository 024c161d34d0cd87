package version

import "strings"

// Version is a parsed version string. The zero value is invalid: it is
// not equal to any parsed version and sorts before all of them. Versions
// hold slices, so compare them with [Version.Compare] or [Version.Equal],
// not with ==.
type Version struct {
	text  string
	epoch string    // digits without leading zeros; "" is zero
	rel   []segment // release segments, at least one when valid
	pre   []ident   // pre-release identifiers; nil when there is none
	valid bool
}

// Parse parses a version string as described in the package
// documentation. The error says what is wrong and what was expected.
func Parse(s string) (Version, error) {
	return parse(s)
}

// MustParse is like [Parse] but panics when s is not a version. It is
// meant for tests and for constants in code.
func MustParse(s string) Version {
	v, err := parse(s)
	if err != nil {
		panic("version.MustParse: " + err.Error())
	}
	return v
}

// String returns the version as it was written, without surrounding
// white space. It returns "" for the zero Version.
func (v Version) String() string { return v.text }

// IsValid reports whether v was produced by [Parse], that is, whether it
// is not the zero Version.
func (v Version) IsValid() bool { return v.valid }

// Compare returns -1 when v sorts before w, +1 when it sorts after, and 0
// when they are equal under the ordering in the package documentation.
// The zero Version sorts before every valid one.
func (v Version) Compare(w Version) int {
	if !v.valid || !w.valid {
		return cmpBool(v.valid, w.valid)
	}
	if c := cmpShortlex(v.epoch, w.epoch); c != 0 {
		return c
	}
	for i := range max(len(v.rel), len(w.rel)) {
		if c := cmpSegment(v.segment(i), w.segment(i)); c != 0 {
			return c
		}
	}
	switch {
	case v.pre == nil && w.pre == nil:
		return 0
	case v.pre == nil:
		return 1
	case w.pre == nil:
		return -1
	}
	for i := range min(len(v.pre), len(w.pre)) {
		if c := cmpIdent(v.pre[i], w.pre[i]); c != 0 {
			return c
		}
	}
	return cmpInt(len(v.pre), len(w.pre))
}

// Equal reports whether v.Compare(w) == 0, for example "1.2" and
// "v1.2.0".
func (v Version) Equal(w Version) bool { return v.Compare(w) == 0 }

// Compare compares two version strings. Strings that parse compare as
// [Version.Compare] does; strings that do not parse sort after all that
// do, and among themselves bytewise. This makes Compare usable to sort
// any list of strings.
func Compare(a, b string) int {
	va, errA := parse(a)
	vb, errB := parse(b)
	switch {
	case errA == nil && errB == nil:
		return va.Compare(vb)
	case errA == nil:
		return -1
	case errB == nil:
		return 1
	}
	return strings.Compare(a, b)
}

// HasPrefixLine reports whether v belongs to the release line cycle, such
// as "2.5" or "10". The comparison is by segments: "2.5" matches "2.5"
// and "2.5.26" but not "2.50", "10" matches "10.0.19045", and a line
// ending in a plain number matches versions with letters after it, so
// "1.0.2" matches "1.0.2k". It returns false when v is invalid or cycle
// is not a version. See the package documentation for the precise rule.
func HasPrefixLine(v Version, cycle string) bool {
	c, err := parse(cycle)
	if err != nil || !v.valid || v.epoch != c.epoch {
		return false
	}
	last := len(c.rel) - 1
	for i, cs := range c.rel {
		vs := v.segment(i)
		if i == last && len(cs.suffix) == 0 {
			return vs.num == cs.num
		}
		if cmpSegment(vs, cs) != 0 {
			return false
		}
	}
	return true
}

// segment returns release segment i, or the zero segment past the end.
func (v Version) segment(i int) segment {
	if i < len(v.rel) {
		return v.rel[i]
	}
	return segment{}
}

// cmpSegment compares two release segments: number, then suffix runs.
func cmpSegment(a, b segment) int {
	if c := cmpShortlex(a.num, b.num); c != 0 {
		return c
	}
	for i := range min(len(a.suffix), len(b.suffix)) {
		if c := cmpShortlex(a.suffix[i], b.suffix[i]); c != 0 {
			return c
		}
	}
	return cmpInt(len(a.suffix), len(b.suffix))
}

// cmpIdent compares pre-release identifiers: numeric ones first and
// numerically, letter ones alphabetically.
func cmpIdent(a, b ident) int {
	switch {
	case a.numeric && b.numeric:
		return cmpShortlex(a.s, b.s)
	case a.numeric:
		return -1
	case b.numeric:
		return 1
	}
	return strings.Compare(a.s, b.s)
}

// cmpShortlex orders shorter strings first, then bytewise. On digit
// strings without leading zeros this is numeric order.
func cmpShortlex(a, b string) int {
	if c := cmpInt(len(a), len(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
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
