package site

import (
	"runtime"
	"strings"
	"sync"

	"vulnreport/generator/internal/report"
)

// headView is a headline with the findings behind it.
type headView struct {
	key   string
	h     report.Headline
	query string
	idx   []int32
}

// headlineQueries returns the filter queries that may reproduce a
// headline's figure, in the order they are tried. A headline counts open
// findings unless its link says otherwise, so "state=open" is added first
// when the link has no state; if no query gives the figure, the first is
// used and the list page says how many rows it holds.
func headlineQueries(h report.Headline) []string {
	if strings.Contains(h.Link, "state=") {
		return []string{h.Link}
	}
	return []string{h.Link + "&state=open", h.Link}
}

// viewTry is one query of a headline, with the findings it selects.
type viewTry struct {
	view  int
	query string
	fl    filter
	idx   []int32
}

// planViews selects the findings behind every linked headline, once: a
// single pass over the findings tries every headline's queries, each
// processor on its share of the findings, instead of a pass for each
// query.
func (b *builder) planViews() {
	var tries []viewTry
	for i, h := range b.r.Summary.Headlines {
		if h.Link == "" || !validID(h.Key) {
			continue
		}
		for _, q := range headlineQueries(h) {
			tries = append(tries, viewTry{view: i, query: q, fl: parseFilter(q)})
		}
	}
	if len(tries) == 0 {
		return
	}
	n := b.r.Findings.Len()
	parts := max(runtime.GOMAXPROCS(0), 1)
	found := make([][][]int32, parts)
	var wg sync.WaitGroup
	for part := range parts {
		wg.Go(func() {
			out := make([][]int32, len(tries))
			for j := n * part / parts; j < n*(part+1)/parts; j++ {
				f := b.r.Findings.At(j)
				s := b.ix.sys[f.System]
				for k := range tries {
					if tries[k].fl.match(&f, s) {
						out[k] = append(out[k], int32(j))
					}
				}
			}
			found[part] = out
		})
	}
	wg.Wait()
	for k := range tries {
		size := 0
		for _, out := range found {
			size += len(out[k])
		}
		if size > 0 {
			tries[k].idx = make([]int32, 0, size)
			for _, out := range found {
				tries[k].idx = append(tries[k].idx, out[k]...)
			}
		}
	}
	for k := 0; k < len(tries); {
		h := b.r.Summary.Headlines[tries[k].view]
		pick := k
		end := k
		for end < len(tries) && tries[end].view == tries[k].view {
			end++
		}
		for t := k; t < end; t++ {
			if len(tries[t].idx) == h.Value {
				pick = t
				break
			}
		}
		b.views = append(b.views, headView{key: h.Key, h: h, query: tries[pick].query, idx: tries[pick].idx})
		k = end
	}
}
