package site

import (
	"html/template"
	"slices"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/report"
)

// table is a findings table with its filter form and pager. HTML holds
// the rows when they were written by the fast path (see fastrows.go).
type table struct {
	ID      string
	Caption string
	// SysData links to assets/systems.js, the systems' filter values.
	SysData string
	Rows    []row
	HTML    template.HTML
	Form    *form
	Pager   *pager
	// Compact tables (a headline's list) show each finding in a short
	// "view-row" that links to where its whole row is.
	Compact bool
	// anchored tables (a system's page) give each row its anchor.
	anchored bool
	// idx are the findings of a table the page writer writes (lazy).
	idx []int32
}

// miniTable is a compact findings table (under a fix action). The fast
// path writes these inside the action (fastblocks.go), so HTML, which the
// template tests, stays empty.
type miniTable struct {
	Rows []row
	HTML template.HTML
}

// form is the filter form: labelled controls whose options are the values
// present, so that the choice never lists an empty filter.
type form struct {
	Priorities []option
	// Systems lists the systems on the page for a choice; when there are
	// more than maxSystemOptions, the form has a text box for system ids.
	Systems    []option
	Categories []option
	Exposures  []option
	States     []option
	Kinds      []option
}

type option struct{ Value, Label string }

// findingsData is the data of a findings list page.
type findingsData struct {
	Table  table
	Groups []group
	View   *view
	Total  int
}

// group is one priority's share of the full list, with its first page.
type group struct {
	Priority  model.Priority
	Label     string
	Count     int
	FirstPage int
	LastPage  int
	Href      string
}

// view describes a headline's list: the figure, its query and the count.
type view struct {
	Label, Query, Figure string
	Value                int
	AllHref              string
}

// listPage is one page of a findings list: positions [From, To) of idx.
type listPage struct {
	idx      []int32
	from, to int
}

// findingsPages splits the full list into pages. A list that fits one page
// stays whole; a longer one is cut so that no page mixes two priorities,
// and the per-priority grouping and the pages agree.
func (b *builder) findingsPages() []listPage {
	if n := b.r.Findings.Len(); n <= b.pageSize {
		return []listPage{{from: 0, to: n}}
	}
	var out []listPage
	for _, run := range b.ix.prioRuns {
		for _, c := range chunks(run.To-run.From, b.pageSize) {
			out = append(out, listPage{from: run.From + c[0], to: run.From + c[1]})
		}
	}
	if len(out) == 0 {
		out = append(out, listPage{})
	}
	return out
}

// findingsJobs plans the full list's pages.
func (b *builder) findingsJobs(lang i18n.Lang, ch *chrome, pw *pageWriter) []job {
	pages := b.findingsPages()
	title := i18n.T(lang, "section.findings")
	path := func(n int) string { return mustPath(kFindings, "", n) }
	var jobs []job
	for n, lp := range pages {
		n := n + 1
		p := b.newPage(lang, ch, path(n), pageTitle(lang, title, n), path(1), nil)
		data := func(p *Page, lazy bool) *findingsData {
			idx := make([]int32, 0, lp.to-lp.from)
			for i := lp.from; i < lp.to; i++ {
				idx = append(idx, int32(i))
			}
			d := &findingsData{Total: b.r.Findings.Len()}
			d.Table = b.viewTable(lang, p, "findings", i18n.Tf(lang, "site.findings_caption", num(len(idx)), num(d.Total)), idx, lazy)
			d.Table.Pager = newPager(p, n, len(pages), lp.from, lp.to, d.Total, path)
			d.Groups = b.groups(lang, p, pages, path)
			return d
		}
		jobs = append(jobs, job{page: p, tmpl: "findings.html", data: func(p *Page) any { return data(p, false) },
			write: func(buf []byte, p *Page) ([]byte, bool) { return pw.findingsPage(buf, p, data(p, true)) }})
	}
	return jobs
}

// groups lists each priority with the pages that hold it; the link opens
// its first page filtered to that priority.
func (b *builder) groups(lang i18n.Lang, p *Page, pages []listPage, path func(int) string) []group {
	var out []group
	for _, run := range b.ix.prioRuns {
		g := group{Priority: run.Priority, Label: i18n.T(lang, run.Priority.LabelKey()), Count: run.To - run.From}
		for n, lp := range pages {
			if lp.from < run.To && lp.to > run.From {
				if g.FirstPage == 0 {
					g.FirstPage = n + 1
				}
				g.LastPage = n + 1
			}
		}
		g.Href = p.Href(path(max(g.FirstPage, 1))) + "?priority=" + run.Priority.String()
		out = append(out, g)
	}
	return out
}

// table builds a findings table of the findings at idx. A lazy table
// keeps idx for the page writer instead of building rows.
func (b *builder) table(lang i18n.Lang, p *Page, id, caption string, idx []int32, lazy bool) table {
	return b.makeTable(lang, p, id, caption, idx, lazy, rowsFull)
}

