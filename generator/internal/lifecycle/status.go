package lifecycle

import (
	"cmp"
	"slices"
	"time"

	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/version"
)

// Index finds the release line of a component quickly.
type Index struct {
	byKey map[string][]Cycle
	// found memoises Find by product key and version: a million components
	// share a few thousand distinct pairs. Index is not safe for concurrent use.
	found map[[2]string]int
}

// NewIndex indexes cycles by product key. When a local record and an
// endoflife.date record describe the same line, the local one wins.
func NewIndex(cycles []Cycle) *Index {
	ix := &Index{byKey: map[string][]Cycle{}, found: map[[2]string]int{}}
	for _, c := range cycles {
		ix.byKey[c.Key] = append(ix.byKey[c.Key], c)
	}
	for k, cs := range ix.byKey {
		// Longest cycle first so "2.5.1" wins over "2.5"; local before feed.
		slices.SortStableFunc(cs, func(a, b Cycle) int {
			return cmp.Or(cmp.Compare(len(b.Cycle), len(a.Cycle)), cmp.Compare(a.Cycle, b.Cycle), cmp.Compare(originRank(a.Origin), originRank(b.Origin)))
		})
		ix.byKey[k] = cs
	}
	return ix
}

func originRank(o string) int {
	if o == "lifecycle" {
		return 0
	}
	return 1
}

// Has reports whether any cycle is known for a product key.
func (ix *Index) Has(key string) bool { return len(ix.byKey[key]) > 0 }

// Find returns the release line a version belongs to.
func (ix *Index) Find(key, ver string) (Cycle, bool) {
	cs := ix.byKey[key]
	if len(cs) == 0 {
		return Cycle{}, false
	}
	pv := [2]string{key, ver}
	i, ok := ix.found[pv]
	if !ok {
		i = findLine(key, ver, cs)
		ix.found[pv] = i
	}
	if i < 0 {
		return Cycle{}, false
	}
	return cs[i], true
}

// Status returns the support status of a cycle as of a date: end of life
// (or extended support, when paid extended support still runs), support
// ending within the warning horizon, security fixes only (past the end of
// active support), or supported.
func Status(c Cycle, asOf time.Time, warnDays int) model.LifecycleStatus {
	if !c.EOL.IsZero() && !asOf.Before(c.EOL) {
		if !c.ExtendedEnd.IsZero() && asOf.Before(c.ExtendedEnd) {
			return model.LifecycleExtended
		}
		return model.LifecycleEOL
	}
	if !c.EOL.IsZero() && !asOf.AddDate(0, 0, warnDays).Before(c.EOL) {
		return model.LifecycleEnding
	}
	if !c.SupportEnd.IsZero() && !asOf.Before(c.SupportEnd) {
		return model.LifecycleSecurityOnly
	}
	if c.EOL.IsZero() && c.SupportEnd.IsZero() {
		return model.LifecycleUnknown
	}
	return model.LifecycleSupported
}

// NotLatest reports whether a newer version of the line is known.
func NotLatest(c Cycle, ver string) bool {
	if c.Latest == "" {
		return false
	}
	return version.Compare(ver, c.Latest) < 0
}
