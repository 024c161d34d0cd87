package report

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"vulnreport/generator/internal/assess"
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/lifecycle"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/policy"
	"vulnreport/generator/internal/product"
	"vulnreport/generator/internal/source"
)

// componentRowBudget is what a component row may cost in the store's
// per-row columns, in bytes. On top come the row's position text, once,
// in the one string holding them all, and the shared tables (systems,
// facts, patch lists, sources), once per distinct value. A string column
// alone would cost 16 bytes a row, and its pointer would be marked on
// every collection.
const componentRowBudget = 32

// componentsFixture is a small snapshot's component rows in no order:
// rows of one product version on one system in one file (lines 9 and 10,
// which order "10" first as text) and in several (an SBOM's line and
// column, a scanner's file alone), names left to the resolver, patch
// lists nil, empty, shared and distinct, hosts too many for 32 bits,
// and the findings that count against some of them.
func componentsFixture() Input {
	struts := "apache:struts"
	csv := func(line int) source.Pos { return source.Pos{File: "components.csv", Line: line} }
	rows := inventory.Components(
		inventory.Flat{System: "web01", Key: struts, Name: "Struts", Version: "2.5.10", Hosts: 2, Patches: []string{"S2-045"}, Source: "inventory", Pos: csv(10)},
		inventory.Flat{System: "web01", Key: struts, Name: "Struts", Version: "2.5.10", Hosts: 1, Patches: []string{"S2-045"}, Source: "inventory", Pos: csv(9)},
		inventory.Flat{System: "web01", Key: struts, Version: "2.5.10", Source: "sbom:sbom/web01.cdx.json", Pos: source.Pos{File: "sbom/web01.cdx.json", Line: 1, Col: 4711}},
		inventory.Flat{System: "web01", Key: struts, Version: "2.5.10", Source: "scan:scans/web01/trivy.json", Pos: source.Pos{File: "scans/web01/trivy.json"}},
		inventory.Flat{System: "web01", Key: "openssl:openssl", Name: "OpenSSL", Version: "1.0.2", Patches: []string{}, Source: "inventory", Pos: csv(3)},
		inventory.Flat{System: "db01", Key: "oracle:jre", Version: "8u201", Hosts: math.MaxInt32 + 1, Patches: []string{"a", "b"}, Source: "inventory", Pos: csv(4)},
		inventory.Flat{System: "db01", Key: "oracle:jre", Version: "8u201", Hosts: -1, Patches: []string{"a\x01b"}, Source: "inventory", Pos: csv(5)},
		inventory.Flat{System: "db01", Key: struts, Name: "Struts", Version: "2.3.1", Hosts: 40, Patches: []string{"a", "b"}, Source: "inventory", Pos: csv(1<<33 + 2)},
		inventory.Flat{System: "pc-fleet", Key: "oracle:jre", Name: "Java", Version: "8u201", Hosts: 120, Source: "inventory", Pos: csv(6)},
	)
	finding := func(sys, key, ver string, st model.State) model.Finding {
		return model.Flat{Kind: model.KindVulnerability, System: sys, Product: key, Version: ver, State: st}.Finding()
	}
	day := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	return Input{
		AsOf: day("2026-12-01"), Policy: policy.Default(), Components: rows,
		Resolver: product.NewResolver([]product.Product{{Key: "oracle:jre", Name: i18n.Plain("Oracle JRE")}}),
		Lifecycle: lifecycle.NewIndex([]lifecycle.Cycle{
			{Key: struts, Cycle: "2.5", EOL: day("2027-03-01"), Latest: "2.5.33"},
			{Key: struts, Cycle: "2.3", EOL: day("2019-01-01"), Latest: "2.3.37"},
		}),
		Assessed: assess.Result{Findings: builderOf(
			finding("web01", struts, "2.5.10", model.StateOpen), finding("web01", struts, "2.5.10", model.StateConfirm),
			finding("web01", struts, "2.5.10", model.StateAccepted), finding("db01", "oracle:jre", "8u201", model.StateOpen),
		)},
	}
}

// builderOf packs findings as assessment does.
func builderOf(fs ...model.Finding) *model.FindingBuilder {
	b := model.NewFindingBuilder(len(fs))
	for _, f := range fs {
		b.Add(f)
	}
	return b
}

