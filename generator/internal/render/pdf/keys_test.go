package pdf

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"vulnreport/generator/internal/i18n"
)

// TestLiteralKeysExist: every catalogue key this package names literally
// (d.t("…"), d.tf("…", …)) exists, so a label never prints as its key.
func TestLiteralKeysExist(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	call := regexp.MustCompile(`\bd\.tf?\("([a-z0-9_.]+)"[,)]`)
	n := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			n++
			if !i18n.Has(m[1]) {
				t.Errorf("%s: key %q is not in the catalogue", name, m[1])
			}
		}
	}
	if n < 50 {
		t.Errorf("found only %d keys: the pattern no longer matches the source", n)
	}
}
