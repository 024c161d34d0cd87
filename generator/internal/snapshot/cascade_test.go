package snapshot

import (
	"strings"
	"testing"
	"testing/fstest"

	"vulnreport/generator/internal/source"
)

// TestCascadeSummarised: the records on a rejected system are rejected and
// counted one by one, but reported as one line after the cause.
func TestCascadeSummarised(t *testing.T) {
	fsys := fstest.MapFS{
		"systems.yaml":     {Data: []byte("- id: web-shop\n  name: 通販\n  category: website\n  exposure: planet\n- id: hr\n  name: 人事\n  category: internal\n  exposure: intranet\n")},
		"components.csv":   {Data: []byte("system,product,version\nweb-shop,apache:httpd,2.4.1\nweb-shop,nginx:nginx,1.2\nhr,apache:httpd,2.4.1\nghost,apache:httpd,2.4.1\n")},
		"remediation.yaml": {Data: []byte("- id: r1\n  system: web-shop\n  advisory: CVE-2021-1\n  stage: investigate\n")},
	}
	var diags source.Diagnostics
	s := Load(fsys, Options{}, &diags)
	var got []string
	for _, d := range diags.Sorted() {
		if d.Severity == source.Error {
			got = append(got, d.String())
		}
	}
	want := []string{
		`components.csv:5:1: error: field "system": unknown system "ghost" (not in systems)`,
		`systems.yaml:4:13: error: field "exposure": "planet" is not one of`,
		`systems.yaml:4:13: error: 3 records refer to rejected system "web-shop" and are rejected with it (components.csv 2, remediation.yaml 1)`,
	}
	if len(got) != len(want) {
		t.Fatalf("errors:\n%s", strings.Join(got, "\n"))
	}
	for i, w := range want {
		if !strings.HasPrefix(got[i], w) {
			t.Errorf("error %d = %q, want %q", i, got[i], w)
		}
	}
	counts := map[string][3]int{}
	for _, f := range s.Files {
		counts[f.Path] = [3]int{f.Read, f.Accepted, f.Rejected}
		if f.Read != f.Accepted+f.Rejected {
			t.Errorf("%s: read %d != %d + %d", f.Path, f.Read, f.Accepted, f.Rejected)
		}
	}
	if counts["components.csv"] != [3]int{4, 1, 3} || counts["remediation.yaml"] != [3]int{1, 0, 1} || counts["systems.yaml"] != [3]int{2, 1, 1} {
		t.Errorf("counts = %v", counts)
	}
	if len(s.Rejections) != 5 {
		t.Errorf("%d rejections listed, want 5 (each record its own)", len(s.Rejections))
	}
}

// TestCascadeAfterSyntaxError: a systems file that cannot be read is the
// first error, with its consequences in one line after it.
func TestCascadeAfterSyntaxError(t *testing.T) {
	fsys := fstest.MapFS{
		"systems.yaml":   {Data: []byte("- id: web\n  name: x\n  category: website\n exposure: internet\n")},
		"components.csv": {Data: []byte("system,product,version\nweb,apache:httpd,2.4.1\nweb,nginx:nginx,1.2\n")},
	}
	var diags source.Diagnostics
	s := Load(fsys, Options{}, &diags)
	var got []string
	for _, d := range diags.Sorted() {
		if d.Severity == source.Error {
			got = append(got, d.String())
		}
	}
	if len(got) != 2 || !strings.HasPrefix(got[0], "systems.yaml:4:2: error: YAML syntax: ") ||
		!strings.HasPrefix(got[1], "systems.yaml:4:2: error: 2 records refer to systems in this file, which could not be read") {
		t.Errorf("diagnostics:\n%s", strings.Join(got, "\n"))
	}
	if len(s.Fatal) == 0 {
		t.Error("the build goes on without systems.yaml")
	}
}
