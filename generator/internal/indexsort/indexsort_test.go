package indexsort

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

type big struct {
	key  int
	name string
	pad  [40]byte
}

// TestSort checks against slices.SortFunc on random data, sizes 0 to 200,
// with many ties broken by name.
func TestSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for n := range 200 {
		s := make([]big, n)
		for i := range s {
			s[i] = big{key: rng.IntN(10), name: string(rune('a'+i%26)) + string(rune('a'+i/26))}
			s[i].pad[0] = byte(i)
		}
		want := slices.Clone(s)
		byValue := func(a, b big) int { return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.name, b.name)) }
		slices.SortFunc(want, byValue)
		orig := slices.Clone(s)
		Sort(s, func(a, b int) int { return byValue(orig[a], orig[b]) })
		if !slices.Equal(s, want) {
			t.Fatalf("n=%d: got %v, want %v", n, s, want)
		}
	}
}

// TestPermute: each element moves to where idx says, and idx is left as
// it was for the next column.
func TestPermute(t *testing.T) {
	idx := []int32{3, 0, 4, 1, 2}
	s := []string{"a", "b", "c", "d", "e"}
	Permute(s, idx)
	if want := []string{"d", "a", "e", "b", "c"}; !slices.Equal(s, want) {
		t.Errorf("Permute gave %v, want %v", s, want)
	}
	if !slices.Equal(idx, []int32{3, 0, 4, 1, 2}) {
		t.Errorf("Permute changed idx to %v", idx)
	}
}
