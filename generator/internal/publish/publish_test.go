package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"
	"testing"
)

// TestCheckPath checks that every output path that could leave the output
// folder, or mean something else on another system, is refused, and that
// ordinary relative paths pass.
func TestCheckPath(t *testing.T) {
	bad := []string{
		"", "/", "/etc/passwd", "..", "../x", "../../etc/passwd", "a/..", "a/../b", "a/../../b",
		".", "./a", "a/./b", "a/", "a//b", "a\\b", "..\\x", "a\x00b", "\x00", "C:/x", "c:x", "a/b:c",
	}
	for _, p := range bad {
		if err := CheckPath(p); err == nil {
			t.Errorf("CheckPath(%q) accepted", p)
		} else if !strings.Contains(err.Error(), "output path") {
			t.Errorf("CheckPath(%q): error %q does not say which path", p, err)
		}
	}
	good := []string{"a", "a/b.html", "index.html", "en/findings/web-1.html", "assets/app.css",
		"report-2026-11-30.ja.pdf", "日本語/ページ.html", "a..b", "x/.well-known"}
	for _, p := range good {
		if err := CheckPath(p); err != nil {
			t.Errorf("CheckPath(%q) = %v, want nil", p, err)
		}
	}
}

// TestMemory checks the in-memory writer: bad paths and duplicates are
// refused, names come back sorted, digests and sizes are right.
func TestMemory(t *testing.T) {
	m := NewMemory()
	for _, n := range []string{"b.txt", "a/z.txt", "a/b.txt"} {
		if err := m.WriteFile(n, []byte(n)); err != nil {
			t.Fatal(err)
		}
	}
	if err := m.WriteFile("b.txt", []byte("again")); err == nil || !strings.Contains(err.Error(), "written twice") {
		t.Errorf("duplicate write: err = %v, want \"written twice\"", err)
	}
	if b, _ := m.Get("b.txt"); string(b) != "b.txt" {
		t.Errorf("the duplicate replaced the first file: %q", b)
	}
	if err := m.WriteFile("../escape", nil); err == nil {
		t.Error("../escape accepted")
	}
	if got := strings.Join(m.Names(), " "); got != "a/b.txt a/z.txt b.txt" {
		t.Errorf("Names() = %q", got)
	}
	files := m.Files()
	if len(files) != 3 {
		t.Fatalf("Files() = %v", files)
	}
	for _, f := range files {
		sum := sha256.Sum256([]byte(f.Path))
		if f.SHA256 != hex.EncodeToString(sum[:]) || f.Size != int64(len(f.Path)) {
			t.Errorf("Files() entry %+v: wrong digest or size", f)
		}
	}
	if _, ok := m.Get("missing"); ok {
		t.Error("Get of a missing file succeeded")
	}
}

// TestMemoryConcurrent writes from several goroutines, as renderers may.
func TestMemoryConcurrent(t *testing.T) {
	m := NewMemory()
	var wg sync.WaitGroup
	errs := make(chan error, 800)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				// every goroutine tries the same 100 names: each is stored once
				if err := m.WriteFile(fmt.Sprintf("f/%03d", i), []byte{byte(g)}); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	n := 0
	for range errs {
		n++
	}
	if len(m.Names()) != 100 || n != 700 {
		t.Errorf("stored %d files and refused %d writes, want 100 and 700", len(m.Names()), n)
	}
}
