// Package publish writes a build's files: into memory for tests, or into a
// temporary folder beside the output that is swapped in only when complete,
// so that a build killed at any moment leaves the previous output exactly as
// it was. It imports no other package of vulnreport: what the files mean
// (the manifest, the evidence archive) is package evidence's.
package publish

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"
)

// CheckPath rejects output paths that could leave the output folder:
// absolute paths, "..", empty elements, backslashes and NUL bytes.
func CheckPath(name string) error {
	switch {
	case name == "" || strings.HasPrefix(name, "/"):
		return fmt.Errorf("output path %q is not a relative path", name)
	case strings.ContainsAny(name, "\\\x00:"):
		return fmt.Errorf("output path %q contains a forbidden character", name)
	case path.Clean(name) != name:
		return fmt.Errorf("output path %q is not clean", name)
	}
	for _, el := range strings.Split(name, "/") {
		if el == ".." || el == "." || el == "" {
			return fmt.Errorf("output path %q leaves the output folder", name)
		}
	}
	return nil
}

// File is one output file.
type File struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// Memory is an in-memory Writer for tests and for building the manifest.
type Memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

// NewMemory returns an empty in-memory target.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

// WriteFile stores a copy of a file; writing the same path twice is an
// error.
func (m *Memory) WriteFile(name string, data []byte) error {
	if err := CheckPath(name); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, dup := m.files[name]; dup {
		return fmt.Errorf("output path %q written twice", name)
	}
	m.files[name] = slices.Clone(data)
	return nil
}

// Get returns a stored file.
func (m *Memory) Get(name string) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.files[name]
	return b, ok
}

// Names returns the stored paths, sorted.
func (m *Memory) Names() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]string, 0, len(m.files))
	for k := range m.files {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Files lists every stored file with its digest, sorted by path.
func (m *Memory) Files() []File {
	var out []File
	for _, n := range m.Names() {
		b, _ := m.Get(n)
		sum := sha256.Sum256(b)
		out = append(out, File{Path: n, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(b))})
	}
	slices.SortFunc(out, func(a, b File) int { return cmp.Compare(a.Path, b.Path) })
	return out
}