// oldComponents is the builder the store replaced, as it was: one
// Component per row, its position formatted.
func oldComponents(in Input) []Component {
	count := map[[3]string]int{} // system, product, version
	for i := range in.Assessed.Findings.Len() {
		f := in.Assessed.Findings.At(i)
		if f.Kind == model.KindVulnerability && (f.IsOpen() || f.State == model.StateConfirm) {
			count[[3]string{f.System, f.Product, f.Version}]++
		}
	}
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

// sameRows fails t unless every row of s equals want's, the facts shared
// between the same rows, and s writes the same JSON as want.
func sameRows(t *testing.T, s ComponentStore, want []Component) {
	t.Helper()
	if s.Len() != len(want) {
		t.Fatalf("%d rows, want %d", s.Len(), len(want))
	}
	n := 0
	for i, got := range s.All() {
		n++
		if !reflect.DeepEqual(got, want[i]) {
			t.Errorf("row %d:\n got %+v %+v\nwant %+v %+v", i, got, got.ComponentFacts, want[i], want[i].ComponentFacts)
		}
		for j := range i {
			if (got.ComponentFacts == s.At(j).ComponentFacts) != (want[i].ComponentFacts == want[j].ComponentFacts) {
				t.Errorf("rows %d and %d: facts shared differently", j, i)
			}
		}
	}
	if n != len(want) {
		t.Errorf("All gave %d rows, want %d", n, len(want))
	}
	got, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	if w, err := json.Marshal(want); err != nil || string(got) != string(w) {
		t.Errorf("JSON (%v):\n got %s\nwant %s", err, got, w)
	}
}

// TestComponentStoreRoundTrip checks that every row the store gives back
// is the Component the builder it replaced made, in the same order, and
// that NewComponentStore keeps the rows it is given.
func TestComponentStoreRoundTrip(t *testing.T) {
	in := componentsFixture()
	want := oldComponents(in)
	if want[0].System != "db01" || want[len(want)-1].System != "web01" {
		t.Fatalf("fixture not sorted by system: %v", want)
	}
	s := components(in, in.Assessed.Findings)
	sameRows(t, s, want)
	sameRows(t, NewComponentStore(want), want)
	var c Component
	if n := testing.AllocsPerRun(100, func() { c = s.At(len(want) - 1) }); n != 0 || c.At != want[len(want)-1].At {
		t.Errorf("At allocates %.0f times", n)
	}

	// Position texts past what the column of their ends addresses.
	w := storeOf(want, 60)
	if sameRows(t, w, want); len(w.d.wideAt) == 0 || len(w.d.at) > 60 {
		t.Errorf("%d texts in wideAt, %d bytes in at", len(w.d.wideAt), len(w.d.at))
	}

	// Many rows in a random order, with rows tied on everything the
	// sort compares: the same order as the old sort gave.
	rng := rand.New(rand.NewPCG(15, 1))
	big := in
	big.Components = nil
	for range 3000 {
		c := in.Components[rng.IntN(len(in.Components))]
		c.Pos.Line = rng.IntN(30)
		c.Pos.Col = rng.IntN(3)
		c.Hosts = rng.IntN(5)
		if rng.IntN(2) == 0 {
			c.Pos.File = fmt.Sprintf("sbom/web%d.json", rng.IntN(3))
		}
		big.Components = append(big.Components, c)
	}
	sameRows(t, components(big, big.Assessed.Findings), oldComponents(big))
}

// TestComponentStoreEmpty checks that a built store of no rows writes
// [] and the zero store null, as the slice did.
func TestComponentStoreEmpty(t *testing.T) {
	for _, c := range []struct {
		s    ComponentStore
		want string
	}{{components(Input{}, model.FindingSlice(nil)), "[]"}, {ComponentStore{}, "null"}, {NewComponentStore(nil), "[]"}} {
		if b, err := json.Marshal(c.s); err != nil || string(b) != c.want || c.s.Len() != 0 {
			t.Errorf("%s (%v), want %s", b, err, c.want)
		}
	}
}

// TestComponentStoreBudget checks that every per-row column is a column
// of integers, that the store's rows cost at most componentRowBudget
// bytes each in them, measured from the columns' own sizes, and that the
// position texts are held once each; the shared tables are reported.
func TestComponentStoreBudget(t *testing.T) {
	typ := reflect.TypeFor[componentColumns]()
	perRow := uintptr(0)
	for i := range typ.NumField() {
		f := typ.Field(i)
		if f.Type.Kind() != reflect.Slice || !isInteger(f.Type.Elem().Kind()) {
			t.Errorf("column %s is %s: a per-row column must be a slice of integers (intern strings in a table)", f.Name, f.Type)
			continue
		}
		perRow += f.Type.Elem().Size()
	}
	if perRow > componentRowBudget {
		t.Errorf("the columns take %d bytes a row, over the budget of %d", perRow, componentRowBudget)
	}

	in := componentsFixture()
	for i := range 5000 { // a product version on many systems, as at scale
		in.Components = append(in.Components, inventory.Flat{System: fmt.Sprintf("s%04d", i%500), Key: "oracle:jre",
			Version: "8u201", Hosts: i % 7, Source: "inventory", Pos: source.Pos{File: "components.csv", Line: 20 + i}}.Component())
	}
	s := components(in, in.Assessed.Findings)
	cols := reflect.ValueOf(s.d.cols)
	bytes := 0
	for i := range cols.NumField() {
		f := cols.Field(i)
		if f.Kind() != reflect.Slice {
			continue
		}
		if f.Len() != s.Len() {
			t.Errorf("column %s has %d entries for %d rows", typ.Field(i).Name, f.Len(), s.Len())
		}
		bytes += f.Cap() * int(f.Type().Elem().Size())
	}
	text := 0
	for _, c := range s.All() {
		text += len(c.At)
	}
	if len(s.d.at) != text {
		t.Errorf("the position texts take %d bytes, want %d, each once", len(s.d.at), text)
	}
	if got := float64(bytes) / float64(s.Len()); got > componentRowBudget {
		t.Errorf("%.1f bytes a row in the columns, over the budget of %d", got, componentRowBudget)
	} else {
		tab := &s.d.tab
		t.Logf("%d rows: %.1f bytes a row in the columns, %.1f with the position text; shared: %d systems, %d facts, %d patch lists, %d sources; %d wide values",
			s.Len(), got, float64(bytes+text)/float64(s.Len()), len(tab.systems), len(tab.facts), len(tab.patches), len(tab.sources), len(s.d.wide))
	}
}

// isInteger reports whether k is a kind of integer.
func isInteger(k reflect.Kind) bool {
	return k >= reflect.Int && k <= reflect.Uint64
}
