package model

import (
	"hash/maphash"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"vulnreport/generator/internal/indexsort"
)

// FindingList is read access to findings by index: a FindingStore, a
// FindingBuilder's findings so far, or a FindingSlice.
type FindingList interface {
	Len() int
	At(i int) Finding
}

// FindingSlice is a slice of findings read as a FindingList.
type FindingSlice []Finding

// Len returns the number of findings.
func (s FindingSlice) Len() int { return len(s) }

// At returns finding i.
func (s FindingSlice) At(i int) Finding { return s[i] }

// FindingBuilder packs findings into a FindingStore as the stages make
// them: assessment adds each finding once it is judged, the stages after
// it revise the findings they own (Set, SetActionKey) and Sort puts them
// in order; Store hands the store to the report model. No slice of
// findings exists on the way: a finding costs the store's few tens of
// bytes from the moment it is made.
//
// What At returns shares the store's parts (its Standing too: equal dates
// and states are kept once); a stage that changes a finding changes a
// copy of the part and Sets the finding.
type FindingBuilder struct {
	s       *FindingStore
	vulns   *table[VulnFacts]
	comps   *table[ComponentFacts]
	clauses *table[ClauseFacts]
	applied *table[Applied]
	// standing numbers the distinct Standings by a hash of their
	// content (a map keyed by the 144-byte values would cost as much as
	// the values); collided keeps the rare second value of one hash.
	standing map[uint64]int32
	collided map[Standing]int32
	hash     func(Standing) uint64
	reasons  *listTable[Reason]
	scanners *listTable[ScanSource]
	keys     []byte
}

// NewFindingBuilder returns an empty builder with room for about n
// findings.
func NewFindingBuilder(n int) *FindingBuilder {
	s := &FindingStore{
		vuln: make([]int32, 0, n), comp: make([]int32, 0, n), clause: make([]int32, 0, n), appl: make([]int32, 0, n), stand: make([]int32, 0, n),
		reason: make([]int32, 0, n), scanner: make([]int32, 0, n), hosts: make([]int32, 0, n), prio: make([]Priority, 0, n),
		flags: make([]uint8, 0, n), keyEnd: make([]uint32, 0, n), actLen: make([]uint16, 0, n),
		// Index 0 of the list tables is the empty list.
		reasons: [][]Reason{nil}, scanners: [][]ScanSource{nil},
	}
	return &FindingBuilder{
		s:     s,
		vulns: newTable(&s.vulns), comps: newTable(&s.comps), clauses: newTable(&s.clauses), applied: newTable(&s.applied),
		standing: map[uint64]int32{}, hash: standingHash(maphash.MakeSeed()),
		reasons: newListTable(&s.reasons, func(b []byte, r Reason) []byte {
			return append(append(append(append(append(b, r.Code...), 0), r.Text.JA...), 0), r.Text.EN...)
		}),
		scanners: newListTable(&s.scanners, func(b []byte, x ScanSource) []byte {
			b = append(append(append(append(append(b, x.Scanner...), 0), x.File...), 0), x.Confidence...)
			return strconv.AppendBool(b, x.Low)
		}),
	}
}

// Len returns the number of findings added (none for a nil builder).
func (b *FindingBuilder) Len() int {
	if b == nil {
		return 0
	}
	return b.s.Len()
}

// At returns finding i.
func (b *FindingBuilder) At(i int) Finding { return b.s.At(i) }

// Key returns finding i's key.
func (b *FindingBuilder) Key(i int) string { return b.s.Key(i) }

// IsOpen reports whether finding i is open or mitigated.
func (b *FindingBuilder) IsOpen(i int) bool { return b.s.IsOpen(i) }

