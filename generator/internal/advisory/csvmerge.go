package advisory

import (
	"fmt"
	"strings"

	"vulnreport/generator/internal/source"
)

// The columns of an advisory CSV row that add an affected product.
const (
	colProduct  = "affected.product"
	colVersions = "affected.versions"
)

// MergeRows joins CSV rows that share an id into one record per advisory,
// in order of first appearance: the first row gives the advisory's fields,
// each row adds its affected.product / affected.versions, and a later row
// whose other fields disagree with the first is an error on that field.
// rows[i] maps to the index of the merged record it joined, so that the
// caller can count accepted and rejected rows; conflicts[j] lists the
// disagreements found for merged record j, which reject it.
func MergeRows(rows []source.Record, diags *source.Diagnostics) (merged []source.Record, rowOf []int, conflicts map[int][]string) {
	m := NewMerger(diags)
	rowOf = make([]int, len(rows))
	for i, row := range rows {
		rowOf[i] = m.Add(row)
	}
	conflicts = map[int][]string{}
	merged = make([]source.Record, m.Len())
	for j := range merged {
		var c []string
		merged[j], _, c = m.Take(j)
		if len(c) > 0 {
			conflicts[j] = c
		}
	}
	return merged, rowOf, conflicts
}

// Merger joins the CSV rows of one advisory file as they are read, with
// the rules of MergeRows, keeping of each advisory its first row and, of
// the later rows, only what they add: an affected product or a field the
// first row left empty. Rows of one advisory need not be adjacent.
type Merger struct {
	diags *source.Diagnostics
	byID  map[string]int
	recs  [][]merged // in blocks of mergeBlock, nil once released
	n     int
	// freed is the number of blocks released; spare is the last one,
	// emptied, for the next block to reuse.
	freed int
	spare []merged
}

// mergeBlock is how many advisories one block of Merger.recs holds; the
// blocks spare copying a growing slice.
const mergeBlock = 1024

// merged is one advisory being merged.
type merged struct {
	// rec is the first row without its affected columns, with the fields
	// later rows filled in.
	rec source.Record
	// pending lists the affected products not yet added to rec; one
	// fits in first, the usual case, without an allocation.
	pending   []affectedRow
	first     [1]affectedRow
	conflicts []string
	rows      int
}

// affectedRow is one row's affected.product and affected.versions, with
// where they are in the advisory's file.
type affectedRow struct {
	file, product string
	versions      string
	pLine, pCol   int
	vLine, vCol   int
	hasVersions   bool
}

// NewMerger returns a Merger reporting conflicts to diags.
func NewMerger(diags *source.Diagnostics) *Merger {
	return &Merger{diags: diags, byID: map[string]int{}}
}

// Len returns the number of advisories merged so far.
func (m *Merger) Len() int { return m.n }

// Grow makes room for n more advisories, when their number is known or
// estimated.
func (m *Merger) Grow(n int) {
	if n <= 0 {
		return
	}
	byID := make(map[string]int, len(m.byID)+n)
	for k, v := range m.byID {
		byID[k] = v
	}
	m.byID = byID
}

func (m *Merger) at(j int) *merged { return &m.recs[j/mergeBlock][j%mergeBlock] }

// Add merges one row and returns the index of the advisory it joined.
func (m *Merger) Add(row source.Record) int {
	idv, _ := row.Get("id")
	key := idv.Text
	if key == "" {
		key = "\x00" + row.Pos.String()
	}
	at, seen := m.byID[key]
	if !seen {
		at = m.n
		// A copy: the row's line is not kept for its id.
		m.byID[strings.Clone(key)] = at
		if at%mergeBlock == 0 {
			b := m.spare
			if b == nil {
				b = make([]merged, 0, mergeBlock)
			}
			m.recs, m.spare = append(m.recs, b[:0]), nil
		}
		b := &m.recs[len(m.recs)-1]
		*b = append(*b, merged{rec: row.Without(colProduct, colVersions)})
		m.n++
	} else if m.recs[at/mergeBlock] == nil {
		return at // released: the caller reads the file another way
	} else {
		m.fill(m.at(at), row)
	}
	x := m.at(at)
	x.rows++
	if pv, ok := row.Get(colProduct); ok && pv.Text != "" {
		// The first row is kept whole; of a later one, only copies.
		a := affectedRow{file: pv.Pos.File, product: own(pv, seen).Text, pLine: pv.Pos.Line, pCol: pv.Pos.Col}
		if vv, ok := row.Get(colVersions); ok {
			a.versions, a.vLine, a.vCol, a.hasVersions = own(vv, seen).Text, vv.Pos.Line, vv.Pos.Col, true
		}
		if x.pending == nil {
			x.pending = x.first[:0]
		}
		x.pending = append(x.pending, a)
	}
	return at
}

