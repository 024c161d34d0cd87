package xlsx

import (
	"context"
	"errors"
	"sync"
)

// paceRows is how many rows of a table a workbook writes in one turn
// before the next workbook of the report writes the same rows (see
// buildAll). Small enough for the model's data of those rows to stay in
// the processor's caches between the two turns, large enough for the
// switches to cost little: at 10,000 systems, 16 and 128 rows took the
// same time, 2,048 rows more (a cache holds fewer rows than that), and
// the switches, 64 rows apart, 0.2 % of the workbooks' time.
const paceRows = 128

// buildAll builds the report's workbooks side by side: each in its own
// goroutine, but one at a time, taking turns every paceRows rows of a
// table (book.pace). The workbooks write the same tables of the same
// model in the same order, so each turn reads the model's rows the one
// before it read, from the processor's caches: built one after the other,
// each workbook read the whole model (about a GiB at 10,000 systems) from
// memory again, and waiting for it was nearly half the row encoder's
// time (encoding rows again from the caches took 54 % of their first
// encoding).
// Only the order of the work changes, never a workbook's bytes: each book
// is written by its own goroutine exactly as alone, and the turns order
// every access to what the books share. The first error cancels ctx
// (through cancel) for the others; a panic is raised again in the caller.
func buildAll(ctx context.Context, cancel context.CancelFunc, books []*book) error {
	if len(books) == 1 {
		return books[0].build(ctx)
	}
	t := newTurns(len(books))
	errs := make([]error, len(books))
	panics := make([]any, len(books))
	var wg sync.WaitGroup
	for k, b := range books {
		b.pace = func() { t.pass(k) }
		wg.Go(func() {
			defer t.done(k)
			defer func() {
				if p := recover(); p != nil {
					panics[k] = p
					cancel()
				}
			}()
			t.wait(k)
			if errs[k] = b.build(ctx); errs[k] != nil {
				cancel()
			}
		})
	}
	wg.Wait()
	for _, b := range books {
		b.pace = nil
	}
	for _, p := range panics {
		if p != nil {
			panic(p)
		}
	}
	// The error that cancelled the others, rather than their cancellation.
	for _, err := range errs {
		if err != nil && !errors.Is(err, context.Canceled) {
			return err
		}
	}
	return errors.Join(errs...)
}

// turns lets one of several goroutines run at a time, in a ring.
type turns struct {
	mu   sync.Mutex
	cond sync.Cond
	cur  int    // whose turn it is
	live []bool // those not done
}

func newTurns(n int) *turns {
	t := &turns{live: make([]bool, n)}
	t.cond.L = &t.mu
	for k := range t.live {
		t.live[k] = true
	}
	return t
}

// wait blocks until it is k's turn.
func (t *turns) wait(k int) {
	t.mu.Lock()
	for t.cur != k {
		t.cond.Wait()
	}
	t.mu.Unlock()
}

// pass gives the turn to the next goroutine not done and waits for k's
// next turn (at once when k is the only one left).
func (t *turns) pass(k int) {
	t.mu.Lock()
	t.next(k)
	for t.cur != k {
		t.cond.Wait()
	}
	t.mu.Unlock()
}

// done ends k's turns: the next goroutine not done takes over.
func (t *turns) done(k int) {
	t.mu.Lock()
	t.live[k] = false
	t.next(k)
	t.mu.Unlock()
}

// next gives the turn to the first goroutine not done after k.
func (t *turns) next(k int) {
	for i := 1; i <= len(t.live); i++ {
		if j := (k + i) % len(t.live); t.live[j] {
			t.cur = j
			t.cond.Broadcast()
			return
		}
	}
}
