// Command benchreport measures vulnreport on a synthetic enterprise. It
// writes a deterministic snapshot with package synth (by default 10,000
// systems, 1,000,000 component rows and 200,000 advisories) into a
// temporary folder, or into --dir where it is kept and reused while its
// stamp file matches, and then runs the pipeline in process, stage by
// stage — app's stages, the methods a build runs: load (and validate),
// merge, match, assess, report and, with --render, the findings exports;
// publish is not measured — reporting for each the wall time, the
// process's CPU time, the heap peak (sampled every 10 ms), the heap left
// live, the bytes allocated and the process's peak RSS so far (VmHWM,
// restarted after generating the snapshot; between stages it cannot be). --stages measures a subset; the
// stages before the last one named still run, unmeasured.
//
// The targets, for a 2-core machine: load and check under 8 s, matching
// under 1 s, peak memory of load, check and match under 1.5 GiB. A missed
// target is reported, not an error: the exit status is 0 unless something
// failed (1).
//
// Usage:
//
//	go run ./generator/cmd/benchreport [--systems N] [--components N] [--advisories N]
//	    [--dir DIR] [--keep] [--render] [--stages LIST] [--timeout D] [--procs N]
//	    [--cpuprofile FILE] [--memprofile FILE] [--full VULNREPORT [--content DIR]]
//
// With --full, the whole `vulnreport build` of the snapshot and a floor
// probe (the least work any build must do, floor.go) also run, each as a
// child process, and the build's wall time, CPU time and peak RSS are
// printed as ratios to the probe's; --stages none runs only those.
//
// A stage that runs longer than --timeout (default 5m) is reported as not
// finished, with the profiles written so far, and the run ends there.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"time"

	"vulnreport/generator/internal/app"
	"vulnreport/generator/internal/synth"
)

// Targets from the issue.
const (
	loadTarget  = 8 * time.Second
	matchTarget = 1 * time.Second
	memTarget   = 1536 << 20 // 1.5 GiB
)

// stampName is the file in --dir that records what was generated there;
// the loader skips dot files.
const stampName = ".benchreport-stamp"

type options struct {
	cfg                    synth.Config
	dir                    string
	keep, render           bool
	stages                 []string
	timeout                time.Duration
	procs                  int
	cpuProfile, memProfile string
	// full is the vulnreport binary whose whole build is measured against
	// the floor probe (full.go); content its --content folder.
	full, content string
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == floorChildArg {
		os.Exit(runFloorChild(os.Args[2:], os.Stdout, os.Stderr))
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	var o options
	fl := flag.NewFlagSet("benchreport", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.IntVar(&o.cfg.Systems, "systems", synth.DefaultSystems, "number of systems")
	fl.IntVar(&o.cfg.Components, "components", synth.DefaultComponents, "number of component rows")
	fl.IntVar(&o.cfg.Advisories, "advisories", synth.DefaultAdvisories, "number of advisories")
	fl.StringVar(&o.dir, "dir", "", "write the snapshot here and keep it; reused while its stamp matches")
	fl.BoolVar(&o.keep, "keep", false, "keep the temporary snapshot folder (a --dir folder is always kept)")
	fl.BoolVar(&o.render, "render", false, "also measure rendering the findings exports")
	stageNames := benchStages()
	stages := fl.String("stages", "", "comma-separated stages to measure, the pipeline up to the last one runs ("+strings.Join(stageNames, ",")+"); default all but render")
	fl.DurationVar(&o.timeout, "timeout", 5*time.Minute, "report a stage that runs longer than this as not finished and stop")
	fl.IntVar(&o.procs, "procs", 0, "set GOMAXPROCS (0: leave as is)")
	fl.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the measured stages to `file`")
	fl.StringVar(&o.memProfile, "memprofile", "", "write a heap profile (with allocations) to `file` after the last stage")
	fl.StringVar(&o.full, "full", "", "also run `vulnreport build` with this binary and the floor probe, as child processes, and print the ratio")
	fl.StringVar(&o.content, "content", "", "the --content folder for the --full build")
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 1
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "benchreport: unexpected argument %q\n", fl.Arg(0))
		return 1
	}
	o.stages = slices.DeleteFunc(slices.Clone(stageNames), func(s string) bool { return s == app.StageRender })
	if o.render {
		o.stages = stageNames
	}
	if *stages == "none" { // with --full: only the child processes
		o.stages = nil
	} else if *stages != "" {
		o.stages = nil
		for _, s := range strings.Split(*stages, ",") {
			s = strings.TrimSpace(s)
			if !slices.Contains(stageNames, s) {
				fmt.Fprintf(stderr, "benchreport: unknown stage %q: expected %s\n", s, strings.Join(stageNames, ", "))
				return 1
			}
			o.stages = append(o.stages, s)
		}
	}
	if err := bench(o, stdout, stderr); err != nil {
		fmt.Fprintln(stderr, "benchreport:", err)
		return 1
	}
	return 0
}

