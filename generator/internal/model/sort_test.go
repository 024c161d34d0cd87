package model

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

func TestSortFindings(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 3, 10, 1000} {
		fs := make([]Finding, n)
		for i := range fs {
			fs[i] = Flat{Key: strconv.Itoa(r.IntN(n*3 + 1)), Version: strconv.Itoa(i)}.Finding()
		}
		want := slices.Clone(fs)
		byKey := func(a, b *Finding) int { return cmp.Or(cmp.Compare(a.Key, b.Key), cmp.Compare(a.Version, b.Version)) }
		slices.SortFunc(want, func(a, b Finding) int { return byKey(&a, &b) })
		SortFindings(fs, byKey)
		for i := range fs {
			if fs[i].Key != want[i].Key || fs[i].Version != want[i].Version {
				t.Fatalf("n=%d: position %d holds %s/%s, want %s/%s", n, i, fs[i].Key, fs[i].Version, want[i].Key, want[i].Version)
			}
		}
	}
}
