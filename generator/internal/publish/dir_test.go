package publish

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// tree reads every file under dir into a map of slash path to contents.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// names lists a folder's entries.
func names(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func memOf(t *testing.T, files map[string]string) *Memory {
	t.Helper()
	m := NewMemory()
	for k, v := range files {
		if err := m.WriteFile(k, []byte(v)); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

func sameTree(t *testing.T, got, want map[string]string) {
	t.Helper()
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected file %s", k)
		}
	}
}

func TestWriteDirFresh(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "nested", "output")
	files := map[string]string{"index.html": "<p>", "en/index.html": "<p>en", "a/b/c.txt": "c", "manifest.json": "{}"}
	if err := WriteDir(memOf(t, files), out); err != nil {
		t.Fatal(err)
	}
	sameTree(t, tree(t, out), files)
	if got := names(t, filepath.Dir(out)); !slices.Equal(got, []string{"output"}) {
		t.Errorf("beside the output: %v, want only output (no temporary folders)", got)
	}
	st, err := os.Stat(out)
	if err != nil || st.Mode().Perm() != 0o755 {
		t.Errorf("output folder mode %v, %v; want 0755", st.Mode(), err)
	}
	st, err = os.Stat(filepath.Join(out, "a", "b", "c.txt"))
	if err != nil || st.Mode().Perm() != 0o644 {
		t.Errorf("file mode %v, %v; want 0644", st.Mode(), err)
	}
}

func TestWriteDirReplaces(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "output")
	if err := WriteDir(memOf(t, map[string]string{"old.html": "old", "keep/x.txt": "1"}), out); err != nil {
		t.Fatal(err)
	}
	// a file someone added by hand to the old output goes with it
	if err := os.WriteFile(filepath.Join(out, "stray.txt"), []byte("stray"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"new.html": "new", "keep/x.txt": "2"}
	if err := WriteDir(memOf(t, want), out); err != nil {
		t.Fatal(err)
	}
	sameTree(t, tree(t, out), want)
	if got := names(t, parent); !slices.Equal(got, []string{"output"}) {
		t.Errorf("beside the output: %v, want only output", got)
	}
}

// TestWriteDirOverFile checks that a file where the output folder should
// be is an error that names it, and that the file is left as it was.
func TestWriteDirOverFile(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "output")
	if err := os.WriteFile(out, []byte("precious"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := WriteDir(memOf(t, map[string]string{"index.html": "x"}), out)
	if err == nil || !strings.Contains(err.Error(), "not a folder") || !strings.Contains(err.Error(), out) {
		t.Fatalf("err = %v, want one naming %s as not a folder", err, out)
	}
	b, _ := os.ReadFile(out)
	if string(b) != "precious" {
		t.Errorf("the file was changed: %q", b)
	}
	if got := names(t, parent); !slices.Equal(got, []string{"output"}) {
		t.Errorf("beside the output: %v, want only output (the temporary folder removed)", got)
	}
}

// TestWriteDirFailureLeavesPrevious makes the write fail half-way (a path
// that is both a file and a folder) and checks the previous output.
func TestWriteDirFailureLeavesPrevious(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "output")
	prev := map[string]string{"index.html": "previous", "findings.json": "[]"}
	if err := WriteDir(memOf(t, prev), out); err != nil {
		t.Fatal(err)
	}
	bad := memOf(t, map[string]string{"a": "file", "a/b": "under a file", "index.html": "next"})
	if err := WriteDir(bad, out); err == nil {
		t.Fatal("a write that cannot complete succeeded")
	} else if !strings.Contains(err.Error(), "publishing "+out) {
		t.Errorf("err = %v, want it to name the output folder", err)
	}
	sameTree(t, tree(t, out), prev)
	if got := names(t, parent); !slices.Equal(got, []string{"output"}) {
		t.Errorf("beside the output: %v, want only output", got)
	}
}

