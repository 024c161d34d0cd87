package site

import (
	"slices"
	"testing"
	"testing/fstest"

	"vulnreport/generator/internal/i18n"
)

// TestReproducedTemplates reads what each page writer reproduces from
// the built-in templates: at least what the writers were written
// against (the hand-kept list this replaced), and the row writers' HTML
// taken by the three templates that wrap rows.
func TestReproducedTemplates(t *testing.T) {
	ts, err := loadTemplates(nil, []i18n.Lang{i18n.JA})
	if err != nil {
		t.Fatal(err)
	}
	root := ts.byLang[i18n.JA]
	if got, want := rowConsumers(root), []string{"actions", "findings-table", "mini-table"}; !slices.Equal(got, want) {
		t.Errorf("templates taking the fast rows: %v, want %v", got, want)
	}
	was := map[string][]string{
		"findings.html":   {"findings.html", "head", "foot", "pager", "prio", "findings-table", "finding-row"},
		"system.html":     {"system.html", "head", "foot", "pager", "prio", "d", "owner", "comps-table", "findings-table", "finding-row"},
		"advisory.html":   {"advisory.html", "head", "foot", "d", "affected-row"},
		"dept.html":       {"dept.html", "head", "foot", "pager", "actions", "action", "mini-table", "mini-row"},
		"systems.html":    {"systems.html", "head", "foot", "owner"},
		"advisories.html": {"advisories.html", "head", "foot", "prio"},
	}
	for _, page := range pageWriterPages {
		got := reproduces(root, page)
		for _, n := range was[page] {
			if !slices.Contains(got, n) {
				t.Errorf("%s: %s not among the templates read from the parse tree %v", page, n, got)
			}
		}
		if !ts.fastPage[page] {
			t.Errorf("%s: the page writer is off with the built-in templates", page)
		}
		t.Logf("%s reproduces %v", page, got)
	}
	if !ts.fastRows {
		t.Error("the row writers are off with the built-in templates")
	}
}

// TestUserTemplatesTurnWritersOff overrides templates a hand-kept list
// would have to remember: "notes", which the list had left out of
// system.html, and a user page that renders rows itself.
func TestUserTemplatesTurnWritersOff(t *testing.T) {
	for _, tt := range []struct {
		name      string
		files     fstest.MapFS
		rows      bool
		offPages  []string
		stillFast []string
	}{
		{"notes, reached only from system.html", fstest.MapFS{"site/zz.html": {Data: []byte(`{{define "notes"}}<p>mine</p>{{end}}`)}},
			true, []string{"system.html"}, []string{"findings.html", "systems.html"}},
		// findings-table, which takes the rows, invokes the pager: the
		// row writers go off, and with them every page writer (on the
		// safe side: slower, never different).
		{"pager", fstest.MapFS{"site/zz.html": {Data: []byte(`{{define "pager"}}<p>mine</p>{{end}}`)}},
			false, pageWriterPages, nil},
		// The navigation is rendered by its template on both paths
		// (Page.NavHTML), so a page writer stays on.
		{"nav", fstest.MapFS{"site/zz.html": {Data: []byte(`{{define "nav"}}<nav>mine</nav>{{end}}`)}},
			true, nil, pageWriterPages},
		{"owner, on two pages", fstest.MapFS{"site/zz.html": {Data: []byte(`{{define "owner"}}mine{{end}}`)}},
			true, []string{"system.html", "systems.html"}, []string{"findings.html", "dept.html"}},
		{"a page ranging over rows itself", fstest.MapFS{"site/method.html": {Data: []byte(`{{template "head" .}}{{range .D}}{{template "finding-row" .}}{{end}}{{template "foot" .}}`)}},
			false, pageWriterPages, nil},
		{"a page using the table", fstest.MapFS{"site/method.html": {Data: []byte(`{{template "head" .}}{{template "findings-table" .D}}{{template "foot" .}}`)}},
			true, nil, pageWriterPages},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ts, err := loadTemplates(tt.files, []i18n.Lang{i18n.JA})
			if err != nil {
				t.Fatal(err)
			}
			if ts.fastRows != tt.rows {
				t.Errorf("row writers on: %v, want %v", ts.fastRows, tt.rows)
			}
			for _, p := range tt.offPages {
				if ts.fastPage[p] {
					t.Errorf("%s: page writer still on", p)
				}
			}
			for _, p := range tt.stillFast {
				if !ts.fastPage[p] {
					t.Errorf("%s: page writer turned off", p)
				}
			}
		})
	}
}
