package site

import "vulnreport/generator/internal/i18n"

// The fix actions of the plan and the affected systems of an advisory are
// the other blocks repeated at scale; like the rows in fastrows.go they are
// written here exactly as the "action", "mini-table" and "affected-row"
// templates render them, and TestFastRowsMatchTemplates holds the two in
// step.

// blockLabels are the escaped labels the blocks print.
type blockLabels struct {
	due, system, product, action, assignee, planned, hosts, risk string
	completedOpen, miniHead                                      string
}

func newBlockLabels(lang i18n.Lang) blockLabels {
	t := func(k string) string { return string(escapeHTML(nil, i18n.T(lang, k))) }
	return blockLabels{due: t("col.due"), system: t("col.system"), product: t("col.product"), action: t("action"),
		assignee: t("col.assignee"), planned: t("col.planned"), hosts: t("col.hosts"), risk: t("col.risk_share"),
		completedOpen: t("pdf.completed_open"),
		miniHead: "<table class=\"mini\">\n<caption class=\"vh\">" + t("section.findings") + "</caption>\n<thead><tr><th scope=\"col\">" +
			t("priority") + "</th><th scope=\"col\">" + t("col.ids") + "</th><th scope=\"col\">" + t("col.due") +
			"</th><th scope=\"col\">" + t("state") + "</th></tr></thead>\n<tbody>\n"}
}

// fastActions appends the actions as "action" renders each, their rows
// for a page at depth; false when a link needs the template's URL
// escaping.
func (w rowWriter) fastActions(buf []byte, ix *index, lb *labels, list []actionView, depth int) ([]byte, bool) {
	for i := range list {
		a := &list[i]
		if !plainHref(a.SysHref) {
			return buf, false
		}
		buf = w.action(buf, ix, lb, a, depth)
	}
	return buf, true
}

// optDate writes a date as a <time> element, or "-".
func optDate(b []byte, d string) []byte {
	if d == "" {
		return append(b, '-')
	}
	b = append(b, `<time>`...)
	b = escapeHTML(b, d)
	return append(b, "</time>"...)
}

func (w rowWriter) action(b []byte, ix *index, lb *labels, a *actionView, depth int) []byte {
	e, l := escapeHTML, &w.labels
	b = append(b, "<details class=\"action\">\n<summary><span class=\"badge "...)
	b = e(b, a.PrioClass)
	b = append(b, `">`...)
	b = e(b, a.Priority.String())
	b = append(b, "</span> <strong>"...)
	b = e(b, a.Text)
	b = append(b, "</strong>\n<span class=\"amet\">"...)
	b = append(b, l.due...)
	b = append(b, ' ')
	b = optDate(b, a.Due)
	if a.A.Overdue {
		b = append(b, ` <span class="tag od">`...)
		b = append(b, w.overdue...)
		b = append(b, "</span>"...)
	}
	if a.CompletedOpen {
		b = append(b, ` <span class="tag warn">`...)
		b = append(b, l.completedOpen...)
		b = append(b, "</span>"...)
	}
	b = append(b, " · "...)
	b = e(b, a.Kind)
	b = append(b, "</span></summary>\n<div class=\"abody\">\n<ol class=\"steps\">"...)
	for _, s := range a.Steps {
		b = append(b, "<li"...)
		switch s.State {
		case "current":
			b = append(b, ` class="current" aria-current="step"`...)
		case "todo":
		default:
			b = append(b, ` class="`...)
			b = e(b, s.State)
			b = append(b, '"')
		}
		b = append(b, '>')
		b = e(b, s.Label)
		b = append(b, "</li>"...)
	}
	b = append(b, "</ol>\n<p class=\"facts\">"...)
	b = append(b, l.system...)
	b = append(b, ": "...)
	if a.SysHref != "" {
		b = append(b, `<a href="`...)
		b = append(b, a.SysHref...)
		b = append(b, `">`...)
		b = e(b, a.SysName)
		b = append(b, "</a>"...)
	} else {
		b = e(b, a.SysName)
	}
	for _, f := range [][2]string{{l.product, a.Product}, {l.action, a.Action}, {l.assignee, a.Owner}} {
		b = append(b, " · "...)
		b = append(b, f[0]...)
		b = append(b, ": "...)
		b = e(b, f[1])
	}
	b = append(b, " · "...)
	b = append(b, l.planned...)
	b = append(b, ": "...)
	b = optDate(b, a.Planned)
	for _, f := range [][2]string{{l.hosts, a.Hosts}, {l.risk, a.Risk}} {
		b = append(b, " · "...)
		b = append(b, f[0]...)
		b = append(b, ": "...)
		b = e(b, f[1])
	}
	b = append(b, "</p>\n"...)
	if len(a.fis) > 0 {
		b = append(b, l.miniHead...)
		for _, fi := range a.fis {
			b = w.miniOf(b, ix, lb, fi, depth)
		}
		b = append(b, "</tbody>\n</table>"...)
	}
	return append(b, "\n</div>\n</details>\n"...)
}

// fastAffected appends the rows as "affected-row" renders them; false when
// it cannot.
func (w rowWriter) fastAffected(b []byte, list []affected) ([]byte, bool) {
	for i := range list {
		a := &list[i]
		b = append(b, `<tr><th scope="row">`...)
		if a.Href != "" {
			b = append(b, `<a href="`...)
			b = append(b, a.Href...)
			b = append(b, `">`...)
			b = escapeHTML(b, a.Name)
			b = append(b, "</a>"...)
		} else {
			b = escapeHTML(b, a.Name)
		}
		b = append(b, "</th><td>"...)
		b = escapeHTML(b, a.Product)
		b = append(b, "</td><td>"...)
		b = escapeHTML(b, a.Version)
		b = append(b, `</td><td><span class="badge `...)
		b = escapeHTML(b, a.PrioClass)
		b = append(b, `">`...)
		b = escapeHTML(b, a.Priority)
		b = append(b, `</span></td><td><span class="nw">`...)
		b = escapeHTML(b, a.Due)
		b = append(b, "</span>"...)
		if a.Overdue {
			b = append(b, ` <span class="tag od">`...)
			b = append(b, w.overdue...)
			b = append(b, "</span>"...)
		}
		b = append(b, "</td><td>"...)
		b = escapeHTML(b, a.State)
		b = append(b, "</td></tr>\n"...)
	}
	return b, true
}
