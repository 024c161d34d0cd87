// Package heapbudget bounds the heap while the outputs are rendered. By
// then the report model is built and stays live to the end, and the
// renderers add a working set of their own (the site's indexes and cached
// sentences) that grows with the model. With Go's default pacing
// (GOGC=100) the goal is twice whatever is live at each collection, model
// and working set together, which at a million findings means gigabytes
// of garbage from the pages written. Set gives the runtime a fixed soft
// memory limit instead: what the runtime holds once the model is built
// plus a headroom of a fixed minimum or the live heap, whichever is more.
// The headroom grows with the model because each collection marks the
// whole live heap (a fixed one would make a large model's collections
// too frequent) and because the renderers' working set grows with it too
// and fills the headroom first: with half the live heap, 30,000 systems
// (a 921 MB model, the site's working set ~600 MB above it) left the
// collector running back to back for the site's last minute.
//
// The limit counts all the memory the runtime holds, not only heap
// objects: spans the analysis left partly used (its freed garbage sat
// between the model's objects), the collector's metadata and stacks count
// against it too. Set adds the headroom to what the runtime holds after a
// collection, so that the collector gets the headroom it is promised: on a
// limit of the live heap plus headroom those few hundred MiB (at 3,000
// systems) came out of the headroom, the collector ran almost back to
// back while rendering, and the render stage took twice its CPU, more the
// larger the model.
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
// garbage is gone) and sets the soft memory limit to the memory the
// runtime then holds (Held: the live heap and what cannot become free
// heap) plus headroom or the live heap, whichever is more, unless
// userLimit is true (GOMEMLIMIT is set) or the heap is small. It returns
// the limit set, 0 when none, and a function that restores the previous
// limit.
func Set(headroom int64, userLimit bool) (limit int64, restore func()) {
	if userLimit || heapInUse() < minHeap {
		return 0, func() {}
	}
	runtime.GC()
	live := Live()
	limit = limitFor(live, Held(), headroom)
	prev := debug.SetMemoryLimit(limit)
	return limit, func() { debug.SetMemoryLimit(prev) }
}

// limitFor is the limit for a live heap, the memory the runtime holds
// and a headroom.
func limitFor(live, held, headroom int64) int64 { return max(live, held) + max(headroom, live) }

// Live returns the heap marked live by the last collection.
func Live() int64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return clamp(s[0].Value.Uint64())
}

// Held returns the memory the runtime holds that the memory limit counts
// and that no allocation can reuse: everything mapped and not returned to
// the system, less the free heap. Right after a collection that is the
// live heap, the unused room in spans that hold live objects, and the
// runtime's own structures (stacks, collector metadata).
func Held() int64 {
	s := []metrics.Sample{
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
		{Name: "/memory/classes/heap/free:bytes"},
	}
	metrics.Read(s)
	for _, x := range s {
		if x.Value.Kind() != metrics.KindUint64 {
			return 0
		}
	}
	total, released, free := s[0].Value.Uint64(), s[1].Value.Uint64(), s[2].Value.Uint64()
	if released+free > total {
		return 0
	}
	return clamp(total - released - free)
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
