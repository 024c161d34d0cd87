package site_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/render/site"
)

var (
	templateKey = regexp.MustCompile(`\{\{-?\s*(?:t|tf)\s+"([^"]+)"`)
	goKey       = regexp.MustCompile(`i18n\.(?:T|Tf|Msg)\((?:lang|l), "([^"+]+)"\)`)
	// leakedKey finds a catalogue key printed as text: a missing label.
	leakedKey = regexp.MustCompile(`>(?:site|col|section|priority|stage|state|lifecycle|category|exposure|data|decision|gap|trend|chart|kind|action|nstatus|from|severity|criticality|due_source|escalated)\.[A-Za-z0-9_.<>-]+<`)
)

// TestLabelsExist checks that every label the templates and the Go code
// name exists in the catalogue, that every site label has Japanese and
// English, and that no rendered page prints a key instead of a label.
func TestLabelsExist(t *testing.T) {
	var used []string
	for _, glob := range []string{"../../../../templates/site/*.html", "*.go"} {
		files, _ := filepath.Glob(glob)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, re := range []*regexp.Regexp{templateKey, goKey} {
				for _, m := range re.FindAllStringSubmatch(string(data), -1) {
					used = append(used, m[1])
				}
			}
		}
	}
	if len(used) < 100 {
		t.Fatalf("found only %d label uses", len(used))
	}
	for _, k := range used {
		if !i18n.Has(k) {
			t.Errorf("label %q is not in the catalogue", k)
		}
	}
	for _, k := range i18n.Keys() {
		if !strings.HasPrefix(k, "site.") || k == "site.unit.count" {
			continue
		}
		if m := i18n.Msg(k); m.JA == "" || m.EN == "" {
			t.Errorf("label %q lacks a language: %+v", k, m)
		}
	}
	mem := build(t, fixture(t), render.Deps{Content: contentFS}, site.PageSize)
	for _, n := range htmlFiles(mem) {
		data, _ := mem.Get(n)
		for _, m := range leakedKey.FindAllString(string(data), -1) {
			if !regexp.MustCompile(`\.(yaml|yml|csv|json|md)<$`).MatchString(m) {
				t.Errorf("%s prints a key instead of a label: %s", n, m)
			}
		}
	}
}
