package snapshot

import (
	"runtime"
	"slices"
	"sync"
	"time"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/source"
)

// The rows of one advisory in a CSV file need not be adjacent, so the
// merger holds every row until the file is read: for a feed-sized file
// (200,000 advisories) that is the whole file in records, about half a
// gigabyte, on top of the advisories decoded from it. Rows of one
// advisory are adjacent in practice (a feed export writes them so), and
// when a build keeps only the advisories that can matter
// (Options.KeepRelevant) each advisory is decoded, and reduced, as soon as
// a row of another one follows its rows: the merger then holds one
// advisory at a time. The file is read on a loader of its own; should a
// row come for an advisory already decoded, everything that reading gave
// is dropped and the file is read again the one-pass way. Otherwise the
// merged records are the ones decodeMerged would decode, and the
// advisories, rejections, counts and diagnostics the same, in the same
// order but for the diagnostics', which are sorted by position.

// streamAdvisories reads the CSV advisory file name with each advisory
// decoded as soon as its rows end, and reports whether it could: false
// when rows of one advisory are apart, and then nothing of the file was
// kept.
func (l *loader) streamAdvisories(name string, known func(string) bool, required []string) bool {
	t := &loader{fsys: l.fsys, opt: l.opt, diags: new(source.Diagnostics), s: &Snapshot{}, stats: map[string]*source.FileStat{}, rel: l.rel}
	m := advisory.NewMerger(t.diags)
	s := t.newAdvisoryStream(name, m)
	t.records(name, "advisories", advisory.Aliases, known, required, false, s.add)
	if !s.finish() {
		return false
	}
	l.diags.Add(t.diags.Since(0)...)
	if len(l.s.Advisories) == 0 {
		l.s.Advisories = t.s.Advisories
	} else {
		l.s.Advisories = append(l.s.Advisories, t.s.Advisories...)
	}
	l.s.Rejections = append(l.s.Rejections, t.s.Rejections...)
	l.s.Fatal = append(l.s.Fatal, t.s.Fatal...)
	for k, v := range t.stats {
		l.stats[k] = v
	}
	return true
}

// takenAdvisory is one merged advisory handed to a decoding worker.
type takenAdvisory struct {
	j         int
	rec       source.Record
	rows      int
	conflicts []string
}

// streamChunk is a batch of merged advisories decoded by one worker,
// with what decoding them gave.
type streamChunk struct {
	decoded
	items []takenAdvisory
	// index[i] is the merger's index of c.s.Advisories[i].
	index []int
}

// advisoryStream decodes the advisories of one CSV file as their rows
// end, on all processors but the reader's share, and adds each chunk
// decoded as soon as the chunks before it are added: what is in flight is
// a few chunks, never the file. Of the advisories added it holds a stub's
// fields, or the advisory kept in full, until the file ends.
type advisoryStream struct {
	l     *loader
	name  string
	m     *advisory.Merger
	cache *advisory.Cache
	st    *source.FileStat
	batch []takenAdvisory
	// queue holds the chunks handed to the workers and not yet added,
	// in the order of the file.
	queue []*streamChunk
	work  chan *streamChunk
	wg    sync.WaitGroup
	// open is the merger's index of the advisory whose rows are being
	// read, -1 before the first row.
	open int
	// apart is set when a row comes for an advisory already decoded.
	apart bool
	// last is the merger's index of the last advisory added, to check
	// that they are added in order; panicked is a worker's panic, raised
	// once the workers are done.
	last     int
	panicked any
	// items and advs are the emptied lists of the chunks added, which the
	// next chunks reuse.
	items [][]takenAdvisory
	advs  [][]advisory.Advisory
	// held lists the advisories added, chunk by chunk, and full those of
	// them kept in full, until finish makes the file's advisories.
	held [][]held
	full []advisory.Advisory
}

// held is what the stream keeps of an advisory added until the file is
// read: the fields of a stub (relevance.stub) or, with stub nil, a mark
// for the next advisory kept in full. It is a third of the size of an
// advisory.Advisory, whose slice for the file is made once, at its end:
// 200,000 of them are 85 MiB, which would otherwise be live while the
// whole file is read.
type held struct {
	id                 string
	aliases            []string
	source, origin     string
	pos                source.Pos
	published, updated time.Time
	stub               *advisory.Stub
}

func (l *loader) newAdvisoryStream(name string, m *advisory.Merger) *advisoryStream {
	s := &advisoryStream{l: l, name: name, m: m, cache: advisory.NewCache(), work: make(chan *streamChunk, 4), open: -1, last: -1}
	for range max(runtime.GOMAXPROCS(0), 1) {
		s.wg.Go(func() {
			for c := range s.work {
				c.decodeItems(name, s.cache)
			}
		})
	}
	return s
}

// add merges row r, read from the file counted by st; a row of another
// advisory than the one open closes that one, which is queued for
// decoding.
func (s *advisoryStream) add(r source.Record, st *source.FileStat) {
	s.st = st
	if s.apart {
		return
	}
	j := s.m.Add(r)
	switch {
	case j == s.open:
		return
	case j < s.open:
		s.apart = true
		return
	}
	s.take()
	s.open = j
}

