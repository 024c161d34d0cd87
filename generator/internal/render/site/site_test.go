package site_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"vulnreport/generator/internal/publish"
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/render/site"
	"vulnreport/generator/internal/testutil/golden"
)

// contentFS is a small content folder: a page in both languages and one
// in Japanese only.
var contentFS = fstest.MapFS{
	"about.md":    {Data: []byte("---\ntitle: このレポートについて\nweight: 10\nlanguage: ja\n---\n# 優先度\n\nP1 は直ちに対応します。詳しくは[算定方法](../method.html#h-rules)へ。\n")},
	"about.en.md": {Data: []byte("---\ntitle: About this report\nweight: 10\n---\n# Priorities\n\nP1 means act now. See the [method](../method.html#h-rules).\n")},
	"contacts.md": {Data: []byte("---\ntitle: 連絡先\nweight: 20\nlanguage: ja\n---\n窓口: csirt@example.jp\n")},
}

// goldenPages are the pages compared byte for byte with testdata/golden.
var goldenPages = []string{
	"index.html", "findings/index.html", "findings/h/open_p1p2.html", "systems.html", "systems/web-shop.html",
	"advisories/CVE-2017-5638.html", "lifecycle.html", "plan.html", "trends.html", "quality.html", "method.html",
	"pages/about.html", "en/index.html", "en/systems/pc-fleet.html",
}

func TestGolden(t *testing.T) {
	mem := build(t, fixture(t), render.Deps{Content: contentFS}, site.PageSize)
	for _, name := range goldenPages {
		got, ok := mem.Get(name)
		if !ok {
			t.Errorf("%s was not written", name)
			continue
		}
		golden.Check(t, name, got)
	}
}

// TestDeterministic renders the fixture twice, with different numbers of
// processors, and expects the same files with the same bytes.
func TestDeterministic(t *testing.T) {
	r := fixture(t)
	a := build(t, r, render.Deps{Content: contentFS}, 2)
	prev := runtime.GOMAXPROCS(1)
	b := build(t, r, render.Deps{Content: contentFS}, 2)
	runtime.GOMAXPROCS(prev)
	an, bn := a.Names(), b.Names()
	if strings.Join(an, "\n") != strings.Join(bn, "\n") {
		t.Fatalf("file lists differ:\n%s", golden.Diff(strings.Join(an, "\n"), strings.Join(bn, "\n")))
	}
	for _, n := range an {
		x, _ := a.Get(n)
		y, _ := b.Get(n)
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two renders:\n%s", n, golden.Diff(string(x), string(y)))
		}
	}
}

// TestHeadlineLinks checks that every linked headline's list holds exactly
// the headline's number of rows. A long list is paged: its first page
// (findings/h/<key>.html) leads through the pager to every other, and the
// rows of all its pages add up to the figure. The test builds with pages
// of 2 rows so that the fixture's lists run over several pages, and once
// with the site's page size, where each fits its first page.
func TestHeadlineLinks(t *testing.T) {
	r := fixture(t)
	for _, size := range []int{2, site.PageSize} {
		mem := build(t, r, render.Deps{}, size)
		index, _ := mem.Get("index.html")
		paged := false
		for _, h := range r.Summary.Headlines {
			if h.Link == "" {
				continue
			}
			first := "findings/h/" + h.Key + ".html"
			if _, ok := mem.Get(first); !ok {
				t.Errorf("%s: no list page %s", h.Key, first)
				continue
			}
			pages, rows := listPages(t, mem, first, h.Key)
			if rows != h.Value {
				t.Errorf("page size %d: %s: its %d pages hold %d rows, headline says %d", size, h.Key, len(pages), rows, h.Value)
			}
			if want := max(1, (h.Value+size-1)/size); len(pages) != want {
				t.Errorf("page size %d: %s: %d pages reached from the first, want %d", size, h.Key, len(pages), want)
			}
			if size == site.PageSize && len(pages) != 1 {
				t.Errorf("%s: the fixture's list should fit one page of %d", h.Key, size)
			}
			paged = paged || len(pages) > 1
			if !strings.Contains(string(index), `href="findings/h/`+h.Key+`.html?`) {
				t.Errorf("%s: dashboard tile does not link to its list", h.Key)
			}
		}
		if size == 2 && !paged {
			t.Error("no headline list ran over more than one page of 2 rows")
		}
	}
}

