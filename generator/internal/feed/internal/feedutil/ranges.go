package feedutil

import (
	"fmt"
	"slices"
	"strings"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/version"
	"vulnreport/generator/internal/version/scheme"
)

// Item is one product's affected versions as a reader found them, before
// the items of one advisory are grouped by product.
type Item struct {
	// Key is the product key, or "" to let the snapshot resolve Product.
	Key     string
	Product string
	// Clause is a range clause or expression; Free is text that could not
	// be read as a range. One of them is set.
	Clause string
	Free   string
	Pos    source.Pos
	// Scheme names the scheme the feed says the versions are in (CVE 5
	// versionType through scheme.ForVersionType), "" when it does not.
	Scheme string
	// Beside marks free text kept beside ranges (advisory.Affected.Beside).
	Beside bool
}

// Group merges the items of one advisory by product key (by Product when
// there is no key), in the order first seen. A product's clauses join with
// " || " into one Affected with its parsed Range; a clause that does not
// parse as a range (reported through warn) and the free texts join with
// "; " into a second Affected with FreeText, so that matches resting on
// them are marked as needing confirmation. Repeated clauses and texts are
// kept once; a "*" clause makes the whole range "*".
func Group(items []Item, warn func(source.Pos, string)) []advisory.Affected {
	return GroupWith(items, warn, nil)
}

// RangeCache remembers version.ParseRange's answer for each clause, for a
// reader whose records repeat the same clauses (NVD's bounds), so that a
// clause is parsed once per file. The ranges it returns share their
// comparators, which nothing changes. It also keeps GroupWith's working
// space from one record to the next.
type RangeCache struct {
	m      map[string]parsedRange
	groups []group
}

type parsedRange struct {
	r   version.Range
	err error
}

// parse returns version.ParseRange(clause), parsed once.
func (c *RangeCache) parse(clause string) (version.Range, error) {
	if c == nil {
		return version.ParseRange(clause)
	}
	if p, ok := c.m[clause]; ok {
		return p.r, p.err
	}
	if c.m == nil {
		c.m = map[string]parsedRange{}
	}
	r, err := version.ParseRange(clause)
	c.m[clause] = parsedRange{r, err}
	return r, err
}

// group is one product's items while GroupWith reads them.
type group struct {
	item    Item
	clauses []string
	ranges  []version.Range
	free    []string
	seen    seenSet // clauses and free texts already kept
	// schemes are the schemes of the items with clauses, once each
	schemes []string
	// beside holds free texts kept beside ranges (Item.Beside)
	beside []string
}

// reset makes g a new group for it, keeping its storage.
func (g *group) reset(it Item) {
	clear(g.ranges) // let go of the last record's ranges
	*g = group{item: it, clauses: g.clauses[:0], ranges: g.ranges[:0], free: g.free[:0],
		seen: seenSet{list: g.seen.list[:0]}, schemes: g.schemes[:0], beside: g.beside[:0]}
}

