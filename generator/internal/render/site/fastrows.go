package site

import (
	"strconv"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
)

// Finding rows are the bulk of a large site: a million findings make
// several million rows across the lists, the system pages and the plan.
// html/template spends tens of microseconds on each (reflection on every
// field and escaper), which is too slow at that scale. So the rows of the
// built-in "finding-row" template are also written here (fastfinding.go
// writes them, and "mini-row", straight from the model for the page
// writers),
// escaping every field exactly as html/template does (its
// htmlReplacementTable for text and quoted attributes). The templates stay
// the reference: TestFastRowsMatchTemplates renders fixture and hostile
// rows both ways and requires identical bytes, and a user template that
// redefines either row turns this path off. Links are written only when
// they contain characters html/template's URL escapers leave unchanged;
// otherwise the table falls back to the template.

// escapeHTML appends s as html/template escapes text and quoted attribute
// values: NUL, quotes, '&', '+', '<' and '>' are replaced; everything else,
// including invalid UTF-8, is copied.
func escapeHTML(dst []byte, s string) []byte {
	i := 0
	for i < len(s) && !htmlSpecial[s[i]] {
		i++
	}
	if i == len(s) {
		return append(dst, s...)
	}
	return escapeFrom(dst, s, i)
}

// escapeFrom is escapeHTML from s[i], the first byte it replaces, on; out
// of line so that escapeHTML's scan is inlined where it is called.
//
//go:noinline
func escapeFrom(dst []byte, s string, i int) []byte {
	dst = append(dst, s[:i]...)
	last := i
	for ; i < len(s); i++ {
		if !htmlSpecial[s[i]] {
			continue
		}
		dst = append(dst, s[last:i]...)
		dst = append(dst, htmlReplacement[s[i]]...)
		last = i + 1
	}
	return append(dst, s[last:]...)
}

// htmlSpecial marks the bytes escapeHTML replaces.
var htmlSpecial = func() (t [256]bool) {
	for c, r := range htmlReplacement {
		t[c] = r != ""
	}
	return t
}()