// pagerLink matches a link of a list's pager.
var pagerLink = regexp.MustCompile(`<a href="([^"?#]+\.html)"`)

// listPages follows the pager links from a headline list's first page to
// every page of that list (findings/h/<key>.html and findings/h/<key>/),
// and counts the findings rows on them.
func listPages(t *testing.T, mem *publish.Memory, first, key string) (pages []string, rows int) {
	t.Helper()
	seen := map[string]bool{first: true}
	for queue := []string{first}; len(queue) > 0; queue = queue[1:] {
		name := queue[0]
		data, ok := mem.Get(name)
		if !ok {
			t.Errorf("%s: a pager links to %s, which is missing", key, name)
			continue
		}
		pages = append(pages, name)
		s := string(data)
		rows += strings.Count(s, "<tr data-p=")
		for _, nav := range strings.Split(s, `<nav class="pager"`)[1:] {
			nav, _, _ = strings.Cut(nav, "</nav>")
			for _, m := range pagerLink.FindAllStringSubmatch(nav, -1) {
				next := path.Join(path.Dir(name), m[1])
				if (next == first || strings.HasPrefix(next, "findings/h/"+key+"/")) && !seen[next] {
					seen[next] = true
					queue = append(queue, next)
				}
			}
		}
	}
	return pages, rows
}

// TestTemplateOverride replaces one template file and expects the rest to
// stay built in; a broken override names its file.
func TestTemplateOverride(t *testing.T) {
	r := fixture(t)
	user := fstest.MapFS{"site/page.html": {Data: []byte(`{{template "head" .}}<h1>OVERRIDDEN {{.D.Title}}</h1>{{template "foot" .}}`)}}
	mem := build(t, r, render.Deps{Templates: user, Content: contentFS}, site.PageSize)
	if got, _ := mem.Get("pages/about.html"); !bytes.Contains(got, []byte("OVERRIDDEN このレポートについて")) {
		t.Errorf("override not used:\n%s", got)
	}
	if got, _ := mem.Get("index.html"); !bytes.Contains(got, []byte(`class="tiles"`)) {
		t.Error("built-in dashboard template lost")
	}
	bad := fstest.MapFS{"site/plan.html": {Data: []byte("{{template \"head\" .}}\n{{.D.NoSuchField}}\n{{template \"foot\" .}}")}}
	err := site.New(render.Deps{Templates: bad}).Render(context.Background(), r, publish.NewMemory())
	if err == nil || !strings.Contains(err.Error(), "site/plan.html (--templates)") {
		t.Errorf("error does not name the template file: %v", err)
	}
	syntax := fstest.MapFS{"site/trends.html": {Data: []byte("{{if}}")}}
	err = site.New(render.Deps{Templates: syntax}).Render(context.Background(), r, publish.NewMemory())
	if err == nil || !strings.Contains(err.Error(), "parsing template site/trends.html (--templates)") {
		t.Errorf("parse error does not name the template file: %v", err)
	}
}

func TestContentErrorsStopRender(t *testing.T) {
	bad := fstest.MapFS{"x.md": {Data: []byte("---\ntitle: x\nweight: heavy\n---\n")}}
	err := site.New(render.Deps{Content: bad}).Render(context.Background(), fixture(t), publish.NewMemory())
	if err == nil || !strings.Contains(err.Error(), "x.md:3:") {
		t.Errorf("content error = %v", err)
	}
}

// failingWriter refuses every file under one folder.
type failingWriter struct {
	mem    *publish.Memory
	prefix string
}

var errRefused = errors.New("disk full")

func (w failingWriter) WriteFile(name string, data []byte) error {
	if strings.HasPrefix(name, w.prefix) {
		return fmt.Errorf("%s: %w", name, errRefused)
	}
	return w.mem.WriteFile(name, data)
}

// TestWriteErrorStopsRender checks that a page the Writer refuses fails
// the render with the Writer's error, though workers write in parallel,
// and that the first refused page in job order is the one named.
func TestWriteErrorStopsRender(t *testing.T) {
	for range 5 {
		err := site.New(render.Deps{Content: contentFS}).Render(context.Background(), fixture(t), failingWriter{publish.NewMemory(), "systems/"})
		if !errors.Is(err, errRefused) {
			t.Fatalf("err = %v, want the writer's error", err)
		}
		if !strings.HasPrefix(err.Error(), "systems/") {
			t.Errorf("err = %v, want a systems page named", err)
		}
	}
}
