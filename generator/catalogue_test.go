package generator_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"vulnreport/generator/internal/i18n"
)

// goSources returns every non-test Go file under generator/ outside the
// catalogue (internal/i18n) and testdata.
func goSources(t *testing.T) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || filepath.ToSlash(p) == "internal/i18n") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 100 {
		t.Fatalf("found only %d Go files under generator/: the walk is broken", len(out))
	}
	return out
}

// isI18n reports whether e is i18n.<name>.
func isI18n(e ast.Expr, names ...string) bool {
	s, ok := e.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	x, ok := s.X.(*ast.Ident)
	if !ok || x.Name != "i18n" {
		return false
	}
	for _, n := range names {
		if s.Sel.Name == n {
			return true
		}
	}
	return false
}

// hasString reports whether n holds a non-empty string literal, keys
// handed to the catalogue (i18n.T(lang, "key") …) apart.
func hasString(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if isI18n(n.Fun, "T", "Tf", "Tn", "Appendf", "Msg", "Sentencef", "Countf") {
				return false
			}
		case *ast.BasicLit:
			if n.Kind == token.STRING && n.Value != `""` && n.Value != "``" {
				found = true
			}
		}
		return !found
	})
	return found
}

// TestSentencesFromCatalogue: every sentence or label a reader sees in
// Japanese and English comes from the catalogue (internal/i18n), so
// outside it no bilingual text is written from string literals, neither
// as an i18n.Text{JA: "…", EN: "…"} nor as a map keyed by i18n.JA and
// i18n.EN. Texts composed of catalogue entries and data (i18n.Text{JA: a,
// EN: b}) are fine.
func TestSentencesFromCatalogue(t *testing.T) {
	fset := token.NewFileSet()
	for _, p := range goSources(t) {
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				if isI18n(n.Type, "Text") && hasString(n) {
					t.Errorf("%s: a bilingual text written from string literals: put it in the i18n catalogue and use its key", fset.Position(n.Pos()))
					return false
				}
			case *ast.KeyValueExpr:
				if isI18n(n.Key, "JA", "EN") && hasString(n.Value) {
					t.Errorf("%s: a text per language written from string literals: put it in the i18n catalogue and use its key", fset.Position(n.Pos()))
				}
			}
			return true
		})
	}
}

// catalogueKey finds a key named literally in a call of the catalogue.
var catalogueKey = regexp.MustCompile(`i18n\.(?:Msg|Sentencef|Countf|Has)\("([^"]+)"[,)]|i18n\.(?:T|Tf|Tn)\([^,()]+, "([^"]+)"[,)]|i18n\.Appendf\([^,()]+, [^,()]+, "([^"]+)"[,)]`)

// placeholderKeys are keys named in the Go code that are deliberately not
// in the catalogue: chart titles and units the renderers resolve by the
// chart's id (site.chart.<id>, pdf.chart.<id>, site.unit.count). The list
// only shrinks: the test fails once a listed key is no longer named.
var placeholderKeys = map[string]bool{
	"chart.open_by_priority": true, "chart.trend": true, "chart.flow": true, "chart.sla": true,
	"chart.timeline": true, "unit.count": true,
}

// TestCatalogueKeysExist: every key the Go code names literally is in the
// catalogue (a missing key would print the key itself).
func TestCatalogueKeysExist(t *testing.T) {
	n := 0
	named := map[string]bool{}
	for _, p := range goSources(t) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range catalogueKey.FindAllStringSubmatch(string(data), -1) {
			k := m[1] + m[2] + m[3]
			n++
			named[k] = true
			if !i18n.Has(k) && !placeholderKeys[k] {
				t.Errorf("%s: key %q is not in the i18n catalogue", p, k)
			}
		}
	}
	if n < 100 {
		t.Fatalf("found only %d catalogue keys in the Go code: the pattern is broken", n)
	}
	for k := range placeholderKeys {
		if !named[k] {
			t.Errorf("placeholderKeys lists %q, which the Go code no longer names: delete its line", k)
		}
	}
}
