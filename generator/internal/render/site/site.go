package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"vulnreport/generator/internal/chart"
	"vulnreport/generator/internal/content"
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/report"
)

// siteRenderer renders the site; templates and content pages are read and
// parsed once, in New.
type siteRenderer struct {
	ts    *templateSet
	pages []content.Page
	err   error
	// pageSize is the most rows a findings page holds.
	pageSize int
	// slow turns the fast row and page writers off (for tests that
	// compare).
	slow bool
}

// PageSize is the most findings one list page holds; longer lists are
// split into pages.
const PageSize = 500

var _ render.Renderer = (*siteRenderer)(nil)

// New returns the site renderer. Templates come from the built-in set with
// deps.Templates overriding it file by file; deps.Content holds the
// Markdown pages. Problems reading either are returned by Render.
func New(deps render.Deps) render.Renderer {
	sr := &siteRenderer{pageSize: PageSize}
	sr.ts, sr.err = loadTemplates(deps.Templates, i18n.Supported)
	if sr.err == nil {
		pages, err := content.Load(deps.Content)
		if err != nil {
			sr.err = fmt.Errorf("reading content pages: %w", err)
		}
		sr.pages = pages
	}
	return sr
}

// Render writes the site for every language of r.
func (sr *siteRenderer) Render(ctx context.Context, r *report.Report, w render.Writer) error {
	if sr.err != nil {
		return sr.err
	}
	for _, a := range sr.ts.assets {
		p, err := assetPath(a.name)
		if err != nil {
			return fmt.Errorf("asset %s: %w", a.name, err)
		}
		if a.name == sysDataName {
			return fmt.Errorf("asset %s: the site writes that file itself (the systems' filter values)", a.name)
		}
		if err := w.WriteFile(p, a.data); err != nil {
			return err
		}
	}
	data, err := sysData(r)
	if err != nil {
		return err
	}
	if err := w.WriteFile(mustPath(kAsset, sysDataName, 1), data); err != nil {
		return err
	}
	b := newBuilder(r, sr.pages, sr.pageSize)
	b.fast, b.ts = sr.ts.fastRows && !sr.slow, sr.ts
	for _, l := range b.langs {
		b.rw[l] = newRowWriter(l)
	}
	var jobs []job
	for _, l := range b.langs {
		js, err := b.jobs(l)
		if err != nil {
			return err
		}
		jobs = append(jobs, js...)
	}
	return sr.run(ctx, jobs, w)
}

// job is one page to render: where, with which template, and a function
// that builds its data when a worker gets to it. write, when set, writes
// the whole page instead (fastpage.go); when it declines, the template
// renders the page.
type job struct {
	page  *Page
	lang  i18n.Lang
	tmpl  string
	data  func(p *Page) any
	write func(buf []byte, p *Page) ([]byte, bool)
}

// run renders jobs on all processors, each worker writing the pages it
// renders: the files do not depend on the order they are written in, and
// hashing and writing them then runs on every processor too. Each worker
// renders into one buffer of its own, reused page after page, since
// Writers do not keep data. When pages fail, the error of the first in
// job order among them is returned.
func (sr *siteRenderer) run(ctx context.Context, jobs []job, w render.Writer) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errs := make([]error, len(jobs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(runtime.GOMAXPROCS(0), 1) {
		wg.Go(func() {
			var scratch []byte
			var buf bytes.Buffer
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= len(jobs) {
					return
				}
				data, err := sr.render(&jobs[i], &scratch, &buf)
				if err != nil {
					err = fmt.Errorf("%s: %w", jobs[i].page.out, err)
				} else {
					err = w.WriteFile(jobs[i].page.out, data)
				}
				if err != nil {
					errs[i] = err
					cancel()
					return
				}
				if cap(scratch) > maxKept {
					scratch = nil // one very large page need not stay allocated
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return ctx.Err()
}

// maxKept is the largest page buffer kept for reuse.
const maxKept = 4 << 20

// render renders one page, with scratch (for the page writers, which
// return the page in it) and buf (for the templates, whose pages come in
// a new slice) as space to work in.
func (sr *siteRenderer) render(j *job, scratch *[]byte, buf *bytes.Buffer) ([]byte, error) {
	if j.write != nil {
		out, ok := j.write((*scratch)[:0], j.page)
		*scratch = out[:0]
		if ok {
			if bytes.IndexByte(out, 0) >= 0 {
				return nil, errors.New("page holds a NUL byte")
			}
			return out, nil
		}
	}
	buf.Reset()
	j.page.D = j.data(j.page)
	defer func() { j.page.D = nil }()
	if err := sr.ts.execute(buf, j.lang, j.tmpl, j.page); err != nil {
		return nil, err
	}
	return j.page.assemble(buf.Bytes())
}

// builder plans the pages of a report.
type builder struct {
	r        *report.Report
	ix       *index
	charts   chart.Set
	langs    []i18n.Lang
	pages    []content.Page
	pageSize int
	views    []headView
	// fast is set when the built-in row templates are in use, so that rows
	// may be written by the fast path.
	fast bool
	ts   *templateSet
	// nav caches the rendered navigation (see Page.NavHTML).
	nav sync.Map
	// rw holds each language's fast writer; pool recycles its buffers.
	rw      map[i18n.Lang]rowWriter
	pool    sync.Pool
	rowPool sync.Pool
	// lb holds each language's labels for rows.
	lb map[i18n.Lang]*labels
	// eolDepts are the lifecycle page's counts by department, made once
	// for every language (eolByDept).
	eolOnce  sync.Once
	eolDepts []deptWindow
}

func newBuilder(r *report.Report, pages []content.Page, pageSize int) *builder {
	b := &builder{r: r, pages: pages, pageSize: max(pageSize, 1), rw: map[i18n.Lang]rowWriter{}, lb: map[i18n.Lang]*labels{}}
	var wg sync.WaitGroup
	wg.Go(func() { b.charts = chart.Build(r) })
	b.ix = newIndex(r)
	b.ix.pageSize = b.pageSize
	for _, l := range r.Languages {
		if l.Valid() && !containsLang(b.langs, l) {
			b.langs = append(b.langs, l)
		}
	}
	if len(b.langs) == 0 {
		b.langs = []i18n.Lang{i18n.JA}
	}
	for _, l := range b.langs {
		b.lb[l] = newLabels(l)
		b.lb[l].sentences = newSentences(r, l)
	}
	b.planViews()
	wg.Wait()
	return b
}

func containsLang(ls []i18n.Lang, l i18n.Lang) bool {
	for _, x := range ls {
		if x == l {
			return true
		}
	}
	return false
}
