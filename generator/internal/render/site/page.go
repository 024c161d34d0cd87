package site

import (
	"bytes"
	"html/template"
	"strings"

	"vulnreport/generator/internal/i18n"
)

// Page is what every page template receives: the language's chrome, where
// the page is, the links that leave it, and the page's own data in D.
type Page struct {
	// S is the site chrome in the page's language.
	S *chrome
	// Path is the page's path below its language's root; out the output path.
	Path, out string
	// Up leads from the page to its language's root, RootUp to the output root.
	Up, RootUp string
	Title      string
	// Section is the navigation entry the page belongs to.
	Section string
	// Switch links to the same page in the other languages.
	Switch []langLink
	D      any
	b      *builder
	// splices are the blocks the fast path wrote, placed by assemble;
	// rowBufs the pooled rows it returns afterwards.
	splices []*[]byte
	rowBufs []*[]row
	// depth is the number of folders between the page and its root.
	depth int
}

// navLink is one entry of the rendered navigation.
type navLink struct {
	Label, Href string
	Current     bool
}

// NavHTML returns the page's navigation. The "nav" template renders it
// once per language, folder depth and section; pages that share those
// reuse the html/template output.
func (p *Page) NavHTML() (template.HTML, error) {
	key := p.S.Lang + "|" + p.Up + "|" + p.Section
	if v, ok := p.b.nav.Load(key); ok {
		return v.(template.HTML), nil
	}
	links := make([]navLink, len(p.S.Nav))
	for i, n := range p.S.Nav {
		links[i] = navLink{Label: n.Label, Href: p.Href(n.Path), Current: n.Path == p.Section}
	}
	var buf bytes.Buffer
	if err := p.b.ts.execute(&buf, i18n.Lang(p.S.Lang), "nav", links); err != nil {
		return "", err
	}
	h := template.HTML(buf.String()) // html/template's own output
	p.b.nav.Store(key, h)
	return h, nil
}

// Sys returns the link to a system's page, or "" when it has none.
func (p *Page) Sys(id string) string {
	if p.b == nil {
		return ""
	}
	return p.Href(p.b.ix.sysPath[id])
}

// Adv returns the link to an advisory's page, or "" when it has none.
func (p *Page) Adv(id string) string {
	if p.b == nil {
		return ""
	}
	return p.Href(p.b.ix.vulnPath[id])
}

// Dept returns the link to a department's plan page, or "" when it has none.
func (p *Page) Dept(name string) string {
	if p.b == nil {
		return ""
	}
	if name == "-" {
		name = "" // the posture tables' name for "no department"
	}
	id, ok := p.b.ix.deptByOwner[name]
	if !ok {
		return ""
	}
	return p.Href(mustPath(kDept, id, 1))
}

// SysName returns a system's name in the page's language, or its id.
func (p *Page) SysName(id string) string {
	if p.b != nil {
		if s := p.b.ix.sys[id]; s != nil && !s.Name.IsZero() {
			return s.Name.Get(i18n.Lang(p.S.Lang))
		}
	}
	return id
}

// chrome is what every page of one language shows around its content.
type chrome struct {
	Lang                          string
	Org, Title, Class, AsOf, Tool string
	Nav                           []navItem
}

type navItem struct{ Label, Path string }

type langLink struct{ Lang, Label, Href string }

// Href returns the link from the page to a path below its language's root.
func (p *Page) Href(target string) string {
	if target == "" {
		return ""
	}
	return p.Up + target
}

// Asset returns the link from the page to an asset.
func (p *Page) Asset(name string) string { return p.RootUp + mustPath(kAsset, name, 1) }

// Here returns the page's own file name, for links to its anchors.
func (p *Page) Here() string {
	for i := len(p.Path) - 1; i >= 0; i-- {
		if p.Path[i] == '/' {
			return p.Path[i+1:]
		}
	}
	return p.Path
}

