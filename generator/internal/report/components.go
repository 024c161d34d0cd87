package report

import (
	"cmp"
	"slices"

	"vulnreport/generator/internal/lifecycle"
	"vulnreport/generator/internal/model"
)

func components(in Input) []Component {
	count := map[[3]string]int{} // system, product, version
	for i := range in.Assessed.Findings {
		f := &in.Assessed.Findings[i]
		if f.Kind == model.KindVulnerability && (f.IsOpen() || f.State == model.StateConfirm) {
			count[[3]string{f.System, f.Product, f.Version}]++
		}
	}
	// Sort an index and copy each view once into place: the views are
	// large and there is one per component row.
	order := make([]int32, len(in.Components))
	for i := range order {
		order[i] = int32(i)
	}
	at := make([]string, len(in.Components))
	for i := range in.Components {
		at[i] = in.Components[i].Pos.String()
	}
	slices.SortFunc(order, func(x, y int32) int {
		a, b := &in.Components[x], &in.Components[y]
		return cmp.Or(cmp.Compare(a.System, b.System), cmp.Compare(a.Key, b.Key), cmp.Compare(a.Version, b.Version), cmp.Compare(at[x], at[y]))
	})
	out := make([]Component, len(in.Components))
	facts := map[[3]string]*ComponentFacts{} // product, name, version
	for k, i := range order {
		c := &in.Components[i]
		fk := [3]string{c.Key, c.Name, c.Version}
		cf := facts[fk]
		if cf == nil {
			cf = &ComponentFacts{Product: c.Key, ProductName: c.Name, Version: c.Version, Lifecycle: model.LifecycleUnknown}
			if cf.ProductName == "" {
				cf.ProductName = in.Resolver.DisplayName(c.Key)
			}
			if cy, ok := in.Lifecycle.Find(c.Key, c.Version); ok {
				cf.Cycle, cf.EOL, cf.Latest = cy.Cycle, cy.EOL, cy.Latest
				cf.Lifecycle = lifecycle.Status(cy, in.AsOf, in.Policy.Horizons.EOLWarningDays)
				cf.NotLatest = lifecycle.NotLatest(cy, c.Version)
			}
			facts[fk] = cf
		}
		out[k] = Component{System: c.System, ComponentFacts: cf, Hosts: c.Hosts, Patches: c.Patches, At: at[i], Source: c.Source,
			Findings: count[[3]string{c.System, c.Key, c.Version}]}
	}
	return out
}
