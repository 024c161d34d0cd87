package site

import "vulnreport/generator/internal/i18n"

// advisoryPage writes "advisory.html"; false when it cannot (an
// advisory that scanners reported is left to the template).
func (w *pageWriter) advisoryPage(b []byte, p *Page, d *advisoryData) ([]byte, bool) {
	if len(d.Scanned) > 0 {
		return b, false
	}
	for _, r := range d.Refs {
		if !refHref(r.Href) {
			return b, false
		}
	}
	b, ok := w.head(b, p)
	if !ok {
		return b, false
	}
	v, e, lang := d.V, escapeHTML, i18n.Lang(w.ch.Lang)
	b = append(b, "\n\n<h1>"...)
	for i, id := range d.IDs {
		if i > 0 {
			b = append(b, " / "...)
		}
		b = e(b, id)
	}
	b = append(b, "</h1>\n<p class=\"lead\">"...)
	if d.Title != "" {
		b = e(b, d.Title)
	} else {
		b = append(b, w.t("site.no_title")...)
	}
	b = append(b, "</p>\n"...)
	if d.Summary != "" {
		b = append(b, "<p>"...)
		b = e(b, d.Summary)
		b = append(b, "</p>"...)
	}
	b = w.text(b, "\n\n<section aria-labelledby=\"h-scores\">\n<h2 id=\"h-scores\">", "site.scores", "</h2>\n<dl class=\"facts\">\n")
	b = w.text(b, "<dt>", "col.cvss", "</dt><dd>")
	b = e(b, d.CVSS)
	if v.HasCVSS {
		b = append(b, " · "...)
		b = e(b, i18n.T(lang, "severity."+v.Severity))
	}
	b = append(b, "</dd>\n"...)
	if v.Vector != "" {
		b = w.text(b, "<dt>", "site.vector", "</dt><dd><code>")
		b = e(b, v.Vector)
		b = append(b, "</code></dd>"...)
	}
	yes := "no"
	if v.Exploited {
		yes = "yes"
	}
	b = w.text(b, "\n<dt>", "col.exploited", "</dt><dd>")
	b = w.text(b, "", yes, "</dd>\n")
	b = w.text(b, "<dt>", "col.kev", "</dt><dd>")
	if v.KEV {
		b = w.text(b, "", "site.kev_listed", " · ")
		b = w.text(b, "", "site.kev_added", " ")
		b = dTime(b, v.KEVAdded)
		b = w.text(b, " · ", "site.kev_due", " ")
		b = dTime(b, v.KEVDue)
		if v.Ransomware {
			b = w.text(b, ` · <span class="tag od">`, "ransomware", "</span>")
		}
		if v.KEVAction != "" {
			b = w.text(b, "<br>", "site.kev_action", ": ")
			b = e(b, v.KEVAction)
		}
	} else {
		b = append(b, w.t("site.kev_not_listed")...)
	}
	b = w.text(b, "</dd>\n<dt>", "col.epss", "</dt><dd>")
	if d.EPSS != "" {
		b = e(b, d.EPSS)
		b = w.text(b, " (", "site.percentile", " ")
		b = e(b, d.EPSSPct)
		b = append(b, "%)"...)
		if d.EPSSDate != "" {
			b = append(b, " · "...)
			b = e(b, d.EPSSDate)
		}
	} else {
		b = append(b, w.t("nodata")...)
	}
	b = append(b, "</dd>\n"...)
	if len(v.CWE) > 0 {
		b = append(b, "<dt>CWE</dt><dd>"...)
		b = w.join(b, v.CWE, ", ")
		b = append(b, "</dd>"...)
	}
	b = w.text(b, "\n<dt>", "col.source", "</dt><dd>")
	b = orDash(b, v.Source)
	if !v.Published.IsZero() {
		b = w.text(b, " · ", "col.published", " ")
		b = dTime(b, v.Published)
	}
	b = w.text(b, "</dd>\n</dl>\n</section>\n\n<section aria-labelledby=\"h-affected\">\n<h2 id=\"h-affected\">", "site.affected", "</h2>\n")
	if len(v.Affected) > 0 {
		b = append(b, `<ul class="ranges">`...)
		for _, a := range v.Affected {
			b = append(b, "<li><code>"...)
			b = e(b, a)
			b = append(b, "</code></li>"...)
		}
		b = append(b, "</ul>"...)
	}
	b = openTable(append(b, '\n'), w.t("site.affected_here"), true)
	b = append(w.colHeads(b, "col.system", "col.product", "col.version", "priority", "col.due", "state"), '\n')
	for _, fi := range d.fis {
		b = w.rows.affectedOf(b, p.b.ix, w.lb, fi, p.depth)
	}
	b = w.text(b, "</tbody>\n</table>\n</section>\n\n<section aria-labelledby=\"h-fix\">\n<h2 id=\"h-fix\">", "col.fix", "</h2>\n<dl class=\"facts\">\n")
	b = w.text(b, "<dt>", "site.fixed_in", "</dt><dd>")
	if v.Fixed != "" {
		b = e(b, v.Fixed)
	} else {
		b = append(b, w.t("nodata")...)
	}
	b = w.text(b, "</dd>\n<dt>", "col.workaround", "</dt><dd>")
	if d.Workaround != "" {
		b = e(b, d.Workaround)
	} else {
		b = append(b, w.t("none")...)
	}
	b = w.text(b, "</dd>\n</dl>\n</section>\n\n<section aria-labelledby=\"h-refs\">\n<h2 id=\"h-refs\">", "col.references", "</h2>\n")
	b = w.text(b, "<p class=\"note\">", "site.refs_note", "</p>\n")
	b = w.refs(b, d)
	b = w.text(b, "\n</section>\n\n<section aria-labelledby=\"h-prov\">\n<h2 id=\"h-prov\">", "site.provenance", "</h2>\n")
	if len(d.Provenance) > 0 {
		b = w.colHeads(openTable(b, w.t("site.provenance"), false), "site.field", "col.source")
		for _, kv := range d.Provenance {
			b = append(rowHead(b, kv.Key), "<td>"...)
			b = e(b, kv.Value)
			b = append(b, "</td></tr>\n"...)
		}
		b = append(b, "</tbody>\n</table>"...)
	}
	b = append(b, '\n')
	if len(v.Origins) > 0 {
		b = w.text(b, "<p>", "site.origins", ": ")
		b = w.join(b, v.Origins, ", ")
		b = append(b, "</p>"...)
	}
	b = append(b, "\n</section>\n\n"...)
	return append(w.foot(b, p), "\n\n"...), true
}

