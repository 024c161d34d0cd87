package site

import (
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/report"
)

// The registers a system's page shows (reports received from outside and
// risk acceptances), written as the "notes" and "accepts" templates
// render them, so that a system with either is written by the page writer
// too: at scale some hundreds of systems have one, and each such page
// through the template cost as much as forty written here.

// notes writes the "notes" template; false when a link needs the
// template's URL escaping.
func (w *pageWriter) notes(b []byte, p *Page, list []report.Notification) ([]byte, bool) {
	lang := i18n.Lang(w.ch.Lang)
	b = append(openScrollTable(b, w.t("section.notifications")), `<th scope="col">ID</th>`...)
	b = w.colHeads(b, "col.received", "col.from", "col.system", "col.summary", "col.acknowledged", "site.ack_days", "col.status", "col.advisory")
	b = append(b, '\n')
	for i := range list {
		n := &list[i]
		b = append(rowHead(b, n.ID), "<td>"...)
		b = dTime(b, n.Received)
		b = append(b, "</td><td>"...)
		b = escapeHTML(b, i18n.T(lang, "from."+n.From))
		b = append(b, "</td>\n<td>"...)
		name := "-"
		if n.System != "" {
			name = p.SysName(n.System)
		}
		var ok bool
		if b, ok = linked(b, p.Sys(n.System), name); !ok {
			return b, false
		}
		b = append(b, "</td>\n<td>"...)
		b = escapeHTML(b, n.Summary.Get(lang))
		b = append(b, "</td><td>"...)
		if n.Acknowledged.IsZero() {
			b = w.text(b, `<span class="tag warn">`, "site.not_acknowledged", "</span>")
		} else {
			b = dTime(b, n.Acknowledged)
		}
		b = append(b, "</td>\n<td>"...)
		b = escapeHTML(b, i18n.Tn(lang, "site.days", n.AckDays))
		if n.AckLate {
			b = w.text(b, ` <span class="tag od">`, "ack_late", "</span>")
		}
		b = append(b, "</td>\n<td>"...)
		b = escapeHTML(b, i18n.T(lang, "nstatus."+n.Status))
		b = append(b, "</td>\n<td>"...)
		if n.Advisory == "" {
			b = append(b, '-')
		} else if b, ok = linked(b, p.Adv(n.Advisory), n.Advisory); !ok {
			return b, false
		}
		b = append(b, "</td></tr>\n"...)
	}
	return append(b, "</tbody>\n</table>\n</div>"...), true
}

// accepts writes the "accepts" template; false when a link needs the
// template's URL escaping.
func (w *pageWriter) accepts(b []byte, p *Page, list []report.Acceptance) ([]byte, bool) {
	b = append(openScrollTable(b, w.t("section.acceptances")), `<th scope="col">ID</th>`...)
	b = w.colHeads(b, "col.system", "col.advisory", "col.product", "col.justification", "col.approved_by", "col.expires", "col.findings", "col.notes")
	b = append(b, '\n')
	for i := range list {
		a := &list[i]
		b = append(rowHead(b, a.ID), "\n<td>"...)
		var ok bool
		if a.System == "*" {
			b = append(b, w.t("site.all_systems")...)
		} else if b, ok = linked(b, p.Sys(a.System), p.SysName(a.System)); !ok {
			return b, false
		}
		b = append(b, "</td>\n<td>"...)
		switch a.Advisory {
		case "*":
			b = append(b, w.t("site.all_advisories")...)
		case "":
			b = append(b, '-')
		default:
			if b, ok = linked(b, p.Adv(a.Advisory), a.Advisory); !ok {
				return b, false
			}
		}
		b = append(b, "</td>\n<td>"...)
		b = orDash(b, a.Product)
		b = append(b, "</td><td>"...)
		b = escapeHTML(b, a.Justification)
		b = append(b, "</td><td>"...)
		b = escapeHTML(b, a.ApprovedBy)
		b = append(b, "</td>\n<td>"...)
		b = dTime(b, a.Expires)
		if a.Expired {
			b = w.text(b, ` <span class="tag od">`, "expired", "</span>")
		} else if a.ExpiringSoon {
			b = w.text(b, ` <span class="tag warn">`, "expiring_soon", "</span>")
		}
		b = append(b, "</td>\n<td>"...)
		b = appendNum(b, a.Findings)
		b = append(b, "</td><td>"...)
		b = orDash(b, a.Notes)
		b = append(b, "</td></tr>\n"...)
	}
	return append(b, "</tbody>\n</table>\n</div>"...), true
}

// linked appends text, linked to href when there is one; false when href
// is not plain.
func linked(b []byte, href, text string) ([]byte, bool) {
	if href == "" {
		return escapeHTML(b, text), true
	}
	if !plainHref(href) {
		return b, false
	}
	b = append(b, `<a href="`...)
	b = append(b, href...)
	b = append(b, `">`...)
	b = escapeHTML(b, text)
	return append(b, "</a>"...), true
}
