package source

import (
	"math"
	"slices"
	"strings"
	"sync"
)

// Value is one field of a record: a scalar, or a list when IsList is set.
type Value struct {
	Text   string
	List   []string
	IsList bool
	Pos    Pos
}

// Items returns the value as a list: the YAML list itself, or the CSV text
// split at ';' with blanks dropped.
func (v Value) Items() []string {
	if v.IsList {
		return v.List
	}
	var out []string
	for s := v.Text; ; {
		i := strings.IndexByte(s, ';')
		part := s
		if i >= 0 {
			part = s[:i]
		}
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
		if i < 0 {
			return out
		}
		s = s[i+1:]
	}
}

// Record is one input record in a format-neutral shape: a CSV row or a YAML
// mapping, with nested mappings flattened to dotted keys ("contract.until")
// and lists of mappings kept as groups ("affected").
//
// A CSV row keeps its fields as cells indexed by column, sharing the key
// table of its file; a record built with Set keeps a list of fields. Both
// answer Get and Keys the same way.
type Record struct {
	// Pos is where the record starts.
	Pos Pos
	// groups holds lists of nested records, in the order of their keys;
	// a record has one or two (Group returns them by key).
	groups []group
	// hdr and cells hold the fields of a CSV row: field hdr.keys[i] is
	// cells[hdr.at[i]]. Nil hdr means the fields are in fields.
	hdr   *header
	cells []cell
	// fields holds the fields of a record built with Set, in order.
	fields []field
	// index maps keys to fields once there are many of them.
	index map[string]int
	// keys lists the keys in the order they were first seen, as Keys
	// returns them: with a header, only those after the header's own.
	keys []string
}

// group is the list of nested records under one key.
type group struct {
	key  string
	recs []Record
}

// field is one field of a record built with Set.
type field struct {
	key string
	v   Value
}

// cell is one CSV field: its text and the line and column where it starts,
// in the file of the record.
type cell struct {
	text      string
	line, col uint32
}

// header is the key table that the records of one CSV file share.
type header struct {
	keys  []string       // field keys
	at    []int          // cell index of each key
	index map[string]int // key → index in keys
	// dropped and without cache the header made by Record.Without.
	mu      sync.Mutex
	dropped []string
	without *header
}

// linearKeys is how many fields a record looks up by scanning instead of
// through a map.
const linearKeys = 12

func newHeader(keys []string, at []int) *header {
	h := &header{keys: keys, at: at}
	if len(keys) > linearKeys {
		h.index = make(map[string]int, len(keys))
		for i, k := range keys {
			h.index[k] = i
		}
	}
	return h
}

func (h *header) find(key string) int {
	if h.index != nil {
		if i, ok := h.index[key]; ok {
			return i
		}
		return -1
	}
	for i, k := range h.keys {
		if k == key {
			return i
		}
	}
	return -1
}

// Header is a table of field keys that the records made by Row share, as
// the rows of one CSV file share the keys of its header.
type Header struct{ h *header }

// NewHeader returns the table of keys, which must be distinct.
func NewHeader(keys ...string) *Header {
	return &Header{newHeader(slices.Clone(keys), identity(len(keys)))}
}

// Row returns a record starting at pos holding vals[i] under key i of h;
// there must be one value per key. The record is the same as one built
// with Set, key by key.
func (h *Header) Row(pos Pos, vals ...Value) Record {
	if len(vals) != len(h.h.keys) {
		panic("source: Header.Row: one value per key expected")
	}
	cells := make([]cell, len(vals))
	for i, v := range vals {
		if v.IsList || v.Pos.File != pos.File || !fitsCell(v.Pos) {
			rec := NewRecord(pos)
			for i, k := range h.h.keys {
				rec.Set(k, vals[i])
			}
			return rec
		}
		cells[i] = cell{v.Text, uint32(v.Pos.Line), uint32(v.Pos.Col)}
	}
	return Record{Pos: pos, hdr: h.h, cells: cells}
}

// NewRecord returns an empty record starting at pos.
func NewRecord(pos Pos) Record {
	return Record{Pos: pos}
}

// slot returns the index of field key — in the header, or in fields — or
// -1 when the record has no such field.
func (r *Record) slot(key string) int {
	if r.hdr != nil {
		return r.hdr.find(key)
	}
	if r.index != nil {
		if i, ok := r.index[key]; ok {
			return i
		}
		return -1
	}
	for i := range r.fields {
		if r.fields[i].key == key {
			return i
		}
	}
	return -1
}

// nslots returns how many fields the record holds.
func (r *Record) nslots() int {
	if r.hdr != nil {
		return len(r.hdr.keys)
	}
	return len(r.fields)
}

// at returns the value of the field in slot i.
func (r *Record) at(i int) Value {
	if r.hdr != nil {
		c := &r.cells[r.hdr.at[i]]
		return Value{Text: c.text, Pos: Pos{r.Pos.File, int(c.line), int(c.col)}}
	}
	return r.fields[i].v
}

// Set stores a field, remembering the order keys were first seen.
func (r *Record) Set(key string, v Value) {
	if r.hdr != nil {
		i := r.hdr.find(key)
		if i >= 0 && !v.IsList && v.Pos.File == r.Pos.File && fitsCell(v.Pos) {
			// The cells may be shared with copies of the record.
			r.cells = slices.Clone(r.cells)
			r.cells[r.hdr.at[i]] = cell{v.Text, uint32(v.Pos.Line), uint32(v.Pos.Col)}
			return
		}
		r.detach()
	}
	if i := r.slot(key); i >= 0 {
		r.fields[i].v = v
		return
	}
	r.fields = append(r.fields, field{key, v})
	if r.index != nil {
		r.index[key] = len(r.fields) - 1
	} else {
		r.reindex()
	}
	r.keys = append(r.keys, key)
}

