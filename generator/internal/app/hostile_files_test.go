//go:build unix

package app

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"vulnreport/generator/internal/evidence"
)

// plainBase is a small snapshot whose one Struts on a website is an open
// finding; the cases below add entries that are not plain files to it.
var plainBase = map[string]string{
	"policy.yaml":  "organization: {ja: 基準株式会社, en: Base Corp}\nas_of: 2026-11-30\nlanguages: [ja, en]\n",
	"systems.yaml": "- {id: web, name: Web, category: website, exposure: internet, owner: IT}\n",
	// read through a link in most cases (see below)
	"components.csv": "system,product,version\nweb,apache:struts,2.5.10\n",
	"advisories/a.yaml": "- id: CVE-2017-5638\n  title: Struts\n  cvss: {version: \"3.1\", vector: \"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H\"}\n" +
		"  affected: [{product: \"apache:struts\", versions: \">=2.5.0 <2.5.10.1\"}]\n",
}

// secret is the text of a file outside the snapshot that links point to:
// it must never reach any output.
const secret = "OUTSIDE-THE-SNAPSHOT-c0ffee"

// TestHostileFiles puts named pipes, sockets, devices and symbolic links
// of every kind into a snapshot, as policy.yaml, as CSV and YAML entity
// files and as feeds. None may block check or build (each runs under a
// deadline and must finish); each is a warning naming it and is never
// opened; links to plain files inside the snapshot are read; nothing from
// outside reaches the outputs or the evidence package; the counts
// reconcile; a policy.yaml that cannot be read stops the build.
func TestHostileFiles(t *testing.T) {
	type fsCase struct {
		name  string
		setup func(t *testing.T, dir, outside string)
		fails string   // the build stops, its error saying this
		warns []string // "file: warning text" that must appear
		// read are inputs the manifest must list; skipped must be absent
		read, skipped []string
	}
	fifo := func(name string) func(*testing.T, string, string) {
		return func(t *testing.T, dir, _ string) { mkfifo(t, filepath.Join(dir, name)) }
	}
	link := func(pairs ...string) func(*testing.T, string, string) {
		return func(t *testing.T, dir, outside string) {
			for i := 0; i < len(pairs); i += 2 {
				target := strings.ReplaceAll(pairs[i+1], "OUT", outside)
				p := filepath.Join(dir, filepath.FromSlash(pairs[i]))
				os.Remove(p)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.Symlink(target, p); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	cases := []fsCase{
		{name: "fifo policy", setup: func(t *testing.T, dir, o string) {
			os.Remove(filepath.Join(dir, "policy.yaml"))
			fifo("policy.yaml")(t, dir, o)
		},
			fails: "policy.yaml", warns: []string{"policy.yaml:1:1: warning: is a named pipe (FIFO), not a plain file: not read"}},
		{name: "fifo csv", setup: func(t *testing.T, dir, o string) {
			fifo("lifecycle.csv")(t, dir, o)
			fifo("advisories/more.csv")(t, dir, o)
			fifo("feeds/kev/kev.json")(t, dir, o)
		}, warns: []string{"lifecycle.csv:1:1: warning: is a named pipe", "advisories/more.csv:1:1: warning: is a named pipe", "feeds/kev/kev.json:1:1: warning: is a named pipe"},
			read: []string{"components.csv", "policy.yaml"}, skipped: []string{"lifecycle.csv", "advisories/more.csv", "feeds/kev/kev.json"}},
		{name: "fifo components", setup: func(t *testing.T, dir, o string) {
			os.Remove(filepath.Join(dir, "components.csv"))
			fifo("components.csv")(t, dir, o)
		}, fails: "no components.yaml, components.csv or SBOM under sbom/ was read", warns: []string{"components.csv:1:1: warning: is a named pipe"}},
		{name: "devices", setup: func(t *testing.T, dir, o string) {
			link("feeds/kev/zero.json", "/dev/zero", "feeds/epss/null.csv", "../../../../../../../../../../dev/null")(t, dir, o)
			// a device of its own where the system allows making one
			if err := syscall.Mknod(filepath.Join(dir, "lifecycle.yaml"), syscall.S_IFCHR|0o644, 1<<8|5); err != nil {
				t.Logf("no character device made (%v): the links to /dev stand for it", err)
				mkfifo(t, filepath.Join(dir, "lifecycle.yaml"))
			}
		}, warns: []string{"feeds/kev/zero.json:1:1: warning: is a symbolic link to /dev/zero, outside the input folder", "feeds/epss/null.csv:1:1: warning: is a symbolic link that leads outside", "lifecycle.yaml:1:1: warning: is a "},
			read: []string{"components.csv"}, skipped: []string{"feeds/kev/zero.json", "feeds/epss/null.csv", "lifecycle.yaml"}},
		{name: "socket", setup: func(t *testing.T, dir, _ string) {
			l, err := net.Listen("unix", filepath.Join(dir, "notifications.csv"))
			if err != nil {
				t.Skip("no unix sockets here:", err)
			}
			t.Cleanup(func() { l.Close() })
		}, warns: []string{"notifications.csv:1:1: warning: is a socket, not a plain file: not read"}, skipped: []string{"notifications.csv"}},
		{name: "links", setup: func(t *testing.T, dir, o string) {
			// the components and the policy live in a hidden folder and are linked in
			for _, n := range []string{"components.csv", "policy.yaml"} {
				if err := os.MkdirAll(filepath.Join(dir, ".shared"), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.Rename(filepath.Join(dir, n), filepath.Join(dir, ".shared", n)); err != nil {
					t.Fatal(err)
				}
			}
			link("components.csv", ".shared/components.csv", "policy.yaml", ".shared/policy.yaml",
				"lifecycle.yaml", "OUT/lifecycle.yaml", // outside, absolute
				"remediation.yaml", "../outside/lifecycle.yaml", // outside, relative
				"notifications.yaml", "missing.yaml", // dangling
				"changes.yaml", "changes.yaml", // a loop
				"advisories/ext", "OUT", // a folder outside
				"advisories/self", ".", // a folder inside
				"sbom/web.cdx.json", "OUT/web.cdx.json")(t, dir, o)
		}, warns: []string{
			"lifecycle.yaml:1:1: warning: is a symbolic link to ", "outside the input folder",
			"remediation.yaml:1:1: warning: is a symbolic link that leads outside the input folder",
			"notifications.yaml:1:1: warning: is a symbolic link to missing.yaml, which does not exist",
			"changes.yaml:1:1: warning: is a symbolic link in a loop of links",
			"advisories/ext:1:1: warning: is a symbolic link to ", "advisories/self:1:1: warning: is a symbolic link to the folder advisories: not followed",
			"sbom/web.cdx.json:1:1: warning: is a symbolic link to "},
			read:    []string{"components.csv", "policy.yaml", "advisories/a.yaml"},
			skipped: []string{"lifecycle.yaml", "remediation.yaml", "notifications.yaml", "changes.yaml", "sbom/web.cdx.json"}},
		{name: "policy outside", setup: func(t *testing.T, dir, o string) {
			link("policy.yaml", "OUT/policy.yaml")(t, dir, o)
		}, fails: "policy.yaml", warns: []string{"policy.yaml:1:1: warning: is a symbolic link to "}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			base := t.TempDir()
			dir, outside := filepath.Join(base, "data"), filepath.Join(base, "outside")
			writeTree(t, dir, plainBase)
			writeTree(t, outside, map[string]string{
				"lifecycle.yaml":  "- {product: \"apache:struts\", cycle: \"2.5\", eol: 2020-01-01} # " + secret + "\n",
				"policy.yaml":     "organization: " + secret + "\n",
				"web.cdx.json":    `{"bomFormat":"CycloneDX","specVersion":"1.5","components":[{"name":"` + secret + `","version":"1"}]}`,
				"advisories.yaml": "- {id: X-1, title: " + secret + "}\n",
			})
			tc.setup(t, dir, outside)
			out := filepath.Join(base, "out")

			type result struct {
				check, build     error
				checkOut, errOut string
				res              *Result
			}
			done := make(chan result, 1)
			go func() {
				var r result
				var o, e bytes.Buffer
				r.check = Check(Options{Data: os.DirFS(dir), DataDir: dir}, &o, &e)
				r.checkOut = o.String() + e.String()
				o.Reset()
				e.Reset()
				r.res, r.build = Build(context.Background(), Options{Data: os.DirFS(dir), DataDir: dir, OutDir: out,
					AsOf: date("2026-11-30"), Formats: "findings", Package: true}, &o, &e)
				r.errOut = e.String()
				done <- r
			}()
			var r result
			select {
			case r = <-done:
			case <-time.After(caseTimeout):
				t.Fatalf("check and build did not finish in %v: a hang", caseTimeout)
			}
			all := r.checkOut + "\n" + r.errOut
			if r.build != nil {
				all += "\n" + r.build.Error()
			}
			for _, w := range tc.warns {
				if !strings.Contains(all, w) {
					t.Errorf("nothing says %q:\n%s", w, clipLines(all))
				}
			}
			if strings.Contains(all, secret) {
				t.Errorf("a message quotes the file outside the snapshot:\n%s", clipLines(all))
			}
			if tc.fails != "" {
				if r.build == nil || !strings.Contains(r.build.Error(), tc.fails) {
					t.Fatalf("build: %v, want it to stop saying %q", r.build, tc.fails)
				}
				if !errors.Is(r.check, ErrRejected) {
					t.Errorf("check: %v, want it to fail", r.check)
				}
				if _, err := os.Lstat(out); err == nil {
					t.Errorf("a build that stopped wrote %s", out)
				}
				return
			}
			if r.build != nil || r.check != nil {
				t.Fatalf("check %v, build %v\n%s", r.check, r.build, clipLines(all))
			}
			if got := r.res.Report.Summary.OpenTotal; got != 1 {
				t.Errorf("open findings %d, want the one Struts finding", got)
			}
			m := readManifest(t, out)
			var inputs []string
			for _, in := range m.Inputs {
				inputs = append(inputs, in.Path)
				if in.Read != in.Accepted+in.Rejected {
					t.Errorf("%s: read %d != %d + %d", in.Path, in.Read, in.Accepted, in.Rejected)
				}
			}
			for _, n := range tc.read {
				if !slices.Contains(inputs, n) {
					t.Errorf("%s was not read (inputs %v)", n, inputs)
				}
			}
			for _, n := range tc.skipped {
				if slices.Contains(inputs, n) {
					t.Errorf("%s was read (inputs %v)", n, inputs)
				}
			}
			// nothing from outside in any output, the evidence package
			// holds the snapshot as read, links under their own names
			zipped := map[string]bool{}
			err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				b, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				if bytes.Contains(b, []byte(secret)) {
					t.Errorf("%s holds text from outside the snapshot", p)
				}
				if filepath.Ext(p) == ".zip" {
					zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
					if err != nil {
						return err
					}
					for _, f := range zr.File {
						zipped[f.Name] = true
						rc, _ := f.Open()
						var buf bytes.Buffer
						_, _ = buf.ReadFrom(rc)
						rc.Close()
						if bytes.Contains(buf.Bytes(), []byte(secret)) {
							t.Errorf("the evidence package's %s holds text from outside the snapshot", f.Name)
						}
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range tc.read {
				if !zipped["data/"+n] {
					t.Errorf("the evidence package lacks data/%s", n)
				}
			}
			for _, n := range tc.skipped {
				if zipped["data/"+n] {
					t.Errorf("the evidence package holds data/%s, which was not read", n)
				}
			}
		})
	}
}

// TestNothingToReportStops builds snapshots that describe no organisation
// — an empty folder, a folder of unrelated files like /etc, an empty
// systems file, one whose every system is rejected, systems without any
// software — over a previous output: each stops with exit 1 (an error
// that is not a usage error), says why and names the file, and leaves the
// previous output byte for byte as it was.
func TestNothingToReportStops(t *testing.T) {
	systems := plainBase["systems.yaml"]
	cases := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"empty folder", map[string]string{}, "systems.yaml: no systems.yaml or systems.csv was read"},
		{"unrelated files", map[string]string{"passwd": "root:x:0:0::/root:/bin/sh\n", "hosts": "127.0.0.1 localhost\n", "ssl/openssl.cnf": "[req]\n"},
			"is --data the snapshot folder?"},
		{"empty systems.yaml", map[string]string{"systems.yaml": "", "components.csv": plainBase["components.csv"]}, "systems.yaml: the file holds no system"},
		{"comments only", map[string]string{"systems.yaml": "# to do\n", "components.csv": plainBase["components.csv"]}, "systems.yaml: the file holds no system"},
		{"header only", map[string]string{"systems.csv": "id,name,category,exposure,owner\r\n", "components.csv": plainBase["components.csv"]}, "systems.csv: the file holds no system"},
		{"every system rejected", map[string]string{"systems.yaml": "- {id: web, name: Web, category: shop, exposure: internet, owner: IT}\n- {id: '../x', name: X, category: website, exposure: internet, owner: IT}\n",
			"components.csv": plainBase["components.csv"]}, "systems.yaml: no system was accepted"},
		{"no components", map[string]string{"systems.yaml": systems}, "components.yaml: no components.yaml, components.csv or SBOM under sbom/ was read"},
		{"empty components", map[string]string{"systems.yaml": systems, "components.csv": "system,product,version\n"}, "components.csv: no component in components.csv"},
		{"every component rejected", map[string]string{"systems.yaml": systems, "components.csv": "system,product,version\nnope,apache:struts,1\n"}, "no component was accepted from components.csv"},
	}
	prev := filepath.Join(t.TempDir(), "out")
	good := t.TempDir()
	writeTree(t, good, plainBase)
	if _, err := Build(context.Background(), Options{Data: os.DirFS(good), OutDir: prev, AsOf: date("2026-11-30"), Formats: "findings"}, &bytes.Buffer{}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	before := treeSum(t, prev)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, tc.files)
			var o, e bytes.Buffer
			_, err := Build(context.Background(), Options{Data: os.DirFS(dir), OutDir: prev, AsOf: date("2026-11-30"), Formats: "findings"}, &o, &e)
			var ue UsageError
			if err == nil || errors.As(err, &ue) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("build: %v, want it to stop (exit 1) saying %q\n%s", err, tc.want, e.String())
			}
			if !strings.Contains(e.String(), tc.want[strings.Index(tc.want, ":")+2:]) && !strings.Contains(e.String(), tc.want) {
				t.Errorf("no diagnostic says %q:\n%s", tc.want, e.String())
			}
			if o.Len() != 0 {
				t.Errorf("a build that stopped printed a summary:\n%s", o.String())
			}
			if treeSum(t, prev) != before {
				t.Fatal("the previous output changed")
			}
			if err := Check(Options{Data: os.DirFS(dir)}, &o, &e); !errors.Is(err, ErrRejected) {
				t.Errorf("check passed a snapshot that cannot be built: %v", err)
			}
		})
	}
}

