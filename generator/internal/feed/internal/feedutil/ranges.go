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
	type group struct {
		item    Item
		clauses []string
		ranges  []version.Range
		free    []string
		seen    map[string]bool // clauses and free texts already kept
		// schemes are the schemes of the items with clauses, once each
		schemes []string
		// beside holds free texts kept beside ranges (Item.Beside)
		beside []string
	}
	var order []*group
	var byKey map[string]*group // built once an advisory names many products
	find := func(it Item) *group {
		k := it.Key
		if k == "" {
			k = "\x00" + it.Product
		}
		if byKey == nil && len(order) > 16 {
			byKey = make(map[string]*group, 2*len(order))
			for _, g := range order {
				gk := g.item.Key
				if gk == "" {
					gk = "\x00" + g.item.Product
				}
				byKey[gk] = g
			}
		}
		if byKey != nil {
			if g := byKey[k]; g != nil {
				return g
			}
		} else {
			for _, g := range order { // most advisories name few products
				if g.item.Key == it.Key && (it.Key != "" || g.item.Product == it.Product) {
					return g
				}
			}
		}
		g := &group{item: it, seen: map[string]bool{}}
		order = append(order, g)
		if byKey != nil {
			byKey[k] = g
		}
		return g
	}
	for _, it := range items {
		g := find(it)
		free := strings.TrimSpace(it.Free)
		switch {
		case free != "" && it.Beside:
			if !g.seen["\x01"+free] {
				g.seen["\x01"+free] = true
				g.beside = append(g.beside, free)
			}
		case free != "":
			if !g.seen["\x00"+free] {
				g.seen["\x00"+free] = true
				g.free = append(g.free, free)
			}
		case it.Clause != "" && !g.seen[it.Clause]:
			g.seen[it.Clause] = true
			if !slices.Contains(g.schemes, it.Scheme) {
				g.schemes = append(g.schemes, it.Scheme)
			}
			r, err := version.ParseRange(it.Clause)
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
	for _, g := range order {
		base := advisory.Affected{Product: g.item.Product, Key: g.item.Key, Pos: g.item.Pos}
		if len(g.schemes) == 1 {
			// one scheme for every clause; mixed ones leave it to the component
			base.Scheme = g.schemes[0]
		}
		if len(g.clauses) > 0 {
			a := base
			a.Versions = strings.Join(g.clauses, " || ")
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
