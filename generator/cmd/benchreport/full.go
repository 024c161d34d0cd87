package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Targets of the whole build on the synthetic enterprise (2-core machine).
const (
	fullWallTarget = 30 * time.Second
	fullRSSTarget  = 1 << 30
	floorRatio     = 3.0
)

// childRun is one child process's measurements.
type childRun struct {
	wall, cpu time.Duration
	maxRSS    uint64 // bytes, from the child's rusage
	files     int
	bytes     int64
	out       string
	phases    []phase
}

// runChild runs a command, measuring wall time, CPU (user+system) and
// peak RSS of the child from its rusage, and sums the files it wrote to out.
func runChild(name string, args []string, out string, stderr io.Writer) (childRun, error) {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "VULNREPORT_PROGRESS=1")
	var so bytes.Buffer
	se := &phaseLog{}
	cmd.Stdout, cmd.Stderr = &so, se
	t0 := time.Now()
	err := cmd.Start()
	if err == nil {
		se.mu.Lock()
		se.pid, se.start = cmd.Process.Pid, t0
		se.mu.Unlock()
		done := make(chan struct{})
		go se.sample(done)
		err = cmd.Wait()
		close(done)
	}
	r := childRun{wall: time.Since(t0), out: so.String()}
	se.mu.Lock()
	if len(se.phases) > 0 {
		name := se.next
		if name == "" {
			name = "(to exit)"
		}
		se.phases = append(se.phases, phase{name: name, wall: time.Since(se.start), peak: se.peak})
	}
	r.phases = se.phases
	se.mu.Unlock()
	if ps := cmd.ProcessState; ps != nil {
		r.cpu = ps.UserTime() + ps.SystemTime()
		r.maxRSS = maxRSS(ps)
	}
	if err != nil {
		tail := se.tail.String()
		if len(tail) > 2000 {
			tail = "…" + tail[len(tail)-2000:]
		}
		return r, fmt.Errorf("%s %s: %w\n%s", filepath.Base(name), strings.Join(args, " "), err, tail)
	}
	_ = filepath.WalkDir(out, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if fi, err := d.Info(); err == nil {
				r.files++
				r.bytes += fi.Size()
			}
		}
		return nil
	})
	return r, nil
}

// fullBuild runs the floor probe and then `vulnreport build` of the
// snapshot in dir, each as a child process, and prints the build's
// figures as ratios to the probe's. bin is the vulnreport binary.
func fullBuild(bin, dir, content string, stdout, stderr io.Writer) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "benchreport-out-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	fmt.Fprintln(stderr, "benchreport: floor probe (child process)…")
	probeOut := filepath.Join(tmp, "floor")
	fl, err := runChild(self, []string{floorChildArg, dir, probeOut}, probeOut, stderr)
	if err != nil {
		return fmt.Errorf("floor probe: %w", err)
	}
	var st floorStats
	_ = json.Unmarshal([]byte(strings.TrimSpace(fl.out)), &st)
	os.RemoveAll(probeOut)
	fmt.Fprintln(stderr, "benchreport: vulnreport build (child process)…")
	buildOut := filepath.Join(tmp, "build")
	args := []string{"build", "--data", dir, "--out", buildOut}
	if content != "" {
		args = append(args, "--content", content)
	}
	b, err := runChild(bin, args, buildOut, stderr)
	if err != nil {
		return fmt.Errorf("full build: %w", err)
	}
	ratio := func(a, b float64) string {
		if b <= 0 {
			return "n/a"
		}
		return fmt.Sprintf("%.1f×", a/b)
	}
	fmt.Fprintf(stdout, "\nfull build against the floor (child processes, the same run; CPU is user+system, RSS the child's rusage peak):\n")
	fmt.Fprintf(stdout, "  %-30s %9s  CPU %9s  peak RSS %9s  %6d files  %s\n", "floor probe (ja only)", fl.wall.Round(time.Millisecond),
		fl.cpu.Round(time.Millisecond), mib(fl.maxRSS), fl.files, mib(uint64(fl.bytes)))
	fmt.Fprintf(stdout, "  %-30s %9s  CPU %9s  peak RSS %9s  %6d files  %s\n", "vulnreport build (all outputs)", b.wall.Round(time.Millisecond),
		b.cpu.Round(time.Millisecond), mib(b.maxRSS), b.files, mib(uint64(b.bytes)))
	printPhases(stdout, b.phases)
	fmt.Fprintf(stdout, "  probe: %d systems, %d component rows, %d distinct (product, version) pairs, %d advisories on installed products, %d findings\n",
		st.Systems, st.Rows, st.Pairs, st.Advisories, st.Findings)
	fmt.Fprintf(stdout, "  ratio to the floor: wall %s, CPU %s, peak RSS %s (target ≤ %.0f×)\n",
		ratio(b.wall.Seconds(), fl.wall.Seconds()), ratio(b.cpu.Seconds(), fl.cpu.Seconds()),
		ratio(float64(b.maxRSS), float64(fl.maxRSS)), floorRatio)
	fmt.Fprintf(stdout, "  targets: wall %s < %s %s; peak RSS %s < %s %s\n",
		b.wall.Round(time.Millisecond), fullWallTarget, verdict(b.wall < fullWallTarget),
		gib(b.maxRSS), gib(fullRSSTarget), verdict(b.maxRSS > 0 && b.maxRSS < fullRSSTarget))
	return nil
}
