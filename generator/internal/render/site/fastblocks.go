package site

import "vulnreport/generator/internal/i18n"

// The fix actions of the plan and the affected systems of an advisory are
// the other blocks repeated at scale; like the rows in fastrows.go they are
// written exactly as the "action" (fastaction.go), "mini-table" and
// "affected-row" templates render them, and TestFastRowsMatchTemplates
// holds the two in step.

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
