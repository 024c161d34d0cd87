package advisory

import (
	"fmt"

	"vulnreport/generator/internal/source"
)

// MergeRows joins CSV rows that share an id into one record per advisory,
// in order of first appearance: the first row gives the advisory's fields,
// each row adds its affected.product / affected.versions, and a later row
// whose other fields disagree with the first is an error on that field.
// rows[i] maps to the index of the merged record it joined, so that the
// caller can count accepted and rejected rows; conflicts[j] lists the
// disagreements found for merged record j, which reject it.
func MergeRows(rows []source.Record, diags *source.Diagnostics) (merged []source.Record, rowOf []int, conflicts map[int][]string) {
	conflicts = map[int][]string{}
	byID := map[string]int{}
	rowOf = make([]int, len(rows))
	for i, row := range rows {
		idv, _ := row.Get("id")
		key := idv.Text
		if key == "" {
			key = "\x00" + row.Pos.String()
		}
		at, seen := byID[key]
		if !seen {
			at = len(merged)
			byID[key] = at
			m := source.NewRecord(row.Pos)
			for _, k := range row.Keys() {
				if k == "affected.product" || k == "affected.versions" {
					continue
				}
				v, _ := row.Get(k)
				m.Set(k, v)
			}
			merged = append(merged, m)
		} else {
			m := &merged[at]
			for _, k := range row.Keys() {
				if k == "affected.product" || k == "affected.versions" || k == "id" {
					continue
				}
				v, _ := row.Get(k)
				if v.Text == "" && !v.IsList {
					continue
				}
				if first, ok := m.Get(k); ok && first.Text != "" && first.Text != v.Text {
					msg := fmt.Sprintf("field %q: %q disagrees with %q on the advisory's first row (%s)", k, v.Text, first.Text, first.Pos)
					diags.Errorf(v.Pos, "%s", msg)
					conflicts[at] = append(conflicts[at], v.Pos.String()+": "+msg)
				} else if !ok || first.Text == "" {
					m.Set(k, v)
				}
			}
		}
		rowOf[i] = at
		if pv, ok := row.Get("affected.product"); ok && pv.Text != "" {
			sub := source.NewRecord(pv.Pos)
			sub.Set("product", pv)
			if vv, ok := row.Get("affected.versions"); ok {
				sub.Set("versions", vv)
			}
			m := &merged[at]
			m.AddGroup("affected", sub)
		}
	}
	return merged, rowOf, conflicts
}
