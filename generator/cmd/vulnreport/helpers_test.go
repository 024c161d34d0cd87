package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// The repository's sample snapshot and pages, from this package's folder.
var (
	repoRoot   = filepath.Join("..", "..", "..")
	sampleData = filepath.Join(repoRoot, "data")
	sampleText = filepath.Join(repoRoot, "content")
	// smallData is this package's own small, clean snapshot.
	smallData = filepath.Join("testdata", "small")
)

// asOf is the sample's month; every build in these tests uses it unless
// the test is about another date.
const asOf = "2026-11-30"

// clock is the time run is given: a day other than the as-of date, so a
// build that read it would show.
var clock = time.Date(2031, 7, 4, 23, 59, 59, 0, time.FixedZone("JST", 9*3600))

var binDir string

func TestMain(m *testing.M) {
	code := m.Run()
	for _, d := range []string{binDir, filepath.Dir(builtDir)} {
		if d != "" {
			os.RemoveAll(d)
		}
	}
	os.Exit(code)
}

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// binary builds the vulnreport command once per test run, for tests that
// need a child process (another time zone, a build to kill).
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("needs the vulnreport binary: skipped in -short")
	}
	binOnce.Do(func() {
		goTool, err := exec.LookPath("go")
		if err != nil {
			goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
		}
		binDir, binErr = os.MkdirTemp("", "vulnreport-bin-")
		if binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "vulnreport")
		// no -trimpath: the packages compiled for this test are reused
		cmd := exec.Command(goTool, "build", "-o", binPath, ".")
		out, err := cmd.CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// cli runs one command in-process and returns its exit code and output.
func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr, clock)
	return code, stdout.String(), stderr.String()
}

// mustCLI runs a command that must exit with want.
func mustCLI(t *testing.T, want int, args ...string) (string, string) {
	t.Helper()
	code, stdout, stderr := cli(t, args...)
	if code != want {
		t.Fatalf("vulnreport %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), code, want, stdout, stderr)
	}
	return stdout, stderr
}

// buildArgs are the arguments of a full build of the sample into out.
func buildArgs(out string, extra ...string) []string {
	return append([]string{"build", "--data", sampleData, "--content", sampleText, "--out", out, "--as-of", asOf, "--formats", "all", "--package"}, extra...)
}

// tree reads every file under dir: slash path to contents.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !d.Type().IsRegular() {
			return fmt.Errorf("%s is not a regular file", p)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// treeDiff describes how two trees differ, naming the first differing
// file first; "" when they are byte-identical.
func treeDiff(a, b map[string][]byte) string {
	var names []string
	for k := range a {
		names = append(names, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			names = append(names, k)
		}
	}
	slices.Sort(names)
	var out []string
	for _, n := range names {
		x, inA := a[n]
		y, inB := b[n]
		switch {
		case !inA:
			out = append(out, "only in the second: "+n)
		case !inB:
			out = append(out, "only in the first: "+n)
		case !bytes.Equal(x, y):
			out = append(out, fmt.Sprintf("differs: %s (first difference at byte %d of %d/%d)", n, firstDiff(x, y), len(x), len(y)))
		}
	}
	return strings.Join(out, "\n")
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// digest summarises a tree for logs.
func digest(tr map[string][]byte) string {
	h := sha256.New()
	var names []string
	for k := range tr {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, n := range names {
		sum := sha256.Sum256(tr[n])
		fmt.Fprintf(h, "%s %x\n", n, sum)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// copyDir copies a folder tree.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// leftovers lists the temporary folders a build left beside out.
func leftovers(t *testing.T, out string) []string {
	t.Helper()
	es, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, e := range es {
		if strings.HasPrefix(e.Name(), filepath.Base(out)+".") {
			found = append(found, e.Name())
		}
	}
	return found
}
