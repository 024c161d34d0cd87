//go:build unix

package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"vulnreport/generator/internal/publish"
)

// TestOutRefused gives build folders that are not its to replace as
// --out: each is refused with exit 2 and a message in Japanese and
// English saying why, and stays byte for byte as it was, with nothing
// written beside it.
func TestOutRefused(t *testing.T) {
	userFiles := map[string]string{"report.docx": "my report", "notes/2026.txt": "notes", ".hidden": "x", "manifest.txt": "not a manifest"}
	cases := []struct {
		name  string
		setup func(t *testing.T, out string)
		want  []string
	}{
		{"a folder of user files", func(t *testing.T, out string) { writeFiles(t, out, userFiles) },
			[]string{"vulnreport の出力 (manifest.json) でもありません", "is neither empty nor a vulnreport output"}},
		{"a previous output with a user file", func(t *testing.T, out string) {
			mustCLI(t, 0, "build", "--data", smallData, "--out", out, "--as-of", asOf, "--formats", "findings", "--content", "none")
			writeFiles(t, out, map[string]string{"my-notes.txt": "mine"})
		}, []string{"vulnreport が書いていないファイルがあります (my-notes.txt)", "files vulnreport did not write (my-notes.txt)"}},
		{"a file", func(t *testing.T, out string) {
			if err := os.WriteFile(out, []byte("a file"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, []string{"is not a folder"}},
		{"a link to a folder of user files", func(t *testing.T, out string) {
			writeFiles(t, out+"-real", userFiles)
			if err := os.Symlink(filepath.Base(out)+"-real", out); err != nil {
				t.Fatal(err)
			}
		}, []string{"is a symbolic link"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "out")
			tc.setup(t, out)
			before := snapshotOf(t, parent)
			_, stderr := mustCLI(t, 2, "build", "--data", smallData, "--out", out, "--as-of", asOf, "--formats", "all", "--package", "--content", "none")
			for _, w := range tc.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr does not say %q:\n%s", w, stderr)
				}
			}
			if !strings.Contains(stderr, "--out "+out) {
				t.Errorf("the refusal does not name %s:\n%s", out, stderr)
			}
			if after := snapshotOf(t, parent); !maps2Equal(before, after) {
				t.Errorf("the refused folder changed:\nbefore %v\nafter  %v", keys(before), keys(after))
			}
		})
	}
}

