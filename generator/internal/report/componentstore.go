package report

import (
	"encoding/binary"
	"iter"
	"math"

	"vulnreport/generator/internal/source"
)

// ComponentStore holds the report's component rows (one per inventory or
// SBOM row, a million at the scale the tool is built for) as columns of
// small integers: indices into tables interned once (systems, the shared
// ComponentFacts, sources and files, patch lists) and the row's line and
// column as integers. No row holds a pointer or a string of its own, so
// the garbage collector has next to nothing to mark in it however many
// rows there are. At materialises a row as the Component renderers read.
// A store is read-only once built; the zero value holds no rows and is
// written to JSON as null, a built store as an array.
type ComponentStore struct {
	d *componentData
}

// componentData is what a ComponentStore shares between its copies.
type componentData struct {
	cols componentColumns
	tab  componentTables
	// wide holds the values that do not fit their int32 column (marked
	// there with wideMark), by row and column.
	wide map[wideKey]int
}

// componentColumns are the per-row columns, each with one entry per row.
// Each is a slice of integers: a column of strings or pointers would
// bring back what the store exists to avoid (TestComponentStoreBudget).
type componentColumns struct {
	system   []uint32 // into componentTables.systems
	facts    []uint32 // into componentTables.facts
	patches  []uint32 // into componentTables.patches
	origin   []uint32 // into componentTables.origins
	line     []int32
	col      []int32
	hosts    []int32
	findings []int32
}

// componentTables are the values rows share, each kept once.
type componentTables struct {
	systems []string
	facts   []*ComponentFacts
	// patches[0] is the nil list; an empty non-nil list is kept apart
	// from it, as JSON writes the two differently.
	patches [][]string
	origins []componentOrigin
}

// componentOrigin is where a row came from: its Source and its file.
type componentOrigin struct {
	source, file string
}

// The int32 columns that can hold a wide value.
const (
	wideLine = iota
	wideCol
	wideHosts
	wideFindings
)

// wideMark in an int32 column says that the row's value is in wide.
const wideMark = math.MinInt32

// wideKey names a row's value in one int32 column.
type wideKey struct {
	row, col int
}

// Len returns the number of rows.
func (s ComponentStore) Len() int {
	if s.d == nil {
		return 0
	}
	return len(s.d.cols.system)
}

// At returns row i as a Component. Its ComponentFacts and Patches are
// shared with the other rows that have them and must not be written.
func (s ComponentStore) At(i int) Component {
	d := s.d
	c, t := &d.cols, &d.tab
	o := t.origins[c.origin[i]]
	pos := source.Pos{File: o.file, Line: d.int(i, wideLine, c.line[i]), Col: d.int(i, wideCol, c.col[i])}
	return Component{
		System: t.systems[c.system[i]], ComponentFacts: t.facts[c.facts[i]],
		Hosts: d.int(i, wideHosts, c.hosts[i]), Patches: t.patches[c.patches[i]],
		Findings: d.int(i, wideFindings, c.findings[i]), At: pos.String(), Source: o.source,
	}
}

// All returns the rows in order, with their indices.
func (s ComponentStore) All() iter.Seq2[int, Component] {
	return func(yield func(int, Component) bool) {
		for i := range s.Len() {
			if !yield(i, s.At(i)) {
				return
			}
		}
	}
}

// MarshalJSON writes the rows as a JSON array of components (see
// Component.MarshalJSON), or null for the zero store, as the slice of
// components the store replaced was written.
func (s ComponentStore) MarshalJSON() ([]byte, error) {
	if s.d == nil {
		return []byte("null"), nil
	}
	out := []byte{'['}
	for i, c := range s.All() {
		b, err := c.MarshalJSON()
		if err != nil {
			return nil, err
		}
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, b...)
	}
	return append(out, ']'), nil
}

// int returns the value of row i in the int32 column col holding v.
func (d *componentData) int(i, col int, v int32) int {
	if v != wideMark {
		return int(v)
	}
	return d.wide[wideKey{i, col}]
}