func bench(o options, stdout, stderr io.Writer) error {
	if o.cfg.Systems <= 0 || o.cfg.Components <= 0 || o.cfg.Advisories <= 0 {
		return errors.New("--systems, --components and --advisories must be positive")
	}
	if o.procs > 0 {
		runtime.GOMAXPROCS(o.procs)
	}
	m := startMeter()
	defer m.close()
	var results []result
	dir, stats, gen, cleanup, err := prepare(o, m, stderr)
	if err != nil {
		return err
	}
	defer cleanup()
	if gen != nil {
		results = append(results, *gen)
		// The pipeline's peak RSS starts here, not with the generator's.
		resetPeakRSS()
	}
	profiling := false
	startProfile := func() error { // at the first measured stage
		if o.cpuProfile == "" || profiling {
			return nil
		}
		f, err := os.Create(o.cpuProfile)
		if err != nil {
			return err
		}
		profiling = true
		return pprof.StartCPUProfile(f) // the file is closed at exit
	}
	defer pprof.StopCPUProfile()
	// Run the pipeline up to the last stage asked for; measure those asked
	// for, through app's hook, as each stage starts and ends.
	stageNames := benchStages()
	last := 0
	for i, name := range stageNames {
		if slices.Contains(o.stages, name) {
			last = i
		}
	}
	var (
		mu       sync.Mutex // results, against the watchdog
		sp       span
		watchdog *time.Timer
		p        *pipeline
		hookErr  error
	)
	hook := func(e app.Event) {
		if !slices.Contains(o.stages, e.Stage) {
			return // a stage not measured, or a step within one
		}
		name := e.Stage
		if !e.Done {
			fmt.Fprintf(stderr, "benchreport: %s…\n", name)
			if err := startProfile(); err != nil {
				hookErr = err
			}
			sp = startSpan(m, name)
			watchdog = time.AfterFunc(o.timeout, func() {
				mu.Lock()
				defer mu.Unlock()
				pprof.StopCPUProfile()
				r := result{name: name, wall: o.timeout, unfinished: true, heapPeak: m.finish()}
				r.hwm, r.rss, _ = procStatus()
				setTarget(&r)
				if o.memProfile != "" {
					_ = writeHeapProfile(o.memProfile)
				}
				printReport(stdout, o, dir, stats, p, append(results, r))
				cleanup()
				os.Exit(0) // the stage cannot be cancelled; a missed target is not an error
			})
			return
		}
		counts := countText(e.Counts)
		if name == app.StageRender {
			counts += ": " + strings.Join(p.w.files, ", ")
		}
		r := sp.end(m, counts)
		watchdog.Stop()
		setTarget(&r)
		progressLine(stderr, r)
		mu.Lock()
		results = append(results, r)
		mu.Unlock()
	}
	p = newPipeline(os.DirFS(dir), hook)
	steps := p.steps(context.Background())
	for _, name := range stageNames[:last+1] {
		if len(o.stages) == 0 {
			break
		}
		if !slices.Contains(o.stages, name) {
			fmt.Fprintf(stderr, "benchreport: %s (not measured)…\n", name)
		}
		step, ok := steps[name]
		if !ok {
			return fmt.Errorf("app has a stage %q that the benchmark does not run", name)
		}
		if err := step(); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if hookErr != nil {
			return hookErr
		}
	}
	if o.cpuProfile != "" {
		pprof.StopCPUProfile()
	}
	if o.memProfile != "" {
		if err := writeHeapProfile(o.memProfile); err != nil {
			return err
		}
	}
	printReport(stdout, o, dir, stats, p, results)
	if o.full != "" {
		p = nil // the in-process pipeline's memory is not the children's
		runtime.GC()
		return fullBuild(o.full, dir, o.content, stdout, stderr)
	}
	return nil
}

