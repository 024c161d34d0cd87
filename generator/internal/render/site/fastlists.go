package site

import (
	"slices"
	"strconv"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
)

// The lists of every system and every advisory are single pages with a
// row per system or advisory; through the template, each would keep one
// processor busy for seconds at scale while the other pages wait to be
// written behind it.

// systemsPage writes "systems.html"; false when it cannot.
func (w *pageWriter) systemsPage(b []byte, p *Page, d *systemsData) ([]byte, bool) {
	b, ok := w.headTitle(b, p, "\n")
	if !ok {
		return b, false
	}
	lang := i18n.Lang(w.ch.Lang)
	b = w.text(b, "</h1>\n<p class=\"lead\">", "site.systems_lead", "</p>\n")
	b = append(b, "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"systems-cap\">\n<table class=\"sortable\" id=\"systems\">\n<caption id=\"systems-cap\">"...)
	b = escapeHTML(b, i18n.Tf(lang, "site.n_systems", len(d.Systems)))
	b = w.text(b, "</caption>\n<thead><tr>\n<th scope=\"col\">", "col.system", "</th>")
	b = w.text(b, `<th scope="col">`, "category", "</th>")
	b = w.text(b, `<th scope="col">`, "exposure", "</th>")
	b = w.text(b, `<th scope="col">`, "col.owner", "</th>\n")
	b = append(b, `<th scope="col" data-type="num">P1</th><th scope="col" data-type="num">P2</th><th scope="col" data-type="num">P3</th><th scope="col" data-type="num">P4</th>`+"\n"...)
	b = w.text(b, `<th scope="col" data-type="num">`, "col.overdue", "</th>")
	b = w.text(b, `<th scope="col" data-type="num">`, "site.eol_components", "</th>")
	b = w.text(b, `<th scope="col">`, "site.flags", "</th>\n</tr></thead>\n<tbody>\n")
	b = slices.Grow(b, len(d.Systems)*listRowSize)
	for i := range d.Systems {
		s := &d.Systems[i]
		if !plainHref(s.Href) {
			return b, false
		}
		b = append(b, "<tr>\n<th scope=\"row\"><a href=\""...)
		b = append(b, s.Href...)
		b = append(b, `">`...)
		b = escapeHTML(b, s.Name)
		b = append(b, `</a> <span class="id">`...)
		b = escapeHTML(b, s.ID)
		b = append(b, "</span>"...)
		if s.Status == "retired" {
			b = w.text(b, ` <span class="tag">`, "site.retired", "</span>")
		}
		b = append(b, "</th>\n<td>"...)
		b = escapeHTML(b, i18n.T(lang, "category."+s.Category))
		b = append(b, "</td><td>"...)
		b = escapeHTML(b, i18n.T(lang, "exposure."+s.Exposure))
		b = append(b, "</td><td>"...)
		if s.Owner != "" && s.Owner != "-" {
			b = escapeHTML(b, s.Owner)
		} else {
			b = append(b, w.t("no_owner")...)
		}
		b = append(b, "</td>\n"...)
		for j, pr := range model.Priorities {
			if j > 0 {
				b = append(b, "</td>"...)
			}
			b = numCell(b, s.Open[pr])
		}
		b = append(b, "</td>\n"...)
		b = numCell(b, s.Overdue)
		b = append(b, "</td>"...)
		b = numCell(b, s.EOLComponents)
		b = append(b, "</td>\n<td>"...)
		for _, f := range s.Flags {
			b = append(b, `<span class="tag warn">`...)
			b = escapeHTML(b, f)
			b = append(b, "</span> "...)
		}
		b = append(b, "</td>\n</tr>\n"...)
	}
	b = append(b, "</tbody>\n</table>\n</div>\n"...)
	return w.foot(b, p), true
}

// listRowSize is about the most a row of the systems' or advisories'
// list takes (about 400 bytes at scale): the page, megabytes for ten
// thousand rows, is then not grown copy after copy.
const listRowSize = 512

// numCell writes `<td data-v="n">n` for a figure printed as it is.
func numCell(b []byte, n int) []byte {
	b = append(b, `<td data-v="`...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, `">`...)
	return strconv.AppendInt(b, int64(n), 10)
}

// advisoriesPage writes "advisories.html"; false when it cannot.
func (w *pageWriter) advisoriesPage(b []byte, p *Page, d *advisoriesData) ([]byte, bool) {
	b, ok := w.headTitle(b, p, "\n")
	if !ok {
		return b, false
	}
	lang := i18n.Lang(w.ch.Lang)
	b = w.text(b, "</h1>\n<p class=\"lead\">", "site.advisories_lead", "</p>\n")
	b = append(b, "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"adv-cap\">\n<table class=\"sortable\" id=\"advisories\">\n<caption id=\"adv-cap\">"...)
	b = escapeHTML(b, i18n.Tf(lang, "site.n_advisories", len(d.Vulns)))
	b = append(b, "</caption>\n<thead><tr>"...)
	for _, k := range []string{"col.ids", "col.title", "site.top_priority"} {
		b = w.text(b, `<th scope="col">`, k, "</th>")
	}
	b = w.text(b, `<th scope="col" data-type="num">`, "col.cvss", "</th>")
	b = w.text(b, `<th scope="col">`, "col.kev", "</th>")
	b = w.text(b, `<th scope="col" data-type="num">`, "site.col.systems", "</th>")
	b = w.text(b, `<th scope="col" data-type="num">`, "trend.open", "</th></tr></thead>\n<tbody>\n")
	b = slices.Grow(b, len(d.Vulns)*listRowSize)
	for i := range d.Vulns {
		v := &d.Vulns[i]
		if !plainHref(v.Href) {
			return b, false
		}
		b = append(b, `<tr><th scope="row" class="ids"><a href="`...)
		b = append(b, v.Href...)
		b = append(b, `">`...)
		for _, id := range v.IDs {
			b = append(b, "<span>"...)
			b = escapeHTML(b, id)
			b = append(b, "</span> "...)
		}
		b = append(b, "</a></th><td>"...)
		b = escapeHTML(b, v.Title)
		b = append(b, "</td>\n<td data-v=\""...)
		b = escapeHTML(b, v.TopPriority.String())
		b = append(b, `">`...)
		b = prioBadge(b, v.TopPriority)
		b = append(b, `</td><td data-v="`...)
		if v.HasCVSS {
			b = escapeHTML(b, v.CVSS)
			b = append(b, '"')
		} else {
			b = append(b, `-1" class="nodata"`...)
		}
		b = append(b, '>')
		b = escapeHTML(b, v.CVSS)
		b = append(b, "</td>\n<td>"...)
		switch {
		case v.KEV:
			b = append(b, `<span class="tag kev">KEV</span>`...)
		case v.Exploited:
			b = w.text(b, `<span class="tag kev">`, "col.exploited", "</span>")
		default:
			b = append(b, '-')
		}
		b = append(b, "</td>\n"...)
		b = numCell(b, len(v.Systems))
		b = append(b, "</td>"...)
		b = numCell(b, v.Open)
		b = append(b, "</td></tr>\n"...)
	}
	b = append(b, "</tbody>\n</table>\n</div>\n"...)
	return w.foot(b, p), true
}
