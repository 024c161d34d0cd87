package site_test

import (
	"bytes"
	"context"
	"html/template"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"vulnreport/generator/internal/app"
	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/synth"

	"vulnreport/generator/internal/publish"
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/render/site"
	"vulnreport/generator/internal/report"
	"vulnreport/generator/internal/testutil/golden"
)

// TestFastRowsMatchTemplates renders the fixture, the hostile fixture and
// a generated enterprise (package synth: 30 systems, over a thousand
// findings, every kind of record) with the fast row and page writers and
// with the templates alone, small pages included, and requires every file
// to be the same. Without notifications and acceptances, every system
// page is written by the page writer too.
func TestFastRowsMatchTemplates(t *testing.T) {
	reports := map[string]*report.Report{"fixture": fixture(t), "hostile": hostile(t), "generated": generated(t)}
	for _, name := range []string{"fixture", "hostile", "generated"} {
		r := *reports[name]
		r.Notifications, r.Acceptances = nil, nil
		reports[name+" without registers"] = &r
	}
	for name, rep := range reports {
		sizes := []int{2, site.PageSize}
		if strings.HasPrefix(name, "generated") {
			sizes = []int{50, site.PageSize}
		}
		for _, size := range sizes {
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

// generated is the report of a small enterprise written by package synth.
func generated(t testing.TB) *report.Report {
	t.Helper()
	dir := t.TempDir()
	if _, err := synth.Write(dir, synth.Config{Systems: 30, Components: 1500, Advisories: 3000, InstalledShare: 0.2}); err != nil {
		t.Fatal(err)
	}
	var diags source.Diagnostics
	asOf := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	r, _, err := app.Analyze(app.Options{Data: os.DirFS(dir), AsOf: asOf, Today: asOf}, &diags, func(string, int) {})
	if err != nil {
		t.Fatalf("analyze: %v", err)
	}
	t.Logf("generated: %d findings", r.Findings.Len())
	if r.Findings.Len() < 500 {
		t.Fatalf("the generated enterprise has %d findings; too few to page", r.Findings.Len())
	}
	return r
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
