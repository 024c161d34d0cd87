package heapbudget

import (
	"runtime"
	"runtime/debug"
	"testing"
)

// TestSet checks that a large live heap gets a limit of live plus
// headroom (or half the live heap) that restore takes back, and that a user's GOMEMLIMIT or a
// small heap gets none.
func TestSet(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	if limit, restore := Set(Headroom, true); limit != 0 {
		restore()
		t.Errorf("a user limit was overridden: %d", limit)
	}
	keep := make([][]byte, 0, 320)
	for range 320 {
		keep = append(keep, make([]byte, 1<<20))
	}
	limit, restore := Set(Headroom, false)
	live := Live()
	if live < 300<<20 {
		t.Fatalf("live heap %d with 320 MiB held", live)
	}
	if want := live + max(Headroom, live/2); limit < live+Headroom || limit > want+64<<20 {
		t.Errorf("limit %d for a live heap of %d and headroom %d", limit, live, Headroom)
	}
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Errorf("runtime limit %d, want %d", got, limit)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("restore left %d, want %d", got, before)
	}
	runtime.KeepAlive(keep)
}
