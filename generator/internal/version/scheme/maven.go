package scheme

import "strings"

// mavenScheme is Maven's ComparableVersion (maven-artifact, the
// algorithm its ComparableVersionTest specifies; see testdata/vectors).
//
// The text, in lower case, is split into items at '.', at '-' and where
// digits and letters meet; '-' and a letter-digit change start a nested
// list. Numbers compare numerically. Qualifiers order
// alpha < beta < milestone < rc == cr < snapshot < "" == ga == final ==
// release < sp < any other word (alphabetically); "a1", "b1", "m1" mean
// alpha-1, beta-1, milestone-1. Trailing zeros and release words are
// dropped ("1.0.0" == "1", "1-ga" == "1"). A number sorts after a
// qualifier and after a list ("1-1" > "1-sp"), a list after a qualifier.
// Hence "1-alpha-1" < "1-SNAPSHOT" < "1" < "1-sp" < "1-1" < "1.1",
// and Guava's "32.0.0-jre" > "32.0.0" (an unknown qualifier). As in
// Maven, '_' and '+' are letters of a qualifier. Unlike Maven, a version
// must start with a digit: on text such as "v1.0.2" ComparableVersion is
// not transitive ("0" < "v1.0.2" < "0-rc1" < "0").
type mavenScheme struct{}

func (mavenScheme) Name() string { return "maven" }

func (mavenScheme) Parse(s string) (Version, error) {
	t, err := prepare("maven", s)
	if err != nil {
		return nil, err
	}
	for i := 0; i < len(t); i++ {
		if c := t[i]; !isAlnum(c) && c != '.' && c != '-' && c != '_' && c != '+' {
			return nil, parseError("maven", s, "character %q; expected letters, digits and . - _ +", c)
		}
	}
	if !isDigit(t[0]) {
		// ComparableVersion is not transitive on such text ("0" <
		// "v1.0.2" < "0-rc1" < "0"); refuse it rather than misorder.
		return nil, parseError("maven", s, "must start with a digit")
	}
	return mavenVersion{text: t, items: parseMaven(strings.ToLower(t))}, nil
}

// mvnKind is the kind of a ComparableVersion item.
type mvnKind int

const (
	mvnInt mvnKind = iota
	mvnString
	mvnList
)

// mvnItem is one item: a number (digits without leading zeros), a
// qualifier (its comparable form) or a list.
type mvnItem struct {
	kind mvnKind
	s    string
	list []mvnItem
}

// mavenQualifiers are the known qualifiers in order; "" is the release.
var mavenQualifiers = []string{"alpha", "beta", "milestone", "rc", "snapshot", "", "sp"}

// mavenRelease is the comparable form of the release qualifier "".
const mavenRelease = "5"

// mvnComparable returns the comparable form of a qualifier: its index in
// mavenQualifiers, or "7-" + q for unknown ones.
func mvnComparable(q string) string {
	for i, k := range mavenQualifiers {
		if k == q {
			return string(rune('0' + i))
		}
	}
	return "7-" + q
}

// mvnString makes a qualifier item.
func mvnStringItem(q string, followedByDigit bool) mvnItem {
	if followedByDigit && len(q) == 1 {
		switch q {
		case "a":
			q = "alpha"
		case "b":
			q = "beta"
		case "m":
			q = "milestone"
		}
	}
	switch q {
	case "ga", "final", "release":
		q = ""
	case "cr":
		q = "rc"
	}
	return mvnItem{kind: mvnString, s: mvnComparable(q)}
}

// mvnParseItem makes a number or qualifier item.
func mvnParseItem(isDigit bool, buf string) mvnItem {
	if isDigit {
		return mvnItem{kind: mvnInt, s: strings.TrimLeft(buf, "0")}
	}
	return mvnStringItem(buf, false)
}

