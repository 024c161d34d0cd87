// Package heapbudget bounds the heap while the outputs are rendered. By
// then the report model is built and stays live to the end; with Go's
// default pacing (GOGC=100) the heap may grow to twice that before the
// collector runs, which at a million findings means gigabytes of garbage
// from the pages written. Set gives the runtime a soft memory limit of
// the live heap plus a headroom instead, so the collector runs as the
// headroom fills and the peak stays near the model's own size. The
// headroom is a fixed minimum or half the live heap, whichever is more:
// each collection marks the whole live heap, so a headroom that does not
// grow with it would make a large model's collections too frequent (at
// most as frequent as GOGC=50 then).
//
// Only main calls Set (through app.Options.BeforeRender), and the
// benchmarks that measure rendering as vulnreport build does: the limit
// is process-wide runtime state. A GOMEMLIMIT the user set always wins.
package heapbudget

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// Headroom is the least heap the renderers may fill with garbage above
// the live model before the collector runs.
const Headroom = 384 << 20

// minHeap is the live heap below which no limit is set: small builds keep
// the default pacing, which never reaches the headroom anyway.
const minHeap = 256 << 20

// Set measures the live heap (collecting first, so that the analysis's
// garbage is gone) and sets the soft memory limit to it plus headroom or
// half of it, whichever is more, unless userLimit is true (GOMEMLIMIT is
// set) or the heap is small. It returns the limit set, 0 when none, and a
// function that restores the previous limit.
func Set(headroom int64, userLimit bool) (limit int64, restore func()) {
	if userLimit || heapInUse() < minHeap {
		return 0, func() {}
	}
	runtime.GC()
	live := Live()
	limit = live + max(headroom, live/2)
	prev := debug.SetMemoryLimit(limit)
	return limit, func() { debug.SetMemoryLimit(prev) }
}

// Live returns the heap marked live by the last collection.
func Live() int64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return clamp(s[0].Value.Uint64())
}

// heapInUse returns the bytes of heap objects, live or not yet collected.
func heapInUse() int64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return clamp(s[0].Value.Uint64())
}

func clamp(v uint64) int64 {
	if v > math.MaxInt64 {
		return math.MaxInt64
	}
	return int64(v)
}
