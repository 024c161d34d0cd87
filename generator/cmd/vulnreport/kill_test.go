package main

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestKilledBuild starts child builds into a folder that holds a finished
// build and kills them (SIGKILL) at many moments, from at once to just
// before they would finish. After every kill verify must pass on the
// folder, and the folder must be byte for byte either the build that was
// there before or the complete new one: never a mix, never half. A last
// build that is not killed must succeed and leave no temporary folders.
//
// Successive builds alternate between two as-of dates, so the previous
// and the new output always differ and each kill tells which one it left.
func TestKilledBuild(t *testing.T) {
	bin := binary(t)
	tmp := t.TempDir()
	data, out := filepath.Join(tmp, "data"), filepath.Join(tmp, "out")
	copyDir(t, sampleData, data) // a stable copy: the sample may change while we run
	text, _ := filepath.Abs(sampleText)
	dates := [2]string{asOf, "2026-11-29"}
	args := func(dir, date string) []string {
		return []string{"build", "--data", data, "--content", text, "--out", dir, "--as-of", date, "--formats", "all", "--package"}
	}
	// one finished build of each date, for reference; the first is the
	// folder's previous output
	want := [2]map[string][]byte{}
	var full time.Duration
	for i, d := range dates {
		dir := filepath.Join(tmp, "ref-"+d)
		if i == 0 {
			dir = out
		}
		t0 := time.Now()
		if b, err := exec.Command(bin, args(dir, d)...).CombinedOutput(); err != nil {
			t.Fatalf("reference build as of %s: %v\n%s", d, err, b)
		}
		full = max(full, time.Since(t0))
		want[i] = tree(t, dir)
	}
	if treeDiff(want[0], want[1]) == "" {
		t.Fatal("the builds of two dates are identical: a kill could not tell old from new")
	}
	mustCLI(t, 0, "verify", out)
	cur := 0 // which date the folder holds
	slow := full > 2*time.Second

	type plan struct {
		delay   time.Duration
		publish bool // count the delay from the moment the temporary folder appears
	}
	// Fixed moments from the start; fractions of a whole build, most
	// around its end; and while the output is being written: the moment
	// the temporary folder appears beside it, and a little after. Fewer
	// when builds are slow, to stay within a minute.
	ms := time.Millisecond
	fixed := []time.Duration{0, 0, 5 * ms, 20 * ms, 50 * ms, 100 * ms, 200 * ms, 400 * ms, 800 * ms}
	fractions := []float64{0.3, 0.5, 0.7, 0.8, 0.85, 0.9, 0.93, 0.96, 0.98, 1.0, 1.02, 1.05}
	publish := []time.Duration{0, 0, 200 * time.Microsecond, ms, 3 * ms, 10 * ms}
	if slow {
		fixed, fractions, publish = []time.Duration{0, 100 * ms, 800 * ms}, []float64{0.5, 0.9, 1.0}, []time.Duration{0, ms, 10 * ms}
	}
	var plans []plan
	for _, d := range fixed {
		plans = append(plans, plan{delay: d})
	}
	for _, f := range fractions {
		plans = append(plans, plan{delay: time.Duration(f * float64(full))})
	}
	for _, d := range publish {
		plans = append(plans, plan{delay: d, publish: true})
	}
	t.Logf("a full child build takes %v", full.Round(time.Millisecond))

	var killed, finished, keptOld, tookNew, leftBehind, duringPublish int
	var log []string
	for _, pl := range plans {
		next := 1 - cur
		stale := leftovers(t, out) // left by earlier kills; the build removes them first
		cmd := exec.Command(bin, args(out, dates[next])...)
		exited := make(chan struct{})
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var err error
		go func() { err = cmd.Wait(); close(exited) }()
		when := pl.delay.String()
		if pl.publish {
			when = "publishing+" + when
			sawTmp := false
		poll:
			for {
				select {
				case <-exited:
					break poll
				default:
				}
				if slices.ContainsFunc(leftovers(t, out), func(n string) bool { return !slices.Contains(stale, n) }) {
					sawTmp = true
					break
				}
				time.Sleep(100 * time.Microsecond)
			}
			if sawTmp {
				duringPublish++
			}
		}
		time.Sleep(pl.delay)
		_ = cmd.Process.Kill()
		<-exited
		state := "finished"
		if err != nil {
			state = "killed"
			killed++
			if cmd.ProcessState.Exited() {
				t.Fatalf("the build at %s failed on its own: %v", when, err)
			}
		} else {
			finished++
		}

		if code, stdout, stderr := cli(t, "verify", out); code != 0 {
			t.Fatalf("after a build %s at %s, verify fails:\n%s%s", state, when, stdout, stderr)
		}
		got := tree(t, out)
		switch {
		case treeDiff(got, want[cur]) == "":
			keptOld++
			state += ", previous output kept"
		case treeDiff(got, want[next]) == "":
			tookNew++
			state += ", new output complete"
			cur = next
		default:
			t.Fatalf("after a build %s at %s the folder is neither the previous nor the new output:\nvs previous:\n%s\nvs new:\n%s",
				state, when, treeDiff(want[cur], got), treeDiff(want[next], got))
		}
		if state == "finished, previous output kept" {
			t.Fatalf("a build that finished at %s left the previous output", when)
		}
		if l := leftovers(t, out); len(l) > 0 {
			leftBehind++
			state += fmt.Sprintf(", left %v", l)
		}
		log = append(log, fmt.Sprintf("%24s: %s", when, state))
	}
	t.Logf("kills:\n%s", strings.Join(log, "\n"))
	t.Logf("%d killed, %d finished; previous kept %d times, new complete %d times; %d kills while publishing; temporary folders left %d times",
		killed, finished, keptOld, tookNew, duringPublish, leftBehind)
	if killed == 0 {
		t.Error("no build was killed before it finished: the test proved nothing")
	}

	// a build that runs to the end publishes and cleans up what the killed ones left
	next := 1 - cur
	if b, err := exec.Command(bin, args(out, dates[next])...).CombinedOutput(); err != nil {
		t.Fatalf("last build: %v\n%s", err, b)
	}
	mustCLI(t, 0, "verify", out)
	if d := treeDiff(want[next], tree(t, out)); d != "" {
		t.Errorf("the last build's output differs from the reference:\n%s", d)
	}
	if l := leftovers(t, out); len(l) > 0 {
		t.Errorf("the last build left temporary folders: %v", l)
	}
}
