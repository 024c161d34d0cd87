package report

import (
	"cmp"
	"slices"
	"time"

	"vulnreport/generator/internal/indexsort"
)

// The ranking and the fix actions are ordered by sorting small keys and
// moving each element once. Sorting the elements themselves read two
// findings at random from a slice of hundreds of MiB per comparison (the
// ranking) or moved ~600-byte actions O(n log² n) times (the stable sort
// of the actions): at 10,000 systems that took seconds, growing faster
// than the estate. The comparisons are the same, in the same order of
// elements, so the order is the same.

// rankKey is what orders an open finding in the ranking.
type rankKey struct {
	points float64
	prio   int
	due    time.Time
	key    string
	at     int32
}

// sortRanking orders r.Ranking by score (highest first), then priority,
// due date and key.
func sortRanking(r *Report) {
	keys := make([]rankKey, len(r.Ranking))
	for i, x := range r.Ranking {
		f := r.Findings.At(x.Index)
		keys[i] = rankKey{points: x.Score.Points, prio: f.PriorityRank(), due: f.Due, key: x.Key, at: int32(i)}
	}
	slices.SortFunc(keys, func(a, b rankKey) int {
		return cmp.Or(cmp.Compare(b.points, a.points), cmp.Compare(a.prio, b.prio), a.due.Compare(b.due), cmp.Compare(a.key, b.key))
	})
	permute(r.Ranking, keys)
}

// sortActions orders r.Actions, stably, by score (highest first), then
// top priority, due date and key.
func sortActions(r *Report) {
	keys := make([]rankKey, len(r.Actions))
	for i := range r.Actions {
		a := &r.Actions[i]
		keys[i] = rankKey{points: a.score.Points, prio: a.TopPriority.Rank(), due: a.Due, key: a.Key, at: int32(i)}
	}
	slices.SortStableFunc(keys, func(a, b rankKey) int {
		return cmp.Or(cmp.Compare(b.points, a.points), cmp.Compare(a.prio, b.prio), a.due.Compare(b.due), cmp.Compare(a.key, b.key))
	})
	permute(r.Actions, keys)
}

// permute reorders s so that s[i] is the element that was at keys[i].at.
func permute[T any](s []T, keys []rankKey) {
	idx := make([]int32, len(keys))
	for i, k := range keys {
		idx[i] = k.at
	}
	indexsort.Permute(s, idx)
}
