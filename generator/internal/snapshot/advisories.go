package snapshot

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/source"
)

// advisoryFile reads one user advisory file; CSV rows sharing an id merge
// as they are read, and the merged advisories are decoded once the file
// has been read.
func (l *loader) advisoryFile(name string) {
	known := source.KnownFields(probe(advisory.Decode), "affected.product", "affected.versions")
	if !strings.HasSuffix(strings.ToLower(name), ".csv") {
		cache := advisory.NewCache()
		l.records(name, "advisories", advisory.Aliases, known, nil, false, func(r source.Record, st *source.FileStat) {
			if l.advisory(name, r, nil, cache) {
				st.Accepted++
			} else {
				st.Rejected++
			}
		})
		return
	}
	required := source.RequiredFields(probe(advisory.Decode))
	// A build that keeps only the advisories that can matter decodes each
	// as soon as its rows end (advstream.go).
	if l.rel != nil && l.streamAdvisories(name, known, required) {
		return
	}
	var st *source.FileStat
	m := advisory.NewMerger(l.diags)
	grown := false
	l.records(name, "advisories", advisory.Aliases, known, required, false, func(r source.Record, s *source.FileStat) {
		if !grown && l.expect > s.Read && s.Read > 0 {
			// Make room for the advisories still to come, at the rate
			// rows made new advisories so far.
			m.Grow(int(int64(l.expect-s.Read) * int64(m.Len()) / int64(s.Read)))
			grown = true
		}
		st = s
		m.Add(r)
	})
	if m.Len() > 0 {
		l.decodeMerged(name, m, st)
	}
}

// advisory decodes one advisory record, merged from rows among which
// conflicts were found, and reports whether it was accepted. An advisory
// that names no product of a component is only checked, and kept as a
// stub, when the loader keeps only what can matter (relevance.go).
func (l *loader) advisory(name string, rec source.Record, conflicts []string, cache *advisory.Cache) bool {
	decode, keys, full := advisory.DecodeWith, []string(nil), true
	if l.rel != nil {
		if keys, full = l.rel.classify(advisory.AffectedProducts(rec)); !full {
			decode = advisory.DecodeChecked
		}
	}
	a, d := decode(rec, l.diags, cache)
	defer d.Release()
	if d.Finish() && len(conflicts) == 0 {
		a.Origin = name
		if !full {
			l.rel.stub(&a, keys)
		}
		l.s.Advisories = append(l.s.Advisories, a)
		return true
	}
	reasons := append(slices.Clone(d.Reasons()), conflicts...)
	l.s.Rejections = append(l.s.Rejections, source.Rejection{Pos: rec.Pos, Location: rec.Pos.String(), Kind: "advisories", ID: a.ID, Reasons: reasons})
	return false
}

// mergedChunk is how many merged advisories one worker decodes at a time.
const mergedChunk = 1024

// decoded is the outcome of decoding one chunk of merged advisories, kept
// until the chunks before it have been added to the snapshot.
type decoded struct {
	loader           // with the chunk's own diagnostics and snapshot
	found            source.Diagnostics
	accepted, reject int
	panicked         any
	done             chan struct{}
}

// decodeMerged decodes the advisories of m on all processors, chunk by
// chunk, and adds what each chunk gives — advisories, rejections,
// diagnostics, counts — in order, as decoding them one after the other
// would.
func (l *loader) decodeMerged(name string, m *advisory.Merger, st *source.FileStat) {
	n := m.Len()
	l.s.Advisories = slices.Grow(l.s.Advisories, n)
	chunks := make([]*decoded, (n+mergedChunk-1)/mergedChunk)
	for k := range chunks {
		c := &decoded{done: make(chan struct{})}
		c.diags, c.s, c.rel = &c.found, &Snapshot{}, l.rel
		chunks[k] = c
	}
	var next atomic.Int64
	cache := advisory.NewCache()
	for range min(runtime.GOMAXPROCS(0), len(chunks)) {
		go func() {
			for {
				k := int(next.Add(1) - 1)
				if k >= len(chunks) {
					return
				}
				chunks[k].decode(name, m, k, cache)
			}
		}()
	}
	for k, c := range chunks {
		<-c.done
		chunks[k] = nil
		if c.panicked != nil {
			panic(c.panicked)
		}
		l.diags.Add(c.found.Since(0)...)
		l.s.Advisories = append(l.s.Advisories, c.s.Advisories...)
		l.s.Rejections = append(l.s.Rejections, c.s.Rejections...)
		st.Accepted += c.accepted
		st.Rejected += c.reject
	}
}

// decode decodes the merged advisories of chunk k.
func (c *decoded) decode(name string, m *advisory.Merger, k int, cache *advisory.Cache) {
	defer close(c.done)
	defer func() {
		if p := recover(); p != nil {
			c.panicked = fmt.Errorf("decoding advisories of %s: %v", name, p)
		}
	}()
	from, to := k*mergedChunk, min((k+1)*mergedChunk, m.Len())
	c.s.Advisories = make([]advisory.Advisory, 0, to-from)
	for j := from; j < to; j++ {
		rec, rows, conflicts := m.Take(j)
		if c.advisory(name, rec, conflicts, cache) {
			c.accepted += rows
		} else {
			c.reject += rows
		}
	}
}
