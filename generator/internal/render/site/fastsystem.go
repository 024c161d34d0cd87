package site

import (
	"time"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/report"
)

// systemPage writes "system.html"; false when it cannot (a system with
// signs of attack is left to the template).
func (w *pageWriter) systemPage(b []byte, p *Page, d *systemData) ([]byte, bool) {
	if d.Attack != nil || !plainHref(d.First) {
		return b, false
	}
	b, ok := w.head(b, p)
	if !ok {
		return b, false
	}
	s := d.Sys
	b = append(b, "\n\n<h1>"...)
	b = escapeHTML(b, d.Name)
	b = append(b, ` <span class="id">`...)
	b = escapeHTML(b, s.ID)
	b = append(b, "</span></h1>\n"...)
	if d.Cont {
		b = append(b, "\n<p class=\"lead\"><a href=\""...)
		b = append(b, d.First...)
		b = append(b, `">`...)
		b = append(b, w.t("site.back_to_system")...)
		b = append(b, "</a></p>\n"...)
	} else if b, ok = w.systemDetails(b, p, d); !ok {
		return b, false
	}
	b = w.text(b, "\n\n<section aria-labelledby=\"h-findings\">\n<h2 id=\"h-findings\">", "section.findings", "</h2>\n")
	if d.Findings > 0 {
		if b, ok = w.findingsTable(b, p.b.ix, &d.Table, p.depth); !ok {
			return b, false
		}
	} else {
		b = w.text(b, "<p>", "site.no_findings", "</p>")
	}
	b = append(b, "\n</section>\n\n"...)
	return append(w.foot(b, p), "\n\n"...), true
}

// systemDetails writes the first page's sections before the findings;
// false when a link in its registers needs the template's URL escaping.
func (w *pageWriter) systemDetails(b []byte, p *Page, d *systemData) ([]byte, bool) {
	s, e, lang := d.Sys, escapeHTML, i18n.Lang(w.ch.Lang)
	b = append(b, '\n')
	if len(d.Flags) > 0 {
		b = append(b, `<p class="flags">`...)
		for _, f := range d.Flags {
			b = append(b, `<span class="tag warn">`...)
			b = e(b, f)
			b = append(b, "</span> "...)
		}
		b = append(b, "</p>"...)
	}
	b = w.text(b, "\n<section aria-labelledby=\"h-attrs\">\n<h2 id=\"h-attrs\">", "site.attributes", "</h2>\n<dl class=\"facts\">\n")
	b = w.fact(b, "col.system_id", s.ID)
	b = w.fact(b, "category", i18n.T(lang, "category."+s.Category))
	b = w.fact(b, "exposure", i18n.T(lang, "exposure."+s.Exposure))
	b = w.text(b, "<dt>", "data", "</dt><dd>")
	if len(d.Data) > 0 {
		b = w.join(b, d.Data, i18n.T(lang, "list_sep"))
	} else {
		b = append(b, w.t("none")...)
	}
	b = append(b, "</dd>\n"...)
	crit := "-"
	if s.Criticality != "" {
		crit = i18n.T(lang, "criticality."+s.Criticality)
	}
	b = w.fact(b, "criticality", crit)
	owner := s.Owner
	if owner == "" || owner == "-" {
		owner = i18n.T(lang, "no_owner")
	}
	b = w.fact(b, "col.owner", owner)
	contact := s.Contact
	if contact == "" {
		contact = "-"
	}
	b = w.fact(b, "col.contact", contact)
	b = w.fact(b, "col.hosts", num(s.Hosts))
	b = w.text(b, "<dt>", "col.last_inspection", "</dt><dd>")
	b = dTime(b, s.LastInspection)
	if s.InspectionDue {
		b = w.text(b, ` <span class="tag warn">`, "inspection_due", "</span>")
	}
	b = w.text(b, "</dd>\n<dt>", "col.inventory_updated", "</dt><dd>")
	b = dTime(b, s.InventoryUpdated)
	if s.Stale {
		b = w.text(b, ` <span class="tag warn">`, "stale", "</span>")
	}
	b = w.text(b, "</dd>\n<dt>", "col.replacement", "</dt><dd>")
	b = dTime(b, s.ReplacementPlanned)
	b = append(b, "</dd>\n"...)
	b = w.fact(b, "col.status", i18n.T(lang, "site.status."+s.Status))
	if len(s.Tags) > 0 {
		b = w.text(b, "<dt>", "site.tags", "</dt><dd>")
		b = w.join(b, s.Tags, ", ")
		b = append(b, "</dd>"...)
	}
	b = w.text(b, "\n</dl>\n</section>\n\n<section aria-labelledby=\"h-contract\">\n<h2 id=\"h-contract\">", "section.contracts", "</h2>\n")
	b = w.contract(b, d)
	b = w.text(b, "\n</section>\n\n<section aria-labelledby=\"h-open\">\n<h2 id=\"h-open\">", "site.open_by_priority", "</h2>\n<ul class=\"inline\">")
	for _, o := range d.Open {
		b = append(b, "<li>"...)
		b = prioBadge(b, o.Priority)
		b = append(b, ' ')
		b = e(b, o.Label)
		b = append(b, ": "...)
		b = appendNum(b, o.Count)
		b = append(b, "</li>"...)
	}
	b = appendNum(w.text(b, "<li>", "col.overdue", ": "), s.Overdue)
	b = appendNum(w.text(b, "</li><li>", "col.exploited", ": "), s.Exploited)
	b = append(b, "</li></ul>\n</section>\n\n"...)
	b = w.text(b, "<section aria-labelledby=\"h-comps\">\n<h2 id=\"h-comps\">", "section.components", "</h2>\n")
	if len(d.comps) > 0 {
		b = w.comps(b, w.t("section.components"), d.rows, d.comps)
	} else if len(d.others) == 0 {
		b = w.text(b, "<p>", "none", "</p>")
	}
	b = append(b, '\n')
	if len(d.others) > 0 {
		b = append(b, `<details class="others"><summary>`...)
		b = e(b, i18n.Tf(lang, "site.other_components", len(d.others)))
		b = append(b, "</summary>\n"...)
		b = w.comps(b, w.t("site.other_components_caption"), d.rows, d.others)
		b = append(b, "\n</details>"...)
	}
	b = w.text(b, "\n</section>\n\n<section aria-labelledby=\"h-actions\">\n<h2 id=\"h-actions\">", "section.actions", "</h2>\n")
	b = w.actionRowsOf(b, p, d.ais)
	b = w.text(b, "\n</section>\n\n<section aria-labelledby=\"h-notes\">\n<h2 id=\"h-notes\">", "section.notifications", "</h2>\n")
	ok := true
	if len(d.Notes) > 0 {
		if b, ok = w.notes(b, p, d.Notes); !ok {
			return b, false
		}
	} else {
		b = w.text(b, "<p>", "none", "</p>")
	}
	b = append(b, "\n</section>\n\n"...)
	if len(d.Accepts) > 0 {
		b = w.text(b, "<section aria-labelledby=\"h-acc\">\n<h2 id=\"h-acc\">", "section.acceptances", "</h2>\n")
		if b, ok = w.accepts(b, p, d.Accepts); !ok {
			return b, false
		}
		b = append(b, "\n</section>"...)
	}
	return append(b, '\n'), true
}

