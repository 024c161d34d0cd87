package planimport

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"vulnreport/generator/internal/remediation"
	"vulnreport/generator/internal/source"
)

// fieldOrder is the contract's order of remediation fields, in which new
// records are written and edited records' fields are arranged.
var fieldOrder = []string{"id", "system", "advisory", "product", "stage", "action", "owner", "planned", "completed", "due",
	"service_stop_hours", "tested", "approved_by", "justification", "expires", "ticket", "cost", "notes"}

// order returns a field's place in fieldOrder; unknown fields go last.
func order(field string) int {
	if i := slices.Index(fieldOrder, field); i >= 0 {
		return i
	}
	return len(fieldOrder)
}

// record is a remediation record as the file holds it.
type record struct {
	fields map[string]string
	line   int
}

func (r record) get(f string) string { return r.fields[f] }

// doc is a remediation file being edited, YAML or CSV.
type doc interface {
	records() []record
	// set changes a field of record i; "" removes it.
	set(i int, field, value string)
	// add appends a record with fields in contract order.
	add(fields map[string]string)
	encode() ([]byte, error)
}

// store is the snapshot's remediation file.
type store struct {
	dir, name string
	exists    bool
	data      []byte
	sum       string
	mode      fs.FileMode
	doc       doc
}

// openStore finds and parses remediation.yaml, .yml or .csv in dir; when
// there is none, edits go to a new remediation.yaml.
func openStore(dir string) (*store, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading the snapshot folder: %w", err)
	}
	var names []string
	for _, e := range ents {
		ext := strings.ToLower(path.Ext(e.Name()))
		if e.Type().IsRegular() && strings.TrimSuffix(e.Name(), path.Ext(e.Name())) == "remediation" &&
			(ext == ".yaml" || ext == ".yml" || ext == ".csv") {
			names = append(names, e.Name())
		}
	}
	s := &store{dir: dir, name: "remediation.yaml", mode: 0o644}
	switch len(names) {
	case 0:
		s.doc, err = newYAMLDoc(nil)
		return s, err
	case 1:
		s.name = names[0]
	default:
		return nil, fmt.Errorf("the snapshot holds %s: merge them into one file first", strings.Join(names, " and "))
	}
	p := filepath.Join(dir, s.name)
	if s.data, err = os.ReadFile(p); err != nil {
		return nil, err
	}
	if st, err := os.Stat(p); err == nil {
		s.mode = st.Mode().Perm()
	}
	s.exists = true
	sum := sha256.Sum256(s.data)
	s.sum = hex.EncodeToString(sum[:])
	if strings.EqualFold(path.Ext(s.name), ".csv") {
		s.doc, err = newCSVDoc(s.data)
	} else {
		s.doc, err = newYAMLDoc(s.data)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.name, err)
	}
	return s, nil
}

// find returns the last record addressing a fix action — this system,
// this product and any advisory ("*" or none) — or -1. The last one wins,
// as it does when remediation records are applied.
func (s *store) find(system, product string) int {
	found := -1
	for i, r := range s.doc.records() {
		adv := r.get("advisory")
		if r.get("system") == system && strings.EqualFold(strings.TrimSpace(r.get("product")), product) &&
			(adv == remediation.Wildcard || adv == "") {
			found = i
		}
	}
	return found
}

// errorsIn decodes a remediation file as the build does and returns its
// errors, so that an import never leaves a file the build would reject.
func errorsIn(name string, data []byte) ([]string, error) {
	var diags source.Diagnostics
	var recs []source.Record
	bad := func(p source.Pos, msg string) {}
	if strings.EqualFold(path.Ext(name), ".csv") {
		_, err := source.ReadCSV(name, bytes.NewReader(data), source.CSVOptions{Aliases: remediation.Aliases}, &diags,
			func(r source.Record) { recs = append(recs, r) }, bad)
		if err != nil {
			return nil, err
		}
	} else {
		var err error
		if recs, err = source.YAMLRecords(name, data, "remediation", &diags, bad); err != nil {
			return nil, err
		}
	}
	for _, r := range recs {
		remediation.Decode(r, &diags)
	}
	var out []string
	for _, d := range diags.Sorted() {
		if d.Severity == source.Error {
			out = append(out, d.String())
		}
	}
	return out, nil
}

// write replaces the file atomically: a temporary file in the same folder,
// synced, then renamed over the old one.
func (s *store) write(data []byte) error {
	tmp, err := os.CreateTemp(s.dir, ".remediation-*.tmp")
	if err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Chmod(s.mode); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), filepath.Join(s.dir, s.name)); err != nil {
		return err
	}
	done = true
	return nil
}
