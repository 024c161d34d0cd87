package site

import (
	"bytes"
	"slices"

	"vulnreport/generator/internal/i18n"
)

// The lifecycle page lists every release line in use with every system
// using it: at scale some hundred lines name hundreds of thousands of
// systems, a single page that through the template kept one processor
// busy for seconds while the other pages waited behind it. The page
// writer writes it from the report, but for the timeline chart, which the
// "svg" template renders.

// lifecyclePage writes "lifecycle.html"; false when it cannot.
func (w *pageWriter) lifecyclePage(b []byte, p *Page, d *lifecycleData) ([]byte, bool) {
	if d.Gantt == nil {
		return b, false
	}
	var svg bytes.Buffer
	if err := p.b.ts.execute(&svg, i18n.Lang(w.ch.Lang), "svg", d.Gantt); err != nil {
		return b, false
	}
	b, ok := w.headTitle(b, p, "\n\n")
	if !ok {
		return b, false
	}
	b = w.text(b, "</h1>\n<p class=\"lead\">", "site.lifecycle_lead", "</p>\n<section aria-labelledby=\"h-gantt\">\n")
	b = w.text(b, "<h2 id=\"h-gantt\">", "site.timeline", "</h2>\n<div class=\"scroll wide\" tabindex=\"0\" role=\"region\" aria-labelledby=\"h-gantt\">")
	b = append(b, svg.Bytes()...)
	b = w.text(b, "</div>\n</section>\n\n<section aria-labelledby=\"h-windows\">\n<h2 id=\"h-windows\">", "section.eol", "</h2>\n<dl class=\"figures\">\n")
	for i, k := range eolWindowKeys {
		b = w.text(b, "<div><dt>", k, "</dt><dd>")
		b = appendNum(b, d.Windows[i])
		b = append(b, "</dd></div>\n"...)
	}
	b = w.text(b, "</dl>\n<p class=\"note\">", "site.eol_windows_note", "</p>\n")
	if len(d.ByDept) > 0 {
		b = w.colHeads(openTable(b, w.t("site.eol_by_dept"), true), eolDeptCols[:]...)
		for i := range d.ByDept {
			dw := &d.ByDept[i]
			b = append(b, `<tr><th scope="row">`...)
			b = w.owner(b, dw.Dept)
			b = append(b, "</th>"...)
			for _, n := range dw.Counts {
				b = append(b, "<td>"...)
				b = appendNum(b, n)
				b = append(b, "</td>"...)
			}
			b = append(b, "</tr>\n"...)
		}
		b = append(b, "</tbody>\n</table>"...)
	}
	b = w.text(b, "\n</section>\n\n<section aria-labelledby=\"h-lines\">\n<h2 id=\"h-lines\">", "site.lines", "</h2>\n")
	b = w.lines(b, p)
	b = w.text(b, "\n</section>\n\n<section aria-labelledby=\"h-repl\">\n<h2 id=\"h-repl\">", "site.replacements", "</h2>\n")
	if b, ok = w.replacements(b, d.Replacements); !ok {
		return b, false
	}
	b = append(b, "\n</section>\n\n"...)
	return w.foot(b, p), true
}

// eolDeptCols head the table of counts by department: the department,
// then the lifecycle page's four windows, in order (eolWindowKeys).
var eolDeptCols = [5]string{"col.owner", "site.eol_now", "site.eol_3m", "site.eol_6m", "site.eol_12m"}

// eolWindowKeys label the lifecycle page's four windows, in order.
var eolWindowKeys = eolDeptCols[1:]

// owner writes the "owner" template: the department, or the label for
// none.
func (w *pageWriter) owner(b []byte, name string) []byte {
	if name != "" && name != "-" {
		return escapeHTML(b, name)
	}
	return append(b, w.t("no_owner")...)
}

// lines writes the release lines' table, each line's systems linked to
// their pages as lifecycle links them.
func (w *pageWriter) lines(b []byte, p *Page) []byte {
	ix, lb := p.b.ix, w.lb
	if len(ix.r.Lifecycle) == 0 {
		return w.text(b, "<p>", "none", "</p>")
	}
	b = append(b, "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"h-lines\">\n"...)
	b = w.colHeads(openTable(b, w.t("site.lines"), false), "col.product", "col.cycle", "lifecycle", "col.released", "col.support_end", "col.eol",
		"col.extended_end", "col.latest", "section.systems", "col.hosts", "col.replacement")
	b = append(b, '\n')
	b = slices.Grow(b, linesSize(ix, lb, p.depth))
	for i := range ix.r.Lifecycle {
		l := &ix.r.Lifecycle[i]
		b = append(rowHead(b, l.ProductName), "<td>"...)
		b = escapeHTML(b, l.Cycle)
		b = lifecycleTag(append(b, "</td><td>"...), lb, string(l.Status))
		b = append(dateCells(b, l.Released, l.SupportEnd, l.EOL, l.ExtendedEnd), "</td><td>"...)
		b = orDash(b, l.Latest)
		b = append(b, "</td>\n<td>"...)
		for j, id := range l.Systems {
			if j > 0 {
				b = append(b, ", "...)
			}
			b = sysLink(b, ix, lb, id, p.depth)
		}
		b = append(b, "</td><td>"...)
		b = appendNum(b, l.Hosts)
		b = append(b, "</td><td>"...)
		b = dTime(b, l.Replacement)
		b = append(b, "</td></tr>\n"...)
	}
	return append(b, "</tbody>\n</table></div>"...)
}

// linesSize is about the size of the release lines' rows, so that the
// page, megabytes at scale, is not grown copy after copy.
func linesSize(ix *index, lb *labels, depth int) int {
	n := 0
	for i := range ix.r.Lifecycle {
		n += 640
		for _, id := range ix.r.Lifecycle[i].Systems {
			n += len(id) + len(`<a href=""></a>, `)
			if s := ix.sysByID(id); s != nil {
				n += len(s.s.Name.Get(lb.lang)) + len(s.href(depth))
			}
		}
	}
	return n
}

// replacements writes the planned replacements' table; false when a link
// needs the template's URL escaping.
func (w *pageWriter) replacements(b []byte, list []replacement) ([]byte, bool) {
	if len(list) == 0 {
		return w.text(b, "<p>", "none", "</p>"), true
	}
	b = w.colHeads(openTable(b, w.t("site.replacements"), false), "col.replacement", "col.system", "col.owner")
	for i := range list {
		r := &list[i]
		if !plainHref(r.Href) {
			return b, false
		}
		b = append(b, "<tr><td>"...)
		b = escapeHTML(b, r.Date)
		b = append(b, `</td><th scope="row">`...)
		if r.Href != "" {
			b = append(b, `<a href="`...)
			b = append(b, r.Href...)
			b = append(b, `">`...)
			b = escapeHTML(b, r.Name)
			b = append(b, "</a>"...)
		} else {
			b = escapeHTML(b, r.Name)
		}
		b = append(b, "</th><td>"...)
		b = w.owner(b, r.Owner)
		b = append(b, "</td></tr>\n"...)
	}
	return append(b, "</tbody>\n</table>"...), true
}
