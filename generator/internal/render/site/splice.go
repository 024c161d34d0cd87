package site

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"strconv"
)

// Large blocks written by the fast path (fastrows.go) do not go through
// the template engine as strings: the template prints a short marker and
// the block's bytes are spliced in after execution. The marker is
// "\x00vr:N\x00". It cannot come from anything else on the page: every
// text html/template or the fast path writes has NUL replaced by U+FFFD,
// and goldmark replaces NUL in Markdown the same way. A page whose markers
// do not match its blocks one for one is an error.

var markerPrefix = []byte("\x00vr:")

// fast runs a fast writer into a pooled buffer and returns the marker of
// its block, or "" when the writer declined (the template then renders
// the rows itself).
func (p *Page) fast(write func([]byte) ([]byte, bool)) template.HTML {
	bp, _ := p.b.pool.Get().(*[]byte)
	if bp == nil {
		bp = new([]byte)
	}
	out, ok := write((*bp)[:0])
	if !ok {
		*bp = out[:0]
		p.b.pool.Put(bp)
		return ""
	}
	*bp = out
	p.splices = append(p.splices, bp)
	return template.HTML("\x00vr:" + strconv.Itoa(len(p.splices)-1) + "\x00") // a marker, replaced in assemble
}

// rowBuf returns an empty slice for n rows from the builder's pool; it
// goes back when the page is assembled.
func (p *Page) rowBuf(n int) []row {
	rp, _ := p.b.rowPool.Get().(*[]row)
	if rp == nil || cap(*rp) < n {
		s := make([]row, 0, max(n, 16))
		rp = &s
	}
	p.rowBufs = append(p.rowBufs, rp)
	return (*rp)[:0]
}

// assemble returns the page with every marker replaced by its block, in a
// new buffer of the exact size, and recycles the blocks and rows.
func (p *Page) assemble(page []byte) ([]byte, error) {
	defer func() {
		for _, bp := range p.splices {
			*bp = (*bp)[:0]
			p.b.pool.Put(bp)
		}
		p.splices = nil
		for _, rp := range p.rowBufs {
			clear((*rp)[:cap(*rp)])
			*rp = (*rp)[:0]
			p.b.rowPool.Put(rp)
		}
		p.rowBufs = nil
	}()
	if len(p.splices) == 0 {
		if bytes.IndexByte(page, 0) >= 0 {
			return nil, errors.New("page holds a NUL byte outside a block")
		}
		return bytes.Clone(page), nil
	}
	size := len(page)
	for _, bp := range p.splices {
		size += len(*bp)
	}
	out := make([]byte, 0, size)
	next := 0
	for len(page) > 0 {
		i := bytes.IndexByte(page, 0)
		if i < 0 {
			out = append(out, page...)
			break
		}
		out = append(out, page[:i]...)
		rest := page[i:]
		if !bytes.HasPrefix(rest, markerPrefix) {
			return nil, errors.New("page holds a NUL byte outside a block")
		}
		end := bytes.IndexByte(rest[len(markerPrefix):], 0)
		if end < 0 {
			return nil, errors.New("unterminated block marker")
		}
		n, err := strconv.Atoi(string(rest[len(markerPrefix) : len(markerPrefix)+end]))
		if err != nil || n != next {
			return nil, fmt.Errorf("block marker %q out of order", rest[:len(markerPrefix)+end+1])
		}
		out = append(out, *p.splices[n]...)
		next++
		page = rest[len(markerPrefix)+end+1:]
	}
	if next != len(p.splices) {
		return nil, fmt.Errorf("%d of %d blocks placed", next, len(p.splices))
	}
	return out, nil
}
