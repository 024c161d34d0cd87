package site_test

import (
	"bytes"
	"net/url"
	"path"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"vulnreport/generator/internal/publish"
	"vulnreport/generator/internal/render"
)

const csp = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'"

// parsed is one written page: its ids and its links.
type parsed struct {
	ids   map[string]bool
	links []pageLink
}

type pageLink struct{ tag, attr, value string }

func attr(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

// checkPage parses one page and checks its structure: language, one h1,
// the Content-Security-Policy, no inline script or style, scoped header
// cells, captioned tables and a language switch.
func checkPage(t *testing.T, name string, data []byte) parsed {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	p := parsed{ids: map[string]bool{}}
	wantLang := "ja"
	if strings.HasPrefix(name, "en/") {
		wantLang = "en"
	}
	var h1, cspSeen, switches int
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if id, ok := attr(n, "id"); ok {
				if p.ids[id] {
					t.Errorf("%s: duplicate id %q", name, id)
				}
				p.ids[id] = true
			}
			for _, a := range n.Attr {
				if a.Key == "style" || strings.HasPrefix(a.Key, "on") {
					t.Errorf("%s: <%s %s> is not allowed", name, n.Data, a.Key)
				}
				if a.Key == "href" || a.Key == "src" {
					p.links = append(p.links, pageLink{n.Data, a.Key, a.Val})
				}
			}
			switch n.Data {
			case "html":
				if l, _ := attr(n, "lang"); l != wantLang {
					t.Errorf("%s: <html lang=%q>, want %q", name, l, wantLang)
				}
			case "h1":
				h1++
			case "meta":
				if v, _ := attr(n, "http-equiv"); v == "Content-Security-Policy" {
					cspSeen++
					if c, _ := attr(n, "content"); c != csp {
						t.Errorf("%s: CSP %q", name, c)
					}
				}
			case "script":
				if _, ok := attr(n, "src"); !ok {
					t.Errorf("%s: inline script", name)
				}
			case "style":
				t.Errorf("%s: inline <style>", name)
			case "th":
				if _, ok := attr(n, "scope"); !ok {
					t.Errorf("%s: <th> without scope", name)
				}
			case "table":
				if inContent(n) {
					break // the user's Markdown tables have no caption syntax
				}
				if c := n.FirstChild; c == nil || c.Type != html.ElementNode || c.Data != "caption" {
					if c == nil || c.NextSibling == nil || c.NextSibling.Data != "caption" {
						t.Errorf("%s: table without a caption", name)
					}
				}
			case "a":
				if _, ok := attr(n, "hreflang"); ok {
					switches++
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if h1 != 1 {
		t.Errorf("%s: %d h1 elements, want 1", name, h1)
	}
	if cspSeen != 1 {
		t.Errorf("%s: %d CSP meta tags", name, cspSeen)
	}
	if switches != 1 {
		t.Errorf("%s: %d language switches, want 1", name, switches)
	}
	return p
}

// TestLinksAndStructure checks every written page of both languages:
// each relative href and src resolves to a written file (and to an id when
// it has a fragment); external addresses are only http(s) or mailto links
// and never loaded; and each page passes checkPage. Small pages force the
// paged lists to be checked too.
func TestLinksAndStructure(t *testing.T) {
	mem := build(t, fixture(t), render.Deps{Content: contentFS}, 2)
	checkSite(t, mem)
}

func checkSite(t *testing.T, mem *publish.Memory) {
	t.Helper()
	files := map[string]bool{}
	for _, n := range mem.Names() {
		files[n] = true
	}
	pages := map[string]parsed{}
	for _, name := range htmlFiles(mem) {
		data, _ := mem.Get(name)
		pages[name] = checkPage(t, name, data)
	}
	if len(pages) < 40 {
		t.Fatalf("only %d pages written", len(pages))
	}
	checked := 0
	for name, p := range pages {
		for _, l := range p.links {
			u, err := url.Parse(l.value)
			if err != nil {
				t.Errorf("%s: <%s %s=%q>: %v", name, l.tag, l.attr, l.value, err)
				continue
			}
			if u.Scheme == "data" && l.tag != "a" {
				continue // inline, allowed by the CSP's img-src data:
			}
			if u.Scheme != "" || u.Host != "" || strings.HasPrefix(l.value, "/") {
				if l.tag != "a" || !(u.Scheme == "https" || u.Scheme == "http" || u.Scheme == "mailto") {
					t.Errorf("%s: <%s %s=%q> leaves the site", name, l.tag, l.attr, l.value)
				}
				continue
			}
			target := name
			if u.Path != "" {
				target = path.Clean(path.Join(path.Dir(name), u.Path))
			}
			if !files[target] {
				t.Errorf("%s: <%s %s=%q>: %s was not written", name, l.tag, l.attr, l.value, target)
				continue
			}
			if u.Fragment != "" {
				if tp, ok := pages[target]; !ok || !tp.ids[u.Fragment] {
					t.Errorf("%s: <%s %s=%q>: no id %q in %s", name, l.tag, l.attr, l.value, u.Fragment, target)
				}
			}
			checked++
		}
	}
	t.Logf("%d pages, %d relative links checked", len(pages), checked)
}

// inContent reports whether n is inside a content page's Markdown.
func inContent(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if c, _ := attr(p, "class"); c == "content" {
			return true
		}
	}
	return false
}
