package report

import (
	"encoding/binary"
	"iter"
	"math"
	"strings"

	"vulnreport/generator/internal/source"
)

// ComponentStore holds the report's component rows (one per inventory or
// SBOM row, a million at the scale the tool is built for) as columns of
// small integers: indices into tables interned once (systems, the shared
// ComponentFacts, sources, patch lists) and the end of the row's position
// text in one string holding them all. No row holds a pointer or a string
// of its own, so the garbage collector has next to nothing to mark in it
// however many rows there are. At materialises a row as the Component
// renderers read, allocating nothing.
//
// A store is read-only once built; the zero value holds no rows and is
// written to JSON as null, a built store as an array.
type ComponentStore struct {
	d *componentData
}

// componentData is what a ComponentStore shares between its copies.
type componentData struct {
	cols componentColumns
	tab  componentTables
	// at holds every row's position text (its At), one after the other.
	at string
	// wide holds the values that do not fit their int32 column (marked
	// there with wideMark), by row and column; wideAt the position texts
	// of the rows past the 4 GiB the column of their ends can address.
	wide   map[wideKey]int
	wideAt map[int]string
}

// componentColumns are the per-row columns, each with one entry per row.
// Each is a slice of integers: a column of strings or pointers would
// bring back what the store exists to avoid (TestComponentStoreBudget).
type componentColumns struct {
	system   []uint32 // into componentTables.systems
	facts    []uint32 // into componentTables.facts
	patches  []uint32 // into componentTables.patches
	source   []uint32 // into componentTables.sources
	atEnd    []uint32 // where the row's position text ends in componentData.at
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
	sources []string
}

// The int32 columns that can hold a wide value.
const (
	wideHosts = iota
	wideFindings
)

// wideMark in an int32 column says that the row's value is in wide; in
// atEnd, that the row's position text is in wideAt.
const (
	wideMark   = math.MinInt32
	wideAtMark = math.MaxUint32
)

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
	return Component{
		System: t.systems[c.system[i]], ComponentFacts: t.facts[c.facts[i]],
		Hosts: d.int(i, wideHosts, c.hosts[i]), Patches: t.patches[c.patches[i]],
		Findings: d.int(i, wideFindings, c.findings[i]), At: d.atText(i), Source: t.sources[c.source[i]],
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

// atText returns row i's position text.
func (d *componentData) atText(i int) string {
	end := d.cols.atEnd[i]
	if end == wideAtMark {
		return d.wideAt[i]
	}
	start := uint32(0)
	if i > 0 {
		start = d.cols.atEnd[i-1] // never wideAtMark: the rows past the limit are the last
	}
	return d.at[start:end]
}

// NewComponentStore returns a store of rows, in their order.
func NewComponentStore(rows []Component) ComponentStore { return storeOf(rows, wideAtMark) }

// storeOf returns a store of rows whose position texts stay under atMax
// bytes (the others kept apart, in wideAt).
func storeOf(rows []Component, atMax int) ComponentStore {
	b := newComponentStoreBuilder(len(rows), 0)
	b.atMax = atMax
	for _, c := range rows {
		b.add(c.System, intern(b.facts, &b.d.tab.facts, c.ComponentFacts), c.Hosts, c.Patches, c.Findings, c.Source, source.Pos{File: c.At})
	}
	return b.store()
}

// componentStoreBuilder appends rows to a store, interning what they share.
type componentStoreBuilder struct {
	d  *componentData
	at strings.Builder
	// atMax is the length the position texts stay under (wideAtMark but
	// in a test).
	atMax   int
	systems map[string]uint32
	facts   map[*ComponentFacts]uint32 // for NewComponentStore
	patches map[string]uint32
	sources map[string]uint32
	key     []byte
}

// newComponentStoreBuilder returns a builder with room for n rows and
// atBytes bytes of position text.
func newComponentStoreBuilder(n, atBytes int) *componentStoreBuilder {
	d := &componentData{cols: componentColumns{
		system: make([]uint32, 0, n), facts: make([]uint32, 0, n), patches: make([]uint32, 0, n), source: make([]uint32, 0, n),
		atEnd: make([]uint32, 0, n), hosts: make([]int32, 0, n), findings: make([]int32, 0, n),
	}, tab: componentTables{patches: [][]string{nil}}}
	b := &componentStoreBuilder{d: d, atMax: wideAtMark, systems: map[string]uint32{}, facts: map[*ComponentFacts]uint32{},
		patches: map[string]uint32{}, sources: map[string]uint32{}}
	b.at.Grow(atBytes)
	return b
}

// newFacts adds facts to the table and returns their index.
func (b *componentStoreBuilder) newFacts(cf *ComponentFacts) uint32 {
	t := &b.d.tab
	t.facts = append(t.facts, cf)
	return uint32(len(t.facts) - 1)
}

// add appends a row of the facts at index facts; its At is pos's text.
func (b *componentStoreBuilder) add(system string, facts uint32, hosts int, patches []string, findings int, src string, pos source.Pos) {
	c, t := &b.d.cols, &b.d.tab
	row := len(c.system)
	c.system = append(c.system, intern(b.systems, &t.systems, system))
	c.facts = append(c.facts, facts)
	c.patches = append(c.patches, b.patchList(patches))
	c.source = append(c.source, intern(b.sources, &t.sources, src))
	c.atEnd = append(c.atEnd, b.atText(row, pos))
	c.hosts = append(c.hosts, b.narrow(row, wideHosts, hosts))
	c.findings = append(c.findings, b.narrow(row, wideFindings, findings))
}

// atText appends pos's text (what Pos.String returns) to the position
// texts and returns where it ends, or wideAtMark with the text kept in
// wideAt once the texts pass what a uint32 addresses.
func (b *componentStoreBuilder) atText(row int, pos source.Pos) uint32 {
	var buf [48]byte
	suffix := pos.AppendSuffix(buf[:0])
	if end := b.at.Len() + len(pos.File) + len(suffix); end < b.atMax && b.d.wideAt == nil {
		b.at.WriteString(pos.File)
		b.at.Write(suffix)
		return uint32(end)
	}
	if b.d.wideAt == nil {
		b.d.wideAt = map[int]string{}
	}
	b.d.wideAt[row] = pos.String()
	return wideAtMark
}

// store returns the store of the rows added.
func (b *componentStoreBuilder) store() ComponentStore {
	b.d.at = b.at.String()
	return ComponentStore{b.d}
}

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