// fill checks a later row of advisory x against the fields merged so far
// and fills in those still empty.
func (m *Merger) fill(x *merged, row source.Record) {
	for _, k := range row.Keys() {
		if k == colProduct || k == colVersions || k == "id" {
			continue
		}
		v, _ := row.Get(k)
		if v.Text == "" && !v.IsList {
			continue
		}
		first, ok := x.rec.Get(k)
		switch {
		case ok && first.Text != "" && first.Text != v.Text:
			msg := fmt.Sprintf("field %q: %q disagrees with %q on the advisory's first row (%s)", k, v.Text, first.Text, first.Pos)
			m.diags.Errorf(v.Pos, "%s", msg)
			x.conflicts = append(x.conflicts, v.Pos.String()+": "+msg)
		case !ok || first.Text == "":
			if !ok {
				// A new key goes after the affected products added so far.
				flush(x)
			}
			x.rec.Set(k, own(v, true))
		}
	}
}

// own copies the value of a later row (later set), so that the row's
// line is not kept.
func own(v source.Value, later bool) source.Value {
	if !later {
		return v
	}
	v.Text = strings.Clone(v.Text)
	if v.IsList {
		list := make([]string, len(v.List))
		for i, s := range v.List {
			list[i] = strings.Clone(s)
		}
		v.List = list
	}
	return v
}

// The fields of an affected product's record, with and without versions.
var (
	affectedFields  = source.NewHeader("product", "versions")
	affectedProduct = source.NewHeader("product")
)

// flush adds advisory x's pending affected products to its record.
func flush(x *merged) {
	if len(x.pending) == 0 {
		return
	}
	subs := make([]source.Record, len(x.pending))
	for i, a := range x.pending {
		pos := source.Pos{File: a.file, Line: a.pLine, Col: a.pCol}
		product := source.Value{Text: a.product, Pos: pos}
		if a.hasVersions {
			versions := source.Value{Text: a.versions, Pos: source.Pos{File: a.file, Line: a.vLine, Col: a.vCol}}
			subs[i] = affectedFields.Row(pos, product, versions)
		} else {
			subs[i] = affectedProduct.Row(pos, product)
		}
	}
	x.rec.AddGroups("affected", subs...)
	x.pending = nil
}

// Take returns merged advisory j — its record, the number of rows that
// joined it and its conflicts — and releases it: Take is called once for
// each advisory, after the last row was added. Calls for different
// advisories may run at the same time.
func (m *Merger) Take(j int) (rec source.Record, rows int, conflicts []string) {
	x := m.at(j)
	flush(x)
	rec, rows, conflicts = x.rec, x.rows, x.conflicts
	*x = merged{}
	return rec, rows, conflicts
}

// Release frees the blocks that hold only advisories before n, all of
// which were taken: a reader that takes the advisories in order holds one
// block, not the file. A row added later for a released advisory is not
// merged; Add returns its index, below n, and the caller must read the
// file another way.
func (m *Merger) Release(n int) {
	for ; m.freed < min(n/mergeBlock, len(m.recs)); m.freed++ {
		// Take emptied every entry of the block.
		m.spare = m.recs[m.freed][:mergeBlock]
		m.recs[m.freed] = nil
	}
}
