//go:build unix

package plainfs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// folder makes a tree with every kind of entry: plain files, links inside
// and outside, dangling links, a loop, a link to a folder, a named pipe.
func folder(t *testing.T) (root, outside string) {
	t.Helper()
	base := t.TempDir()
	root, outside = filepath.Join(base, "root"), filepath.Join(base, "outside")
	for _, d := range []string{root + "/sub", root + "/.hidden", outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{root + "/a.txt": "a", root + "/sub/b.txt": "b", root + "/.hidden/c.txt": "c", outside + "/secret.txt": "SECRET"}
	for p, s := range files {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"in.txt":          "a.txt",
		"sub/up.txt":      "../a.txt",
		"chain.txt":       "in.txt",
		"hid.txt":         ".hidden/c.txt",
		"viadir.txt":      "subl/b.txt",
		"subl":            "sub",
		"abs.txt":         outside + "/secret.txt",
		"climb.txt":       "../outside/secret.txt",
		"sub/climb2.txt":  "../../outside/secret.txt",
		"dangling.txt":    "nothing.txt",
		"loop1":           "loop2",
		"loop2":           "loop1",
		"outdir":          outside,
		"dev.txt":         "/dev/zero",
		"throughfile.txt": "a.txt/x",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(root, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(root, "pipe.txt"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	return root, outside
}

func TestCheck(t *testing.T) {
	root, _ := folder(t)
	fsys := os.DirFS(root)
	cases := map[string]string{ // name: target, or "!" + the reason
		"a.txt":           "a.txt",
		"in.txt":          "a.txt",
		"sub/up.txt":      "a.txt",
		"chain.txt":       "a.txt",
		"hid.txt":         ".hidden/c.txt",
		"viadir.txt":      "sub/b.txt",
		"subl":            "!to the folder sub",
		"abs.txt":         "!outside the input folder",
		"climb.txt":       "!leads outside",
		"sub/climb2.txt":  "!leads outside",
		"dangling.txt":    "!nothing.txt, which does not exist",
		"loop1":           "!loop",
		"outdir":          "!outside the input folder",
		"dev.txt":         "!outside the input folder",
		"throughfile.txt": "!does not exist",
		"pipe.txt":        "!named pipe (FIFO)",
	}
	for name, want := range cases {
		fi, err := os.Lstat(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		got, err := Check(fsys, name, fi.Mode().Type())
		switch {
		case strings.HasPrefix(want, "!"):
			if err == nil || !strings.Contains(err.Error(), want[1:]) {
				t.Errorf("%s: %q, %v; want refused: %s", name, got, err, want[1:])
			}
		case err != nil || got != want:
			t.Errorf("%s: %q, %v; want %s", name, got, err, want)
		}
	}
}

// TestFS reads a folder through FS: links inside are followed, everything
// else does not exist, and the listing shows only what can be opened.
func TestFS(t *testing.T) {
	root, _ := folder(t)
	fsys := New(os.DirFS(root))
	for name, want := range map[string]string{"a.txt": "a", "in.txt": "a", "sub/up.txt": "a", "viadir.txt": "b"} {
		b, err := fs.ReadFile(fsys, name)
		if err != nil || string(b) != want {
			t.Errorf("%s: %q, %v", name, b, err)
		}
	}
	for _, name := range []string{"abs.txt", "climb.txt", "pipe.txt", "dangling.txt", "loop1", "dev.txt", "nothing.txt"} {
		if _, err := fs.ReadFile(fsys, name); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: %v, want not to exist", name, err)
		}
	}
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a.txt", "chain.txt", "hid.txt", "in.txt", "viadir.txt"}; !slices.Equal(names, want) {
		t.Errorf("listing %v, want %v", names, want)
	}
	var problems []string
	for _, p := range Scan(os.DirFS(root)) {
		problems = append(problems, p.Path)
	}
	want := []string{"abs.txt", "climb.txt", "dangling.txt", "dev.txt", "loop1", "loop2", "outdir", "pipe.txt", "sub/climb2.txt", "subl", "throughfile.txt"}
	if !slices.Equal(problems, want) {
		t.Errorf("Scan: %v, want %v", problems, want)
	}
}
