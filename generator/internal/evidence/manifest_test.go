package evidence

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/publish"
	"vulnreport/generator/internal/source"
)

// memOf returns an in-memory output holding files.
func memOf(t *testing.T, files map[string]string) *publish.Memory {
	t.Helper()
	m := publish.NewMemory()
	for k, v := range files {
		if err := m.WriteFile(k, []byte(v)); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

func manifestOf(t *testing.T, m *publish.Memory, pkg string) []byte {
	t.Helper()
	data, err := EncodeManifest(Manifest{
		ToolVersion: "9.9.9", AsOf: "2026-11-30",
		Inputs:  []source.FileStat{{Path: "systems.yaml", Kind: "systems", SHA256: strings.Repeat("0", 64), Size: 3, Read: 2, Accepted: 1, Rejected: 1}},
		Feeds:   []feed.Info{{Kind: "kev", Path: "feeds/kev/x.json", Version: "2026.11.30", Date: "2026-11-30", Records: 1}},
		Records: Counts{Read: 2, Accepted: 1, Rejected: 1},
		Outputs: m.Files(), Package: pkg,
	})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestManifestEncoding checks that the manifest is stable, names its
// schema, keeps empty lists as [] and round-trips.
func TestManifestEncoding(t *testing.T) {
	m := memOf(t, map[string]string{"b.html": "<b>", "a.html": "a & <a>"})
	a, b := manifestOf(t, m, ""), manifestOf(t, m, "")
	if !bytes.Equal(a, b) {
		t.Fatal("two encodings of one manifest differ")
	}
	for _, want := range []string{`"schema": "vulnreport/manifest"`, `"schema_version": "1.0"`, `"tool_version": "9.9.9"`,
		`"as_of": "2026-11-30"`, `"version": "2026.11.30"`, `"read": 2`} {
		if !bytes.Contains(a, []byte(want)) {
			t.Errorf("manifest lacks %s:\n%s", want, a)
		}
	}
	if bytes.Contains(a, []byte(`"package"`)) {
		t.Error("manifest without a package names one")
	}
	got, err := DecodeManifest(a)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Outputs) != 2 || got.Outputs[0].Path != "a.html" || got.Inputs[0].Rejected != 1 || got.Feeds[0].Kind != "kev" {
		t.Errorf("decoded %+v", got)
	}
	empty, err := EncodeManifest(Manifest{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(empty, []byte(`"inputs": []`)) || !bytes.Contains(empty, []byte(`"feeds": []`)) {
		t.Errorf("empty lists are not []:\n%s", empty)
	}
	for _, bad := range []string{"", "{", "[]", `{"schema": "other"}`, "null"} {
		if _, err := DecodeManifest([]byte(bad)); err == nil {
			t.Errorf("DecodeManifest(%q) accepted", bad)
		} else if !strings.Contains(err.Error(), "manifest.json") {
			t.Errorf("DecodeManifest(%q): %v does not name manifest.json", bad, err)
		}
	}
}

// outputFS returns a folder of files and its manifest, as a build writes it.
func outputFS(t *testing.T, pkg string) fstest.MapFS {
	t.Helper()
	files := map[string]string{"index.html": "<html>", "en/index.html": "<html lang=en>", "findings.json": "{}", "findings.csv": "\ufeffkey\r\n"}
	fsys := fstest.MapFS{}
	for k, v := range files {
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	fsys[ManifestName] = &fstest.MapFile{Data: manifestOf(t, memOf(t, files), pkg)}
	if pkg != "" {
		fsys[pkg] = &fstest.MapFile{Data: []byte("PK")}
	}
	return fsys
}

func diffStrings(ds []Difference) string {
	var s []string
	for _, d := range ds {
		s = append(s, d.String())
	}
	return strings.Join(s, "\n")
}

// TestVerify checks verify on an untouched folder, then with one file
// changed, one added and one missing: each is named, sorted by path.
func TestVerify(t *testing.T) {
	fsys := outputFS(t, "evidence-2026-11-30.zip")
	ds, m, err := verifyFS(fsys)
	if err != nil || len(ds) != 0 {
		t.Fatalf("untouched output: %v, %v", diffStrings(ds), err)
	}
	if m.AsOf != "2026-11-30" || len(m.Outputs) != 4 {
		t.Errorf("manifest = %+v", m)
	}
	fsys["findings.json"] = &fstest.MapFile{Data: []byte("{ }")}          // changed, other size
	fsys["findings.csv"] = &fstest.MapFile{Data: []byte("\ufeffkeY\r\n")} // changed, same size
	fsys["extra/evil.html"] = &fstest.MapFile{Data: []byte("<script>")}
	delete(fsys, "en/index.html")
	ds, _, err = verifyFS(fsys)
	if err != nil {
		t.Fatal(err)
	}
	want := "missing: en/index.html\nadded: extra/evil.html\nchanged: findings.csv\nchanged: findings.json"
	if got := diffStrings(ds); got != want {
		t.Errorf("differences:\n%s\nwant:\n%s", got, want)
	}
}

// TestVerifyManifestProblems checks a missing, unreadable or hostile manifest.
func TestVerifyManifestProblems(t *testing.T) {
	if _, _, err := verifyFS(fstest.MapFS{"index.html": {Data: []byte("x")}}); err == nil || !strings.Contains(err.Error(), ManifestName) {
		t.Errorf("no manifest: err = %v", err)
	}
	if _, _, err := verifyFS(fstest.MapFS{ManifestName: {Data: []byte("{")}}); err == nil || !strings.Contains(err.Error(), ManifestName) {
		t.Errorf("broken manifest: err = %v", err)
	}
	// a manifest that lists paths outside the folder: reported missing, never opened
	m := Manifest{Outputs: []publish.File{{Path: "../../etc/passwd", SHA256: "x"}, {Path: "/etc/passwd"}, {Path: "a\x00b"}}}
	data, err := EncodeManifest(m)
	if err != nil {
		t.Fatal(err)
	}
	ds, _, err := verifyFS(fstest.MapFS{ManifestName: {Data: data}})
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 3 {
		t.Errorf("differences = %s, want the three paths missing", diffStrings(ds))
	}
	for _, d := range ds {
		if d.Kind != "missing" {
			t.Errorf("%s: want missing", d)
		}
	}
	// the package named by the manifest is not an output
	var raw map[string]any
	fsys := outputFS(t, "evidence-2026-11-30.zip")
	if err := json.Unmarshal(fsys[ManifestName].Data, &raw); err != nil || raw["package"] != "evidence-2026-11-30.zip" {
		t.Fatalf("package not recorded: %v %v", raw["package"], err)
	}
	delete(fsys, "evidence-2026-11-30.zip")
	if ds, _, err := verifyFS(fsys); err != nil || len(ds) != 0 {
		t.Errorf("a missing package is the caller's to report, got %s %v", diffStrings(ds), err)
	}
}

// TestReadLimited reads at most the limit, whatever size a file claims.
func TestReadLimited(t *testing.T) {
	fsys := fstest.MapFS{"a": {Data: []byte("12345")}}
	if b, err := ReadLimited(fsys, "a", 5); err != nil || string(b) != "12345" {
		t.Errorf("at the limit: %q %v", b, err)
	}
	if _, err := ReadLimited(fsys, "a", 4); err == nil || !strings.Contains(err.Error(), "larger than 4 bytes") {
		t.Errorf("over the limit: %v", err)
	}
	if _, err := ReadLimited(fsys, "missing", 4); err == nil {
		t.Error("a missing file read")
	}
}

// TestVerifyOversizedOutput: a file far larger than its manifest says is
// reported changed after reading one byte past the size given.
func TestVerifyOversizedOutput(t *testing.T) {
	fsys := outputFS(t, "")
	fsys["findings.json"] = &fstest.MapFile{Data: bytes.Repeat([]byte("x"), 1<<20)}
	ds, _, err := verifyFS(fsys)
	if err != nil || diffStrings(ds) != "changed: findings.json" {
		t.Errorf("%s %v", diffStrings(ds), err)
	}
}
