package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
)

var (
	builtOnce sync.Once
	builtDir  string
	builtErr  string
)

// built returns a folder holding one build of the sample with its
// package; tests copy it before changing anything.
func built(t *testing.T) string {
	t.Helper()
	builtOnce.Do(func() {
		dir, err := os.MkdirTemp("", "vulnreport-verify-")
		if err != nil {
			builtErr = err.Error()
			return
		}
		builtDir = filepath.Join(dir, "out")
		var stdout, stderr bytes.Buffer
		if code := run(buildArgs(builtDir), &stdout, &stderr, clock); code != 0 {
			builtErr = stdout.String() + stderr.String()
		}
	})
	if builtErr != "" {
		t.Fatal(builtErr)
	}
	return builtDir
}

// fileSum returns a file's SHA-256 in hex and its size.
func fileSum(t *testing.T, name string) (string, int) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), len(b)
}

// outCopy copies the built folder for one test to change.
func outCopy(t *testing.T) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "out")
	copyDir(t, built(t), dst)
	return dst
}

const pkgName = "evidence-" + asOf + ".zip"

// verifyLines runs verify and returns its exit code and stdout lines.
func verifyLines(t *testing.T, target string) (int, []string, string) {
	t.Helper()
	code, stdout, stderr := cli(t, "verify", target)
	return code, strings.Split(strings.TrimSpace(stdout), "\n"), stderr
}

func TestVerifyUntouched(t *testing.T) {
	out := built(t)
	code, lines, stderr := verifyLines(t, out)
	if code != 0 {
		t.Fatalf("verify of an untouched build: exit %d\n%v\n%s", code, lines, stderr)
	}
	if !slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, "ok: "+pkgName+": ") }) ||
		!regexp.MustCompile(`^ok: \d+ files match the manifest \(as of `+asOf+`, vulnreport \S+\)$`).MatchString(lines[len(lines)-1]) {
		t.Errorf("verify output: %q", lines)
	}
	code, lines, stderr = verifyLines(t, filepath.Join(out, pkgName))
	if code != 0 || len(lines) != 1 || !strings.HasPrefix(lines[0], "ok: "+pkgName+": ") {
		t.Errorf("verify of the package: exit %d %q %s", code, lines, stderr)
	}
}