func fitsCell(p Pos) bool {
	return p.Line >= 0 && p.Col >= 0 && p.Line <= math.MaxUint32 && p.Col <= math.MaxUint32
}

// detach turns a CSV row into a record with a list of fields, keeping the
// order of its keys.
func (r *Record) detach() {
	n := len(r.hdr.keys)
	fields := make([]field, n)
	keys := make([]string, 0, n+len(r.keys))
	for i, k := range r.hdr.keys {
		fields[i] = field{k, r.at(i)}
		keys = append(keys, k)
	}
	r.keys = append(keys, r.keys...)
	r.hdr, r.cells, r.fields, r.index = nil, nil, fields, nil
	r.reindex()
}

// reindex builds the key index once the record has many fields.
func (r *Record) reindex() {
	if len(r.fields) > linearKeys {
		r.index = make(map[string]int, 2*len(r.fields))
		for i, f := range r.fields {
			r.index[f.key] = i
		}
	}
}

// AddGroups appends nested records under key. The first records of a
// key are kept as given, in subs itself: the caller must not change
// them afterwards.
func (r *Record) AddGroups(key string, subs ...Record) {
	for i := range r.groups {
		if r.groups[i].key == key {
			r.groups[i].recs = append(r.groups[i].recs, subs...)
			return
		}
	}
	r.keys = append(r.keys, key)
	// Clipped: a later addition copies instead of writing past the end
	// of the caller's slice.
	r.groups = append(r.groups, group{key, slices.Clip(subs)})
}

// AddGroup appends a nested record under key.
func (r *Record) AddGroup(key string, sub Record) { r.AddGroups(key, sub) }

// Group returns the nested records under key.
func (r Record) Group(key string) []Record {
	for _, g := range r.groups {
		if g.key == key {
			return g.recs
		}
	}
	return nil
}

// Keys returns the field and group keys in the order they were read.
func (r Record) Keys() []string {
	if r.hdr == nil {
		return slices.Clone(r.keys)
	}
	return slices.Concat(r.hdr.keys, r.keys)
}

// Get returns the field stored under key.
func (r Record) Get(key string) (Value, bool) {
	i := r.slot(key)
	if i < 0 {
		return Value{}, false
	}
	return r.at(i), true
}

// Without returns a copy of the record without the fields named. The
// copy of a CSV row shares the row's cells.
func (r Record) Without(drop ...string) Record {
	if r.hdr == nil {
		out := NewRecord(r.Pos)
		seen := map[string]bool{}
		for _, k := range r.keys {
			if slices.Contains(drop, k) || seen[k] {
				continue
			}
			seen[k] = true
			if i := r.slot(k); i >= 0 {
				out.Set(k, r.fields[i].v)
			}
			if g := r.Group(k); g != nil {
				out.AddGroups(k, slices.Clone(g)...)
			}
		}
		return out
	}
	r.hdr = r.hdr.drop(drop)
	r.fields, r.index = nil, nil
	r.keys = slices.DeleteFunc(slices.Clone(r.keys), func(k string) bool { return slices.Contains(drop, k) })
	if r.groups != nil {
		r.groups = slices.DeleteFunc(slices.Clone(r.groups), func(g group) bool { return slices.Contains(drop, g.key) })
	}
	return r
}

// drop returns the header without the keys named, made once for the
// keys last asked for.
func (h *header) drop(keys []string) *header {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.without != nil && slices.Equal(h.dropped, keys) {
		return h.without
	}
	var ks []string
	var at []int
	for i, k := range h.keys {
		if !slices.Contains(keys, k) {
			ks = append(ks, k)
			at = append(at, h.at[i])
		}
	}
	h.dropped, h.without = slices.Clone(keys), newHeader(ks, at)
	return h.without
}

// FileStat counts what one input file contributed. Read always equals
// Accepted plus Rejected.
type FileStat struct {
	// Path is the file's path relative to the snapshot folder, with '/'.
	Path string `json:"path"`
	// Kind names the entity or feed the file holds ("systems", "feed:kev").
	Kind string `json:"kind"`
	// SHA256 is the hex digest of the file's bytes as read.
	SHA256 string `json:"sha256"`
	// Size is the file's length in bytes.
	Size int64 `json:"size"`
	// Encoding is "utf-8", "utf-8-bom" or "cp932".
	Encoding string `json:"encoding,omitempty"`
	// Read, Accepted and Rejected count records.
	Read     int `json:"read"`
	Accepted int `json:"accepted"`
	Rejected int `json:"rejected"`
}

// Rejection is a record that was not accepted, kept for the data-quality
// section of every output.
type Rejection struct {
	// Pos is where the record starts.
	Pos Pos `json:"-"`
	// Location is Pos formatted as file:line:col.
	Location string `json:"location"`
	// Kind is the entity of the record ("components").
	Kind string `json:"kind"`
	// ID is the record's id when it had a readable one.
	ID string `json:"id,omitempty"`
	// Reasons are the error messages, each with its own position.
	Reasons []string `json:"reasons"`
}
