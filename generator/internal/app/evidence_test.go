package app

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"vulnreport/generator/internal/evidence"
	"vulnreport/generator/internal/publish"
)

// buildFixture builds the three-month fixture with its package into a
// fresh folder and returns the folder and the result.
func buildFixture(t *testing.T, fsys fs.FS, today time.Time) (string, *Result) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	res, err := Build(context.Background(), Options{Data: fsys, OutDir: out, AsOf: date("2026-11-30"), Today: today,
		Formats: "all", Package: true}, &stdout, &stderr)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, stderr.String())
	}
	return out, res
}

// TestEvidencePackage checks the month's archive: its name, that it holds
// exactly the snapshot as read (under data/) and every output with the
// manifest (under output/), sorted, stamped with the as-of date, plain
// files only; that two builds give the same bytes; and that verify
// accepts it and the folder holding it.
func TestEvidencePackage(t *testing.T) {
	fsys := fixture(month3)
	out, res := buildFixture(t, fsys, date("2030-01-01"))
	name := evidence.PackageName(date("2026-11-30"))
	if name != "evidence-2026-11-30.zip" {
		t.Fatalf("PackageName = %q", name)
	}
	raw, err := os.ReadFile(filepath.Join(out, name))
	if err != nil {
		t.Fatal(err)
	}
	if mem, _ := res.Files.Get(name); !bytes.Equal(mem, raw) {
		t.Error("the package on disk is not the one built")
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	if zr.Comment != "" {
		t.Errorf("archive comment %q", zr.Comment)
	}

	var want []string
	for _, in := range res.Report.Sources.Inputs {
		want = append(want, "data/"+in.Path)
	}
	for _, n := range res.Files.Names() {
		if n != name {
			want = append(want, "output/"+n)
		}
	}
	slices.Sort(want)
	var got []string
	stamp := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	for _, f := range zr.File {
		got = append(got, f.Name)
		if !f.Modified.Equal(stamp) {
			t.Errorf("%s: modified %v, want %v", f.Name, f.Modified, stamp)
		}
		if f.Method != zip.Deflate || f.Mode() != 0o644 || f.Mode().IsDir() || f.Comment != "" {
			t.Errorf("%s: method %d mode %v comment %q", f.Name, f.Method, f.Mode(), f.Comment)
		}
		if err := publish.CheckPath(f.Name); err != nil {
			t.Errorf("entry name: %v", err)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		var orig []byte
		if rest, ok := strings.CutPrefix(f.Name, "data/"); ok {
			orig = fsys[rest].Data
		} else {
			orig, _ = res.Files.Get(strings.TrimPrefix(f.Name, "output/"))
		}
		if !bytes.Equal(data, orig) {
			t.Errorf("%s differs from the file it copies", f.Name)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("entries:\n%s\nwant (sorted):\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !slices.Contains(got, "output/manifest.json") || !slices.Contains(got, "data/policy.yaml") {
		t.Errorf("the package lacks the manifest or the policy: %v", got)
	}
	if slices.Contains(got, "output/"+name) {
		t.Error("the package holds itself")
	}

	// the same snapshot on another day, into another folder: the same bytes
	out2, _ := buildFixture(t, fixture(month3), date("2041-06-15"))
	raw2, err := os.ReadFile(filepath.Join(out2, name))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(raw, raw2) {
		t.Error("two builds of the same snapshot give different packages")
	}

	var stdout bytes.Buffer
	if err := evidence.Verify(filepath.Join(out, name), &stdout); err != nil {
		t.Errorf("verify of the package: %v\n%s", err, stdout.String())
	}
	stdout.Reset()
	if err := evidence.Verify(out, &stdout); err != nil {
		t.Errorf("verify of the folder: %v\n%s", err, stdout.String())
	}
	if !strings.Contains(stdout.String(), "ok: "+name+": ") {
		t.Errorf("verify of the folder did not check the package:\n%s", stdout.String())
	}
}

// changingFS returns other bytes for one file from its second read on, as
// if someone edited the snapshot while the build ran.
type changingFS struct {
	fstest.MapFS
	name  string
	mu    sync.Mutex
	reads int
}

func (c *changingFS) Open(name string) (fs.File, error) {
	if name == c.name {
		c.mu.Lock()
		c.reads++
		n := c.reads
		c.mu.Unlock()
		if n > 1 {
			m := fstest.MapFS{name: {Data: append(bytes.Clone(c.MapFS[name].Data), "\n# edited\n"...)}}
			return m.Open(name)
		}
	}
	return c.MapFS.Open(name)
}

func (c *changingFS) ReadFile(name string) ([]byte, error) { return fs.ReadFile(fsOnly{c}, name) }

type fsOnly struct{ fs.FS }

// TestPackageSnapshotChanged: a snapshot file edited between loading and
// packaging stops the build with a message naming it, and nothing is
// published.
func TestPackageSnapshotChanged(t *testing.T) {
	fsys := &changingFS{MapFS: fixture(month3), name: "systems.yaml"}
	out := filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	_, err := Build(context.Background(), Options{Data: fsys, OutDir: out, AsOf: date("2026-11-30"), Formats: "findings", Package: true}, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "systems.yaml") || !strings.Contains(err.Error(), "changed during the build") {
		t.Fatalf("err = %v, want one naming systems.yaml as changed", err)
	}
	if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the output was published: %v", err)
	}
	if stdout.Len() != 0 {
		t.Errorf("a failed build printed a summary:\n%s", stdout.String())
	}
}

// TestManifestContents checks the manifest a build writes: tool version,
// as-of date, every input with digest and counts that reconcile, every
// output but itself and the package, with digests.
func TestManifestContents(t *testing.T) {
	fsys := fixture(month3)
	out, res := buildFixture(t, fsys, date("2030-01-01"))
	data, err := os.ReadFile(filepath.Join(out, evidence.ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	m, err := evidence.DecodeManifest(data)
	if err != nil {
		t.Fatal(err)
	}
	if m.ToolVersion != ToolVersion || m.AsOf != "2026-11-30" || m.Package != "evidence-2026-11-30.zip" {
		t.Errorf("manifest head: %q %q %q", m.ToolVersion, m.AsOf, m.Package)
	}
	var paths []string
	var sum evidence.Counts
	for _, in := range m.Inputs {
		paths = append(paths, in.Path)
		if in.Read != in.Accepted+in.Rejected {
			t.Errorf("%s: read %d != %d + %d", in.Path, in.Read, in.Accepted, in.Rejected)
		}
		if len(in.SHA256) != 64 || in.Size != int64(len(fsys[in.Path].Data)) {
			t.Errorf("%s: digest %q size %d", in.Path, in.SHA256, in.Size)
		}
		sum.Read, sum.Accepted, sum.Rejected = sum.Read+in.Read, sum.Accepted+in.Accepted, sum.Rejected+in.Rejected
	}
	if sum != m.Records {
		t.Errorf("records %+v, the inputs sum to %+v", m.Records, sum)
	}
	var files []string
	for name := range fsys {
		files = append(files, name)
	}
	slices.Sort(files)
	if !slices.Equal(paths, files) {
		t.Errorf("inputs %v, want every snapshot file %v", paths, files)
	}
	var outs []string
	for _, o := range m.Outputs {
		outs = append(outs, o.Path)
	}
	var names []string
	for _, n := range res.Files.Names() {
		if n != evidence.ManifestName && n != m.Package {
			names = append(names, n)
		}
	}
	if !slices.Equal(outs, names) {
		t.Errorf("outputs %v, want %v", outs, names)
	}
	for _, p := range outs {
		if path.IsAbs(p) || strings.Contains(p, "..") {
			t.Errorf("output path %q", p)
		}
	}
}
