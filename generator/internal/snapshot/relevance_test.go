package snapshot

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"vulnreport/generator/internal/source"
)

// changingFS serves a second version of one file once it has been opened
// after times, as a file rewritten while a build reads it.
type changingFS struct {
	fstest.MapFS
	name   string
	second []byte
	after  int
	opened int
}

func (c *changingFS) Open(name string) (fs.File, error) {
	if name == c.name {
		c.opened++
		if c.opened > c.after {
			m := fstest.MapFS{name: &fstest.MapFile{Data: c.second}}
			return m.Open(name)
		}
	}
	return c.MapFS.Open(name)
}

// TestRestoreStopsOnChangedFile: a stub that must be read again in full
// from a file that no longer holds it as it was stops the build, never
// leaves the vulnerability without the stub's data.
func TestRestoreStopsOnChangedFile(t *testing.T) {
	const header = "id,aliases,title.en,affected.product,affected.versions\n"
	fsys := &changingFS{
		MapFS: fstest.MapFS{
			"systems.yaml":     {Data: []byte("- {id: web, name: Web, category: website, exposure: internet, owner: IT}\n")},
			"components.csv":   {Data: []byte("system,product,version\nweb,apache:tomcat,9.0.1\n")},
			"advisories/a.csv": {Data: []byte(header + "CVE-2099-0001,,Names another product,other:thing,<1.0\n")},
			"advisories/b.csv": {Data: []byte(header + "JVNDB-2099-000001,CVE-2099-0001,Names Tomcat,apache:tomcat,<10\n")},
		},
		name:   "advisories/a.csv",
		second: []byte(header + "CVE-2099-0001,,Names another product,other:thing,<2.0\n"),
	}
	fsys.after = 1
	s := Load(fsys, Options{KeepRelevant: true}, new(source.Diagnostics))
	if fsys.opened != 2 {
		t.Fatalf("a.csv opened %d times, want 2 (read, then read again for the stub linked to b.csv)", fsys.opened)
	}
	if len(s.Fatal) != 1 || !strings.Contains(s.Fatal[0], "advisories/a.csv: the file changed while the build read it") {
		t.Errorf("Fatal = %q, want the changed file named", s.Fatal)
	}

	// Unchanged, the stub is read again in full.
	fsys.opened, fsys.after = 0, 2
	s = Load(fsys, Options{KeepRelevant: true}, new(source.Diagnostics))
	if len(s.Fatal) != 0 || s.Restored != 1 {
		t.Fatalf("Fatal = %q, restored %d; want none and 1", s.Fatal, s.Restored)
	}
	for _, a := range s.Advisories {
		if a.Stub != nil || len(a.Affected) != 1 {
			t.Errorf("advisory %s: stub %v, affected %v; want it in full", a.ID, a.Stub, a.Affected)
		}
	}
}
