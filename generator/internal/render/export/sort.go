package export

import (
	"cmp"
	"slices"

	"vulnreport/generator/internal/findings"
)

func slicesSortByKey(rows []findings.Finding) {
	slices.SortFunc(rows, func(a, b findings.Finding) int { return cmp.Compare(a.Key, b.Key) })
}
