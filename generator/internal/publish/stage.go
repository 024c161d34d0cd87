package publish

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// Stage is a Writer that writes each file straight into a temporary folder
// beside the output, so that a build holds no more than one file in memory
// at a time however large its output. Commit swaps the folder in place of
// the output atomically; until then the output is untouched, and Abort (or
// the next build, should this one be killed) removes the folder.
//
// Stage records every file's digest and size as it is written, for the
// manifest. It is safe for concurrent use.
type Stage struct {
	out, tmp string

	mu        sync.Mutex
	files     map[string]File
	dirs      map[string]bool
	committed bool
}

// NewStage removes leftovers of killed builds beside out and creates the
// temporary folder.
func NewStage(out string) (*Stage, error) {
	out = filepath.Clean(out)
	parent, base := filepath.Dir(out), filepath.Base(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("publishing %s: %w", out, err)
	}
	cleanStale(parent, base)
	tmp, err := os.MkdirTemp(parent, base+tmpSuffix)
	if err != nil {
		return nil, fmt.Errorf("publishing %s: %w", out, err)
	}
	// MkdirTemp joins without cleaning ("./output.tmp-1" for the default
	// output folder), and paths are checked against the cleaned one.
	tmp = filepath.Clean(tmp)
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("publishing %s: %w", out, err)
	}
	return &Stage{out: out, tmp: tmp, files: map[string]File{}, dirs: map[string]bool{".": true}}, nil
}

// WriteFile writes one file; writing the same path twice is an error. It
// does not keep data.
func (s *Stage) WriteFile(name string, data []byte) error {
	w, err := s.Create(name)
	if err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

// Create starts a file to be written piece by piece, for files too large
// to build in memory. The file counts once Close returns without error.
func (s *Stage) Create(name string) (io.WriteCloser, error) {
	if err := CheckPath(name); err != nil {
		return nil, err
	}
	p := filepath.Join(s.tmp, filepath.FromSlash(name))
	if !strings.HasPrefix(p, s.tmp+string(filepath.Separator)) {
		return nil, fmt.Errorf("output path %q leaves the output folder", name)
	}
	s.mu.Lock()
	if _, dup := s.files[name]; dup || s.committed {
		s.mu.Unlock()
		if dup {
			return nil, fmt.Errorf("output path %q written twice", name)
		}
		return nil, fmt.Errorf("output path %q written after publishing", name)
	}
	s.files[name] = File{Path: name, Size: -1} // reserved until closed
	dir := path.Dir(name)
	made := s.dirs[dir]
	s.mu.Unlock()
	if !made {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, fmt.Errorf("publishing %s: %w", s.out, err)
		}
		s.mu.Lock()
		s.dirs[dir] = true
		s.mu.Unlock()
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, fmt.Errorf("publishing %s: %w", s.out, err)
	}
	return &stagedFile{s: s, name: name, f: f, h: sha256.New()}, nil
}

// stagedFile hashes what is written to it.
type stagedFile struct {
	s    *Stage
	name string
	f    *os.File
	h    hash.Hash
	n    int64
	err  error
}

func (w *stagedFile) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.f.Write(p)
	w.h.Write(p[:n])
	w.n += int64(n)
	if err != nil {
		w.err = fmt.Errorf("publishing %s: %w", w.s.out, err)
	}
	return n, w.err
}

func (w *stagedFile) Close() error {
	if err := w.f.Close(); err != nil && w.err == nil {
		w.err = fmt.Errorf("publishing %s: %w", w.s.out, err)
	}
	if w.err != nil {
		return w.err
	}
	w.s.mu.Lock()
	w.s.files[w.name] = File{Path: w.name, SHA256: hex.EncodeToString(w.h.Sum(nil)), Size: w.n}
	w.s.mu.Unlock()
	return nil
}

// Files lists every file written so far with its digest, sorted by path.
func (s *Stage) Files() []File {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]File, 0, len(s.files))
	for _, f := range s.files {
		if f.Size >= 0 {
			out = append(out, f)
		}
	}
	slices.SortFunc(out, func(a, b File) int { return cmp.Compare(a.Path, b.Path) })
	return out
}

// Names returns the paths written so far, sorted.
func (s *Stage) Names() []string {
	var out []string
	for _, f := range s.Files() {
		out = append(out, f.Path)
	}
	return out
}

// Get reads a written file back whole (see Open).
func (s *Stage) Get(name string) ([]byte, bool) {
	f, err := s.Open(name)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	return data, err == nil
}

// Open opens a written file for reading back: from the temporary folder
// before Commit, from the output after it.
func (s *Stage) Open(name string) (io.ReadCloser, error) {
	s.mu.Lock()
	f, ok := s.files[name]
	dir := s.tmp
	if s.committed {
		dir = s.out
	}
	s.mu.Unlock()
	if !ok || f.Size < 0 {
		return nil, fmt.Errorf("%s was not written", name)
	}
	return os.Open(filepath.Join(dir, filepath.FromSlash(name)))
}

// Commit puts the written folder in place of the output.
func (s *Stage) Commit() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, f := range s.files {
		if f.Size < 0 {
			return fmt.Errorf("publishing %s: %s was not finished", s.out, f.Path)
		}
	}
	if err := syncDir(s.tmp); err != nil {
		return fmt.Errorf("publishing %s: %w", s.out, err)
	}
	if err := swap(s.tmp, s.out); err != nil {
		return fmt.Errorf("publishing %s: %w", s.out, err)
	}
	s.committed = true
	return nil
}

// Abort removes the temporary folder unless Commit succeeded.
func (s *Stage) Abort() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.committed {
		os.RemoveAll(s.tmp)
	}
}
