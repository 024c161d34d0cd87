package site

import "vulnreport/generator/internal/i18n"

// The findings lists (the full list and each headline's) and the
// department plans, as the page writers write them (see fastpage.go).

// findingsTable writes the "findings-table" template with the rows of
// t.idx; false when it cannot.
func (w *pageWriter) findingsTable(b []byte, ix *index, t *table, depth int) ([]byte, bool) {
	if !plainHref(t.SysData) {
		return b, false
	}
	b = append(b, `<script src="`...)
	b = append(b, t.SysData...)
	b = append(b, "\"></script>\n<form class=\"filters\" id=\""...)
	b = escapeHTML(b, t.ID)
	b = append(b, `-filters" data-table="`...)
	b = escapeHTML(b, t.ID)
	b = append(b, `" hidden data-shown="`...)
	b = append(b, w.t("site.filter.shown")...)
	b = append(b, "\">\n"...)
	b = append(b, w.formTop...)
	if len(t.Form.Systems) > 0 {
		b = append(b, w.sysChoice...)
		for _, o := range t.Form.Systems {
			b = append(b, `<option value="`...)
			b = escapeHTML(b, o.Value)
			b = append(b, `">`...)
			b = escapeHTML(b, o.Label)
			b = append(b, "</option>"...)
		}
		b = append(b, "</select></label>\n"...)
	} else {
		b = append(b, w.sysIDs...)
	}
	b = append(b, w.formRest...)
	b, ok := w.pager(b, t.Pager)
	if !ok {
		return b, false
	}
	b = append(b, "\n<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\""...)
	b = escapeHTML(b, t.ID)
	b = append(b, "-cap\">\n<table class=\"findings sortable\" id=\""...)
	b = escapeHTML(b, t.ID)
	b = append(b, "\">\n<caption id=\""...)
	b = escapeHTML(b, t.ID)
	b = append(b, `-cap">`...)
	b = escapeHTML(b, t.Caption)
	if t.Compact {
		b = append(b, w.theadCompact...)
		for _, fi := range t.idx {
			b = w.rows.viewOf(b, ix, w.lb, fi, depth)
		}
	} else {
		b = append(b, w.thead...)
		for _, fi := range t.idx {
			b = w.rows.findingOf(b, ix, w.lb, fi, depth, t.anchored)
		}
	}
	b = append(b, "</tbody>\n</table>\n</div>\n"...)
	return w.pager(b, t.Pager)
}

// findingsPage writes "findings.html".
func (w *pageWriter) findingsPage(b []byte, p *Page, d *findingsData) ([]byte, bool) {
	b, ok := w.headTitle(b, p, "\n\n")
	if !ok {
		return b, false
	}
	lang := i18n.Lang(w.ch.Lang)
	b = append(b, "</h1>\n"...)
	if v := d.View; v != nil {
		if !plainHref(v.AllHref) {
			return b, false
		}
		b = append(b, "\n<p class=\"lead\">"...)
		b = escapeHTML(b, i18n.Tf(lang, "site.view_lead", v.Label, v.Figure))
		b = append(b, "</p>\n<p class=\"query\">"...)
		b = append(b, w.t("site.view_filter")...)
		b = append(b, ": <code>"...)
		b = escapeHTML(b, v.Query)
		b = append(b, "</code> · <a href=\""...)
		b = append(b, v.AllHref...)
		b = append(b, `">`...)
		b = append(b, w.t("site.all_findings")...)
		b = append(b, "</a></p>\n<p>"...)
		b = append(b, w.t("site.view_rows")...)
		b = append(b, "</p>\n"...)
	} else {
		b = append(b, "\n<p class=\"lead\">"...)
		b = append(b, w.t("site.findings_lead")...)
		b = append(b, "</p>\n"...)
		if b, ok = w.groups(b, d); !ok {
			return b, false
		}
		b = append(b, '\n')
	}
	b = append(b, "\n<p class=\"nojs\">"...)
	b = append(b, w.t("site.nojs")...)
	b = append(b, "</p>\n"...)
	if b, ok = w.findingsTable(b, p.b.ix, &d.Table, p.depth); !ok {
		return b, false
	}
	b = append(b, "\n\n"...)
	return w.foot(b, p), true
}

// groups writes the per-priority links of the full list.
func (w *pageWriter) groups(b []byte, d *findingsData) ([]byte, bool) {
	if len(d.Groups) == 0 {
		return b, true
	}
	lang := i18n.Lang(w.ch.Lang)
	b = append(b, `<nav class="groups" aria-label="`...)
	b = append(b, w.t("site.by_priority")...)
	b = append(b, "\">\n<h2>"...)
	b = append(b, w.t("site.by_priority")...)
	b = append(b, "</h2>\n<ul>"...)
	for _, g := range d.Groups {
		if !queryHref(g.Href) {
			return b, false
		}
		b = append(b, "<li>"...)
		b = prioBadge(b, g.Priority)
		b = append(b, ` <a href="`...)
		b = escapeHTML(b, g.Href)
		b = append(b, `">`...)
		b = escapeHTML(b, g.Label)
		b = append(b, "</a>: "...)
		b = escapeHTML(b, i18n.Tf(lang, "site.n_findings", g.Count))
		switch {
		case g.LastPage > g.FirstPage:
			b = append(b, " ("...)
			b = escapeHTML(b, i18n.Tf(lang, "site.page_range", g.FirstPage, g.LastPage))
			b = append(b, ')')
		case d.Table.Pager.Pages > 1:
			b = append(b, " ("...)
			b = escapeHTML(b, i18n.Tf(lang, "site.page_one", g.FirstPage))
			b = append(b, ')')
		}
		b = append(b, "</li>"...)
	}
	return append(b, "</ul>\n</nav>"...), true
}

// deptPage writes "dept.html".
func (w *pageWriter) deptPage(b []byte, p *Page, d *deptData) ([]byte, bool) {
	if !plainHref(d.Plan) {
		return b, false
	}
	b, ok := w.headTitle(b, p, "\n\n")
	if !ok {
		return b, false
	}
	b = append(b, "</h1>\n<p class=\"lead\">"...)
	b = escapeHTML(b, i18n.Tf(i18n.Lang(w.ch.Lang), "site.dept_lead", d.Total))
	b = append(b, ` <a href="`...)
	b = append(b, d.Plan...)
	b = append(b, `">`...)
	b = append(b, w.t("section.plan")...)
	b = append(b, "</a></p>\n"...)
	if b, ok = w.pager(b, d.Pager); !ok {
		return b, false
	}
	b = append(b, '\n')
	b = w.rows.fastActionsOf(b, p.b.ix, w.lb, d.ais, p.depth)
	b = append(b, '\n')
	if b, ok = w.pager(b, d.Pager); !ok {
		return b, false
	}
	b = append(b, "\n\n"...)
	return w.foot(b, p), true
}

// queryHref reports whether a link is plain but for a query of '?', '='
// and ',' that html/template's URL escapers also leave as they are.
func queryHref(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '?' && c != '=' && c != ',' && !plainHref(s[i:i+1]) {
			return false
		}
	}
	return true
}
