package report

import (
	"bytes"
	"encoding/json"
	"iter"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"vulnreport/generator/internal/model"
)

// FindingStore holds the month's findings as columns of small integers:
// for each finding, indices into tables of the parts findings share (the
// vulnerability's facts, the component's, the advisory clause's, the
// remediation record applied, the dates and state, the reason and scanner
// lists), its host count, priority and flags, and its key in one text
// arena. It holds no pointer per finding, so the garbage collector never
// walks the findings while the renderers run, and a finding costs a fixed
// few tens of bytes however long its texts (see BytesPerFinding).
//
// A finding is read as a model.Finding value materialised from the
// columns (At, All): the parts it points to are the shared ones, its Key
// and ActionKey are slices of the arena, so reading one allocates
// nothing. The store is frozen: nothing writes through what it hands out.
type FindingStore struct {
	vulns    []*model.VulnFacts
	comps    []*model.ComponentFacts
	clauses  []*model.ClauseFacts
	applied  []*model.Applied
	standing []*model.Standing
	reasons  [][]model.Reason
	scanners [][]model.ScanSource

	vuln, comp, clause, appl, stand []int32
	reason, scanner                 []int32
	hosts                           []int32
	prio                            []model.Priority
	flags                           []uint8
	// keys holds every key, one after another; key i is
	// keys[keyEnd[i-1]:keyEnd[i]] (from 0 for the first).
	keys   string
	keyEnd []uint32
	// actLen is the length of the finding's ActionKey, which is the
	// prefix of its key of that length (0: no action); the rare
	// ActionKey that is not a prefix of its key is kept in odd.
	actLen []uint16
	odd    map[int32]string
	// byKey holds the findings' indices in the order of their keys.
	byKey []int32
}

// Flags of a finding in FindingStore.flags.
const (
	flagOverdue = 1 << iota
	flagOddAction
)

// NewFindingStore packs the findings, in their order, into a store.
func NewFindingStore(fs []model.Finding) *FindingStore {
	n := len(fs)
	s := &FindingStore{
		vuln: make([]int32, n), comp: make([]int32, n), clause: make([]int32, n), appl: make([]int32, n), stand: make([]int32, n),
		reason: make([]int32, n), scanner: make([]int32, n), hosts: make([]int32, n), prio: make([]model.Priority, n),
		flags: make([]uint8, n), keyEnd: make([]uint32, n), actLen: make([]uint16, n),
		// Index 0 of the list tables is the empty list.
		reasons: [][]model.Reason{nil}, scanners: [][]model.ScanSource{nil},
	}
	vulns, comps, clauses := newTable(&s.vulns), newTable(&s.comps), newTable(&s.clauses)
	applied, standing := newTable(&s.applied), newTable(&s.standing)
	reasons := newListTable(&s.reasons, func(b []byte, r model.Reason) []byte {
		return append(append(append(append(append(b, r.Code...), 0), r.Text.JA...), 0), r.Text.EN...)
	})
	scanners := newListTable(&s.scanners, func(b []byte, x model.ScanSource) []byte {
		b = append(append(append(append(append(b, x.Scanner...), 0), x.File...), 0), x.Confidence...)
		return strconv.AppendBool(b, x.Low)
	})
	size := 0
	for i := range fs {
		size += len(fs[i].Key)
	}
	var keys strings.Builder
	keys.Grow(size)
	for i := range fs {
		f := &fs[i]
		s.vuln[i], s.comp[i], s.clause[i] = vulns.of(f.VulnFacts), comps.of(f.ComponentFacts), clauses.of(f.ClauseFacts)
		s.appl[i], s.stand[i] = applied.of(f.Applied), standing.of(f.Standing)
		s.reason[i], s.scanner[i] = reasons.of(f.Reasons), scanners.of(f.Scanners)
		s.hosts[i], s.prio[i] = int32(f.Hosts), f.Priority
		if f.Overdue {
			s.flags[i] |= flagOverdue
		}
		keys.WriteString(f.Key)
		s.keyEnd[i] = uint32(keys.Len())
		switch {
		case f.ActionKey == "":
		case len(f.ActionKey) <= len(f.Key) && len(f.ActionKey) < 1<<16 && f.Key[:len(f.ActionKey)] == f.ActionKey:
			s.actLen[i] = uint16(len(f.ActionKey))
		default:
			if s.odd == nil {
				s.odd = map[int32]string{}
			}
			s.odd[int32(i)] = f.ActionKey
			s.flags[i] |= flagOddAction
		}
	}
	s.keys = keys.String()
	s.byKey = make([]int32, n)
	for i := range s.byKey {
		s.byKey[i] = int32(i)
	}
	slices.SortFunc(s.byKey, func(a, b int32) int { return strings.Compare(s.Key(int(a)), s.Key(int(b))) })
	return s
}

