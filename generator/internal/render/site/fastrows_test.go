package site_test

import (
	"bytes"
	"html/template"
	"testing"

	"context"

	"vulnreport/generator/internal/publish"
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/render/site"
	"vulnreport/generator/internal/report"
	"vulnreport/generator/internal/testutil/golden"
)

// TestFastRowsMatchTemplates renders the fixture and the hostile fixture
// with the fast row writers and with the templates alone, small pages
// included, and requires every file to be the same.
func TestFastRowsMatchTemplates(t *testing.T) {
	for name, rep := range map[string]*report.Report{"fixture": fixture(t), "hostile": hostile(t)} {
		for _, size := range []int{2, site.PageSize} {
			fast := publish.NewMemory()
			slow := publish.NewMemory()
			deps := render.Deps{Content: contentFS}
			if err := site.NewPaged(deps, size).Render(context.Background(), rep, fast); err != nil {
				t.Fatal(err)
			}
			if err := site.NewSlow(deps, size).Render(context.Background(), rep, slow); err != nil {
				t.Fatal(err)
			}
			for _, n := range slow.Names() {
				a, _ := fast.Get(n)
				b, _ := slow.Get(n)
				if !bytes.Equal(a, b) {
					t.Errorf("%s (page size %d): %s differs from the templates' output:\n%s", name, size, n, golden.Diff(string(b), string(a)))
				}
			}
		}
	}
}

var textTmpl = template.Must(template.New("t").Parse(`{{.}}|<a title="{{.}}">`))

// FuzzEscapeHTML checks the fast path's escaper against html/template in
// text and in a quoted attribute.
func FuzzEscapeHTML(f *testing.F) {
	for _, s := range []string{"", "a<b>&\"'+", "\x00", "\xff\xfe", "日本語<script>", "\uFDD0\uFFFE", "java\tscript:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var buf bytes.Buffer
		if err := textTmpl.Execute(&buf, s); err != nil {
			t.Skip()
		}
		e := site.EscapeHTML(s)
		if want := e + `|<a title="` + e + `">`; buf.String() != want {
			t.Errorf("escape(%q):\n got %q\nwant %q", s, want, buf.String())
		}
	})
}
