package site

import (
	"strconv"

	"vulnreport/generator/internal/model"
)

// The page writers (fastpage.go) write a finding's row straight from the
// model: the fields makeRow would compute are appended escaped where they
// are, so that a row allocates nothing. findingOf writes exactly what
// findingRow writes for makeRow's row; miniOf and affectedOf write the
// "mini-row" and "affected-row" templates.

// rowSrc is one finding with what its rows look up.
type rowSrc struct {
	fi    int32
	depth int
	f     model.Finding
	sys   *sysEntry
	href  relLink // the advisory link, "" without one
}

// src looks up finding fi for a page at depth. Its links are paths from
// checked ids, plain as the row writers require.
func (ix *index) src(fi int32, depth int) rowSrc {
	return rowSrc{fi: fi, depth: depth, f: ix.r.Findings.At(int(fi)), sys: ix.sysOf(fi), href: ix.advHref(fi, depth)}
}

// findingOf appends finding fi's "finding-row", with its anchor when
// anchored (on its system's page).
func (w rowWriter) findingOf(b []byte, ix *index, lb *labels, fi int32, depth int, anchored bool) []byte {
	s := ix.src(fi, depth)
	f, e := &s.f, escapeHTML
	b = append(b, "<tr"...)
	if anchored && ix.hasFull(fi) {
		b = append(b, ` id="`...)
		b = ix.rowAnchor(b, fi)
		b = append(b, '"')
	}
	b = rowOpen(b, &s)
	b = append(b, ' ')
	b = e(b, lb.prio(f.Priority))
	b = append(b, "</td>\n<td class=\"reasons\">"...)
	for j, r := range f.Reasons {
		if j > 0 {
			b = append(b, " &#43; "...)
		}
		b = e(b, r.Text.Get(lb.lang))
	}
	b = append(b, "</td>\n<td>"...)
	b = sysCell(b, lb, &s, depth)
	b = append(b, "</td>\n<td>"...)
	b = productCell(b, f)
	b = append(b, "</td>\n<td class=\"ids\">"...)
	b = idsOf(b, ix, lb, &s)
	b = append(b, "</td>\n<td data-v=\""...)
	return w.findingRest(b, ix, lb, &s)
}

// rowOpen appends the opening of a finding's row after "<tr" (and its
// id) up to its priority badge: the filter values as data attributes
// (its system's category and exposure, and which states count as open,
// are in assets/systems.js; data-kind is left out for a vulnerability).
func rowOpen(b []byte, s *rowSrc) []byte {
	f, e := &s.f, escapeHTML
	b = append(b, ` data-p="`...)
	b = e(b, f.Priority.String())
	b = append(b, `" data-sys="`...)
	b = e(b, f.System)
	b = append(b, `" data-state="`...)
	b = e(b, string(f.State))
	b = append(b, '"')
	if f.Kind != model.KindVulnerability {
		b = append(b, ` data-kind="`...)
		b = e(b, string(f.Kind))
		b = append(b, '"')
	}
	if f.Overdue {
		b = append(b, ` data-od="1"`...)
	}
	if f.Exploited {
		b = append(b, ` data-ex="1"`...)
	}
	b = append(b, ">\n<td data-v=\""...)
	b = strconv.AppendInt(b, int64(f.PriorityRank()), 10)
	b = append(b, `"><span class="badge `...)
	b = append(b, prioClass(f.Priority)...)
	b = append(b, `">`...)
	b = e(b, f.Priority.String())
	return append(b, "</span>"...)
}

// sysCell appends the system's name, linked to its page when it has one.
func sysCell(b []byte, lb *labels, s *rowSrc, depth int) []byte {
	name := s.f.System
	if s.sys != nil {
		name = s.sys.s.Name.Get(lb.lang)
		if h := s.sys.href(depth); h != "" {
			b = append(b, `<a href="`...)
			b = append(b, h...)
			b = append(b, `">`...)
			b = escapeHTML(b, name)
			return append(b, "</a>"...)
		}
	}
	return escapeHTML(b, name)
}

// productCell appends the product's name and version.
func productCell(b []byte, f *model.Finding) []byte {
	if f.ProductName != "" {
		b = escapeHTML(b, f.ProductName)
	} else {
		b = escapeHTML(b, f.Product)
	}
	b = append(b, ` <span class="ver">`...)
	b = escapeHTML(b, f.Version)
	return append(b, "</span>"...)
}