// take queues the open advisory for decoding and lets the merger forget
// it.
func (s *advisoryStream) take() {
	if s.open < 0 {
		return
	}
	rec, rows, conflicts := s.m.Take(s.open)
	s.m.Release(s.open + 1)
	if s.batch == nil {
		s.batch = pop(&s.items)
		if s.batch == nil {
			s.batch = make([]takenAdvisory, 0, mergedChunk)
		}
	}
	s.batch = append(s.batch, takenAdvisory{s.open, rec, rows, conflicts})
	if len(s.batch) == mergedChunk {
		s.dispatch()
	}
}

// dispatch hands the batch to the workers and adds the chunks they have
// finished.
func (s *advisoryStream) dispatch() {
	if len(s.batch) > 0 {
		c := &streamChunk{items: s.batch}
		c.diags, c.s, c.rel, c.done = &c.found, &Snapshot{Advisories: pop(&s.advs)}, s.l.rel, make(chan struct{})
		s.batch = nil
		s.queue = append(s.queue, c)
		s.work <- c
	}
	s.drain(false)
}

// drain adds the chunks at the head of the queue that are decoded; with
// wait it waits for every chunk.
func (s *advisoryStream) drain(wait bool) {
	for len(s.queue) > 0 {
		c := s.queue[0]
		if !wait {
			select {
			case <-c.done:
			default:
				return
			}
		}
		<-c.done
		s.queue[0] = nil
		s.queue = s.queue[1:]
		s.addChunk(c)
	}
}

// addChunk adds what decoding chunk c gave to the loader — rejections,
// diagnostics and counts — as decoding its advisories there one after the
// other would, and holds its advisories.
func (s *advisoryStream) addChunk(c *streamChunk) {
	if c.panicked != nil {
		if s.panicked == nil {
			s.panicked = c.panicked
		}
		return
	}
	l := s.l
	l.diags.Add(c.found.Since(0)...)
	hs := make([]held, len(c.s.Advisories))
	for i := range c.s.Advisories {
		a := &c.s.Advisories[i]
		if a.Stub == nil {
			s.full = append(s.full, *a)
			continue
		}
		hs[i] = held{a.ID, a.Aliases, a.Source, a.Origin, a.Pos, a.Published, a.Updated, a.Stub}
	}
	s.held = append(s.held, hs)
	clear(c.s.Advisories)
	s.advs = append(s.advs, c.s.Advisories[:0])
	s.items = append(s.items, c.items[:0])
	l.s.Rejections = append(l.s.Rejections, c.s.Rejections...)
	s.st.Accepted += c.accepted
	s.st.Rejected += c.reject
	for _, j := range c.index {
		if j <= s.last {
			panic("snapshot: advisories decoded out of their order") // take closes them in index order
		}
		s.last = j
	}
}

// advisories appends the advisories added to advs, in order.
func (s *advisoryStream) advisories(advs []advisory.Advisory) []advisory.Advisory {
	n := 0
	for _, hs := range s.held {
		n += len(hs)
	}
	advs = slices.Grow(advs, n)
	full := s.full
	for _, hs := range s.held {
		for _, h := range hs {
			if h.stub == nil {
				advs, full = append(advs, full[0]), full[1:]
				continue
			}
			advs = append(advs, advisory.Advisory{ID: h.id, Aliases: h.aliases, Source: h.source, Origin: h.origin, Pos: h.pos,
				Published: h.published, Updated: h.updated, Stub: h.stub})
		}
	}
	s.held, s.full = nil, nil
	return advs
}

// finish decodes the advisory still open, waits for the workers, adds
// the chunks not yet added and gives the loader the file's advisories. It
// reports false when rows of one advisory were apart: then the caller
// drops everything the loader was given.
func (s *advisoryStream) finish() bool {
	if !s.apart {
		s.take()
	}
	s.dispatch()
	close(s.work)
	s.drain(true)
	s.wg.Wait()
	if s.panicked != nil {
		panic(s.panicked)
	}
	if s.apart {
		return false
	}
	s.l.s.Advisories = s.advisories(s.l.s.Advisories)
	return true
}

// decodeItems decodes a chunk's merged advisories.
func (c *streamChunk) decodeItems(name string, cache *advisory.Cache) {
	defer close(c.done)
	defer func() {
		if p := recover(); p != nil {
			c.panicked = p
		}
	}()
	if c.s.Advisories == nil {
		c.s.Advisories = make([]advisory.Advisory, 0, len(c.items))
	}
	for _, it := range c.items {
		n := len(c.s.Advisories)
		if c.advisory(name, it.rec, it.conflicts, cache) {
			c.accepted += it.rows
		} else {
			c.reject += it.rows
		}
		if len(c.s.Advisories) > n {
			c.index = append(c.index, it.j)
		}
	}
	clear(c.items) // the records can go
}

// pop takes the last list of free, if any.
func pop[T any](free *[][]T) []T {
	n := len(*free)
	if n == 0 {
		return nil
	}
	s := (*free)[n-1]
	*free = (*free)[:n-1]
	return s
}
