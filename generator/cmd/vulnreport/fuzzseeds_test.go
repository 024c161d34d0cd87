package main

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestFuzzSeedsCommitted finds every fuzz target of the module, as make
// fuzz does, and checks that each has a committed seed corpus:
// testdata/fuzz/<FuzzName>/ beside it with at least one file in Go's
// corpus format.
func TestFuzzSeedsCommitted(t *testing.T) {
	fuzzFunc := regexp.MustCompile(`^func (Fuzz\w+)\(`) // as generator/cmd/fuzzlist
	root := filepath.Join(repoRoot, "generator")
	n := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, "_test.go") {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			m := fuzzFunc.FindStringSubmatch(sc.Text())
			if m == nil {
				continue
			}
			n++
			dir := filepath.Join(filepath.Dir(p), "testdata", "fuzz", m[1])
			es, err := os.ReadDir(dir)
			if err != nil || len(es) == 0 {
				t.Errorf("%s (%s) has no committed seeds in %s", m[1], p, dir)
				continue
			}
			for _, e := range es {
				b, err := os.ReadFile(filepath.Join(dir, e.Name()))
				if err != nil || !bytes.HasPrefix(b, []byte("go test fuzz v1\n")) {
					t.Errorf("%s: not a corpus file (go test fuzz v1): %v", filepath.Join(dir, e.Name()), err)
				}
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("found no fuzz targets")
	}
	t.Logf("%d fuzz targets checked", n)
}
