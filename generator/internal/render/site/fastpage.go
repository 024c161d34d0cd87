package site

import (
	"strconv"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
)

// The pages repeated at scale (findings lists, systems, advisories and
// department plans: all but a handful of a site's pages) are written here
// whole, as the built-in templates render them, instead of through
// html/template, whose reflection costs tens of microseconds per field.
// Everything that does not depend on the page is escaped once per
// language. The templates stay the reference: a page whose templates are
// not all built in (see templateSet.fastPage), or that holds something the
// writers leave to the templates (pageWriter methods return false), is
// rendered by the template, and TestFastRowsMatchTemplates renders the
// fixture and the hostile fixture both ways and requires identical bytes.

// pageWriter writes the pages of one language.
type pageWriter struct {
	rows rowWriter
	lb   *labels
	ch   *chrome
	// Fixed text of the layout, escaped: head0 up to the page title, head1
	// up to the style sheet link, and so on.
	head0, head1, head2, head3, foot0 string
	// Fixed text of the findings table: the filter form after its id up
	// to the system choice, after the system choice, and the table head.
	formTop, formRest, thead string
	theadCompact             string
	sysChoice, sysIDs        string
	// labels holds every catalogue label, escaped.
	labels map[string]string
}

// t returns the escaped label of key, as {{t key}} prints it.
func (w *pageWriter) t(key string) string {
	if s, ok := w.labels[key]; ok {
		return s
	}
	return string(escapeHTML(nil, i18n.T(i18n.Lang(w.ch.Lang), key)))
}