// refs writes the references list.
func (w *pageWriter) refs(b []byte, d *advisoryData) []byte {
	if len(d.Refs) == 0 {
		return w.text(b, "<p>", "none", "</p>")
	}
	b = append(b, `<ul class="refs">`...)
	for _, r := range d.Refs {
		b = append(b, "<li>"...)
		if r.Href != "" {
			b = append(b, `<a href="`...)
			b = escapeHTML(b, r.Href)
			b = append(b, `" rel="noopener noreferrer external">`...)
			b = escapeHTML(b, r.Text)
			b = append(b, "</a>"...)
		} else {
			b = append(b, `<span class="text-ref">`...)
			b = escapeHTML(b, r.Text)
			b = append(b, "</span>"...)
		}
		b = append(b, "</li>"...)
	}
	return append(b, "</ul>"...)
}

// refHref reports whether an http(s) reference is made only of characters
// that html/template's URL normalizer keeps, so that the attribute
// escaper alone changes it ('&' and '+'). Others go to the template.
func refHref(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case c == '-' || c == '.' || c == '_' || c == '~':
		case c == '!' || c == '#' || c == '$' || c == '&' || c == '*' || c == '+' || c == ',' || c == '/' ||
			c == ':' || c == ';' || c == '=' || c == '?' || c == '@' || c == '[' || c == ']':
		default:
			return false
		}
	}
	return true
}
