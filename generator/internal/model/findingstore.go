package model

import (
	"bytes"
	"encoding/json"
	"iter"
	"slices"
	"strings"
	"unsafe"
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
// A finding is read as a Finding value materialised from the
// columns (At, All): the parts it points to are the shared ones, its Key
// and ActionKey are slices of the arena, so reading one allocates
// nothing. The store is frozen: nothing writes through what it hands out.
type FindingStore struct {
	vulns    []*VulnFacts
	comps    []*ComponentFacts
	clauses  []*ClauseFacts
	applied  []*Applied
	standing []*Standing
	reasons  [][]Reason
	scanners [][]ScanSource

	vuln, comp, clause, appl, stand []int32
	reason, scanner                 []int32
	hosts                           []int32
	prio                            []Priority
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
func NewFindingStore(fs []Finding) *FindingStore {
	b := NewFindingBuilder(len(fs))
	for i := range fs {
		b.Add(fs[i])
	}
	return b.Store()
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
func (s *FindingStore) At(i int) Finding {
	key := s.Key(i)
	f := Finding{
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
func (s *FindingStore) All() iter.Seq2[int, Finding] {
	return func(yield func(int, Finding) bool) {
		for i := range s.Len() {
			if !yield(i, s.At(i)) {
				return
			}
		}
	}
}

// Slice returns every finding as a slice, for tests and small tools; the
// pipeline's renderers read the store.
func (s *FindingStore) Slice() []Finding {
	out := make([]Finding, s.Len())
	for i := range out {
		out[i] = s.At(i)
	}
	return out
}

// MarshalJSON writes the findings as a JSON array, each as
// Finding marshals (report.json, the model's schema in tests).
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

// OpenKey reports whether the store has an open (or mitigated) finding
// with the key: what history's closures ask of this build, without a set
// of every open key.
func (s *FindingStore) OpenKey(key string) bool {
	i, ok := s.Find(key)
	return ok && s.IsOpen(i)
}

// IsOpen reports whether finding i is open or mitigated.
func (s *FindingStore) IsOpen(i int) bool {
	return Finding{Standing: s.standing[s.stand[i]]}.IsOpen() // the one rule, model's
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
		int(unsafe.Sizeof(Priority(0)))*len(s.prio) + len(s.flags) + 2*len(s.actLen) + len(s.keys)
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
