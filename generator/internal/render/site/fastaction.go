package site

import (
	"strconv"
	"time"

	"vulnreport/generator/internal/report"
)

// The page writers write fix actions straight from the report, as the
// "action" template renders the actionView that actionView builds and as
// system.html lists a system's actions, without building that view: at
// scale a department's and a system's pages hold hundreds of thousands of
// actions in each language, and their views' strings were most of what
// rendering them allocated. TestFastRowsMatchTemplates holds the two in
// step.

// fastActionsOf appends actions ais as fastActions writes their views,
// for a page at depth.
func (w rowWriter) fastActionsOf(b []byte, ix *index, lb *labels, ais []int32, depth int) []byte {
	for _, ai := range ais {
		b = w.actionOf(b, ix, lb, ai, depth)
	}
	return b
}

// actionOf appends action ai as action writes its view. The link to its
// system is a relLink, plain as fastActions requires.
func (w rowWriter) actionOf(b []byte, ix *index, lb *labels, ai int32, depth int) []byte {
	a, e, l := &ix.r.Actions[ai], escapeHTML, &w.labels
	b = append(b, "<details class=\"action\">\n<summary><span class=\"badge "...)
	b = e(b, prioClass(a.TopPriority))
	b = append(b, `">`...)
	b = e(b, a.TopPriority.String())
	b = append(b, "</span> <strong>"...)
	b = e(b, lb.sentences.of(ai))
	b = append(b, "</strong>\n<span class=\"amet\">"...)
	b = append(b, l.due...)
	b = append(b, ' ')
	b = timeOrDash(b, a.Due)
	if a.Overdue {
		b = append(b, ` <span class="tag od">`...)
		b = append(b, w.overdue...)
		b = append(b, "</span>"...)
	}
	if !a.Completed.IsZero() && len(a.Findings) > 0 {
		b = append(b, ` <span class="tag warn">`...)
		b = append(b, l.completedOpen...)
		b = append(b, "</span>"...)
	}
	b = append(b, " · "...)
	b = e(b, lb.get(lb.actionKind, string(a.Kind), "action_kind."))
	b = append(b, "</span></summary>\n<div class=\"abody\">\n<ol class=\"steps\">"...)
	b = stepsOf(b, lb, a)
	b = append(b, "</ol>\n<p class=\"facts\">"...)
	b = append(b, l.system...)
	b = append(b, ": "...)
	b = sysLink(b, ix, lb, a.System, depth)
	b = append(b, " · "...)
	b = append(b, l.product...)
	b = append(b, ": "...)
	b = actionProduct(b, lb, a)
	b = append(b, " · "...)
	b = append(b, l.action...)
	b = append(b, ": "...)
	b = e(b, lb.get(lb.action, a.Action, "action."))
	b = append(b, " · "...)
	b = append(b, l.assignee...)
	b = append(b, ": "...)
	b = orDash(b, a.Owner)
	b = append(b, " · "...)
	b = append(b, l.planned...)
	b = append(b, ": "...)
	b = timeOrDash(b, a.Planned)
	b = append(b, " · "...)
	b = append(b, l.hosts...)
	b = append(b, ": "...)
	b = appendNum(b, a.Hosts)
	b = append(b, " · "...)
	b = append(b, l.risk...)
	b = append(b, ": "...)
	b = appendFloat(b, a.RiskShare*100, 1)
	b = append(b, "%</p>\n"...)
	if fis := ix.actFis[ai]; len(fis) > 0 {
		b = append(b, l.miniHead...)
		for _, fi := range fis {
			b = w.miniOf(b, ix, lb, fi, depth)
		}
		b = append(b, "</tbody>\n</table>"...)
	}
	return append(b, "\n</div>\n</details>\n"...)
}

// stepsOf appends the four steps of a as actionView marks them: the
// language's cached steps for an action all of whose findings are at its
// stage, else its progress.
func stepsOf(b []byte, lb *labels, a *report.Action) []byte {
	steps := lb.steps[string(a.Stage)]
	if steps == nil || a.Progress[stageNumber(string(a.Stage))] != a.Progress.Total() {
		steps = progressSteps(lb.lang, a.Progress)
	}
	for _, s := range steps {
		b = append(b, "<li"...)
		switch s.State {
		case "current":
			b = append(b, ` class="current" aria-current="step"`...)
		case "todo":
		default:
			b = append(b, ` class="`...)
			b = escapeHTML(b, s.State)
			b = append(b, '"')
		}
		b = append(b, '>')
		b = escapeHTML(b, s.Label)
		b = append(b, "</li>"...)
	}
	return b
}