// TestOutAccepted builds into a missing folder, an empty one and a
// previous output (one whose workbook an owner edited in place).
func TestOutAccepted(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "new", "out")
	args := []string{"build", "--data", smallData, "--out", out, "--as-of", asOf, "--formats", "findings,xlsx", "--content", "none"}
	mustCLI(t, 0, args...)
	xlsx := filepath.Join(out, "report-"+asOf+".ja.xlsx")
	if err := os.WriteFile(xlsx, []byte("edited"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustCLI(t, 0, args...)
	mustCLI(t, 0, "verify", out)
	empty := filepath.Join(parent, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	mustCLI(t, 0, "build", "--data", smallData, "--out", empty, "--as-of", asOf, "--formats", "findings", "--content", "none")
	if got := listNames(t, parent); !slices.Equal(got, []string{"empty", "new"}) {
		t.Errorf("beside the outputs: %v", got)
	}
}

// TestOutOverlapsThroughLinks gives an input and the output as two paths
// of one folder, one through a symbolic link: refused with exit 2, and the
// input untouched.
func TestOutOverlapsThroughLinks(t *testing.T) {
	tmp := t.TempDir()
	real := filepath.Join(tmp, "real")
	copyDir(t, smallData, real)
	pages := filepath.Join(tmp, "pages")
	writeFiles(t, pages, map[string]string{"about.md": "---\ntitle: About\n---\nhello\n"})
	link := func(name, target string) string {
		p := filepath.Join(tmp, name)
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	datalink, outlink, pagelink := link("datalink", real), link("outlink", real), link("pagelink", pages)
	cases := [][]string{
		{"--data", datalink, "--out", real},
		{"--data", real, "--out", filepath.Join(outlink, "out")},
		{"--data", datalink, "--out", filepath.Join(outlink, "sub", "out")},
		{"--data", filepath.Join(tmp, "datalink"), "--out", tmp},
		{"--data", real, "--content", pagelink, "--out", pages},
		{"--data", real, "--templates", pagelink, "--out", filepath.Join(pages, "x")},
	}
	before := snapshotOf(t, tmp)
	for _, c := range cases {
		args := append([]string{"build", "--as-of", asOf, "--formats", "findings"}, c...)
		if !slices.Contains(c, "--content") {
			args = append(args, "--content", filepath.Join(tmp, "none"))
		}
		_, stderr := mustCLI(t, 2, args...)
		if !strings.Contains(stderr, "overlaps") || !strings.Contains(stderr, "重なっています") {
			t.Errorf("%v: stderr does not say the folders overlap:\n%s", c, stderr)
		}
	}
	if after := snapshotOf(t, tmp); !maps2Equal(before, after) {
		t.Errorf("the inputs changed:\nbefore %v\nafter  %v", keys(before), keys(after))
	}
}

// TestSecondBuildFailsAtOnce holds the output's lock as a running build
// does, with its staging folder beside the output: a second build into the
// same folder fails at once saying another build is writing, and touches
// neither the staging folder nor the output. Once the lock is released
// the build runs.
func TestSecondBuildFailsAtOnce(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "out")
	args := []string{"build", "--data", smallData, "--out", out, "--as-of", asOf, "--formats", "findings", "--content", "none"}
	mustCLI(t, 0, args...)
	lock, err := publish.LockOutput(out)
	if err != nil {
		t.Fatal(err)
	}
	staging := filepath.Join(parent, "out.tmp-123456")
	writeFiles(t, staging, map[string]string{"index.html": "the first build's half-written output"})
	before := snapshotOf(t, parent)
	_, stderr := mustCLI(t, 1, args...)
	if !strings.Contains(stderr, "another build is writing "+out) || !strings.Contains(stderr, "別のビルドが") {
		t.Errorf("stderr does not say another build is writing:\n%s", stderr)
	}
	if after := snapshotOf(t, parent); !maps2Equal(before, after) {
		t.Errorf("the second build changed the first one's files:\nbefore %v\nafter  %v", keys(before), keys(after))
	}
	lock.Release()
	mustCLI(t, 0, args...)
	if got := listNames(t, parent); !slices.Equal(got, []string{"out"}) {
		t.Errorf("after the build: %v, want only out (the killed build's staging folder removed)", got)
	}
}

// TestDataNotASnapshot builds /etc: a folder of files that are no
// snapshot stops the build (exit 1) saying why, and writes nothing.
func TestDataNotASnapshot(t *testing.T) {
	if st, err := os.Stat("/etc"); err != nil || !st.IsDir() {
		t.Skip("no /etc here")
	}
	out := filepath.Join(t.TempDir(), "out")
	_, stderr := mustCLI(t, 1, "build", "--data", "/etc", "--out", out, "--as-of", asOf, "--formats", "findings", "--content", "none")
	// No policy: the reasons are in Japanese, the contract's first language.
	if !strings.Contains(stderr, "vulnreport: ビルドを中止しました:\n  systems.yaml: systems.yaml も systems.csv も読み込めませんでした") {
		t.Errorf("stderr does not say why:\n%s", clipTail(stderr))
	}
	if _, err := os.Lstat(out); err == nil {
		t.Errorf("a build that stopped wrote %s", out)
	}
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// snapshotOf reads every entry under dir without following links: a
// folder as "dir", a link as its target, a file as its bytes.
func snapshotOf(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case fi.Mode()&os.ModeSymlink != 0:
			target, err := os.Readlink(p)
			out[rel] = "link:" + target
			return err
		case fi.IsDir():
			out[rel] = "dir"
		default:
			b, err := os.ReadFile(p)
			out[rel] = string(b)
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func maps2Equal(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func listNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func clipTail(s string) string {
	if len(s) > 2000 {
		return "…" + s[len(s)-2000:]
	}
	return s
}

// TestPagesAndTemplatesNotPlain puts a named pipe and links outside into
// --content and --templates: the build finishes (a pipe opened would
// block it), warns about each by name, uses the built-in template in
// place of the pipe, and publishes nothing from outside.
func TestPagesAndTemplatesNotPlain(t *testing.T) {
	tmp := t.TempDir()
	secretFile := filepath.Join(tmp, "secret.md")
	writeFiles(t, tmp, map[string]string{"secret.md": "---\ntitle: OUTSIDE-c0ffee\n---\nOUTSIDE-c0ffee\n"})
	pages, tpl := filepath.Join(tmp, "pages"), filepath.Join(tmp, "tpl")
	writeFiles(t, pages, map[string]string{"about.md": "---\ntitle: About\n---\nhello\n"})
	if err := os.MkdirAll(filepath.Join(tpl, "assets"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{filepath.Join(pages, "pipe.md"), filepath.Join(tpl, "site", "layout.html")} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Skip("no named pipes here:", err)
		}
	}
	for link, target := range map[string]string{filepath.Join(pages, "leak.md"): secretFile, filepath.Join(tpl, "assets", "site.css"): "/dev/zero"} {
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(tmp, "out")
	type result struct {
		code           int
		stdout, stderr string
	}
	done := make(chan result, 1)
	go func() {
		code, stdout, stderr := cli(t, "build", "--data", smallData, "--out", out, "--as-of", asOf, "--formats", "site",
			"--content", pages, "--templates", tpl)
		done <- result{code, stdout, stderr}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("the build did not finish: a pipe was opened")
	}
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	for _, w := range []string{
		filepath.ToSlash(filepath.Join(pages, "pipe.md")) + ": warning: is a named pipe (FIFO)",
		filepath.ToSlash(filepath.Join(pages, "leak.md")) + ": warning: is a symbolic link to " + secretFile + ", outside",
		filepath.ToSlash(filepath.Join(tpl, "site", "layout.html")) + ": warning: is a named pipe (FIFO)",
		filepath.ToSlash(filepath.Join(tpl, "assets", "site.css")) + ": warning: is a symbolic link to /dev/zero, outside",
	} {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("stderr does not say %q:\n%s", w, r.stderr)
		}
	}
	for name, data := range tree(t, out) {
		if strings.Contains(string(data), "OUTSIDE-c0ffee") {
			t.Errorf("%s holds a page from outside --content", name)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "pages", "about.html")); err != nil {
		t.Errorf("the plain page was not published: %v", err)
	}
}
