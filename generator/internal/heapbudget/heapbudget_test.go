package heapbudget

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
)

// TestSet checks that a large live heap gets a limit of live plus
// headroom (or the live heap) that restore takes back, and that a user's GOMEMLIMIT or a
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
	if want := live + max(Headroom, live); limit < live+Headroom || limit > want+64<<20 {
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

// TestLimitFor: the headroom is the fixed minimum for a small model and
// grows with a large one, so that the renderers' working set, which grows
// with it too, never fills it.
func TestLimitFor(t *testing.T) {
	const mib = 1 << 20
	for _, c := range []struct{ live, held, want int64 }{
		{300 * mib, 320 * mib, 320*mib + Headroom},
		{921 * mib, 1000 * mib, 1000*mib + 921*mib},
		{2000 * mib, 1900 * mib, 4000 * mib},
	} {
		if got := limitFor(c.live, c.held, Headroom); got != c.want {
			t.Errorf("limitFor(%d MiB, %d MiB) = %d MiB, want %d", c.live/mib, c.held/mib, got/mib, c.want/mib)
		}
	}
}

// TestSetGivesHeadroomOverFragments checks that the collector gets the
// promised headroom when the live objects are scattered over spans that
// garbage filled (as the analysis leaves the model): the heap goal under
// the limit is at least the live heap plus most of the headroom, not that
// less the unused room in the spans.
func TestSetGivesHeadroomOverFragments(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1)) // the limit alone paces the collector
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	// 320 MiB of 1 KiB objects, eight to a span; one in eight is kept, so
	// every span stays in use, seven eighths of it unused.
	objs := make([]*[1024]byte, 320<<10)
	for i := range objs {
		objs[i] = new([1024]byte)
	}
	keep := make([]*[1024]byte, 0, len(objs)/8)
	for i := 0; i < len(objs); i += 8 {
		keep = append(keep, objs[i])
	}
	clear(objs)
	objs = nil
	limit, restore := Set(Headroom, false)
	defer restore()
	if limit == 0 {
		t.Fatal("no limit set for 320 MiB of heap")
	}
	live, held := Live(), Held()
	if held-live < 200<<20 {
		t.Skipf("the runtime held only %d MiB beyond the live %d MiB: no fragments to test with", (held-live)>>20, live>>20)
	}
	s := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}}
	metrics.Read(s)
	goal := int64(s[0].Value.Uint64())
	if goal < live+Headroom*3/4 {
		t.Errorf("heap goal %d MiB for a live heap of %d MiB (%d MiB held) and a headroom of %d MiB: the fragments ate the headroom",
			goal>>20, live>>20, held>>20, Headroom>>20)
	}
	runtime.KeepAlive(keep)
}