// sysLink appends a system as Page.SysName and Page.Sys give it (an
// action's, a release line's): its name in the language (its id when it
// has none), linked to its page when it has one.
func sysLink(b []byte, ix *index, lb *labels, id string, depth int) []byte {
	name, href := id, relLink("")
	if s := ix.sysByID(id); s != nil {
		if !s.s.Name.IsZero() {
			name = s.s.Name.Get(lb.lang)
		}
		href = s.href(depth)
	}
	if href == "" {
		return escapeHTML(b, name)
	}
	b = append(b, `<a href="`...)
	b = append(b, href...)
	b = append(b, `">`...)
	b = escapeHTML(b, name)
	return append(b, "</a>"...)
}

// actionProduct appends the product, version and target as actionView
// joins them (escaping each piece escapes the whole).
func actionProduct(b []byte, lb *labels, a *report.Action) []byte {
	b = escapeHTML(b, a.ProductName)
	b = append(b, ' ')
	b = escapeHTML(b, a.Version)
	if tt := a.TargetText.Get(lb.lang); tt != "" {
		b = append(b, " → "...)
		return escapeHTML(b, tt)
	}
	if a.Patches != "" {
		b = append(b, " ("...)
		b = escapeHTML(b, a.Patches)
		b = append(b, ')')
	}
	return b
}

// actionRowsOf writes a system's fix actions table as actionRows writes
// their views.
func (w *pageWriter) actionRowsOf(b []byte, p *Page, ais []int32) []byte {
	if len(ais) == 0 {
		return w.text(b, "<p>", "none", "</p>")
	}
	ix, lb := p.b.ix, w.lb
	b = w.colHeads(openTable(b, w.t("section.actions"), false), "priority", "col.fix", "stage", "col.due", "col.assignee", "col.findings")
	b = append(b, '\n')
	for _, ai := range ais {
		a := &ix.r.Actions[ai]
		b = append(b, "<tr><td>"...)
		b = prioBadge(b, a.TopPriority)
		b = append(b, "</td><td>"...)
		if !a.Completed.IsZero() && len(a.Findings) > 0 {
			b = append(b, `<span class="tag warn">`...)
			b = append(b, w.rows.labels.completedOpen...)
			b = append(b, "</span> "...)
		}
		b = escapeHTML(b, lb.sentences.of(ai))
		b = append(b, "</td><td>"...)
		b = escapeHTML(b, lb.get(lb.stage, string(a.Stage), "stage."))
		b = append(b, "</td><td>"...)
		b = dTime(b, a.Due)
		if a.Overdue {
			b = append(b, ` <span class="tag od">`...)
			b = append(b, w.rows.overdue...)
			b = append(b, "</span>"...)
		}
		b = append(b, "</td><td>"...)
		b = orDash(b, a.Owner)
		b = append(b, "</td><td>"...)
		b = appendNum(b, len(a.Findings))
		b = append(b, "</td></tr>\n"...)
	}
	b = append(b, "</tbody>\n</table>\n<p><a href=\""...)
	b = append(b, p.Up...)
	return w.text(b, "plan.html\">", "section.plan", "</a></p>")
}

// timeOrDash writes a date as "action" prints dateText's: a <time>
// element, or "-" when unknown.
func timeOrDash(b []byte, t time.Time) []byte {
	if t.IsZero() {
		return append(b, '-')
	}
	b = append(b, "<time>"...)
	b = appendDate(b, t)
	return append(b, "</time>"...)
}

// appendDate appends a date as date formats it (digits and '-', which
// need no escaping).
func appendDate(b []byte, t time.Time) []byte {
	if t.IsZero() {
		return append(b, '-')
	}
	return t.AppendFormat(b, "2006-01-02")
}

// appendNum appends n as num (i18n.Number) writes it: thousands
// separated by commas.
func appendNum(b []byte, n int) []byte {
	start := len(b)
	b = strconv.AppendInt(b, int64(n), 10)
	digits := b[start:]
	if digits[0] == '-' {
		start++
		digits = digits[1:]
	}
	commas := (len(digits) - 1) / 3
	if commas == 0 {
		return b
	}
	b = append(b, make([]byte, commas)...)
	// Move the digits right from the end, a comma before each group of three.
	src, dst := len(b)-commas-1, len(b)-1
	for k := 0; src >= start; k++ {
		if k > 0 && k%3 == 0 {
			b[dst] = ','
			dst--
		}
		b[dst] = b[src]
		src--
		dst--
	}
	return b
}
