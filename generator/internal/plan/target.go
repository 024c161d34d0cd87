package plan

import (
	"slices"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/version"
)

// Sources is what BuildActions needs to know beyond the findings.
type Sources struct {
	// Fixed gives, per vulnerability id, the advisory's fixed text (patch ids).
	Fixed func(vulnID string) string
	// Ranges gives every affected range a vulnerability names for a
	// product key, across all its merged advisories. When nil, or when it
	// returns none, the finding's matched clause stands in (its fix bound).
	Ranges func(vulnID, product string) []version.Range
	// EOLLine reports whether a version of a product belongs to a release
	// line past its end of life as of the report date. A target is never
	// named inside such a line; nil means no line is known to be.
	EOLLine func(product, ver string) bool
}

// compare is the one ordering every target check goes through, so that a
// version scheme (issue 12) can later be chosen per product in one place.
func compare(a, b version.Version) int { return a.Compare(b) }

// point is a candidate target: a version, or (after) any version just
// newer than it, which is all a "<=X" bound lets us say.
type point struct {
	v     version.Version
	after bool
}

func (p point) less(q point) bool {
	if c := compare(p.v, q.v); c != 0 {
		return c < 0
	}
	return !p.after && q.after
}

// above reports whether p is newer than the installed version.
func (p point) above(inst version.Version) bool {
	c := compare(p.v, inst)
	return c > 0 || c == 0 && p.after
}

// matches reports whether the comparator holds for p.
func (p point) matches(c version.Comparator) bool {
	d := compare(p.v, c.Version)
	switch c.Op {
	case version.OpLT: // X+ < B iff X < B
		return d < 0
	case version.OpLE:
		return d < 0 || d == 0 && !p.after
	case version.OpGT: // X+ > B iff X >= B
		return d > 0 || d == 0 && p.after
	case version.OpGE:
		return d >= 0
	case version.OpEQ:
		return d == 0 && !p.after
	}
	return false
}

// inClause reports whether the clause contains p.
func (p point) inClause(c version.Clause) bool {
	if c.Any {
		return true
	}
	for _, cmp := range c.Comparators {
		if !p.matches(cmp) {
			return false
		}
	}
	return len(c.Comparators) > 0
}

// inRange reports whether any clause of r contains p.
func (p point) inRange(r version.Range) bool {
	for _, c := range r.Clauses {
		if p.inClause(c) {
			return true
		}
	}
	return false
}

// candidates appends the points a clause's bounds suggest: the version
// an exclusive upper bound names, just after an inclusive one, and a
// version a lower bound excludes. An "=X" clause names affected versions,
// not a fix, and suggests nothing.
func candidates(dst []point, c version.Clause) []point {
	if c.Any {
		return dst
	}
	for _, cmp := range c.Comparators {
		switch cmp.Op {
		case version.OpLT, version.OpGT:
			dst = append(dst, point{v: cmp.Version})
		case version.OpLE:
			dst = append(dst, point{v: cmp.Version, after: true})
		}
	}
	return dst
}

// lowestOutside returns the lowest candidate newer than inst that no range
// contains and that is not on an end-of-life line (eol may be nil).
func lowestOutside(cands []point, ranges []version.Range, inst version.Version, eol func(version.Version) bool) (point, bool) {
	slices.SortFunc(cands, func(a, b point) int {
		switch {
		case a.less(b):
			return -1
		case b.less(a):
			return 1
		}
		return 0
	})
next:
	for _, p := range cands {
		if !p.above(inst) {
			continue
		}
		for _, r := range ranges {
			if p.inRange(r) {
				continue next
			}
		}
		if eol != nil && eol(p.v) {
			continue
		}
		return p, true
	}
	return point{}, false
}

// ActionTargetText is TargetText of an action.
func ActionTargetText(a Action) i18n.Text {
	return TargetText(a.Kind, a.Target, a.TargetAfter, a.Patches)
}

// TargetText says what a fix action installs, in both languages: the
// version ("7.2.7 以降" / "7.2.7 or later"), "newer than X" when the
// feeds give only an inclusive upper bound, the patch ids, or that no
// fixing version is known. Every output shows this text.
func TargetText(kind model.ActionKind, target string, after bool, patches string) i18n.Text {
	var t i18n.Text
	switch {
	case target != "" && after:
		t = i18n.Sentencef("action_target.after", target)
	case target != "":
		t = i18n.Sentencef("action_target.from", target)
	}
	if patches != "" {
		if !t.IsZero() {
			t.JA, t.EN = t.JA+" / ", t.EN+" / "
		}
		t.JA, t.EN = t.JA+patches, t.EN+patches
	}
	switch {
	case !t.IsZero():
		return t
	case kind == model.ActionReplace:
		return i18n.Msg("action_target.supported")
	case kind == model.ActionConfirm && target == "" && patches == "":
		return i18n.Msg("action_target.unknown")
	}
	return i18n.Text{}
}
