package report

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"vulnreport/generator/internal/model"
)

// TestSortRankingAndActions checks the key sorts against sorting the
// elements themselves, as rank did before: the same order, ties (equal
// scores, priorities, dates and, for the stable sort of the actions,
// equal keys) included.
func TestSortRankingAndActions(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	day := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	prios := []model.Priority{model.P1, model.P2, model.P3, model.P4, model.PriorityNone}
	for _, n := range []int{0, 1, 2, 7, 100, 3000} {
		r := &Report{}
		var fs []model.Finding
		for i := range n {
			fs = append(fs, model.Flat{Priority: prios[rng.IntN(len(prios))], Due: day.AddDate(0, 0, rng.IntN(4))}.Finding())
			r.Ranking = append(r.Ranking, Ranked{Index: i, Key: fmt.Sprintf("f%d", rng.IntN(n+1)), Score: Score{Points: float64(rng.IntN(5))}})
			a := Action{Plan: &Plan{}, score: Score{Points: float64(rng.IntN(5))}}
			a.Key, a.TopPriority, a.Due, a.Hosts = fmt.Sprintf("a%d", rng.IntN(n/2+1)), prios[rng.IntN(len(prios))], day.AddDate(0, 0, rng.IntN(3)), i
			r.Actions = append(r.Actions, a)
		}
		r.Findings = NewFindingStore(fs)
		rng.Shuffle(len(r.Ranking), func(i, j int) { r.Ranking[i], r.Ranking[j] = r.Ranking[j], r.Ranking[i] })
		wantRanking := slices.Clone(r.Ranking)
		slices.SortFunc(wantRanking, func(a, b Ranked) int {
			fa, fb := &fs[a.Index], &fs[b.Index]
			return cmp.Or(cmp.Compare(b.Score.Points, a.Score.Points), cmp.Compare(fa.PriorityRank(), fb.PriorityRank()),
				fa.Due.Compare(fb.Due), cmp.Compare(a.Key, b.Key))
		})
		wantActions := slices.Clone(r.Actions)
		slices.SortStableFunc(wantActions, func(a, b Action) int {
			return cmp.Or(cmp.Compare(b.score.Points, a.score.Points), cmp.Compare(a.TopPriority.Rank(), b.TopPriority.Rank()),
				a.Due.Compare(b.Due), cmp.Compare(a.Key, b.Key))
		})
		sortRanking(r)
		sortActions(r)
		for i := range r.Ranking {
			if r.Ranking[i].Index != wantRanking[i].Index {
				t.Fatalf("n=%d: ranking[%d] is finding %d, want %d", n, i, r.Ranking[i].Index, wantRanking[i].Index)
			}
		}
		for i := range r.Actions {
			// Hosts holds each action's first position: ties keep it.
			if r.Actions[i].Hosts != wantActions[i].Hosts {
				t.Fatalf("n=%d: actions[%d] was action %d, want %d", n, i, r.Actions[i].Hosts, wantActions[i].Hosts)
			}
		}
	}
}