// viewTable is table in compact rows, for the findings lists. Only the
// page writer writes them fast; otherwise the template does.
func (b *builder) viewTable(lang i18n.Lang, p *Page, id, caption string, idx []int32, lazy bool) table {
	return b.makeTable(lang, p, id, caption, idx, lazy, rowsCompact)
}

// sysTable is table on a system's page: its whole rows carry the
// anchors the other lists link to (rowAnchor).
func (b *builder) sysTable(lang i18n.Lang, p *Page, id, caption string, idx []int32, lazy bool) table {
	return b.makeTable(lang, p, id, caption, idx, lazy, rowsAnchored)
}

// rowsKind is how a table shows its findings.
type rowsKind int

const (
	rowsFull     rowsKind = iota // "finding-row"
	rowsAnchored                 // "finding-row" with the row's anchor (a system's page)
	rowsCompact                  // "view-row"
)

func (b *builder) makeTable(lang i18n.Lang, p *Page, id, caption string, idx []int32, lazy bool, kind rowsKind) table {
	compact := kind == rowsCompact
	t := table{ID: id, Caption: caption, SysData: p.Asset(sysDataName), Form: b.form(lang, idx), Compact: compact, anchored: kind == rowsAnchored}
	if lazy {
		t.idx = idx
		return t
	}
	t.Rows = p.rowBuf(len(idx))[:len(idx)]
	for i, fi := range idx {
		t.Rows[i] = b.ix.makeRow(fi, b.lb[lang], p.depth)
		if !t.anchored {
			t.Rows[i].Anchor = ""
		}
	}
	if b.fast && !compact && len(t.Rows) > 0 {
		t.HTML = p.fast(func(buf []byte) ([]byte, bool) { return b.rw[lang].fastTable(buf, t.Rows) })
	}
	return t
}

// maxSystemOptions is the most systems the filter offers as a choice.
const maxSystemOptions = 50

// form builds the filter controls for the findings at idx: the
// language's fixed choices and the systems, when there are few enough.
func (b *builder) form(lang i18n.Lang, idx []int32) *form {
	f := b.lb[lang].form
	var ids []string
	for _, fi := range idx {
		id := b.ix.systemID(fi)
		if len(ids) > 0 && ids[len(ids)-1] == id || slices.Contains(ids, id) {
			continue
		}
		if len(ids) == maxSystemOptions {
			return &f
		}
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		label := id
		if s := b.ix.sys[id]; s != nil {
			label = s.Name.Get(lang)
		}
		if label != id {
			label += " (" + id + ")"
		}
		f.Systems = append(f.Systems, option{id, label})
	}
	return &f
}

// baseForm is a language's filter form without the system choice.
func baseForm(lang i18n.Lang) form {
	var f form
	for _, pr := range model.Priorities {
		f.Priorities = append(f.Priorities, option{pr.String(), i18n.T(lang, pr.LabelKey())})
	}
	for _, c := range report.Categories() {
		f.Categories = append(f.Categories, option{c, i18n.T(lang, "category."+c)})
	}
	for _, e := range report.Exposures() {
		f.Exposures = append(f.Exposures, option{e, i18n.T(lang, "exposure."+e)})
	}
	f.States = append(f.States, option{"open", i18n.T(lang, "site.filter.state_open")})
	for _, s := range states {
		f.States = append(f.States, option{string(s), i18n.T(lang, "state."+string(s))})
	}
	for _, k := range model.Kinds {
		f.Kinds = append(f.Kinds, option{string(k), i18n.T(lang, "kind."+string(k))})
	}
	return f
}

// viewJobs plans each linked headline's list of exactly its findings.
func (b *builder) viewJobs(lang i18n.Lang, ch *chrome, pw *pageWriter) []job {
	var jobs []job
	for _, h := range b.views {
		path := func(n int) string { return mustPath(kView, h.key, n) }
		title := h.h.Label.Get(lang)
		for n, c := range chunks(len(h.idx), b.pageSize) {
			n := n + 1
			p := b.newPage(lang, ch, path(n), pageTitle(lang, title, n), mustPath(kFindings, "", 1), nil)
			data := func(p *Page, lazy bool) *findingsData {
				d := &findingsData{Total: len(h.idx)}
				d.Table = b.viewTable(lang, p, "findings", i18n.Tf(lang, "site.findings_caption", num(c[1]-c[0]), num(len(h.idx))), h.idx[c[0]:c[1]], lazy)
				d.Table.Pager = newPager(p, n, (len(h.idx)+b.pageSize-1)/b.pageSize, c[0], c[1], len(h.idx), path)
				d.View = &view{Label: title, Query: h.query, Value: h.h.Value, Figure: num(h.h.Value), AllHref: p.Href(mustPath(kFindings, "", 1))}
				return d
			}
			jobs = append(jobs, job{page: p, tmpl: "findings.html", data: func(p *Page) any { return data(p, false) },
				write: func(buf []byte, p *Page) ([]byte, bool) { return pw.findingsPage(buf, p, data(p, true)) }})
		}
	}
	return jobs
}