// GroupWith is [Group] with the clauses parsed through cache (nil: no cache).
func GroupWith(items []Item, warn func(source.Pos, string), cache *RangeCache) []advisory.Affected {
	var groups []group
	if cache != nil {
		groups = cache.groups[:0]
		defer func() { cache.groups = groups[:0] }()
	}
	var byKey map[string]int // built once an advisory names many products
	find := func(it Item) *group {
		k := it.Key
		if k == "" {
			k = "\x00" + it.Product
		}
		if byKey == nil && len(groups) > 16 {
			byKey = make(map[string]int, 2*len(groups))
			for i := range groups {
				gk := groups[i].item.Key
				if gk == "" {
					gk = "\x00" + groups[i].item.Product
				}
				byKey[gk] = i
			}
		}
		if byKey != nil {
			if i, ok := byKey[k]; ok {
				return &groups[i]
			}
		} else {
			for i := range groups { // most advisories name few products
				if g := &groups[i]; g.item.Key == it.Key && (it.Key != "" || g.item.Product == it.Product) {
					return g
				}
			}
		}
		if len(groups) < cap(groups) {
			groups = groups[:len(groups)+1]
		} else {
			groups = append(groups, group{})
		}
		g := &groups[len(groups)-1]
		g.reset(it)
		if byKey != nil {
			byKey[k] = len(groups) - 1
		}
		return g
	}
	for _, it := range items {
		g := find(it)
		free := strings.TrimSpace(it.Free)
		switch {
		case free != "" && it.Beside:
			if !g.seen.has("\x01" + free) {
				g.seen.add("\x01" + free)
				g.beside = append(g.beside, free)
			}
		case free != "":
			if !g.seen.has("\x00" + free) {
				g.seen.add("\x00" + free)
				g.free = append(g.free, free)
			}
		case it.Clause != "" && !g.seen.has(it.Clause):
			g.seen.add(it.Clause)
			if !slices.Contains(g.schemes, it.Scheme) {
				g.schemes = append(g.schemes, it.Scheme)
			}
			r, err := cache.parse(it.Clause)
			if err != nil {
				if inScheme(it) {
					// a range in the feed's or the vendor's own scheme
					// only: kept in Versions, where matching reads it
					g.clauses = append(g.clauses, it.Clause)
					continue
				}
				warn(it.Pos, fmt.Sprintf("product %s: versions %q are not a range (%v): kept as text that needs confirmation", productName(it), it.Clause, err))
				g.free = append(g.free, it.Clause)
				continue
			}
			g.clauses = append(g.clauses, it.Clause)
			g.ranges = append(g.ranges, r)
		}
	}
	var out []advisory.Affected
	for i := range groups {
		g := &groups[i]
		base := advisory.Affected{Product: g.item.Product, Key: g.item.Key, Pos: g.item.Pos}
		if len(g.schemes) == 1 {
			// one scheme for every clause; mixed ones leave it to the component
			base.Scheme = g.schemes[0]
		}
		if len(g.clauses) > 0 {
			a := base
			a.Versions = strings.Join(g.clauses, " || ")
			n := 0
			for _, r := range g.ranges {
				n += len(r.Clauses)
			}
			if n > 0 {
				a.Range.Clauses = make([]version.Clause, 0, n)
			}
			for _, r := range g.ranges {
				a.Range.Clauses = append(a.Range.Clauses, r.Clauses...)
			}
			if slices.Contains(g.clauses, "*") {
				a.Versions, a.Range = "*", version.Range{Clauses: []version.Clause{{Any: true}}}
			}
			out = append(out, a)
		}
		if len(g.free) > 0 {
			a := base
			a.FreeText = strings.Join(g.free, "; ")
			out = append(out, a)
		}
		if len(g.beside) > 0 {
			a := base
			a.FreeText, a.Beside = strings.Join(g.beside, "; "), true
			out = append(out, a)
		}
	}
	return out
}

// seenSet is a set of strings: a list while it is small (most products
// of an advisory have a clause or two), a map once it is not.
type seenSet struct {
	list []string
	m    map[string]bool
}

func (s *seenSet) has(k string) bool {
	if s.m != nil {
		return s.m[k]
	}
	return slices.Contains(s.list, k)
}

func (s *seenSet) add(k string) {
	if s.m != nil {
		s.m[k] = true
		return
	}
	s.list = append(s.list, k)
	if len(s.list) > 8 {
		s.m = make(map[string]bool, 2*len(s.list))
		for _, x := range s.list {
			s.m[x] = true
		}
		s.list = nil
	}
}

// inScheme reports whether an item's clause is a range in the item's
// scheme or in the vendor scheme of its product key.
func inScheme(it Item) bool {
	var cands []scheme.Scheme
	if sc, ok := scheme.Lookup(it.Scheme); ok {
		cands = append(cands, sc)
	}
	if sc, ok := scheme.ForProduct(it.Key); ok && it.Key != "" {
		cands = append(cands, sc)
	}
	for _, sc := range cands {
		if _, err := scheme.ParseRange(sc, it.Clause); err == nil {
			return true
		}
	}
	return false
}

func productName(it Item) string {
	if it.Key != "" {
		return it.Key
	}
	return fmt.Sprintf("%q", it.Product)
}