// setTarget fills in the stage's target and whether it was met.
func setTarget(r *result) {
	switch r.name {
	case app.StageLoad:
		r.hasTgt, r.met, r.target = true, r.wall < loadTarget && !r.unfinished, "< "+loadTarget.String()
	case "match":
		r.hasTgt, r.met, r.target = true, r.wall < matchTarget && !r.unfinished, "< "+matchTarget.String()
	}
}

// prepare finds or writes the snapshot. It returns the folder, what was
// generated (when known), the generation's measurement when it ran, and a
// cleanup that removes a temporary folder.
func prepare(o options, m *meter, stderr io.Writer) (dir string, st *synth.Stats, gen *result, cleanup func(), err error) {
	cleanup = func() {}
	stamp := stampText(o.cfg)
	if o.dir == "" {
		dir, err = os.MkdirTemp("", "benchreport-")
		if err != nil {
			return "", nil, nil, cleanup, err
		}
		if o.keep {
			fmt.Fprintf(stderr, "benchreport: the snapshot is kept in %s\n", dir)
		} else {
			cleanup = func() { os.RemoveAll(dir) }
		}
	} else {
		dir = o.dir
		old, rerr := os.ReadFile(filepath.Join(dir, stampName))
		switch {
		case rerr == nil && strings.HasPrefix(string(old), stamp):
			fmt.Fprintf(stderr, "benchreport: reusing the snapshot in %s\n", dir)
			var s synth.Stats
			if line, ok := strings.CutPrefix(string(old), stamp); ok && json.Unmarshal([]byte(line), &s) == nil {
				st = &s
			}
			return dir, st, nil, cleanup, nil
		case rerr == nil:
			fmt.Fprintf(stderr, "benchreport: the snapshot in %s was written for another configuration: rewriting it\n", dir)
			if err := os.RemoveAll(dir); err != nil {
				return "", nil, nil, cleanup, err
			}
		case !errors.Is(rerr, fs.ErrNotExist):
			return "", nil, nil, cleanup, rerr
		default:
			if entries, _ := os.ReadDir(dir); len(entries) > 0 {
				return "", nil, nil, cleanup, fmt.Errorf("%s is not empty and has no %s: not overwritten", dir, stampName)
			}
		}
	}
	fmt.Fprintf(stderr, "benchreport: writing %d systems, %d components and %d advisories to %s…\n",
		o.cfg.Systems, o.cfg.Components, o.cfg.Advisories, dir)
	var s synth.Stats
	g := measure(m, "generate (not a target)", func() string {
		s, err = synth.Write(dir, o.cfg)
		return fmt.Sprintf("%s of CSV: %d systems, %d component rows, %d advisories in %d rows, %d lifecycle, %d remediation, %d notifications",
			mib(uint64(s.Bytes)), s.Systems, s.Components, s.Advisories, s.AdvisoryRows, s.Lifecycle, s.Remediations, s.Notifications)
	})
	if err != nil {
		cleanup()
		return "", nil, nil, func() {}, err
	}
	if o.dir != "" {
		js, _ := json.Marshal(s)
		if err := os.WriteFile(filepath.Join(dir, stampName), []byte(stamp+string(js)+"\n"), 0o644); err != nil {
			return "", nil, nil, cleanup, err
		}
	}
	return dir, &s, &g, cleanup, nil
}

// stampText identifies a generated snapshot: the generator's format and the sizes.
func stampText(c synth.Config) string {
	return fmt.Sprintf("synth format %d; systems %d; components %d; advisories %d\n",
		synth.FormatVersion, c.Systems, c.Components, c.Advisories)
}

func writeHeapProfile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
