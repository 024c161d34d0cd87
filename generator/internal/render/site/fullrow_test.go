package site_test

import (
	"bytes"
	"net/url"
	"path"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"vulnreport/generator/internal/render"
)

// TestShortRowsLinkToTheirWholeRow builds the generated enterprise with
// small pages (so that systems' findings run over several pages) and
// follows the link of every short row — the full list, the headline
// lists, the findings under a fix action — to the anchored row on the
// system's page: it must be the same finding (the same ids or end-of-life
// text, and for list rows the same system and priority), each whole row
// is written once per language, and every list row has its link.
func TestShortRowsLinkToTheirWholeRow(t *testing.T) {
	r := generated(t)
	mem := build(t, r, render.Deps{Content: contentFS}, 50)
	docs := map[string]*html.Node{}
	parse := func(name string) *html.Node {
		if d, ok := docs[name]; ok {
			return d
		}
		data, ok := mem.Get(name)
		if !ok {
			return nil
		}
		d, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		docs[name] = d
		return d
	}
	var listRows, miniRows, anchored int
	for _, name := range htmlFiles(mem) {
		rel := strings.TrimPrefix(name, "en/")
		switch {
		case strings.HasPrefix(rel, "systems/"):
			for _, tr := range rows(parse(name)) {
				if id := attrOf(tr, "id"); id != "" {
					anchored++
				}
			}
			continue
		case strings.HasPrefix(rel, "findings/"), strings.HasPrefix(rel, "plan/"), rel == "plan.html":
		default:
			continue
		}
		for _, tr := range rows(parse(name)) {
			ids := cellOf(tr, "ids")
			if ids == nil || cellOf(tr, "reasons") != nil {
				continue // not a finding's row, or a whole one (plan.html's due-soon list)
			}
			list := attrOf(tr, "data-p") != ""
			a := ids.FirstChild
			if a == nil || a.Type != html.ElementNode || a.Data != "a" {
				t.Errorf("%s: a short row without a link to its whole row: %q", name, text(ids))
				continue
			}
			u, err := url.Parse(attrOf(a, "href"))
			if err != nil || u.Fragment == "" {
				t.Errorf("%s: link %q has no anchor", name, attrOf(a, "href"))
				continue
			}
			target := path.Clean(path.Join(path.Dir(name), u.Path))
			full := byID(parse(target), u.Fragment)
			if full == nil {
				t.Errorf("%s: %s has no row %q", name, target, u.Fragment)
				continue
			}
			if got, want := text(cellOf(full, "ids")), text(ids); got != want {
				t.Errorf("%s: %s#%s is %q, the short row %q", name, target, u.Fragment, got, want)
			}
			if list {
				listRows++
				for _, k := range []string{"data-sys", "data-p", "data-state", "data-kind"} {
					if attrOf(full, k) != attrOf(tr, k) {
						t.Errorf("%s: %s#%s has %s=%q, the short row %q", name, target, u.Fragment, k, attrOf(full, k), attrOf(tr, k))
					}
				}
			} else {
				miniRows++
			}
		}
	}
	langs := len(r.Languages)
	if langs == 0 {
		langs = 1
	}
	if anchored != langs*r.Findings.Len() {
		t.Errorf("%d anchored whole rows, want %d (each finding once per language)", anchored, langs*r.Findings.Len())
	}
	if listRows < langs*r.Findings.Len() || miniRows == 0 {
		t.Errorf("followed %d list rows and %d rows under actions; want at least %d list rows", listRows, miniRows, langs*r.Findings.Len())
	}
	t.Logf("%d findings, %d anchored rows, %d list rows and %d action rows followed", r.Findings.Len(), anchored, listRows, miniRows)
}

// rows returns the tr elements of doc.
func rows(doc *html.Node) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "tr" {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	if doc != nil {
		walk(doc)
	}
	return out
}

// byID returns the row of doc with the id.
func byID(doc *html.Node, id string) *html.Node {
	for _, tr := range rows(doc) {
		if attrOf(tr, "id") == id {
			return tr
		}
	}
	return nil
}

// cellOf returns the cell of row tr with the class.
func cellOf(tr *html.Node, class string) *html.Node {
	if tr == nil {
		return nil
	}
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "td" && attrOf(c, "class") == class {
			return c
		}
	}
	return nil
}

func attrOf(n *html.Node, key string) string {
	v, _ := attr(n, key)
	return v
}

// text is the text of n and its descendants.
func text(n *html.Node) string {
	if n == nil {
		return ""
	}
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return sb.String()
}
