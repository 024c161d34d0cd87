package site

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"
)

// TestRelLinkMadeOnlyByCheck reads the package's source: a relLink (a
// link the row writers append unescaped) is made by relLinkTo alone, so
// every one has passed the URL checks. A conversion relLink(x) anywhere
// else, or a constant of the type, fails the test.
func TestRelLinkMadeOnlyByCheck(t *testing.T) {
	fset := token.NewFileSet()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		var inCheck bool
		ast.Inspect(f, func(n ast.Node) bool {
			if fd, ok := n.(*ast.FuncDecl); ok {
				inCheck = name == "rellink.go" && fd.Name.Name == "relLinkTo"
			}
			switch n := n.(type) {
			case *ast.CallExpr:
				if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "relLink" {
					seen++
					if !inCheck && !isEmptyString(n) {
						t.Errorf("%s: relLink made without the checks of relLinkTo", fset.Position(n.Pos()))
					}
				}
			case *ast.ValueSpec:
				if id, ok := n.Type.(*ast.Ident); ok && id.Name == "relLink" && len(n.Values) > 0 {
					t.Errorf("%s: a relLink declared with a value", fset.Position(n.Pos()))
				}
			}
			return true
		})
	}
	if seen == 0 {
		t.Fatal("no relLink conversion found at all; the test reads the wrong files")
	}
}

// isEmptyString reports whether call is relLink(""), the empty link, which
// writes no link at all.
func isEmptyString(call *ast.CallExpr) bool {
	if len(call.Args) != 1 {
		return false
	}
	lit, ok := call.Args[0].(*ast.BasicLit)
	return ok && lit.Value == `""`
}

func TestRelLinkTo(t *testing.T) {
	for _, tt := range []struct {
		depth int
		path  string
		want  relLink
	}{
		{0, "systems/web-1.html", "systems/web-1.html"},
		{2, "advisories/CVE-2024-1.html", "../../advisories/CVE-2024-1.html"},
		{0, "javascript:alert(1)", ""},
		{0, "../outside.html", ""},
		{0, "systems/a b.html", ""},
		{0, `systems/a"onmouseover=x.html`, ""},
		{maxDepth + 1, "systems/web-1.html", ""},
		{0, "", ""},
		{1, "systems/web-1.html#f12", "../systems/web-1.html#f12"},
		{0, "systems/web-1.html#", ""},
		{0, "systems/web-1.html#f1#f2", ""},
		{0, "systems/web-1.html#a\"b", ""},
		{0, "systems/web-1.html#../x", ""},
		{0, "#f1", ""},
	} {
		if got := relLinkTo(tt.depth, tt.path); got != tt.want {
			t.Errorf("relLinkTo(%d, %q) = %q, want %q", tt.depth, tt.path, got, tt.want)
		}
	}
}