// findingRest appends a finding row's cells from the score on.
func (w rowWriter) findingRest(b []byte, ix *index, lb *labels, s *rowSrc) []byte {
	f, e := &s.f, escapeHTML
	score, version := cvssOf(f)
	if f.HasCVSS {
		b = e(b, score)
		b = append(b, `">`...)
		b = cvssCell(b, score, version)
	} else {
		b = append(b, `-1" class="nodata">`...)
		b = e(b, lb.nodata)
	}
	b = append(b, "</td>\n<td data-v=\""...)
	if f.HasEPSS {
		b = appendFloat(b, f.EPSS, 5)
	} else {
		b = append(b, "-1"...)
	}
	b = append(b, `">`...)
	b = w.kevOf(b, f)
	b = epssCell(b, f)
	stage := stageNumber(string(f.Stage))
	b = append(b, "</td>\n<td data-v=\""...)
	b = strconv.AppendInt(b, int64(stage), 10)
	b = append(b, `"><span class="stage s`...)
	b = strconv.AppendInt(b, int64(stage), 10)
	b = append(b, `">`...)
	b = e(b, lb.get(lb.stage, string(f.Stage), "stage."))
	due := ix.date(f.Due)
	b = append(b, "</span></td>\n<td data-v=\""...)
	b = e(b, due)
	b = append(b, `"><span class="nw">`...)
	b = e(b, due)
	b = append(b, "</span>"...)
	if f.Overdue {
		b = append(b, ` <span class="tag od">`...)
		b = append(b, w.overdue...)
		b = append(b, "</span>"...)
	}
	if f.DueSource != "" && f.DueSource != "sla" {
		b = append(b, ` <span class="note">`...)
		b = e(b, lb.get(lb.dueSource, f.DueSource, "due_source."))
		b = append(b, "</span>"...)
	}
	b = append(b, "</td>\n<td>"...)
	b = e(b, lb.get(lb.state, string(f.State), "state."))
	return append(b, "</td>\n</tr>\n"...)
}

// miniOf appends finding fi's "mini-row".
func (w rowWriter) miniOf(b []byte, ix *index, lb *labels, fi int32, depth int) []byte {
	s := ix.src(fi, depth)
	f, e := &s.f, escapeHTML
	b = append(b, `<tr><td><span class="badge `...)
	b = append(b, prioClass(f.Priority)...)
	b = append(b, `">`...)
	b = e(b, f.Priority.String())
	b = append(b, "</span></td><td class=\"ids\">"...)
	b = fullIDs(b, ix, lb, &s)
	b = append(b, "</td><td>"...)
	b = e(b, ix.date(f.Due))
	if f.Overdue {
		b = append(b, ` <span class="tag od">`...)
		b = append(b, w.overdue...)
		b = append(b, "</span>"...)
	}
	b = append(b, "</td><td>"...)
	b = e(b, lb.get(lb.state, string(f.State), "state."))
	return append(b, "</td></tr>\n"...)
}

// fullIDs writes the ids cell of the short rows ("view-row", "mini-row"):
// the end-of-life date or the ids, linked to the finding's whole row.
func fullIDs(b []byte, ix *index, lb *labels, s *rowSrc) []byte {
	b = append(b, `<a href="`...)
	b, linked := ix.fullHref(b, s.fi, s.depth)
	if linked {
		b = append(b, `">`...)
	} else {
		b = b[:len(b)-len(`<a href="`)]
	}
	f := &s.f
	if f.Kind == model.KindEOL {
		b = escapeHTML(b, lb.get(lb.kind, string(f.Kind), "kind."))
		b = append(b, " ("...)
		b = escapeHTML(b, ix.date(f.EOL))
		b = append(b, ')')
	} else {
		b = idsText(b, ix, s.fi)
	}
	if linked {
		b = append(b, "</a>"...)
	}
	return b
}