// parseMaven is ComparableVersion.parseVersion on lower-case text. Lists
// are built through indices into a stack of open lists.
func parseMaven(v string) []mvnItem {
	type node struct {
		items  []mvnItem
		parent int
	}
	nodes := []node{{parent: -1}}
	cur := 0
	open := func() {
		nodes = append(nodes, node{parent: cur})
		cur = len(nodes) - 1
	}
	add := func(it mvnItem) { nodes[cur].items = append(nodes[cur].items, it) }
	children := func(n int) []int {
		var out []int
		for i := n + 1; i < len(nodes); i++ {
			if nodes[i].parent == n {
				out = append(out, i)
			}
		}
		return out
	}
	isDig, start := false, 0
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '.' || c == '-':
			if i == start {
				add(mvnItem{kind: mvnInt})
			} else {
				add(mvnParseItem(isDig, v[start:i]))
			}
			start = i + 1
			if c == '-' {
				open()
			}
		case isDigit(c):
			if !isDig && i > start {
				// Maven 3.8: treat ".X1" as "-X1" for any qualifier X.
				if len(nodes[cur].items) > 0 || len(children(cur)) > 0 {
					open()
				}
				add(mvnStringItem(v[start:i], true))
				start = i
				open()
			}
			isDig = true
		default:
			if isDig && i > start {
				add(mvnParseItem(true, v[start:i]))
				start = i
				open()
			}
			isDig = false
		}
	}
	if len(v) > start {
		// Maven 3.8: treat a trailing ".X" as "-X" for any qualifier X.
		if !isDig && (len(nodes[cur].items) > 0 || len(children(cur)) > 0) {
			open()
		}
		add(mvnParseItem(isDig, v[start:]))
	}
	// Close lists innermost first: normalise, then attach to the parent
	// at the position where the list was opened (its end, at that time).
	// Lists are opened in order and each is the last child of its parent,
	// so building bottom-up keeps the order.
	var build func(n int) []mvnItem
	build = func(n int) []mvnItem {
		items := nodes[n].items
		for _, ch := range children(n) {
			items = append(items, mvnItem{kind: mvnList, list: build(ch)})
		}
		return mvnNormalize(items)
	}
	return build(0)
}

// mvnNormalize removes trailing null items (0, release, empty list),
// looking through trailing lists as ListItem.normalize does.
func mvnNormalize(items []mvnItem) []mvnItem {
	for i := len(items) - 1; i >= 0; i-- {
		if items[i].isNull() {
			items = append(items[:i], items[i+1:]...)
		} else if items[i].kind != mvnList {
			break
		}
	}
	return items
}

func (it mvnItem) isNull() bool {
	switch it.kind {
	case mvnInt:
		return it.s == ""
	case mvnString:
		return it.s == mavenRelease
	}
	return len(it.list) == 0
}

// cmpNull compares an item with a missing one.
func (it mvnItem) cmpNull() int {
	switch it.kind {
	case mvnInt:
		if it.s == "" {
			return 0
		}
		return 1
	case mvnString:
		return cmpStr(it.s, mavenRelease)
	}
	for _, x := range it.list {
		if c := x.cmpNull(); c != 0 {
			return c
		}
	}
	return 0
}

// cmp is Item.compareTo.
func (it mvnItem) cmp(o mvnItem) int {
	switch it.kind {
	case mvnInt:
		if o.kind == mvnInt {
			return cmpNum(it.s, o.s)
		}
		return 1
	case mvnString:
		switch o.kind {
		case mvnInt, mvnList:
			return -1
		}
		return cmpStr(it.s, o.s)
	}
	switch o.kind {
	case mvnInt:
		return -1
	case mvnString:
		return 1
	}
	return mvnCmpList(it.list, o.list)
}

// mvnCmpList compares two lists item by item, a missing item as null.
func mvnCmpList(a, b []mvnItem) int {
	for i := range max(len(a), len(b)) {
		var c int
		switch {
		case i >= len(a):
			c = -b[i].cmpNull()
		case i >= len(b):
			c = a[i].cmpNull()
		default:
			c = a[i].cmp(b[i])
		}
		if c != 0 {
			return c
		}
	}
	return 0
}

// cmpStr is strings.Compare reduced to -1, 0, 1.
func cmpStr(a, b string) int { return strings.Compare(a, b) }

// mavenVersion is a parsed Maven version.
type mavenVersion struct {
	text  string
	items []mvnItem
}

func (v mavenVersion) String() string { return v.text }
func (mavenVersion) Scheme() string   { return "maven" }

func (v mavenVersion) Compare(w Version) int {
	o, ok := w.(mavenVersion)
	if !ok {
		return crossCompare(v, w)
	}
	return mvnCmpList(v.items, o.items)
}