// Add packs f as the last finding and returns its index. Its parts are
// kept by identity, its Standing and lists by content (f's own Standing
// may be a scratch value the caller reuses).
func (b *FindingBuilder) Add(f Finding) int {
	s := b.s
	i := len(s.keyEnd)
	s.vuln, s.comp, s.clause = append(s.vuln, 0), append(s.comp, 0), append(s.clause, 0)
	s.appl, s.stand, s.reason, s.scanner = append(s.appl, 0), append(s.stand, 0), append(s.reason, 0), append(s.scanner, 0)
	s.hosts, s.prio, s.flags, s.actLen = append(s.hosts, 0), append(s.prio, 0), append(s.flags, 0), append(s.actLen, 0)
	if need := len(b.keys) + len(f.Key); need > cap(b.keys) {
		// Grow the arena to the keys' average length so far times the
		// findings expected, not by doubling (which copies it ~20 times).
		want := max(need, need/(i+1)*cap(s.keyEnd)*9/8)
		b.keys = slices.Grow(b.keys, want-len(b.keys))
	}
	b.keys = append(b.keys, f.Key...)
	s.keyEnd = append(s.keyEnd, uint32(len(b.keys)))
	s.keys = unsafe.String(unsafe.SliceData(b.keys), len(b.keys))
	b.set(i, &f, true)
	return i
}

// Set replaces everything of finding i but its key with f's.
func (b *FindingBuilder) Set(i int, f Finding) { b.set(i, &f, false) }

func (b *FindingBuilder) set(i int, f *Finding, fresh bool) {
	s := b.s
	if fresh || s.vulns[s.vuln[i]] != f.VulnFacts {
		s.vuln[i] = b.vulns.of(f.VulnFacts)
	}
	if fresh || s.comps[s.comp[i]] != f.ComponentFacts {
		s.comp[i] = b.comps.of(f.ComponentFacts)
	}
	if fresh || s.clauses[s.clause[i]] != f.ClauseFacts {
		s.clause[i] = b.clauses.of(f.ClauseFacts)
	}
	if fresh || s.applied[s.appl[i]] != f.Applied {
		s.appl[i] = b.applied.of(f.Applied)
	}
	if fresh || s.standing[s.stand[i]] != f.Standing {
		s.stand[i] = b.standingOf(f.Standing)
	}
	s.reason[i], s.scanner[i] = b.reasons.of(f.Reasons), b.scanners.of(f.Scanners)
	s.hosts[i], s.prio[i] = int32(f.Hosts), f.Priority
	s.flags[i] = 0
	if f.Overdue {
		s.flags[i] |= flagOverdue
	}
	b.SetActionKey(i, f.ActionKey)
}

// standingOf numbers a Standing by its content, keeping a copy of each
// distinct one.
func (b *FindingBuilder) standingOf(st *Standing) int32 {
	if st == nil {
		return b.nilStanding()
	}
	h := b.hash(*st)
	n, ok := b.standing[h]
	switch {
	case !ok:
		n = b.keepStanding(st)
		b.standing[h] = n
	case *b.s.standing[n] != *st:
		if n, ok = b.collided[*st]; !ok {
			if b.collided == nil {
				b.collided = map[Standing]int32{}
			}
			n = b.keepStanding(st)
			b.collided[*st] = n
		}
	}
	return n
}

// standingHash hashes Standings with seed (each build its own: the
// numbering follows the order of first use, never the hash).
func standingHash(seed maphash.Seed) func(Standing) uint64 {
	return func(st Standing) uint64 { return maphash.Comparable(seed, st) }
}

// keepStanding keeps a copy of st and returns its number.
func (b *FindingBuilder) keepStanding(st *Standing) int32 {
	c := *st
	b.s.standing = append(b.s.standing, &c)
	return int32(len(b.s.standing) - 1)
}

// nilStanding numbers the nil Standing (findings built by hand in tests
// may have none).
func (b *FindingBuilder) nilStanding() int32 {
	for n, p := range b.s.standing {
		if p == nil {
			return int32(n)
		}
	}
	b.s.standing = append(b.s.standing, nil)
	return int32(len(b.s.standing) - 1)
}

