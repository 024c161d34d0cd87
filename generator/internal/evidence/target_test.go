//go:build unix

package evidence

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"vulnreport/generator/internal/publish"
)

// TestCheckTarget decides, for every kind of folder given as --out,
// whether a build may replace it.
func TestCheckTarget(t *testing.T) {
	manifest := func(outputs ...string) string {
		m := Manifest{ToolVersion: "t", AsOf: "2026-11-30", Package: "evidence-2026-11-30.zip"}
		for _, o := range outputs {
			m.Outputs = append(m.Outputs, publish.File{Path: o})
		}
		b, err := EncodeManifest(m)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	cases := []struct {
		name  string
		files map[string]string // "" content with a trailing / is a folder
		setup func(t *testing.T, out string)
		want  string // in the refusal; "" when accepted
	}{
		{name: "missing"},
		{name: "empty folder", files: map[string]string{"./": ""}},
		{name: "previous output", files: map[string]string{ManifestName: manifest("index.html", "en/index.html"),
			"index.html": "x", "en/index.html": "y", "evidence-2026-11-30.zip": "z"}},
		{name: "previous output, some files gone", files: map[string]string{ManifestName: manifest("index.html", "en/index.html"), "index.html": "x"}},
		{name: "previous output edited in place", files: map[string]string{ManifestName: manifest("report.xlsx"), "report.xlsx": "edited by an owner"}},
		{name: "user files", files: map[string]string{"notes.txt": "mine", "photo.jpg": "mine"}, want: "neither empty nor a vulnreport output"},
		{name: "one dot file", files: map[string]string{".env": "x"}, want: "neither empty nor a vulnreport output"},
		{name: "only a Finder cache", files: map[string]string{".DS_Store": "x"}},
		{name: "previous output shown in Explorer", files: map[string]string{ManifestName: manifest("index.html"), "index.html": "x", "Thumbs.db": "x", "en/.DS_Store": "x"}},
		{name: "an empty subfolder only", files: map[string]string{"sub/": ""}, want: "neither empty nor a vulnreport output"},
		{name: "foreign manifest", files: map[string]string{ManifestName: `{"schema":"other"}`, "a.txt": "x"}, want: "neither empty nor a vulnreport output"},
		{name: "broken manifest", files: map[string]string{ManifestName: `{`}, want: "neither empty nor a vulnreport output"},
		{name: "previous output with a user file", files: map[string]string{ManifestName: manifest("index.html"), "index.html": "x", "my-notes.txt": "mine"},
			want: "files vulnreport did not write (my-notes.txt)"},
		{name: "previous output with many user files", files: map[string]string{ManifestName: manifest(), "a": "", "b": "", "c": "", "d/e": "", "f": ""},
			want: "(a, b, c and 2 more)"},
		{name: "a file", setup: func(t *testing.T, out string) { write(t, out, "data") }, want: "is not a folder"},
		{name: "a symbolic link", setup: func(t *testing.T, out string) {
			if err := os.Mkdir(out+"-real", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(out+"-real", out); err != nil {
				t.Fatal(err)
			}
		}, want: "is a symbolic link"},
		{name: "manifest is a named pipe", setup: func(t *testing.T, out string) {
			if err := os.Mkdir(out, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := syscall.Mkfifo(filepath.Join(out, ManifestName), 0o644); err != nil {
				t.Skip("no named pipes here:", err)
			}
		}, want: "neither empty nor a vulnreport output"},
		{name: "listed name that is a link", setup: func(t *testing.T, out string) {
			if err := os.Mkdir(out, 0o755); err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(out, ManifestName), manifest("index.html"))
			if err := os.Symlink("/etc/passwd", filepath.Join(out, "index.html")); err != nil {
				t.Fatal(err)
			}
		}, want: "did not write (index.html)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			for name, data := range tc.files {
				p := filepath.Join(out, filepath.FromSlash(name))
				if strings.HasSuffix(name, "/") {
					if err := os.MkdirAll(p, 0o755); err != nil {
						t.Fatal(err)
					}
					continue
				}
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				write(t, p, data)
			}
			if tc.setup != nil {
				tc.setup(t, out)
			}
			err := CheckTarget(out)
			if tc.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var te *TargetError
			if !errors.As(err, &te) {
				t.Fatalf("accepted, want a refusal saying %q (err %v)", tc.want, err)
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), out) || te.Ja == "" {
				t.Errorf("refusal %q does not say %q and name %s in both languages", err, tc.want, out)
			}
		})
	}
}

func write(t *testing.T, p, data string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestVerifyNeverOpensPipes verifies an output in which named pipes stand
// where an output was, beside the outputs and as the manifest: verify
// ends, reporting them, instead of blocking on one.
func TestVerifyNeverOpensPipes(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	m := publish.NewMemory()
	for _, n := range []string{"a.html", "b.html"} {
		if err := m.WriteFile(n, []byte(n)); err != nil {
			t.Fatal(err)
		}
	}
	data, err := EncodeManifest(Manifest{AsOf: "2026-11-30", Outputs: m.Files()})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.WriteFile(ManifestName, data); err != nil {
		t.Fatal(err)
	}
	if err := publish.WriteDir(m, out); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(out, "a.html"))
	for _, p := range []string{"a.html", "extra.pipe"} {
		if err := syscall.Mkfifo(filepath.Join(out, p), 0o644); err != nil {
			t.Skip("no named pipes here:", err)
		}
	}
	run := func() ([]Difference, error) {
		type res struct {
			ds  []Difference
			err error
		}
		done := make(chan res, 1)
		go func() { ds, _, err := verifyFS(os.DirFS(out)); done <- res{ds, err} }()
		select {
		case r := <-done:
			return r.ds, r.err
		case <-time.After(30 * time.Second):
			t.Fatal("verify blocked on a named pipe")
		}
		return nil, nil
	}
	ds, err := run()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range ds {
		got = append(got, d.String())
	}
	if want := "changed: a.html, added: extra.pipe"; strings.Join(got, ", ") != want {
		t.Errorf("differences %v, want %s", got, want)
	}
	os.Remove(filepath.Join(out, ManifestName))
	if err := syscall.Mkfifo(filepath.Join(out, ManifestName), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := run(); err == nil || !strings.Contains(err.Error(), "not a plain file") {
		t.Errorf("a pipe as manifest: %v", err)
	}
}
