package lifecycle

import (
	"strings"

	"vulnreport/generator/internal/version"
)

// Release lines that are not numbers (issue 12 item 6). endoflife.date
// and NVD name many lines by words: Windows Server "2012-r2" and
// "23h2-ac", Firefox "esr", Windows "xp", NVD's windows_server_2012 "r2".
// A version is in such a line when, folded, it equals the line's name or
// is the line's name after the product's name ("Windows Server 2012 R2",
// "2012 R2"). Windows inventories record builds ("10.0.20348.2849"):
// a version is in the line whose latest build ("latest: 10.0.20348") is
// a prefix of it at a segment boundary.
//
// Find tries, in order: a line whose name the version spells; a line
// that is a numeric prefix of the version (HasPrefixLine); a line whose
// latest build is a prefix of the version. Where several lines share one
// build (Windows Server 2019 and 1809 SAC are both 10.0.17763), a local
// lifecycle record wins over endoflife.date, and among feed lines the
// one whose end of life comes first is taken, so that a build never
// looks better supported than some line it may be: add a local
// lifecycle record with that latest build to say which line you run.

// foldLine folds a line name or a version written as one: lower case,
// spaces, underscores and dots between words as '-'.
func foldLine(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	var b strings.Builder
	dash := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '_' || c == '-' || c == '\t':
			dash = b.Len() > 0
		default:
			if dash {
				b.WriteByte('-')
				dash = false
			}
			b.WriteByte(c)
		}
	}
	return b.String()
}

// isNumericLine reports whether a cycle is a dotted number ("2.5", "10"),
// which HasPrefixLine handles.
func isNumericLine(cycle string) bool {
	if cycle == "" {
		return false
	}
	for i := 0; i < len(cycle); i++ {
		if c := cycle[i]; !(c >= '0' && c <= '9' || c == '.') {
			return false
		}
	}
	return true
}

// namesLine reports whether version ver spells line cycle of the product
// with key: equal once folded, or the line's name after words naming the
// product ("windows-server-2012-r2" for cycle "2012-r2").
func namesLine(key, ver, cycle string) bool {
	v, c := foldLine(ver), foldLine(cycle)
	if c == "" || v == "" {
		return false
	}
	if v == c {
		return true
	}
	if !strings.HasSuffix(v, "-"+c) {
		return false
	}
	prefix := v[:len(v)-len(c)-1]
	// Before the line's name may come words ("windows-server") or the
	// end of the product's own name: NVD's windows_server_2012 has line
	// "r2", written "2012 R2" or "Windows Server 2012 R2".
	_, name, _ := strings.Cut(key, ":")
	if name = foldLine(name); name == prefix || strings.HasSuffix(name, "-"+prefix) {
		return true
	}
	for i := 0; i < len(prefix); i++ {
		if ch := prefix[i]; !(ch >= 'a' && ch <= 'z' || ch == '-') {
			return false
		}
	}
	return true
}

// buildPrefix reports whether latest, a line's latest build such as
// "10.0.20348", is a prefix of ver at a segment boundary.
func buildPrefix(ver, latest string) bool {
	if latest == "" || strings.Count(latest, ".") < 2 || !strings.HasPrefix(ver, latest) {
		return false
	}
	return len(ver) == len(latest) || ver[len(latest)] == '.'
}

// findLine returns the index in cs (sorted by NewIndex) of the line ver
// belongs to, or -1.
func findLine(key, ver string, cs []Cycle) int {
	for j, c := range cs {
		if !isNumericLine(c.Cycle) && namesLine(key, ver, c.Cycle) {
			return j
		}
	}
	if v, err := version.Parse(ver); err == nil {
		for j, c := range cs {
			// Word lines ("2012-r2", "6-sp2") are names, not numeric
			// prefixes: "2012" is not in "2012-r2".
			if !strings.Contains(c.Cycle, "-") && version.HasPrefixLine(v, c.Cycle) {
				return j
			}
		}
	}
	best := -1
	for j, c := range cs {
		if !buildPrefix(ver, c.Latest) {
			continue
		}
		if best < 0 || better(c, cs[best]) {
			best = j
		}
	}
	return best
}

// better reports whether line a is preferred to line b sharing one build:
// local records first, then the earlier end of life (unknown last).
func better(a, b Cycle) bool {
	if ra, rb := originRank(a.Origin), originRank(b.Origin); ra != rb {
		return ra < rb
	}
	switch {
	case a.EOL.IsZero():
		return false
	case b.EOL.IsZero():
		return true
	}
	return a.EOL.Before(b.EOL)
}

// Placeable reports whether a version can be placed in some line at all:
// it parses as a version or it names one of the product's lines. A
// version that cannot is for the reports to show as needing confirmation
// when some line of the product is past its end of life.
func (ix *Index) Placeable(key, ver string) bool {
	if _, ok := ix.Find(key, ver); ok {
		return true
	}
	_, err := version.Parse(ver)
	return err == nil
}

// Lines returns the lines known for a product key, longest name first.
func (ix *Index) Lines(key string) []Cycle { return ix.byKey[key] }
