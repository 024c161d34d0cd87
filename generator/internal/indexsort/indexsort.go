// Package indexsort sorts slices of large structs by sorting their
// positions and then moving each element once, following the cycles of
// the permutation in place: a plain sort swaps the structs themselves at
// every step, which for a million 700-byte findings is most of its cost.
package indexsort

import "slices"

// Sort sorts s by cmp, which compares the elements at two positions of s
// as it was before sorting and must be a total order (ties broken, so
// the result does not depend on the sort's algorithm).
func Sort[T any](s []T, cmp func(a, b int) int) {
	idx := make([]int32, len(s))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(a, b int32) int { return cmp(int(a), int(b)) })
	permute(s, idx)
}

// Permute reorders s in place so that s[i] is the element that was at
// idx[i], moving each element once; idx must be a permutation of s's
// positions and is left as it was.
func Permute[T any](s []T, idx []int32) { permute(s, slices.Clone(idx)) }

// permute is Permute using idx up.
func permute[T any](s []T, idx []int32) {
	for i := range idx {
		if idx[i] < 0 {
			continue
		}
		tmp := s[i]
		j := i
		for {
			k := int(idx[j])
			idx[j] = -1
			if k == i {
				s[j] = tmp
				break
			}
			s[j] = s[k]
			j = k
		}
	}
}
