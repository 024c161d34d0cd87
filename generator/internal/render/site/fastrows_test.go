package site_test

import (
	"bytes"
	"html/template"
	"testing"
	"testing/fstest"

	"context"

	"vulnreport/generator/internal/publish"
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/render/site"
	"vulnreport/generator/internal/report"
	"vulnreport/generator/internal/testutil/golden"
)

// TestFastRowsMatchTemplates renders the fixture and the hostile fixture
// with the fast row and page writers and with the templates alone, small
// pages included, and requires every file to be the same. Without
// notifications and acceptances, every system page is written by the page
// writer too.
func TestFastRowsMatchTemplates(t *testing.T) {
	reports := map[string]*report.Report{"fixture": fixture(t), "hostile": hostile(t)}
	for _, name := range []string{"fixture", "hostile"} {
		r := *reports[name]
		r.Notifications, r.Acceptances = nil, nil
		reports[name+" without registers"] = &r
	}
	for name, rep := range reports {
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

// TestRedefinedTemplateTurnsWritersOff redefines "head" in a file of its
// own: every page, those the page writers would write included, uses it.
func TestRedefinedTemplateTurnsWritersOff(t *testing.T) {
	user := fstest.MapFS{"site/zz.html": {Data: []byte(`{{define "head"}}<p>custom head</p>{{end}}`)}}
	mem := build(t, fixture(t), render.Deps{Templates: user, Content: contentFS}, site.PageSize)
	for _, n := range htmlFiles(mem) {
		if got, _ := mem.Get(n); !bytes.Contains(got, []byte("<p>custom head</p>")) {
			t.Errorf("%s does not use the redefined head", n)
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
