package report

import (
	"bytes"
	"cmp"
	"slices"
	"strings"

	"vulnreport/generator/internal/lifecycle"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/source"
)

// components builds the store of the component rows, sorted by system,
// product key, version and position text, each with the facts of its
// product version and the count of its open (or to-confirm) findings fs.
func components(in Input, fs model.FindingList) ComponentStore {
	count := map[[3]string]int{} // system, product, version
	for i := range fs.Len() {
		f := fs.At(i)
		if f.Kind == model.KindVulnerability && (f.IsOpen() || f.State == model.StateConfirm) {
			count[[3]string{f.System, f.Product, f.Version}]++
		}
	}
	// Sort an index and add the rows to the store in its order. Systems
	// and product keys, a few thousand distinct among a million rows, are
	// compared by their rank in string order, so that most comparisons
	// compare two integers.
	sysRank, keyRank := ranks(in, func(c int) string { return in.Components[c].System }),
		ranks(in, func(c int) string { return in.Components[c].Key })
	order := make([]int32, len(in.Components))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int {
		if c := cmp.Or(cmp.Compare(sysRank[x], sysRank[y]), cmp.Compare(keyRank[x], keyRank[y])); c != 0 {
			return c
		}
		a, b := &in.Components[x], &in.Components[y]
		if c := cmp.Compare(a.Version, b.Version); c != 0 {
			return c
		}
		return comparePosText(a.Pos, b.Pos)
	})
	atBytes := 0
	for i := range in.Components {
		var buf [48]byte
		p := &in.Components[i].Pos
		atBytes += len(p.File) + len(p.AppendSuffix(buf[:0]))
	}
	st := newComponentStoreBuilder(len(in.Components), min(atBytes, wideAtMark))
	facts := map[[3]string]uint32{} // product, name, version: index in the store's facts
	for _, i := range order {
		c := &in.Components[i]
		fk := [3]string{c.Key, c.Name, c.Version}
		fi, ok := facts[fk]
		if !ok {
			cf := &ComponentFacts{Product: c.Key, ProductName: c.Name, Version: c.Version, Lifecycle: model.LifecycleUnknown}
			if cf.ProductName == "" {
				cf.ProductName = in.Resolver.DisplayName(c.Key)
			}
			if cy, ok := in.Lifecycle.Find(c.Key, c.Version); ok {
				cf.Cycle, cf.EOL, cf.Latest = cy.Cycle, cy.EOL, cy.Latest
				cf.Lifecycle = lifecycle.Status(cy, in.AsOf, in.Policy.Horizons.EOLWarningDays)
				cf.NotLatest = lifecycle.NotLatest(cy, c.Version)
			}
			fi = st.newFacts(cf)
			facts[fk] = fi
		}
		st.add(c.System, fi, c.Hosts, c.Patches, count[[3]string{c.System, c.Key, c.Version}], c.Source, c.Pos)
	}
	return st.store()
}

// ranks returns, for each component row, the rank of its text (as text
// gives it) among the distinct texts of all rows, in string order.
func ranks(in Input, text func(c int) string) []int32 {
	at := map[string]int32{}
	var distinct []string
	for c := range in.Components {
		t := text(c)
		if _, ok := at[t]; !ok {
			at[t] = 0
			distinct = append(distinct, t)
		}
	}
	slices.Sort(distinct)
	for r, t := range distinct {
		at[t] = int32(r)
	}
	out := make([]int32, len(in.Components))
	for c := range out {
		out[c] = at[text(c)]
	}
	return out
}

// comparePosText orders two positions as their texts (Pos.String) order,
// formatting neither when the two are in the same file: the sort compares
// positions only between rows of one system, product and version.
func comparePosText(p, q source.Pos) int {
	if p.File != q.File {
		return strings.Compare(p.String(), q.String())
	}
	var a, b [48]byte
	return bytes.Compare(p.AppendSuffix(a[:0]), q.AppendSuffix(b[:0]))
}
