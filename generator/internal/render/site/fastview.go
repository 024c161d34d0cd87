package site

// viewOf appends finding fi's "view-row": a findings list shows each
// finding by priority, ids (linked to its whole row on its system's
// page), system, product, due date and state.
func (w rowWriter) viewOf(b []byte, ix *index, lb *labels, fi int32, depth int) []byte {
	s := ix.src(fi, depth)
	f := &s.f
	b = append(b, "<tr"...)
	b = rowOpen(b, &s)
	b = append(b, "</td>\n<td class=\"ids\">"...)
	b = fullIDs(b, ix, lb, &s)
	b = append(b, "</td>\n<td>"...)
	if s.sys != nil {
		b = escapeHTML(b, s.sys.s.Name.Get(lb.lang))
	} else {
		b = escapeHTML(b, f.System)
	}
	b = append(b, "</td>\n<td>"...)
	b = productCell(b, f)
	due := ix.date(f.Due)
	b = append(b, "</td>\n<td class=\"nw\">"...)
	b = escapeHTML(b, due)
	if f.Overdue {
		b = append(b, ` <span class="tag od">`...)
		b = append(b, w.overdue...)
		b = append(b, "</span>"...)
	}
	b = append(b, "</td>\n<td>"...)
	b = escapeHTML(b, lb.get(lb.state, string(f.State), "state."))
	return append(b, "</td>\n</tr>\n"...)
}
