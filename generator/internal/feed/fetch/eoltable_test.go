package fetch

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"vulnreport/generator/internal/feed/internal/realdata"
	"vulnreport/generator/internal/product"
)

var update = flag.Bool("update", false, "rewrite eol_products.tsv from ../shared/realdata")

// TestEOLTable: the key → endoflife.date product table is exactly what the
// identifiers of every real endoflife.date product page give.
func TestEOLTable(t *testing.T) {
	dir := filepath.Join(realdata.Dir(t), "endoflife-date", "products")
	files, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no product pages in %s: %v", dir, err)
	}
	var lines []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		parts := strings.SplitN(string(b), "---", 3)
		if len(parts) < 3 {
			continue
		}
		var fm struct {
			Identifiers []map[string]string `yaml:"identifiers"`
		}
		if err := yaml.Unmarshal([]byte(parts[1]), &fm); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		lines = append(lines, "name:"+name+"\t"+name)
		for _, id := range fm.Identifiers {
			for typ, v := range id {
				if typ != "cpe" && typ != "purl" {
					continue
				}
				ref, err := product.Parse(v)
				if err != nil || ref.Key == "" {
					continue
				}
				lines = append(lines, ref.Key+"\t"+name)
			}
		}
	}
	slices.Sort(lines)
	lines = slices.Compact(lines)
	want := "# product key\tendoflife.date product (from every product page's identifiers; see eoltable.go)\n" + strings.Join(lines, "\n") + "\n"
	if *update {
		if err := os.WriteFile("eol_products.tsv", []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if eolTable != want {
		t.Errorf("eol_products.tsv differs from the product pages' identifiers (%d lines): run go test -run TestEOLTable -update", len(lines))
	}
	m := eolByKey()
	for key, name := range map[string]string{"apache:tomcat": "tomcat", "apache:struts": "apache-struts", "oracle:jdk": "oracle-jdk"} {
		if !slices.Contains(m[key], name) {
			t.Errorf("%s → %v, want %s among them", key, m[key], name)
		}
	}
	// pages without identifiers are found by the product part of the key
	for key, name := range map[string]string{"paloaltonetworks:pan-os": "pan-os", "microsoft:windows_server": "windows-server", "apache:tomcat": "tomcat"} {
		if got := endOfLifeNames(key, nil); !slices.Contains(got, name) {
			t.Errorf("endOfLifeNames(%s) = %v, want %s among them", key, got, name)
		}
	}
}