// TestVerifyDifferences changes one file, adds one and removes one, each
// alone and all together: each is named and verify exits 1.
func TestVerifyDifferences(t *testing.T) {
	change := func(t *testing.T, out string) {
		appendTo(t, filepath.Join(out, "findings.json"), " ")
	}
	add := func(t *testing.T, out string) {
		if err := os.MkdirAll(filepath.Join(out, "extra"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, "extra", "added.html"), []byte("<script>alert(1)</script>"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	remove := func(t *testing.T, out string) {
		if err := os.Remove(filepath.Join(out, "findings.csv")); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		name  string
		edits []func(*testing.T, string)
		want  []string
	}{
		{"changed", []func(*testing.T, string){change}, []string{"changed: findings.json"}},
		{"added", []func(*testing.T, string){add}, []string{"added: extra/added.html"}},
		{"missing", []func(*testing.T, string){remove}, []string{"missing: findings.csv"}},
		{"all three", []func(*testing.T, string){change, add, remove}, []string{"added: extra/added.html", "missing: findings.csv", "changed: findings.json"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := outCopy(t)
			for _, e := range tc.edits {
				e(t, out)
			}
			code, lines, stderr := verifyLines(t, out)
			if code != 1 {
				t.Fatalf("exit %d, want 1\n%q\n%s", code, lines, stderr)
			}
			var diffs []string
			for _, l := range lines {
				if !strings.HasPrefix(l, "ok: ") {
					diffs = append(diffs, l)
				}
			}
			if !slices.Equal(sorted(diffs), sorted(tc.want)) {
				t.Errorf("verify named %q, want %q", diffs, tc.want)
			}
			if !strings.Contains(stderr, "files differ") {
				t.Errorf("stderr: %q", stderr)
			}
		})
	}
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

func appendTo(t *testing.T, name, text string) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, append(b, text...), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestVerifyManifestTampered edits a file and its digest in manifest.json
// alike: the folder agrees with itself, but no longer with the package.
func TestVerifyManifestTampered(t *testing.T) {
	out := outCopy(t)
	appendTo(t, filepath.Join(out, "findings.json"), " ")
	sum, size := fileSum(t, filepath.Join(out, "findings.json"))
	mpath := filepath.Join(out, "manifest.json")
	var m map[string]any
	b, _ := os.ReadFile(mpath)
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, o := range m["outputs"].([]any) {
		o := o.(map[string]any)
		if o["path"] == "findings.json" {
			o["sha256"], o["size"] = sum, size
		}
	}
	b, _ = json.MarshalIndent(m, "", "  ")
	if err := os.WriteFile(mpath, b, 0o644); err != nil {
		t.Fatal(err)
	}
	code, lines, stderr := verifyLines(t, out)
	if code != 1 || !slices.Contains(lines, "changed: manifest.json (not the manifest in "+pkgName+")") {
		t.Errorf("exit %d, %q %s", code, lines, stderr)
	}
}

// TestVerifyPackageMissing removes the package the manifest names.
func TestVerifyPackageMissing(t *testing.T) {
	out := outCopy(t)
	if err := os.Remove(filepath.Join(out, pkgName)); err != nil {
		t.Fatal(err)
	}
	code, lines, stderr := verifyLines(t, out)
	if code != 1 || !slices.Contains(lines, "missing: "+pkgName) {
		t.Errorf("exit %d, %q %s", code, lines, stderr)
	}
}

// TestVerifyNoManifest: a folder without manifest.json, a path that does
// not exist, a file that is not a zip.
func TestVerifyNoManifest(t *testing.T) {
	out := outCopy(t)
	if err := os.Remove(filepath.Join(out, "manifest.json")); err != nil {
		t.Fatal(err)
	}
	garbage := filepath.Join(t.TempDir(), "garbage.zip")
	if err := os.WriteFile(garbage, []byte("not a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	for target, want := range map[string]string{
		out:                                  "manifest.json",
		filepath.Join(out, "no-such-folder"): "no such file",
		filepath.Join(out, "findings.json"):  "neither a folder nor a .zip",
		garbage:                              "zip",
		filepath.Join(t.TempDir(), "nothing.zip"): "no such file",
	} {
		code, stdout, stderr := cli(t, "verify", target)
		if code != 1 || !strings.Contains(stderr, want) {
			t.Errorf("verify %s: exit %d, stderr %q, want 1 and %q\n%s", target, code, stderr, want, stdout)
		}
	}
}

// TestVerifyTamperedPackage rewrites the evidence package with one entry
// changed, one added or one removed; verify of the package and of the
// folder holding it name the entry and exit 1.
func TestVerifyTamperedPackage(t *testing.T) {
	cases := []struct {
		name string
		edit func(name string, data []byte) (string, []byte, bool) // new name and data, keep
		add  map[string]string
		want string
	}{
		{"output changed", replace("output/findings.json", func(b []byte) []byte { return append(b, ' ') }), nil, "changed: output/findings.json"},
		{"input changed", replace("data/policy.yaml", func(b []byte) []byte { return append(b, "\n# edited\n"...) }), nil, "changed: data/policy.yaml"},
		{"input same size", replace("data/systems.yaml", func(b []byte) []byte { b = bytes.Clone(b); b[len(b)-2] ^= 1; return b }), nil, "changed: data/systems.yaml"},
		{"input added", nil, map[string]string{"data/extra.csv": "id\r\n"}, "added: data/extra.csv"},
		{"output added", nil, map[string]string{"output/extra.html": "<p>"}, "added: output/extra.html"},
		{"input missing", drop("data/policy.yaml"), nil, "missing: data/policy.yaml"},
		{"output missing", drop("output/findings.csv"), nil, "missing: output/findings.csv"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := outCopy(t)
			zpath := filepath.Join(out, pkgName)
			rewriteZip(t, zpath, tc.edit, tc.add)
			code, lines, stderr := verifyLines(t, zpath)
			if code != 1 || !slices.Contains(lines, tc.want) {
				t.Errorf("verify %s: exit %d, %q %s; want 1 and %q", pkgName, code, lines, stderr, tc.want)
			}
			code, lines, stderr = verifyLines(t, out)
			if code != 1 || !slices.Contains(lines, tc.want) {
				t.Errorf("verify of the folder: exit %d, %q %s; want 1 and %q", code, lines, stderr, tc.want)
			}
		})
	}
}

func replace(entry string, f func([]byte) []byte) func(string, []byte) (string, []byte, bool) {
	return func(name string, data []byte) (string, []byte, bool) {
		if name == entry {
			return name, f(data), true
		}
		return name, data, true
	}
}

func drop(entry string) func(string, []byte) (string, []byte, bool) {
	return func(name string, data []byte) (string, []byte, bool) { return name, data, name != entry }
}

// rewriteZip rewrites a zip file entry by entry through edit, then adds
// the entries of add.
func rewriteZip(t *testing.T, path string, edit func(string, []byte) (string, []byte, bool), add map[string]string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	found := edit == nil
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		name, keep := f.Name, true
		if edit != nil {
			var nd []byte
			name, nd, keep = edit(f.Name, data)
			if !keep || !bytes.Equal(nd, data) {
				found = true
			}
			data = nd
		}
		if !keep {
			continue
		}
		h := f.FileHeader
		h.Name = name
		w, err := zw.CreateHeader(&h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	zr.Close()
	for name, data := range add {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Fatal("the edit matched no entry of the package")
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestVerifyHostilePackage gives verify archives made to hurt it: entries
// that claim 2^62 bytes, a path that leaves the archive, a manifest that is
// not one. Each is a clear failure (exit 1), never a panic, and nothing is
// written anywhere.
func TestVerifyHostilePackage(t *testing.T) {
	manifest, err := os.ReadFile(filepath.Join(built(t), "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	type entry struct {
		name  string
		data  string
		claim uint64 // uncompressed size written in the headers, when not 0
	}
	cases := map[string][]entry{
		"huge manifest": {{name: "output/manifest.json", data: string(manifest), claim: 1 << 62}},
		"huge output":   {{name: "output/manifest.json", data: string(manifest)}, {name: "output/findings.json", data: "{}", claim: 1 << 62}},
		"huge input":    {{name: "output/manifest.json", data: string(manifest)}, {name: "data/policy.yaml", data: "x", claim: 1<<63 - 1}},
		"zip slip":      {{name: "output/manifest.json", data: string(manifest)}, {name: "../../evil.txt", data: "x"}, {name: "data/../../evil2.txt", data: "x"}},
		"no manifest":   {{name: "output/findings.json", data: "{}"}},
		"not JSON":      {{name: "output/manifest.json", data: "\x00\xff{"}},
		"wrong schema":  {{name: "output/manifest.json", data: `{"schema":"x"}`}},
		"empty":         nil,
	}
	for name, entries := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			zpath := filepath.Join(dir, "evidence-2026-11-30.zip")
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			for _, e := range entries {
				h := &zip.FileHeader{Name: e.name, Method: zip.Store, CRC32: crc32.ChecksumIEEE([]byte(e.data)),
					CompressedSize64: uint64(len(e.data)), UncompressedSize64: uint64(len(e.data))}
				if e.claim != 0 {
					h.UncompressedSize64 = e.claim
				}
				w, err := zw.CreateRaw(h)
				if err != nil {
					t.Fatal(err)
				}
				io.WriteString(w, e.data)
			}
			if err := zw.Close(); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(zpath, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			code, stdout, stderr := cli(t, "verify", zpath)
			if code != 1 {
				t.Errorf("exit %d, want 1\n%s%s", code, stdout, stderr)
			}
			if stderr == "" || !strings.HasPrefix(stderr, "vulnreport: ") {
				t.Errorf("no clear message: %q", stderr)
			}
			if es, _ := os.ReadDir(dir); len(es) != 1 {
				t.Errorf("verify wrote files: %v", es)
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "evil.txt")); err == nil {
				t.Error("verify extracted an entry outside the folder")
			}
		})
	}
}