// contract writes the contract section's body.
func (w *pageWriter) contract(b []byte, d *systemData) []byte {
	if d.Sys.Contractor == "" {
		return w.text(b, "<p>", "site.no_contractor", "</p>")
	}
	b = w.text(b, "\n<p>", "col.contractor", ": ")
	b = escapeHTML(b, d.Sys.Contractor)
	b = openTable(append(b, "</p>\n"...), w.t("section.contracts"), false)
	b = w.colHeads(b, "site.clause", "col.value", "site.gap")
	for _, c := range d.Clauses {
		b = append(rowHead(b, c.Label), "<td>"...)
		b = escapeHTML(b, c.Value)
		b = append(b, "</td><td>"...)
		if c.Gap {
			b = w.text(b, `<span class="tag warn">`, "site.gap_yes", "</span>")
		} else {
			b = append(b, w.t("site.gap_no")...)
		}
		b = append(b, "</td></tr>\n"...)
	}
	return append(b, "</tbody>\n</table>\n"...)
}

// comps writes the "comps-table" template of the component rows idx.
func (w *pageWriter) comps(b []byte, caption string, rows report.ComponentStore, idx []int32) []byte {
	b = w.colHeads(openScrollTable(b, caption), "col.product", "col.version", "col.hosts", "lifecycle", "col.cycle", "col.eol", "col.latest", "col.findings")
	b = append(b, '\n')
	for _, i := range idx {
		c := rows.At(int(i))
		b = append(b, `<tr><th scope="row">`...)
		b = escapeHTML(b, c.ProductName)
		b = append(b, ` <span class="id">`...)
		b = escapeHTML(b, c.Product)
		b = append(b, "</span></th><td>"...)
		b = escapeHTML(b, c.Version)
		if len(c.Patches) > 0 {
			b = append(b, ` <span class="note">(`...)
			b = w.join(b, c.Patches, ", ")
			b = append(b, ")</span>"...)
		}
		b = append(b, "</td><td>"...)
		if c.Hosts != 0 {
			b = appendNum(b, c.Hosts)
		} else {
			b = append(b, w.t("site.all_hosts")...)
		}
		b = lifecycleTag(append(b, "</td>\n<td>"...), w.lb, string(c.Lifecycle))
		b = append(b, "</td><td>"...)
		b = orDash(b, c.Cycle)
		b = append(b, "</td><td>"...)
		b = dTime(b, c.EOL)
		b = append(b, "</td>\n<td>"...)
		b = orDash(b, c.Latest)
		if c.NotLatest {
			b = w.text(b, ` <span class="tag warn">`, "not_latest", "</span>")
		}
		b = append(b, "</td><td>"...)
		b = appendNum(b, c.Findings)
		b = append(b, "</td></tr>\n"...)
	}
	return append(b, "</tbody>\n</table></div>"...)
}

// text appends before, the escaped label of key and after.
func (w *pageWriter) text(b []byte, before, key, after string) []byte {
	b = append(b, before...)
	b = append(b, w.t(key)...)
	return append(b, after...)
}

// fact appends a <dt> label and its escaped value.
func (w *pageWriter) fact(b []byte, key, value string) []byte {
	b = w.text(b, "<dt>", key, "</dt><dd>")
	b = escapeHTML(b, value)
	return append(b, "</dd>\n"...)
}

// join appends the items escaped, separated by sep.
func (w *pageWriter) join(b []byte, items []string, sep string) []byte {
	for i, s := range items {
		if i > 0 {
			b = escapeHTML(b, sep)
		}
		b = escapeHTML(b, s)
	}
	return b
}

// orDash appends s escaped, or "-" when it is empty.
func orDash(b []byte, s string) []byte {
	if s == "" {
		return append(b, '-')
	}
	return escapeHTML(b, s)
}

// dTime writes the "d" template: a <time> element, or "-".
func dTime(b []byte, t time.Time) []byte {
	if t.IsZero() {
		return append(b, '-')
	}
	b = append(b, `<time datetime="`...)
	n := len(b)
	b = t.AppendFormat(b, "2006-01-02")
	b = append(b, `">`...)
	b = append(b, b[n:len(b)-2]...)
	return append(b, "</time>"...)
}