func newPageWriter(ch *chrome, rows rowWriter, lb *labels) *pageWriter {
	lang := i18n.Lang(ch.Lang)
	e := func(s string) string { return string(escapeHTML(nil, s)) }
	w := &pageWriter{rows: rows, lb: lb, ch: ch, labels: map[string]string{}}
	for _, k := range i18n.Keys() {
		w.labels[k] = e(i18n.T(lang, k))
	}
	t := w.t
	w.head0 = "<!DOCTYPE html>\n<html lang=\"" + e(ch.Lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n" +
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
		"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'\">\n" +
		"<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"generator\" content=\"vulnreport " + e(ch.Tool) + "\">\n<title>"
	w.head1 = " | " + e(ch.Title) + " " + e(ch.AsOf) + "</title>\n<link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\""
	w.head2 = "\" defer></script>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">" + t("site.skip") + "</a>\n<header class=\"site\">\n<div class=\"bar\">\n<p class=\"brand\"><a href=\""
	w.head3 = "\"><span class=\"org\">" + e(ch.Org) + "</span> <span class=\"rtitle\">" + e(ch.Title) + "</span></a></p>\n<p class=\"meta\">"
	if ch.Class != "" {
		w.head3 += "<span class=\"class\">" + e(ch.Class) + "</span> "
	}
	w.head3 += "<span>" + t("as_of") + " <time datetime=\"" + e(ch.AsOf) + "\">" + e(ch.AsOf) + "</time></span>"
	w.foot0 = "</main>\n<footer class=\"site\">\n<p>" + e(ch.Org) + " " + e(ch.Title) + " · " + t("as_of") + " " + e(ch.AsOf)
	if ch.Class != "" {
		w.foot0 += " · <span class=\"class\">" + e(ch.Class) + "</span>"
	}
	w.foot0 += "</p>\n<p>" + t("generated_by") + ": vulnreport " + e(ch.Tool) + " · <a href=\""
	w.tableText(e, t)
	return w
}

// tableText prepares the fixed text of the findings table.
func (w *pageWriter) tableText(e, t func(string) string) {
	f := &w.lb.form
	opts := func(list []option) string {
		s := ""
		for _, o := range list {
			s += "<option value=\"" + e(o.Value) + "\">" + e(o.Label) + "</option>"
		}
		return s
	}
	all := "<option value=\"\">" + t("site.filter.all") + "</option>"
	w.formTop = "<fieldset>\n<legend>" + t("site.filter.title") + "</legend>\n<fieldset class=\"group\">\n<legend>" + t("priority") + "</legend>\n"
	for _, o := range f.Priorities {
		w.formTop += "<label class=\"check\"><input type=\"checkbox\" name=\"priority\" value=\"" + e(o.Value) + "\"> " + e(o.Label) + "</label>\n"
	}
	w.formTop += "</fieldset>\n<div class=\"controls\">\n"
	w.sysChoice = "<label>" + t("col.system") + " <select name=\"system\">" + all
	w.sysIDs = "<label>" + t("site.filter.system_ids") + " <input type=\"text\" name=\"system\" autocomplete=\"off\" spellcheck=\"false\"></label>\n"
	sel := func(label, name string, list []option) string {
		return "<label>" + t(label) + " <select name=\"" + name + "\">" + all + opts(list) + "</select></label>\n"
	}
	w.formRest = "\n" + sel("category", "category", f.Categories) + sel("exposure", "exposure", f.Exposures) + sel("state", "state", f.States) +
		sel("col.kind", "kind", f.Kinds) +
		"<label class=\"check\"><input type=\"checkbox\" name=\"overdue\" value=\"1\"> " + t("col.overdue") + "</label>\n" +
		"<label class=\"check\"><input type=\"checkbox\" name=\"exploited\" value=\"1\"> " + t("site.filter.exploited") + "</label>\n" +
		"<label>" + t("site.filter.text") + " <input type=\"search\" name=\"q\" autocomplete=\"off\"></label>\n" +
		"<button type=\"reset\">" + t("site.filter.reset") + "</button>\n</div>\n<p class=\"count\" role=\"status\" aria-live=\"polite\"></p>\n</fieldset>\n</form>\n"
	w.thead = "</caption>\n<thead><tr>\n<th scope=\"col\" data-type=\"num\">" + t("priority") + "</th>\n<th scope=\"col\">" + t("reasons") +
		"</th>\n<th scope=\"col\">" + t("col.system") + "</th>\n<th scope=\"col\">" + t("col.product") + " / " + t("col.version") +
		"</th>\n<th scope=\"col\">" + t("col.ids") + "</th>\n<th scope=\"col\" data-type=\"num\">" + t("col.cvss") +
		"</th>\n<th scope=\"col\" data-type=\"num\">" + t("col.kev") + " / " + t("col.epss") + "</th>\n<th scope=\"col\" data-type=\"num\">" +
		t("stage") + "</th>\n<th scope=\"col\">" + t("col.due") + "</th>\n<th scope=\"col\">" + t("state") + "</th>\n</tr></thead>\n<tbody>\n"
	w.theadCompact = "</caption>\n<thead><tr>\n<th scope=\"col\" data-type=\"num\">" + t("priority") + "</th>\n<th scope=\"col\">" + t("col.ids") +
		"</th>\n<th scope=\"col\">" + t("col.system") + "</th>\n<th scope=\"col\">" + t("col.product") + " / " + t("col.version") +
		"</th>\n<th scope=\"col\">" + t("col.due") + "</th>\n<th scope=\"col\">" + t("state") + "</th>\n</tr></thead>\n<tbody>\n"
}

// head writes the "head" template; false when a link needs the
// headTitle writes the page head, then lead (the blank lines the template
// has there) and the page's title as its heading; false when the head
// cannot be written.
func (w *pageWriter) headTitle(b []byte, p *Page, lead string) ([]byte, bool) {
	b, ok := w.head(b, p)
	if !ok {
		return b, false
	}
	b = append(b, lead...)
	b = append(b, "<h1>"...)
	return escapeHTML(b, p.Title), true
}

// template's URL escaping or the navigation fails.
func (w *pageWriter) head(b []byte, p *Page) ([]byte, bool) {
	if !plainHref(p.RootUp) || !plainHref(p.Up) {
		return b, false
	}
	nav, err := p.NavHTML()
	if err != nil {
		return b, false
	}
	b = append(b, w.head0...)
	b = escapeHTML(b, p.Title)
	b = append(b, w.head1...)
	b = append(b, p.Asset("site.css")...)
	b = append(b, "\">\n<script src=\""...)
	b = append(b, p.Asset("site.js")...)
	b = append(b, w.head2...)
	b = append(b, p.Up...)
	b = append(b, "index.html"...)
	b = append(b, w.head3...)
	for _, s := range p.Switch {
		if !plainHref(s.Href) {
			return b, false
		}
		b = append(b, ` <a class="lang" href="`...)
		b = append(b, s.Href...)
		b = append(b, `" hreflang="`...)
		b = escapeHTML(b, s.Lang)
		b = append(b, `" lang="`...)
		b = escapeHTML(b, s.Lang)
		b = append(b, `">`...)
		b = escapeHTML(b, s.Label)
		b = append(b, "</a>"...)
	}
	b = append(b, "</p>\n</div>\n"...)
	b = append(b, nav...)
	return append(b, "\n</header>\n<main id=\"main\" tabindex=\"-1\">\n"...), true
}

// foot writes the "foot" template and the newline that ends a page file.
func (w *pageWriter) foot(b []byte, p *Page) []byte {
	b = append(b, w.foot0...)
	b = append(b, p.Up...)
	b = append(b, "method.html\">"...)
	b = append(b, w.t("site.nav.method")...)
	b = append(b, "</a> · <a href=\""...)
	b = append(b, p.Up...)
	b = append(b, "quality.html\">"...)
	b = append(b, w.t("section.quality")...)
	return append(b, "</a></p>\n</footer>\n</body>\n</html>\n\n"...)
}

// pager writes the "pager" template. Its links are relLinks, checked
// when they were made.
func (w *pageWriter) pager(b []byte, pg *pager) ([]byte, bool) {
	if pg == nil || pg.Pages <= 1 {
		return b, true
	}
	lang := i18n.Lang(w.ch.Lang)
	b = append(b, `<nav class="pager" aria-label="`...)
	b = append(b, w.t("site.pages")...)
	b = append(b, "\">\n<span class=\"range\">"...)
	b = escapeHTML(b, i18n.Tf(lang, "site.rows_of", num(pg.From), num(pg.To), num(pg.Total)))
	b = append(b, "</span>\n"...)
	if pg.Prev != "" {
		b = append(b, `<a href="`...)
		b = append(b, pg.First...)
		b = append(b, `" aria-label="`...)
		b = append(b, w.t("site.first")...)
		b = append(b, `">«</a> <a href="`...)
		b = append(b, pg.Prev...)
		b = append(b, `" rel="prev">‹ `...)
		b = append(b, w.t("site.prev")...)
		b = append(b, "</a>"...)
	}
	b = append(b, '\n')
	for _, l := range pg.Window {
		if l.Current {
			b = append(b, `<span class="cur" aria-current="page">`...)
			b = strconv.AppendInt(b, int64(l.N), 10)
			b = append(b, "</span> "...)
			continue
		}
		b = append(b, `<a href="`...)
		b = append(b, l.Href...)
		b = append(b, `">`...)
		b = strconv.AppendInt(b, int64(l.N), 10)
		b = append(b, "</a> "...)
	}
	if pg.Next != "" {
		b = append(b, `<a href="`...)
		b = append(b, pg.Next...)
		b = append(b, `" rel="next">`...)
		b = append(b, w.t("site.next")...)
		b = append(b, ` ›</a> <a href="`...)
		b = append(b, pg.Last...)
		b = append(b, `" aria-label="`...)
		b = append(b, w.t("site.last")...)
		b = append(b, `">»</a>`...)
	}
	return append(b, "\n</nav>\n"...), true
}

// prio writes the "prio" template.
func prioBadge(b []byte, p model.Priority) []byte {
	b = append(b, `<span class="badge `...)
	b = append(b, prioClass(p)...)
	b = append(b, `">`...)
	b = escapeHTML(b, p.String())
	return append(b, "</span>"...)
}