// ByKey returns the findings' indices in the order of their keys (the
// exports' order). The slice is the store's: read it, never write it.
func (s *FindingStore) ByKey() []int32 {
	if s == nil {
		return nil
	}
	return s.byKey
}

// Find returns the index of the finding with the key.
func (s *FindingStore) Find(key string) (int, bool) {
	if s == nil {
		return 0, false
	}
	at, ok := slices.BinarySearchFunc(s.byKey, key, func(i int32, k string) int { return strings.Compare(s.Key(int(i)), k) })
	if !ok {
		return 0, false
	}
	return int(s.byKey[at]), true
}

// Len returns the number of findings.
func (s *FindingStore) Len() int {
	if s == nil {
		return 0
	}
	return len(s.keyEnd)
}

// Key returns finding i's key without materialising the finding.
func (s *FindingStore) Key(i int) string {
	start := uint32(0)
	if i > 0 {
		start = s.keyEnd[i-1]
	}
	return s.keys[start:s.keyEnd[i]]
}

// At returns finding i.
func (s *FindingStore) At(i int) model.Finding {
	key := s.Key(i)
	f := model.Finding{
		VulnFacts: s.vulns[s.vuln[i]], ComponentFacts: s.comps[s.comp[i]], ClauseFacts: s.clauses[s.clause[i]],
		Applied: s.applied[s.appl[i]], Standing: s.standing[s.stand[i]],
		Key: key, Hosts: int(s.hosts[i]), Priority: s.prio[i], Overdue: s.flags[i]&flagOverdue != 0,
		Reasons: s.reasons[s.reason[i]], Scanners: s.scanners[s.scanner[i]],
	}
	if s.flags[i]&flagOddAction != 0 {
		f.ActionKey = s.odd[int32(i)]
	} else {
		f.ActionKey = key[:s.actLen[i]]
	}
	return f
}

// All yields every finding with its index, in order.
func (s *FindingStore) All() iter.Seq2[int, model.Finding] {
	return func(yield func(int, model.Finding) bool) {
		for i := range s.Len() {
			if !yield(i, s.At(i)) {
				return
			}
		}
	}
}

// Slice returns every finding as a slice, for tests and small tools; the
// pipeline's renderers read the store.
func (s *FindingStore) Slice() []model.Finding {
	out := make([]model.Finding, s.Len())
	for i := range out {
		out[i] = s.At(i)
	}
	return out
}

// MarshalJSON writes the findings as a JSON array, each as
// model.Finding marshals (report.json, the model's schema in tests).
func (s *FindingStore) MarshalJSON() ([]byte, error) {
	if s == nil {
		return []byte("null"), nil
	}
	// Unescaped: an encoder that escapes HTML escapes what this returns.
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s.Slice()); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// IsOpen reports whether finding i is open or mitigated.
func (s *FindingStore) IsOpen(i int) bool {
	return model.Finding{Standing: s.standing[s.stand[i]]}.IsOpen() // the one rule, model's
}

// BytesPerFinding returns the store's own memory per finding: its
// columns and key arena, not the shared tables (whose size grows with
// the distinct vulnerabilities, components, clauses and records, not
// with the findings).
func (s *FindingStore) BytesPerFinding() float64 {
	n := s.Len()
	if n == 0 {
		return 0
	}
	cols := 4*(len(s.vuln)+len(s.comp)+len(s.clause)+len(s.appl)+len(s.stand)+len(s.reason)+len(s.scanner)+len(s.hosts)+len(s.keyEnd)+len(s.byKey)) +
		int(unsafe.Sizeof(model.Priority(0)))*len(s.prio) + len(s.flags) + 2*len(s.actLen) + len(s.keys)
	return float64(cols) / float64(n)
}

// ColumnBytesPerFinding is BytesPerFinding less the key text: the fixed
// cost of a finding in the store.
func (s *FindingStore) ColumnBytesPerFinding() float64 {
	if s.Len() == 0 {
		return 0
	}
	return s.BytesPerFinding() - float64(len(s.keys))/float64(s.Len())
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
	content *model.Lists[T]
	at      map[*T]int32 // by the shared copy's first element
	empty   int32
}

func newListTable[T any](list *[][]T, key func([]byte, T) []byte) *listTable[T] {
	return &listTable[T]{list: list, content: &model.Lists[T]{Key: key}, at: map[*T]int32{}, empty: -1}
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