// htmlReplacement is what escapeHTML writes for each byte it replaces.
var htmlReplacement = [256]string{0: "\uFFFD", '"': "&#34;", '&': "&amp;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '>': "&gt;"}

// plainHref reports whether a link is made only of characters that
// html/template's URL filter, normalizer and attribute escaper leave as
// they are. The site's own links (paths from ids) always are.
func plainHref(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '/' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// rowWriter writes rows in one language.
type rowWriter struct {
	exploited, overdue string
	labels             blockLabels
}

func newRowWriter(lang i18n.Lang) rowWriter {
	return rowWriter{exploited: string(escapeHTML(nil, i18n.T(lang, "col.exploited"))), overdue: string(escapeHTML(nil, i18n.T(lang, "col.overdue"))),
		labels: newBlockLabels(lang)}
}

// fastTable appends the rows as "finding-row" renders them to buf. Its
// links are relLinks, checked when they were made.
func (w rowWriter) fastTable(buf []byte, rows []row) ([]byte, bool) {
	for i := range rows {
		buf = w.findingRow(buf, &rows[i])
	}
	return buf, true
}

func (w rowWriter) findingRow(b []byte, r *row) []byte {
	e := escapeHTML
	b = append(b, "<tr"...)
	if r.Anchor != "" {
		b = append(b, ` id="`...)
		b = e(b, r.Anchor)
		b = append(b, '"')
	}
	b = append(b, ` data-p="`...)
	b = e(b, r.Prio.String())
	b = append(b, `" data-sys="`...)
	b = e(b, r.System)
	b = append(b, `" data-state="`...)
	b = e(b, r.State)
	b = append(b, '"')
	if r.Kind != string(model.KindVulnerability) {
		b = append(b, ` data-kind="`...)
		b = e(b, r.Kind)
		b = append(b, '"')
	}
	if r.Overdue {
		b = append(b, ` data-od="1"`...)
	}
	if r.Exploited {
		b = append(b, ` data-ex="1"`...)
	}
	b = append(b, ">\n<td data-v=\""...)
	b = strconv.AppendInt(b, int64(r.Rank), 10)
	b = append(b, `"><span class="badge `...)
	b = e(b, r.PrioClass)
	b = append(b, `">`...)
	b = e(b, r.Prio.String())
	b = append(b, "</span> "...)
	b = e(b, r.PrioLabel)
	b = append(b, "</td>\n<td class=\"reasons\">"...)
	b = e(b, r.Reasons)
	b = append(b, "</td>\n<td>"...)
	if r.SysHref != "" {
		b = append(b, `<a href="`...)
		b = append(b, r.SysHref...)
		b = append(b, `">`...)
		b = e(b, r.SysName)
		b = append(b, "</a>"...)
	} else {
		b = e(b, r.SysName)
	}
	b = append(b, "</td>\n<td>"...)
	b = e(b, r.Product)
	b = append(b, ` <span class="ver">`...)
	b = e(b, r.Version)
	b = append(b, "</span></td>\n<td class=\"ids\">"...)
	b = w.ids(b, r)
	b = append(b, "</td>\n<td data-v=\""...)
	b = e(b, r.CVSSSort)
	b = append(b, '"')
	if !r.HasCVSS {
		b = append(b, ` class="nodata"`...)
	}
	b = append(b, '>')
	b = e(b, r.CVSS)
	b = append(b, "</td>\n<td data-v=\""...)
	b = e(b, r.EPSSSort)
	b = append(b, `">`...)
	b = w.kev(b, r)
	b = e(b, r.EPSS)
	b = append(b, "</td>\n<td data-v=\""...)
	b = strconv.AppendInt(b, int64(r.Stage), 10)
	b = append(b, `"><span class="stage s`...)
	b = strconv.AppendInt(b, int64(r.Stage), 10)
	b = append(b, `">`...)
	b = e(b, r.StageLabel)
	b = append(b, "</span></td>\n<td data-v=\""...)
	b = e(b, r.Due)
	b = append(b, `"><span class="nw">`...)
	b = e(b, r.Due)
	b = append(b, "</span>"...)
	if r.Overdue {
		b = append(b, ` <span class="tag od">`...)
		b = append(b, w.overdue...)
		b = append(b, "</span>"...)
	}
	if r.DueNote != "" {
		b = append(b, ` <span class="note">`...)
		b = e(b, r.DueNote)
		b = append(b, "</span>"...)
	}
	b = append(b, "</td>\n<td>"...)
	b = e(b, r.StateLabel)
	return append(b, "</td>\n</tr>\n"...)
}

// ids writes the advisory cell: the end-of-life date, or the ids (linked).
func (w rowWriter) ids(b []byte, r *row) []byte {
	if r.EOL != "" {
		b = escapeHTML(b, r.KindLabel)
		b = append(b, " ("...)
		b = escapeHTML(b, r.EOL)
		return append(b, ')')
	}
	if r.AdvHref != "" {
		b = append(b, `<a href="`...)
		b = append(b, r.AdvHref...)
		b = append(b, `">`...)
	}
	for _, id := range r.IDs {
		b = append(b, "<span>"...)
		b = escapeHTML(b, id)
		b = append(b, "</span> "...)
	}
	if r.AdvHref != "" {
		b = append(b, "</a>"...)
	}
	return b
}

// kev writes the exploitation tag.
func (w rowWriter) kev(b []byte, r *row) []byte {
	switch {
	case r.KEV:
		b = append(b, `<span class="tag kev">KEV</span> `...)
	case r.Exploited:
		b = append(b, `<span class="tag kev">`...)
		b = append(b, w.exploited...)
		b = append(b, "</span> "...)
	}
	return b
}