// newPage places a page of lang and links it to the other languages.
// other maps a language to the page's path in it ("" = that language's
// dashboard).
func (b *builder) newPage(lang i18n.Lang, ch *chrome, path, title, section string, other func(i18n.Lang) string) *Page {
	root := langRoot(lang, b.langs[0])
	p := &Page{S: ch, Path: path, out: root + path, Up: up(path), RootUp: up(root + path), Title: title, Section: section,
		depth: strings.Count(path, "/")}
	for _, l := range b.langs {
		if l == lang {
			continue
		}
		target := path
		if other != nil {
			target = other(l)
		}
		if target == "" {
			target = mustPath(kDashboard, "", 1)
		}
		p.Switch = append(p.Switch, langLink{Lang: string(l), Label: i18n.T(l, "site.lang_name"), Href: p.RootUp + langRoot(l, b.langs[0]) + target})
	}
	return p
}

// chromeFor builds the chrome of one language.
func (b *builder) chromeFor(lang i18n.Lang) *chrome {
	r := b.r
	ch := &chrome{Lang: string(lang), Org: r.Organization.Get(lang), Title: r.Title.Get(lang), Class: r.Classification.Get(lang),
		AsOf: date(r.AsOf), Tool: r.ToolVersion}
	if ch.Title == "" {
		ch.Title = i18n.T(lang, "site.default_title")
	}
	for _, n := range []struct {
		k   kind
		key string
	}{{kDashboard, "section.dashboard"}, {kFindings, "section.findings"}, {kPlan, "site.nav.plan"}, {kSystems, "section.systems"},
		{kAdvisories, "section.advisories"}, {kLifecycle, "site.nav.lifecycle"}, {kTrends, "section.trends"},
		{kQuality, "section.quality"}, {kMethod, "site.nav.method"}} {
		ch.Nav = append(ch.Nav, navItem{Label: i18n.T(lang, n.key), Path: mustPath(n.k, "", 1)})
		if n.k == kSystems && len(r.Attacks) > 0 {
			// attacks.html exists only when logs were handed over
			ch.Nav = append(ch.Nav, navItem{Label: i18n.T(lang, "site.nav.attacks"), Path: mustPath(kAttacks, "", 1)})
		}
	}
	for _, cp := range b.pages {
		if cp.Lang == lang {
			ch.Nav = append(ch.Nav, navItem{Label: cp.Title, Path: mustPath(kContent, cp.Slug, 1)})
		}
	}
	return ch
}

// pager links the pages of a paged list.
type pager struct {
	N, Pages   int
	From, To   int
	Total      int
	First      relLink
	Prev, Next relLink
	Last       relLink
	Window     []pageLink
}

type pageLink struct {
	N       int
	Href    relLink
	Current bool
}

// newPager links page n of pages; path gives each page's path.
func newPager(p *Page, n, pages, from, to, total int, path func(int) string) *pager {
	pg := &pager{N: n, Pages: pages, From: from + 1, To: to, Total: total}
	if pages <= 1 {
		return pg
	}
	link := func(i int) relLink { return relLinkTo(p.depth, path(i)) }
	pg.First, pg.Last = link(1), link(pages)
	if n > 1 {
		pg.Prev = link(n - 1)
	}
	if n < pages {
		pg.Next = link(n + 1)
	}
	for i := max(1, n-3); i <= min(pages, n+3); i++ {
		pg.Window = append(pg.Window, pageLink{N: i, Href: link(i), Current: i == n})
	}
	return pg
}

// chunks splits [0, n) into pages of size at most size; at least one page.
func chunks(n, size int) [][2]int {
	var out [][2]int
	for from := 0; from < n; from += size {
		out = append(out, [2]int{from, min(from+size, n)})
	}
	if len(out) == 0 {
		out = append(out, [2]int{0, 0})
	}
	return out
}

// pageTitle adds "(page n)" to a paged page's title.
func pageTitle(lang i18n.Lang, title string, n int) string {
	if n <= 1 {
		return title
	}
	return i18n.Tf(lang, "site.page_title", title, n)
}
