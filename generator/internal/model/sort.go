package model

import "vulnreport/generator/internal/indexsort"

// SortFindings sorts findings by cmp, which must be a total order. It sorts
// an index and then permutes the findings in place, following each cycle
// once, so that each large struct moves once instead of at every swap of
// the sort and no second copy of the slice is allocated.
func SortFindings(fs []Finding, cmp func(a, b *Finding) int) {
	SortFindingsByIndex(fs, func(a, b int) int { return cmp(&fs[a], &fs[b]) })
}

// SortFindingsByIndex is SortFindings with cmp comparing the findings at
// two positions of fs as it was before sorting, so that the caller may
// compare precomputed keys instead of the findings themselves.
func SortFindingsByIndex(fs []Finding, cmp func(a, b int) int) { indexsort.Sort(fs, cmp) }
