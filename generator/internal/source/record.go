package source

import (
	"slices"
	"strings"
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
	for _, s := range strings.Split(v.Text, ";") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Record is one input record in a format-neutral shape: a CSV row or a YAML
// mapping, with nested mappings flattened to dotted keys ("contract.until")
// and lists of mappings kept as groups ("affected").
type Record struct {
	// Pos is where the record starts.
	Pos Pos
	// Fields holds scalar and list values by dotted key.
	Fields map[string]Value
	// Groups holds lists of nested records by key.
	Groups map[string][]Record
	keys   []string
}

// NewRecord returns an empty record starting at pos.
func NewRecord(pos Pos) Record {
	return Record{Pos: pos, Fields: map[string]Value{}}
}

// Set stores a field, remembering the order keys were first seen.
func (r *Record) Set(key string, v Value) {
	if r.Fields == nil {
		r.Fields = map[string]Value{}
	}
	if _, ok := r.Fields[key]; !ok {
		r.keys = append(r.keys, key)
	}
	r.Fields[key] = v
}

// AddGroup appends a nested record under key.
func (r *Record) AddGroup(key string, sub Record) {
	if r.Groups == nil {
		r.Groups = map[string][]Record{}
	}
	if _, ok := r.Groups[key]; !ok {
		r.keys = append(r.keys, key)
	}
	r.Groups[key] = append(r.Groups[key], sub)
}

// Keys returns the field and group keys in the order they were read.
func (r Record) Keys() []string { return slices.Clone(r.keys) }

// Get returns the field stored under key.
func (r Record) Get(key string) (Value, bool) {
	v, ok := r.Fields[key]
	return v, ok
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