// NVDClause converts one NVD cpeMatch into a range clause: the four
// versionStart/End bounds become >=, >, <= and <; with no bound, a
// concrete version in the CPE (cpeVersion, with the CPE's update field
// applied, see [CPEVersion]) becomes "=version" and "*" (or nothing)
// means every version. skip is true when the CPE's version is "-" (not
// applicable) and no bound is given. A bound that is not a version makes
// the result free text (ok false) holding what NVD wrote.
func NVDClause(cpeVersion, startIncl, startExcl, endIncl, endExcl string) (clause string, ok, skip bool) {
	var parts []string
	valid := true
	add := func(op, v string) {
		v = strings.TrimSpace(v)
		if v == "" {
			return
		}
		if _, err := version.Parse(v); err != nil {
			valid = false
		}
		parts = append(parts, op+v)
	}
	add(">=", startIncl)
	add(">", startExcl)
	add("<=", endIncl)
	add("<", endExcl)
	if len(parts) == 0 {
		switch v := strings.TrimSpace(cpeVersion); v {
		case "", "*":
			return "*", true, false
		case "-":
			return "", false, true
		default:
			add("=", v)
		}
	}
	return strings.Join(parts, " "), valid, false
}

// CPEVersion returns the version field of a CPE 2.3 formatted string
// ("cpe:2.3:a:apache:log4j:2.14.1:…") or a CPE 2.2 URI ("cpe:/a:apache:log4j:2.14.1"),
// with CPE escapes removed and a concrete update field folded in where the
// vendor's scheme puts it ([scheme.FoldCPEUpdate]: pan-os 10.2.8 + h1 →
// "10.2.8-h1", junos 21.4 + r3-s5 → "21.4R3-S5", jdk 1.8.0 + update361 →
// "1.8.0_361", macos 10.15.7 + security_update_2022-001 →
// "10.15.7_security_update_2022-001"); "" when there is none. An update
// that no rule folds is kept as text, "<version> update <update>", which
// is no version: the clause made from it is free text that needs
// confirmation, never the bare base version.
func CPEVersion(cpe string) string {
	vp, ver, upd := CPEFields(cpe)
	switch strings.ToLower(upd) {
	case "", "*", "-":
		return ver
	}
	if ver == "" || ver == "*" || ver == "-" {
		return ver
	}
	if folded, ok := scheme.FoldCPEUpdate(vp, ver, upd); ok {
		return folded
	}
	return ver + " update " + upd
}

// CPEFields returns a CPE's vendor:product key and its version and update
// fields, with CPE escapes removed; "" for missing fields.
func CPEFields(cpe string) (vp, ver, upd string) {
	low := strings.ToLower(cpe)
	var parts []string
	switch {
	case strings.HasPrefix(low, "cpe:2.3:"):
		parts = splitCPE(cpe)[3:]
		for i := range parts {
			parts[i] = strings.ReplaceAll(parts[i], `\`, "")
		}
	case strings.HasPrefix(low, "cpe:/"):
		parts = strings.Split(cpe[len("cpe:/"):], ":")[1:]
	default:
		return "", "", ""
	}
	get := func(i int) string {
		if i < len(parts) {
			return parts[i]
		}
		return ""
	}
	vp = strings.ToLower(get(0) + ":" + get(1))
	return vp, get(2), get(3)
}

// splitCPE splits a CPE 2.3 formatted string at unescaped colons.
func splitCPE(s string) []string {
	var parts []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case ':':
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

// wildcardLine reads "8.1.*", "8.1.x" or "4.x" as the release line "8.1"
// or "4"; ok is false for anything else.
func wildcardLine(s string) (line string, ok bool) {
	for _, suf := range []string{".*", ".x", ".X"} {
		if p, found := strings.CutSuffix(s, suf); found && p != "" {
			for _, seg := range strings.Split(p, ".") {
				if seg == "" || strings.Trim(seg, "0123456789") != "" {
					return "", false
				}
			}
			return p, true
		}
	}
	return "", false
}

// nextLine returns the release line after line: "8.1" → "8.2", "4" → "5".
func nextLine(line string) string {
	i := strings.LastIndexByte(line, '.')
	last := line[i+1:]
	// increment a decimal string of any length
	b := []byte(last)
	j := len(b) - 1
	for ; j >= 0; j-- {
		if b[j] < '9' {
			b[j]++
			break
		}
		b[j] = '0'
	}
	if j < 0 {
		b = append([]byte{'1'}, b...)
	}
	return line[:i+1] + string(b)
}

// isVersion reports whether s parses as a version.
func isVersion(s string) bool {
	_, err := version.Parse(s)
	return err == nil
}
