package main

import (
	"bufio"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// Runtime metrics read by the meter: the heap in use (the same number as
// runtime.MemStats.HeapAlloc, read without stopping the world), the bytes
// allocated so far and the GC cycles completed.
const (
	mHeap   = "/memory/classes/heap/objects:bytes"
	mAllocs = "/gc/heap/allocs:bytes"
	mGCs    = "/gc/cycles/total:gc-cycles"
)

// sampleEvery is how often the meter samples the heap.
const sampleEvery = 10 * time.Millisecond

// meter samples the heap in the background and keeps its peak.
type meter struct {
	peak atomic.Uint64
	stop chan struct{}
	done chan struct{}
}

func startMeter() *meter {
	m := &meter{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(m.done)
		t := time.NewTicker(sampleEvery)
		defer t.Stop()
		s := []metrics.Sample{{Name: mHeap}}
		for {
			select {
			case <-m.stop:
				return
			case <-t.C:
				metrics.Read(s)
				m.note(s[0].Value.Uint64())
			}
		}
	}()
	return m
}

func (m *meter) note(v uint64) {
	for {
		old := m.peak.Load()
		if v <= old || m.peak.CompareAndSwap(old, v) {
			return
		}
	}
}

// restart starts a new peak from the current heap.
func (m *meter) restart() { m.peak.Store(readMetric(mHeap)) }

// finish samples once more and returns the peak since restart.
func (m *meter) finish() uint64 {
	m.note(readMetric(mHeap))
	return m.peak.Load()
}

func (m *meter) close() {
	close(m.stop)
	<-m.done
}

func readMetric(name string) uint64 {
	s := []metrics.Sample{{Name: name}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// loadAverage returns /proc/loadavg's first three fields, or "".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}

// procStatus reads VmHWM (the peak resident set size of the process) and
// VmRSS from /proc/self/status, in bytes; ok is false where there is no
// /proc (not Linux).
// resetPeakRSS starts VmHWM afresh from the current RSS (Linux 4.0 and
// later; elsewhere nothing happens and the peak includes what came before).
func resetPeakRSS() {
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

func procStatus() (hwm, rss uint64, ok bool) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, found := strings.Cut(sc.Text(), ":")
		if !found || (k != "VmHWM" && k != "VmRSS") {
			continue
		}
		fields := strings.Fields(v) // "123456 kB"
		if len(fields) == 0 {
			continue
		}
		n, err := strconv.ParseUint(fields[0], 10, 64)
		if err != nil {
			continue
		}
		if k == "VmHWM" {
			hwm = n << 10
		} else {
			rss = n << 10
		}
		ok = true
	}
	return hwm, rss, ok
}

// result is one stage's measurements.
type result struct {
	name string
	wall time.Duration
	// cpu is the process's CPU time during the stage (all threads, GC included).
	cpu time.Duration
	// heapPeak is the largest heap sampled during the stage, including
	// what earlier stages left live; retained is the live heap after it.
	heapPeak, retained uint64
	// alloc is the bytes the stage allocated; gcs the GC cycles it ran.
	alloc uint64
	gcs   uint64
	// hwm is the process's peak RSS so far (it cannot be reset per stage);
	// rss the RSS at the end of the stage.
	hwm, rss uint64
	counts   string
	// target describes the stage's target, if any, and whether it was met.
	target string
	met    bool
	hasTgt bool
	// unfinished is set when the stage ran past --timeout.
	unfinished bool
}

// span is a stage being measured.
type span struct {
	name   string
	a0, g0 uint64
	t0     time.Time
	c0     time.Duration
}

// startSpan starts measuring a stage: a GC first so that stages do not pay
// for each other's garbage, then the clocks and the heap peak.
func startSpan(m *meter, name string) span {
	runtime.GC()
	s := span{name: name, a0: readMetric(mAllocs), g0: readMetric(mGCs)}
	m.restart()
	s.t0, s.c0 = time.Now(), cpuTime()
	return s
}

// end finishes the stage's measurement: wall and CPU time, heap peak,
// allocation, RSS and the heap left live.
func (s span) end(m *meter, counts string) result {
	r := result{name: s.name, wall: time.Since(s.t0), cpu: cpuTime() - s.c0, counts: counts}
	r.heapPeak = m.finish()
	r.alloc, r.gcs = readMetric(mAllocs)-s.a0, readMetric(mGCs)-s.g0
	r.hwm, r.rss, _ = procStatus()
	runtime.GC()
	r.retained = readMetric(mHeap)
	return r
}

// measure runs fn as a stage of its own (the snapshot's generation).
func measure(m *meter, name string, fn func() string) result {
	s := startSpan(m, name)
	return s.end(m, fn())
}

// mib formats bytes as MiB.
func mib(b uint64) string {
	if b == 0 {
		return "n/a"
	}
	return strconv.FormatFloat(float64(b)/(1<<20), 'f', 0, 64) + " MiB"
}

// gib formats bytes as GiB with two decimals.
func gib(b uint64) string { return strconv.FormatFloat(float64(b)/(1<<30), 'f', 2, 64) + " GiB" }