// NewComponentStore returns a store of rows, in their order. Each row's
// At is kept as the file of its position (a position of no line formats
// as its file alone); Build keeps the file, line and column apart.
func NewComponentStore(rows []Component) ComponentStore {
	b := newComponentStoreBuilder(len(rows))
	for _, c := range rows {
		b.add(c.System, c.ComponentFacts, c.Hosts, c.Patches, c.Findings, c.Source, source.Pos{File: c.At})
	}
	return b.store()
}

// componentStoreBuilder appends rows to a store, interning what they share.
type componentStoreBuilder struct {
	d       *componentData
	systems map[string]uint32
	facts   map[*ComponentFacts]uint32
	patches map[string]uint32
	origins map[componentOrigin]uint32
	key     []byte
}

// newComponentStoreBuilder returns a builder with room for n rows.
func newComponentStoreBuilder(n int) *componentStoreBuilder {
	d := &componentData{cols: componentColumns{
		system: make([]uint32, 0, n), facts: make([]uint32, 0, n), patches: make([]uint32, 0, n), origin: make([]uint32, 0, n),
		line: make([]int32, 0, n), col: make([]int32, 0, n), hosts: make([]int32, 0, n), findings: make([]int32, 0, n),
	}, tab: componentTables{patches: [][]string{nil}}}
	return &componentStoreBuilder{d: d, systems: map[string]uint32{}, facts: map[*ComponentFacts]uint32{},
		patches: map[string]uint32{}, origins: map[componentOrigin]uint32{}}
}

// add appends a row.
func (b *componentStoreBuilder) add(system string, cf *ComponentFacts, hosts int, patches []string, findings int, src string, pos source.Pos) {
	c, t := &b.d.cols, &b.d.tab
	row := len(c.system)
	c.system = append(c.system, intern(b.systems, &t.systems, system))
	c.facts = append(c.facts, intern(b.facts, &t.facts, cf))
	c.patches = append(c.patches, b.patchList(patches))
	c.origin = append(c.origin, intern(b.origins, &t.origins, componentOrigin{src, pos.File}))
	c.line = append(c.line, b.narrow(row, wideLine, pos.Line))
	c.col = append(c.col, b.narrow(row, wideCol, pos.Col))
	c.hosts = append(c.hosts, b.narrow(row, wideHosts, hosts))
	c.findings = append(c.findings, b.narrow(row, wideFindings, findings))
}

// store returns the store of the rows added.
func (b *componentStoreBuilder) store() ComponentStore { return ComponentStore{b.d} }

// intern returns v's index in table, appending it the first time.
func intern[K comparable](seen map[K]uint32, table *[]K, v K) uint32 {
	if i, ok := seen[v]; ok {
		return i
	}
	i := uint32(len(*table))
	*table = append(*table, v)
	seen[v] = i
	return i
}

// patchList returns the index of a patch list in the table: 0 for nil,
// one index per distinct list (each patch length-prefixed in the key, so
// that no two lists share one).
func (b *componentStoreBuilder) patchList(ps []string) uint32 {
	if ps == nil {
		return 0
	}
	k := append(b.key[:0], 1) // an empty list is not the nil list's key
	for _, p := range ps {
		k = append(binary.AppendUvarint(k, uint64(len(p))), p...)
	}
	b.key = k
	if i, ok := b.patches[string(k)]; ok {
		return i
	}
	t := &b.d.tab
	i := uint32(len(t.patches))
	t.patches = append(t.patches, append(make([]string, 0, len(ps)), ps...))
	b.patches[string(k)] = i
	return i
}

// narrow returns v as an int32, or wideMark with v kept in wide.
func (b *componentStoreBuilder) narrow(row, col, v int) int32 {
	if v > wideMark && v <= math.MaxInt32 {
		return int32(v)
	}
	if b.d.wide == nil {
		b.d.wide = map[wideKey]int{}
	}
	b.d.wide[wideKey{row, col}] = v
	return wideMark
}
