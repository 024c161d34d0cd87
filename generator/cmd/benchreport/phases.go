package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The whole build's phases: vulnreport prints a progress line as each
// stage ends (analysis) or starts (rendering) when VULNREPORT_PROGRESS is
// set; a sampler reads the child's RSS and CPU time from /proc every
// 50 ms, and each interval between two lines becomes a phase with its
// wall time, CPU time and peak RSS. Linux only; elsewhere no phases.

// phase is one interval of the child's run, named by the line that ended
// it (analysis) or started it (rendering, publishing).
type phase struct {
	name      string
	wall, cpu time.Duration
	peak      uint64
}

// phaseLog collects the child's stderr and the sampler's readings.
type phaseLog struct {
	mu      sync.Mutex
	pid     int
	t0      time.Time
	start   time.Time
	cpu0    time.Duration
	peak    uint64
	phases  []phase
	partial []byte
	// next names the stage that started at the last rendering line.
	next string
	tail bytes.Buffer
}

func (l *phaseLog) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.tail.Write(b)
	if l.tail.Len() > 1<<16 {
		keep := bytes.Clone(l.tail.Bytes()[l.tail.Len()-4096:])
		l.tail.Reset()
		l.tail.Write(keep)
	}
	l.partial = append(l.partial, b...)
	for {
		i := bytes.IndexByte(l.partial, '\n')
		if i < 0 {
			return len(b), nil
		}
		line := string(l.partial[:i])
		l.partial = l.partial[i+1:]
		if name, ok := strings.CutPrefix(line, "vulnreport: "); ok {
			name = strings.Join(strings.Fields(name), " ")
			// Analysis lines end their stage; rendering and publishing
			// lines start theirs.
			if strings.HasPrefix(name, "rendering ") || strings.HasPrefix(name, "publishing ") {
				if l.next == "" {
					l.next = "report model"
				}
				l.cut(l.next)
				l.next = name
			} else {
				l.cut(name)
			}
		}
	}
}

// cut ends the current phase; called with mu held.
func (l *phaseLog) cut(name string) {
	l.sampleLocked()
	now, cpu := time.Now(), procCPU(l.pid)
	l.phases = append(l.phases, phase{name: name, wall: now.Sub(l.start), cpu: cpu - l.cpu0, peak: l.peak})
	l.start, l.cpu0, l.peak = now, cpu, 0
}

func (l *phaseLog) sampleLocked() {
	if rss := procRSS(l.pid); rss > l.peak {
		l.peak = rss
	}
}

// sample runs until done is closed.
func (l *phaseLog) sample(done <-chan struct{}) {
	t := time.NewTicker(50 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-done:
			return
		case <-t.C:
			l.mu.Lock()
			l.sampleLocked()
			l.mu.Unlock()
		}
	}
}

// procRSS reads a process's resident set size, 0 when unknown.
func procRSS(pid int) uint64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	n, _ := strconv.ParseUint(f[1], 10, 64)
	return n * uint64(os.Getpagesize())
}

// procCPU reads a process's user and system time (clock ticks of 10 ms).
func procCPU(pid int) time.Duration {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(s[i+1:]) // f[0] is field 3 (state); utime is field 14
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseUint(f[11], 10, 64)
	st, _ := strconv.ParseUint(f[12], 10, 64)
	return time.Duration(u+st) * 10 * time.Millisecond
}

// printPhases prints the phases of the build.
func printPhases(w io.Writer, ps []phase) {
	if len(ps) == 0 {
		return
	}
	fmt.Fprintln(w, "  phases of the build (the stage that ended or started at each progress line; RSS sampled every 50 ms):")
	for _, p := range ps {
		fmt.Fprintf(w, "    %-44s %9s  CPU %8s  peak RSS %9s\n", p.name, p.wall.Round(time.Millisecond), p.cpu.Round(10*time.Millisecond), mib(p.peak))
	}
}
