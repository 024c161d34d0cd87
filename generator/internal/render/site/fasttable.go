package site

import "time"

// Most tables the page writers write have the one shape the templates
// give them: a caption (for screen readers only, class "vh", unless the
// table shows its title), a head row of column labels, then rows that
// each open with a heading cell; some sit in a scrolling region labelled
// by their caption. These write that shape, so that a writer lists only
// its columns and cells.

// openTable appends a table's opening up to its head row's cells, with
// caption (escaped text) as its caption, shown or for screen readers only.
func openTable(b []byte, caption string, shown bool) []byte {
	if shown {
		b = append(b, "<table>\n<caption>"...)
	} else {
		b = append(b, "<table>\n<caption class=\"vh\">"...)
	}
	b = append(b, caption...)
	return append(b, "</caption>\n<thead><tr>"...)
}

// openScrollTable is openTable, the caption for screen readers only, in a
// scrolling region that the caption labels.
func openScrollTable(b []byte, caption string) []byte {
	b = append(b, `<div class="scroll" tabindex="0" role="region" aria-label="`...)
	b = append(b, caption...)
	b = append(b, "\">\n"...)
	return openTable(b, caption, false)
}

// colHeads appends a column head labelled by each key, then closes the
// head and opens the body.
func (w *pageWriter) colHeads(b []byte, keys ...string) []byte {
	for _, k := range keys {
		b = w.text(b, `<th scope="col">`, k, "</th>")
	}
	return append(b, "</tr></thead>\n<tbody>"...)
}

// rowHead opens a row with its heading cell, text escaped.
func rowHead(b []byte, text string) []byte {
	b = append(b, `<tr><th scope="row">`...)
	b = escapeHTML(b, text)
	return append(b, "</th>"...)
}

// dateCells appends each date as a cell (dTime) after the one before:
// the row's open cell is closed first, the last is left open.
func dateCells(b []byte, dates ...time.Time) []byte {
	for _, t := range dates {
		b = dTime(append(b, "</td><td>"...), t)
	}
	return b
}

// lifecycleTag appends a lifecycle status as its tag, the "lc" class of
// the status and its label.
func lifecycleTag(b []byte, lb *labels, status string) []byte {
	b = append(b, `<span class="lc `...)
	b = escapeHTML(b, status)
	b = append(b, `">`...)
	b = escapeHTML(b, lb.get(lb.lifecycle, status, "lifecycle."))
	return append(b, "</span>"...)
}