// idsText writes a vulnerability's ids, each in a span.
func idsText(b []byte, ix *index, fi int32) []byte {
	if k := ix.fvuln[fi]; k >= 0 && !ix.ownIDs[fi] {
		return append(b, ix.vulnList[k].idsHTML...)
	}
	for _, id := range ix.orderedIDs(fi) {
		b = append(b, "<span>"...)
		b = escapeHTML(b, id)
		b = append(b, "</span> "...)
	}
	return b
}

// affectedOf appends finding fi's "affected-row" as fastAffected writes
// the affected entry advisory builds of it.
func (w rowWriter) affectedOf(b []byte, ix *index, lb *labels, fi int32, depth int) []byte {
	f, s := ix.r.Findings.At(int(fi)), ix.sysOf(fi)
	name, href := f.System, relLink("")
	if s != nil {
		if !s.s.Name.IsZero() {
			name = s.s.Name.Get(lb.lang)
		}
		href = s.href(depth)
	}
	b = append(b, `<tr><th scope="row">`...)
	if href != "" {
		b = append(b, `<a href="`...)
		b = append(b, href...)
		b = append(b, `">`...)
		b = escapeHTML(b, name)
		b = append(b, "</a>"...)
	} else {
		b = escapeHTML(b, name)
	}
	b = append(b, "</th><td>"...)
	b = escapeHTML(b, f.ProductName)
	b = append(b, "</td><td>"...)
	b = escapeHTML(b, f.Version)
	b = append(b, `</td><td><span class="badge `...)
	b = append(b, prioClass(f.Priority)...)
	b = append(b, `">`...)
	b = escapeHTML(b, f.Priority.String())
	b = append(b, `</span></td><td><span class="nw">`...)
	b = escapeHTML(b, ix.date(f.Due))
	b = append(b, "</span>"...)
	if f.Overdue {
		b = append(b, ` <span class="tag od">`...)
		b = append(b, w.overdue...)
		b = append(b, "</span>"...)
	}
	b = append(b, "</td><td>"...)
	b = escapeHTML(b, lb.get(lb.state, string(f.State), "state."))
	return append(b, "</td></tr>\n"...)
}

// idsOf writes the advisory cell as rowWriter.ids does.
func idsOf(b []byte, ix *index, lb *labels, s *rowSrc) []byte {
	f := &s.f
	if f.Kind == model.KindEOL {
		b = escapeHTML(b, lb.get(lb.kind, string(f.Kind), "kind."))
		b = append(b, " ("...)
		b = escapeHTML(b, ix.date(f.EOL))
		return append(b, ')')
	}
	if s.href != "" {
		b = append(b, `<a href="`...)
		b = append(b, s.href...)
		b = append(b, `">`...)
	}
	b = idsText(b, ix, s.fi)
	if s.href != "" {
		b = append(b, "</a>"...)
	}
	return b
}

// cvssOf returns a finding's score as text (escaped: digits and a point)
// and its version.
func cvssOf(f *model.Finding) (string, string) {
	score, _ := cvssStrings(f.CVSS, "")
	return score, f.CVSSVersion
}

// cvssCell writes a score with its version as cvssStrings joins them.
func cvssCell(b []byte, score, version string) []byte {
	b = escapeHTML(b, score)
	if version != "" {
		b = append(b, " (v"...)
		b = escapeHTML(b, version)
		b = append(b, ')')
	}
	return b
}

// epssCell writes the EPSS score as a percentage, or "-".
func epssCell(b []byte, f *model.Finding) []byte {
	if !f.HasEPSS {
		return append(b, '-')
	}
	b = appendFloat(b, f.EPSS*100, 1)
	return append(b, '%')
}

// appendFloat appends v with prec decimals, escaped ("+Inf" has a '+').
func appendFloat(b []byte, v float64, prec int) []byte {
	n := len(b)
	b = strconv.AppendFloat(b, v, 'f', prec, 64)
	if b[n] == '+' {
		return escapeHTML(b[:n], string(b[n:]))
	}
	return b
}

// kevOf writes the exploitation tag.
func (w rowWriter) kevOf(b []byte, f *model.Finding) []byte {
	switch {
	case f.KEV:
		b = append(b, `<span class="tag kev">KEV</span> `...)
	case f.Exploited:
		b = append(b, `<span class="tag kev">`...)
		b = append(b, w.exploited...)
		b = append(b, "</span> "...)
	}
	return b
}
