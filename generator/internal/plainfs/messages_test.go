package plainfs_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/plainfs"
)

// TestProblemsInJapanese makes every kind of entry the snapshot reader
// skips (a FIFO, a socket-less device stand-in, links to a folder, to a
// FIFO, outside the folder, dangling, in a loop) and checks that each
// reason it gives is in the i18n catalogue with Japanese text, so that a
// Japanese-first policy never shows these warnings in English.
func TestProblemsInJapanese(t *testing.T) {
	dir := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(syscall.Mkfifo(filepath.Join(dir, "pipe.csv"), 0o600))
	must(os.Mkdir(filepath.Join(dir, "folder"), 0o700))
	must(os.Symlink("folder", filepath.Join(dir, "to-folder.csv")))
	must(os.Symlink("pipe.csv", filepath.Join(dir, "to-pipe.csv")))
	must(os.Symlink("/etc/passwd", filepath.Join(dir, "outside.csv")))
	must(os.Symlink("../../x", filepath.Join(dir, "climbs.csv")))
	must(os.Symlink("missing.csv", filepath.Join(dir, "dangling.csv")))
	must(os.Symlink("loop-b.csv", filepath.Join(dir, "loop-a.csv")))
	must(os.Symlink("loop-a.csv", filepath.Join(dir, "loop-b.csv")))

	problems := plainfs.Scan(os.DirFS(dir))
	if len(problems) < 8 {
		t.Fatalf("Scan found %d problems, want at least 8: %v", len(problems), problems)
	}
	for _, p := range problems {
		msg := p.Why.Error()
		ja, ok := i18n.Translate(i18n.JA, msg)
		if !ok {
			t.Errorf("%s: %q is not in the catalogue", p.Path, msg)
			continue
		}
		for _, english := range []string{"not read", "symbolic link", "plain file", "named pipe", "does not exist", "loop"} {
			if strings.Contains(ja, english) {
				t.Errorf("%s: Japanese text %q still says %q", p.Path, ja, english)
			}
		}
	}
}