// TestWriteDirCleansStale checks that folders left by killed builds are
// removed, and nothing else beside the output.
func TestWriteDirCleansStale(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "output")
	if err := WriteDir(memOf(t, map[string]string{"x": "1"}), out); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"output.tmp-123", "output.tmp-456/sub", "output.tmp-789.old-"} {
		if err := os.MkdirAll(filepath.Join(parent, d), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(parent, d, "f"), []byte("partial"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// not ours: another folder's leftovers, a file with the prefix, a neighbour
	for _, d := range []string{"outputs.tmp-1", "other"} {
		if err := os.Mkdir(filepath.Join(parent, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(parent, "output.tmp-file"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteDir(memOf(t, map[string]string{"x": "2"}), out); err != nil {
		t.Fatal(err)
	}
	want := []string{"other", "output", "output.tmp-file", "outputs.tmp-1"}
	if got := names(t, parent); !slices.Equal(got, want) {
		t.Errorf("beside the output: %v, want %v", got, want)
	}
	sameTree(t, tree(t, out), map[string]string{"x": "2"})
}

// TestCleanStaleRestores simulates a build killed between the fallback's
// two renames: the output is missing and the previous one waits in the
// .old- folder. The next build's cleanup puts it back before anything else.
func TestCleanStaleRestores(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "output")
	old := filepath.Join(parent, "output.tmp-42"+oldSuffix)
	if err := os.MkdirAll(old, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(old, "index.html"), []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	// the new output, complete or not, that was about to be renamed
	if err := os.MkdirAll(filepath.Join(parent, "output.tmp-42"), 0o755); err != nil {
		t.Fatal(err)
	}
	cleanStale(parent, "output")
	sameTree(t, tree(t, out), map[string]string{"index.html": "previous"})
	if got := names(t, parent); !slices.Equal(got, []string{"output"}) {
		t.Errorf("beside the output: %v, want only output", got)
	}
}

// TestSwapRenames runs the two-rename fallback used where the system has
// no atomic exchange.
func TestSwapRenames(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "output")
	dir := filepath.Join(parent, "output.tmp-1")
	for p, v := range map[string]string{filepath.Join(out, "a"): "old", filepath.Join(dir, "a"): "new", filepath.Join(dir, "b"): "new"} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(v), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := swapRenames(dir, out); err != nil {
		t.Fatal(err)
	}
	sameTree(t, tree(t, out), map[string]string{"a": "new", "b": "new"})
	if got := names(t, parent); !slices.Equal(got, []string{"output"}) {
		t.Errorf("beside the output: %v, want only output", got)
	}

	// the second rename fails (the new folder is gone): the previous output comes back
	if err := swapRenames(filepath.Join(parent, "output.tmp-missing"), out); err == nil {
		t.Fatal("swap of a missing folder succeeded")
	}
	sameTree(t, tree(t, out), map[string]string{"a": "new", "b": "new"})
	if got := names(t, parent); !slices.Equal(got, []string{"output"}) {
		t.Errorf("beside the output: %v, want only output", got)
	}
}

// TestSwapIntoMissing covers the first build: out does not exist yet.
func TestSwapIntoMissing(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "output.tmp-1")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := swap(dir, filepath.Join(parent, "output")); err != nil {
		t.Fatal(err)
	}
	if got := names(t, parent); !slices.Equal(got, []string{"output"}) {
		t.Errorf("beside the output: %v", got)
	}
}

// TestWriteDirRelative writes with a relative output path, as the CLI's
// default "output" is.
func TestWriteDirRelative(t *testing.T) {
	parent := t.TempDir()
	t.Chdir(parent)
	if err := WriteDir(memOf(t, map[string]string{"x": "1"}), "output"); err != nil {
		t.Fatal(err)
	}
	if err := WriteDir(memOf(t, map[string]string{"x": "2"}), "output/"); err != nil {
		t.Fatal(err)
	}
	sameTree(t, tree(t, filepath.Join(parent, "output")), map[string]string{"x": "2"})
	if got := names(t, parent); !slices.Equal(got, []string{"output"}) {
		t.Errorf("beside the output: %v", got)
	}
}
