package xlsx

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
)

// TestTurns runs three goroutines taking 2, 3 and 4 turns and wants them
// to run one at a time in a ring that closes over those done.
func TestTurns(t *testing.T) {
	tu := newTurns(3)
	var log []int // appended to only by the goroutine whose turn it is
	var wg sync.WaitGroup
	for k := range 3 {
		wg.Go(func() {
			defer tu.done(k)
			tu.wait(k)
			for i := range k + 2 {
				log = append(log, k)
				if i < k+1 {
					tu.pass(k)
				}
			}
		})
	}
	wg.Wait()
	if want := []int{0, 1, 2, 0, 1, 2, 1, 2, 2}; !slices.Equal(log, want) {
		t.Errorf("turns taken %v, want %v", log, want)
	}
}

// TestRenderCancelled renders both workbooks under a cancelled context
// and wants the cancellation back, with no workbook left waiting for its
// turn.
func TestRenderCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := synthetic(3 * paceRows)
	if err := New(rdDeps).Render(ctx, r, memWriter{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Render under a cancelled context: %v, want %v", err, context.Canceled)
	}
}
