// Package golden compares test output with files under testdata/golden and
// rewrites them when the tests run with -update. The flag is defined here
// once, so every package with golden tests shares it.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// update rewrites the golden files instead of comparing with them.
var update = flag.Bool("update", false, "rewrite testdata/golden files")

// Updating reports whether the tests run with -update.
func Updating() bool { return *update }

// Check compares got with testdata/golden/<name>; with -update it writes got
// there instead. A mismatch fails t with a line diff.
func Check(t testing.TB, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", filepath.FromSlash(name))
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading golden file: %v (run the test with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run with -update to accept):\n%s", path, Diff(string(want), string(got)))
	}
}

// Diff returns a compact line diff of want and got: the changed region with
// three lines of context, lines from want prefixed "-" and from got "+".
func Diff(want, got string) string {
	a := strings.Split(want, "\n")
	b := strings.Split(got, "\n")
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	const ctx = 3
	var sb strings.Builder
	from := max(pre-ctx, 0)
	fmt.Fprintf(&sb, "@@ -%d,%d +%d,%d @@\n", from+1, len(a)-suf-from, from+1, len(b)-suf-from)
	for _, l := range a[from:pre] {
		sb.WriteString("  " + l + "\n")
	}
	const limit = 40
	writeSide := func(prefix string, lines []string) {
		for i, l := range lines {
			if i == limit {
				fmt.Fprintf(&sb, "%s… %d more lines\n", prefix, len(lines)-limit)
				break
			}
			sb.WriteString(prefix + " " + l + "\n")
		}
	}
	writeSide("-", a[pre:len(a)-suf])
	writeSide("+", b[pre:len(b)-suf])
	end := min(len(a)-suf+ctx, len(a))
	for _, l := range a[len(a)-suf : end] {
		sb.WriteString("  " + l + "\n")
	}
	return sb.String()
}