// SetActionKey names the fix action of finding i ("" for none).
func (b *FindingBuilder) SetActionKey(i int, ak string) {
	s := b.s
	key := s.Key(i)
	s.flags[i] &^= flagOddAction
	s.actLen[i] = 0
	if s.odd != nil {
		delete(s.odd, int32(i))
	}
	switch {
	case ak == "":
	case len(ak) <= len(key) && len(ak) < 1<<16 && key[:len(ak)] == ak:
		s.actLen[i] = uint16(len(ak))
	default:
		if s.odd == nil {
			s.odd = map[int32]string{}
		}
		s.odd[int32(i)] = ak
		s.flags[i] |= flagOddAction
	}
}

// Sort puts the findings in the order cmp gives their indices; cmp must
// be a total order (the pipeline's ends in the keys, which are unique).
func (b *FindingBuilder) Sort(cmp func(a, b int) int) {
	s := b.s
	n := s.Len()
	perm := make([]int32, n)
	for i := range perm {
		perm[i] = int32(i)
	}
	slices.SortFunc(perm, func(x, y int32) int { return cmp(int(x), int(y)) })
	for _, col := range [][]int32{s.vuln, s.comp, s.clause, s.appl, s.stand, s.reason, s.scanner, s.hosts} {
		indexsort.Permute(col, perm)
	}
	indexsort.Permute(s.prio, perm)
	indexsort.Permute(s.flags, perm)
	indexsort.Permute(s.actLen, perm)
	keys := make([]byte, 0, len(b.keys))
	ends := make([]uint32, n)
	var odd map[int32]string
	for j, i := range perm {
		keys = append(keys, s.Key(int(i))...)
		ends[j] = uint32(len(keys))
		if ak, ok := s.odd[i]; ok {
			if odd == nil {
				odd = map[int32]string{}
			}
			odd[int32(j)] = ak
		}
	}
	b.keys, s.keyEnd, s.odd = keys, ends, odd
	s.keys = unsafe.String(unsafe.SliceData(keys), len(keys))
}

// Store returns the store of the findings, with their key order; the
// builder's findings are the store's, so nothing may be added or set
// once the report model holds it.
func (b *FindingBuilder) Store() *FindingStore {
	s := b.s
	s.byKey = make([]int32, s.Len())
	for i := range s.byKey {
		s.byKey[i] = int32(i)
	}
	slices.SortFunc(s.byKey, func(x, y int32) int { return strings.Compare(s.Key(int(x)), s.Key(int(y))) })
	return s
}

// table numbers the distinct shared parts a column points to.
type table[T any] struct {
	list *[]*T
	at   map[*T]int32
}

func newTable[T any](list *[]*T) *table[T] { return &table[T]{list: list, at: map[*T]int32{}} }

func (t *table[T]) of(p *T) int32 {
	n, ok := t.at[p]
	if !ok {
		n = int32(len(*t.list))
		*t.list = append(*t.list, p)
		t.at[p] = n
	}
	return n
}

// listTable numbers the distinct lists by their content, so that a
// list repeated across findings is kept once whether or not it was
// interned upstream; index 0 is the nil list, and an empty non-nil list
// keeps its own entry (nil and empty marshal differently).
type listTable[T any] struct {
	list    *[][]T
	content *Lists[T]
	at      map[*T]int32 // by the shared copy's first element
	empty   int32
}

func newListTable[T any](list *[][]T, key func([]byte, T) []byte) *listTable[T] {
	return &listTable[T]{list: list, content: &Lists[T]{Key: key}, at: map[*T]int32{}, empty: -1}
}

func (t *listTable[T]) of(l []T) int32 {
	switch {
	case l == nil:
		return 0
	case len(l) == 0:
		if t.empty < 0 {
			t.empty = int32(len(*t.list))
			*t.list = append(*t.list, l[:0:0])
		}
		return t.empty
	}
	shared := t.content.Intern(l)
	n, ok := t.at[&shared[0]]
	if !ok {
		n = int32(len(*t.list))
		*t.list = append(*t.list, shared)
		t.at[&shared[0]] = n
	}
	return n
}
