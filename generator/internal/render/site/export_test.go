package site

import "vulnreport/generator/internal/render"

// NewPaged is New with a findings page size, for tests of paging.
func NewPaged(deps render.Deps, pageSize int) render.Renderer {
	r := New(deps).(*siteRenderer)
	r.pageSize = pageSize
	return r
}

// NewSlow is NewPaged with the fast row writers off: every row through
// the templates.
func NewSlow(deps render.Deps, pageSize int) render.Renderer {
	r := NewPaged(deps, pageSize).(*siteRenderer)
	r.slow = true
	return r
}

// EscapeHTML exposes the fast path's escaper to the tests.
func EscapeHTML(s string) string { return string(escapeHTML(nil, s)) }
