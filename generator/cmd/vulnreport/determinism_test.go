package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDeterministicBuild builds the sample with every format wired in and
// the evidence package, twice in this process (different folders, a
// different day on the clock) and twice as a child process (other time
// zones, locale and working folder, a relative --out), and compares every
// file byte for byte: same file set, same bytes, the first difference named.
func TestDeterministicBuild(t *testing.T) {
	tmp := t.TempDir()
	// stable copies: the sample may change while we run
	data, text := filepath.Join(tmp, "data"), filepath.Join(tmp, "content")
	copyDir(t, sampleData, data)
	if _, err := os.Stat(sampleText); err == nil {
		copyDir(t, sampleText, text)
	}
	args := func(out string) []string {
		return []string{"build", "--data", data, "--content", text, "--out", out, "--as-of", asOf, "--formats", "all", "--package"}
	}
	first := filepath.Join(tmp, "first")
	t0 := time.Now()
	mustCLI(t, 0, args(first)...)
	t.Logf("one build of the sample (all formats, package): %v", time.Since(t0).Round(time.Millisecond))
	want := tree(t, first)
	if len(want) < 4 {
		t.Fatalf("the build wrote only %v", keys(want))
	}
	t.Logf("%d files, digest %s: %v", len(want), digest(want), keys(want))

	second := filepath.Join(tmp, "elsewhere", "second")
	var stdout, stderr bytes.Buffer
	if code := run(args(second), &stdout, &stderr, clock.AddDate(3, 2, 1)); code != 0 {
		t.Fatalf("second build: exit %d\n%s\n%s", code, stdout.String(), stderr.String())
	}
	if d := treeDiff(want, tree(t, second)); d != "" {
		t.Fatalf("two builds of the same snapshot differ:\n%s", d)
	}

	if testing.Short() {
		return
	}
	bin := binary(t)
	for _, tz := range []string{"Asia/Tokyo", "UTC", "America/St_Johns"} {
		t.Run(strings.ReplaceAll(tz, "/", "_"), func(t *testing.T) {
			if _, err := os.Stat(filepath.Join("/usr/share/zoneinfo", tz)); err != nil && tz != "UTC" {
				t.Logf("no zoneinfo for %s here: Go falls back to UTC", tz)
			}
			wd := filepath.Join(tmp, "wd-"+strings.ReplaceAll(tz, "/", "_"))
			if err := os.Mkdir(wd, 0o755); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(bin, "build", "--data", data, "--content", text, "--out", "out", "--as-of", asOf, "--formats", "all", "--package")
			cmd.Dir = wd
			cmd.Env = append(cleanEnv("TZ", "LANG", "LC_ALL", "LANGUAGE"), "TZ="+tz, "LANG=ja_JP.UTF-8", "LC_ALL=ja_JP.UTF-8")
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("child build with TZ=%s: %v\n%s", tz, err, out)
			}
			if d := treeDiff(want, tree(t, filepath.Join(wd, "out"))); d != "" {
				t.Fatalf("the build with TZ=%s differs from the first:\n%s", tz, d)
			}
			if es, _ := os.ReadDir(wd); len(es) != 1 {
				t.Errorf("the child left more than its output in its working folder: %v", es)
			}
		})
	}
}

// cleanEnv returns the environment without the named variables.
func cleanEnv(drop ...string) []string {
	var env []string
next:
	for _, kv := range os.Environ() {
		for _, d := range drop {
			if strings.HasPrefix(kv, d+"=") {
				continue next
			}
		}
		env = append(env, kv)
	}
	return env
}

// TestClockIgnored builds without --as-of (the policy gives the date) on
// two days far apart: the same bytes. Only a snapshot without any as-of
// date reads the clock, through run's now.
func TestClockIgnored(t *testing.T) {
	tmp := t.TempDir()
	var trees []map[string][]byte
	for i, now := range []time.Time{clock, clock.AddDate(-9, 5, 17).Add(13 * time.Hour)} {
		out := filepath.Join(tmp, "out", string(rune('a'+i)))
		var stdout, stderr bytes.Buffer
		if code := run([]string{"build", "--data", smallData, "--out", out, "--formats", "all", "--package"}, &stdout, &stderr, now); code != 0 {
			t.Fatalf("exit %d\n%s%s", code, stdout.String(), stderr.String())
		}
		if !strings.Contains(stdout.String(), "(2026-11-30 時点)") {
			t.Errorf("not the policy's date: %s", stdout.String())
		}
		trees = append(trees, tree(t, out))
	}
	if d := treeDiff(trees[0], trees[1]); d != "" {
		t.Errorf("builds on two days differ:\n%s", d)
	}
	// with no date anywhere, the day run is given is the as-of date
	data := filepath.Join(tmp, "undated")
	copyDir(t, smallData, data)
	policy, _ := os.ReadFile(filepath.Join(data, "policy.yaml"))
	os.WriteFile(filepath.Join(data, "policy.yaml"), bytes.ReplaceAll(policy, []byte("as_of: 2026-11-30\n"), nil), 0o644)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "--data", data, "--out", filepath.Join(tmp, "undated-out"), "--formats", "findings"}, &stdout, &stderr, clock); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	if !strings.Contains(stdout.String(), "("+clock.Format("2006-01-02")+" 時点)") {
		t.Errorf("want the day run was given (%s): %s", clock.Format("2006-01-02"), stdout.String())
	}
}