func mkfifo(t *testing.T, p string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
}

func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
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

func readManifest(t *testing.T, out string) evidence.Manifest {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, evidence.ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	m, err := evidence.DecodeManifest(b)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestVerifyPipes verifies an output whose evidence package was replaced
// by a named pipe, and a named pipe given as the package: verify ends
// with the difference or an error instead of blocking.
func TestVerifyPipes(t *testing.T) {
	dir, out := t.TempDir(), filepath.Join(t.TempDir(), "out")
	writeTree(t, dir, plainBase)
	if _, err := Build(context.Background(), Options{Data: os.DirFS(dir), OutDir: out, AsOf: date("2026-11-30"), Formats: "findings", Package: true}, &bytes.Buffer{}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	pkg := filepath.Join(out, evidence.PackageName(date("2026-11-30")))
	os.Remove(pkg)
	mkfifo(t, pkg)
	done := make(chan [2]error, 1)
	var o bytes.Buffer
	go func() { done <- [2]error{evidence.Verify(out, &o), evidence.Verify(pkg, &bytes.Buffer{})} }()
	select {
	case errs := <-done:
		if !errors.Is(errs[0], evidence.ErrVerify) || !strings.Contains(o.String(), "changed: "+filepath.Base(pkg)) {
			t.Errorf("verify of the folder: %v\n%s", errs[0], o.String())
		}
		if errs[1] == nil || !strings.Contains(errs[1].Error(), "not a plain file") {
			t.Errorf("verify of the pipe: %v", errs[1])
		}
	case <-time.After(caseTimeout):
		t.Fatal("verify blocked on a named pipe")
	}
}
