package site

// viewOf appends finding fi's "view-row": a headline's list shows each
// finding by priority, system, product, ids and due date, and leaves the
// whole row to the system's page and the full list.
func (w rowWriter) viewOf(b []byte, ix *index, lb *labels, fi int32, depth int) []byte {
	s := ix.src(fi, depth)
	b = rowOpen(b, &s)
	b = append(b, "</td>\n<td>"...)
	b = sysCell(b, lb, &s, depth)
	b = append(b, "</td>\n<td>"...)
	b = productCell(b, s.f)
	b = append(b, "</td>\n<td class=\"ids\">"...)
	b = idsOf(b, ix, lb, &s)
	due := ix.date(s.f.Due)
	b = append(b, "</td>\n<td data-v=\""...)
	b = escapeHTML(b, due)
	b = append(b, `"><span class="nw">`...)
	b = escapeHTML(b, due)
	b = append(b, "</span>"...)
	if s.f.Overdue {
		b = append(b, ` <span class="tag od">`...)
		b = append(b, w.overdue...)
		b = append(b, "</span>"...)
	}
	return append(b, "</td>\n</tr>\n"...)
}
