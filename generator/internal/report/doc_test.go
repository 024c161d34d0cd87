package report

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"
)

// TestSchemaDocumented checks that every exported field of Report (the
// renderers' schema) and of the types that embed a domain struct (Action,
// Notification, KEVUnmatched) has a doc comment of its own.
func TestSchemaDocumented(t *testing.T) {
	file, err := parser.ParseFile(token.NewFileSet(), "report.go", nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"Report": true, "Action": true, "Notification": true, "KEVUnmatched": true}
	ast.Inspect(file, func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSpec)
		if !ok || !want[ts.Name.Name] {
			return true
		}
		delete(want, ts.Name.Name)
		for _, f := range ts.Type.(*ast.StructType).Fields.List {
			names := f.Names
			if len(names) == 0 { // embedded
				names = []*ast.Ident{ast.NewIdent(typeName(f.Type))}
			}
			for _, id := range names {
				if id.IsExported() && (f.Doc == nil || len(names) > 1) {
					t.Errorf("%s.%s has no doc comment of its own", ts.Name.Name, id.Name)
				}
			}
		}
		return false
	})
	for name := range want {
		t.Errorf("type %s not found in report.go", name)
	}
}

// typeName returns the name of an embedded field's type.
func typeName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.StarExpr:
		return typeName(e.X)
	case *ast.SelectorExpr:
		return e.Sel.Name
	}
	return "?"
}
