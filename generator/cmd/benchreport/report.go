package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"

	"vulnreport/generator/internal/app"
	"vulnreport/generator/internal/synth"
)

// progressLine prints one finished stage as soon as it is measured.
func progressLine(w io.Writer, r result) {
	fmt.Fprintf(w, "benchreport: %-24s %9s (CPU %s)  heap peak %8s  allocated %9s  RSS peak %8s  %s\n",
		r.name, r.wall.Round(time.Millisecond), r.cpu.Round(time.Millisecond), mib(r.heapPeak), mib(r.alloc), mib(r.hwm), r.counts)
}

// printReport prints the table, the targets and the match cross-check.
func printReport(w io.Writer, o options, dir string, st *synth.Stats, p *pipeline, rs []result) {
	fmt.Fprintf(w, "vulnreport benchmark: %d systems, %d component rows, %d advisories (%s)\n",
		o.cfg.Systems, o.cfg.Components, o.cfg.Advisories, dir)
	fmt.Fprintf(w, "%s %s/%s, %d CPUs, GOMAXPROCS %d, GOGC %s, GOMEMLIMIT %s", runtime.Version(), runtime.GOOS, runtime.GOARCH,
		runtime.NumCPU(), runtime.GOMAXPROCS(0), envOr("GOGC", "100"), envOr("GOMEMLIMIT", "off"))
	if la := loadAverage(); la != "" {
		fmt.Fprintf(w, ", load average %s (other work on the machine inflates wall times; CPU is this process's own)", la)
	}
	fmt.Fprint(w, "\n\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "stage\twall\tCPU\theap peak\tretained\tallocated\tGCs\tRSS peak so far\ttarget\t")
	var total, totalCPU time.Duration
	var heapPeak, hwm uint64
	for _, r := range rs {
		wall := r.wall.Round(time.Millisecond).String()
		if r.unfinished {
			wall = "> " + wall
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t\n", r.name, wall, r.cpu.Round(time.Millisecond), mib(r.heapPeak),
			mib(r.retained), mib(r.alloc), r.gcs, mib(r.hwm), targetText(r))
		if !strings.HasPrefix(r.name, "generate") {
			total += r.wall
			totalCPU += r.cpu
			heapPeak = max(heapPeak, r.heapPeak)
		}
		hwm = max(hwm, r.hwm)
	}
	fmt.Fprintf(tw, "pipeline total\t%s\t%s\t%s\t\t\t\t%s\t\t\n", total.Round(time.Millisecond), totalCPU.Round(time.Millisecond), mib(heapPeak), mib(hwm))
	tw.Flush()
	fmt.Fprintln(w)
	for _, r := range rs {
		counts := r.counts
		if r.unfinished {
			counts = fmt.Sprintf("DID NOT FINISH within --timeout %s; the stages after it were not run", o.timeout)
		}
		fmt.Fprintf(w, "  %-24s %s\n", r.name+":", counts)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "targets (2-core machine):")
	for _, r := range rs {
		if r.hasTgt {
			fmt.Fprintf(w, "  %-28s %-9s %s (CPU %s)\n", r.name+" wall time", r.wall.Round(time.Millisecond), targetText(r), r.cpu.Round(time.Millisecond))
		}
	}
	// The target covers load, check and match: the peak as those end.
	var tHWM, tHeap uint64
	for _, r := range rs {
		if r.name == app.StageLoad || r.name == app.StageMerge || r.name == app.StageMatch {
			tHWM, tHeap = max(tHWM, r.hwm), max(tHeap, r.heapPeak)
		}
	}
	switch {
	case tHWM > 0:
		fmt.Fprintf(w, "  %-28s %-9s < %s %s (VmHWM by the end of match)\n", "peak memory (RSS)", gib(tHWM), gib(memTarget), verdict(tHWM < memTarget))
	case tHeap > 0:
		fmt.Fprintf(w, "  %-28s %-9s < %s %s (heap; no /proc for RSS)\n", "peak memory (heap)", gib(tHeap), gib(memTarget), verdict(tHeap < memTarget))
	}
	if hwm > tHWM {
		fmt.Fprintf(w, "  %-28s %-9s (no target: the report model of every finding is live by then)\n", "whole pipeline (RSS)", gib(hwm))
	}
	if st != nil && p != nil && p.matched {
		got := int64(p.patched) + int64(p.found)
		fmt.Fprintf(w, "\nmatch cross-check: findings + matches closed by patch ids = %d; the generator's ranges cover %d component rows: %s\n",
			got, st.ExpectedMatches, map[bool]string{true: "agree", false: "DIFFER"}[got == st.ExpectedMatches])
	}
}

func targetText(r result) string {
	switch {
	case !r.hasTgt:
		return ""
	case r.unfinished:
		return r.target + " MISSED"
	}
	return r.target + " " + verdict(r.met)
}

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "MISSED"
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
