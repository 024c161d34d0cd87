package snapshot

import (
	"strings"
	"testing"
	"testing/fstest"

	"vulnreport/generator/internal/source"
)

// planted is a snapshot with one planted error of each kind the contract
// names; every error must be reported with its file and line.
var planted = fstest.MapFS{
	"policy.yaml": {Data: []byte("organization: テスト株式会社\nas_of: 2026-11-30\n")},
	"systems.yaml": {Data: []byte(`- id: web-1
  name: 受注サイト
  category: website
  exposure: internet
- id: web-1
  name: duplicate
  category: website
  exposure: internet
- id: ../etc
  name: path-like
  category: internal
  exposure: intranet
- id: int-2
  name: bad enum
  category: mainframe
  exposure: intranet
- id: int-3
  name: bad date
  category: internal
  exposure: intranet
  last_inspection: 2026-02-30
`)},
	"components.csv": {Data: []byte("system,product,version\nweb-1,apache:struts,2.5.10\nghost,apache:struts,2.5.10\nweb-1,apache:tomcat,\n")},
	"advisories/a.yaml": {Data: []byte(`- id: CVE-2017-5638
  title: Struts
  cvss: {version: "3.1", vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:Q"}
  affected: [{product: "apache:struts", versions: ">=2.5.0 <2.5.10.1"}]
- id: CVE-2000-0001
  title: bad range
  affected: [{product: "apache:struts", versions: "=> 2.5"}]
- id: CVE-2000-0002
  title: fine
  affected: [{product: "apache:struts", versions: "<2.5.11"}]
`)},
}

func TestPlantedErrors(t *testing.T) {
	var diags source.Diagnostics
	s := Load(planted, Options{}, &diags)
	var errs []string
	for _, d := range diags.Sorted() {
		if d.Severity == source.Error {
			errs = append(errs, d.String())
		}
	}
	want := []string{
		`advisories/a.yaml:3:34: error: field "cvss.vector": `,
		`advisories/a.yaml:7:51: error: field "versions": `,
		`components.csv:3:1: error: field "system": unknown system "ghost"`,
		`components.csv:4:21: error: field "version": is required`,
		`systems.yaml:5:3: error: duplicate id "web-1"`,
		`systems.yaml:9:7: error: field "id": "../etc" is not a valid id`,
		`systems.yaml:15:13: error: field "category": "mainframe" is not one of website, internal, client, other`,
	}
	// An optional date written wrongly is dropped with a warning: the
	// system (and its components) stay.
	if w := `systems.yaml:21:20: warning: field "last_inspection": "2026-02-30" is not a date`; !strings.Contains(diagText(diags), w) {
		t.Errorf("missing warning %q", w)
	}
	if len(errs) != len(want) {
		t.Errorf("got %d errors, want %d:\n%s", len(errs), len(want), strings.Join(errs, "\n"))
	}
	for _, w := range want {
		found := false
		for _, e := range errs {
			if strings.HasPrefix(e, w) || strings.Contains(e, w) {
				found = true
			}
		}
		if !found {
			t.Errorf("missing error %q in:\n%s", w, strings.Join(errs, "\n"))
		}
	}
	read, acc, rej := s.Counts()
	if read != acc+rej {
		t.Errorf("counts do not reconcile: read %d accepted %d rejected %d", read, acc, rej)
	}
	byFile := map[string]source.FileStat{}
	for _, f := range s.Files {
		byFile[f.Path] = f
	}
	check := func(path string, read, acc, rej int) {
		t.Helper()
		f := byFile[path]
		if f.Read != read || f.Accepted != acc || f.Rejected != rej {
			t.Errorf("%s: read %d accepted %d rejected %d, want %d %d %d", path, f.Read, f.Accepted, f.Rejected, read, acc, rej)
		}
	}
	check("systems.yaml", 5, 2, 3)
	check("components.csv", 3, 1, 2)
	check("advisories/a.yaml", 3, 1, 2)
	if len(s.Rejections) != rej {
		t.Errorf("%d rejections listed, %d counted", len(s.Rejections), rej)
	}
	if len(s.Fatal) != 0 {
		t.Errorf("fatal: %v", s.Fatal)
	}
}

func TestMultiRowCSVAdvisory(t *testing.T) {
	fsys := fstest.MapFS{
		"advisories/v.csv": {Data: []byte("id,title,affected.product,affected.versions,cvss.score\n" +
			"VA-1,Two products,acme:a,<2.0,5.0\n" +
			"VA-1,,acme:b,<3.0,\n" +
			"VA-2,Conflict,acme:a,<1.0,4.0\n" +
			"VA-2,Other title,acme:b,<1.0,\n")},
	}
	var diags source.Diagnostics
	s := Load(fsys, Options{}, &diags)
	if len(s.Advisories) != 1 || len(s.Advisories[0].Affected) != 2 {
		t.Fatalf("advisories = %+v", s.Advisories)
	}
	st := s.Files[len(s.Files)-1]
	if st.Path != "advisories/v.csv" || st.Read != 4 || st.Accepted != 2 || st.Rejected != 2 {
		t.Errorf("stat = %+v", st)
	}
	found := false
	for _, d := range diags.Sorted() {
		if strings.HasPrefix(d.String(), `advisories/v.csv:5:`) && strings.Contains(d.Msg, "disagrees") {
			found = true
		}
	}
	if !found {
		t.Errorf("conflict not reported at line 5: %v", diags.Sorted())
	}
}

func TestBadPolicyIsFatal(t *testing.T) {
	fsys := fstest.MapFS{"policy.yaml": {Data: []byte("languages: [fr]\n")}}
	var diags source.Diagnostics
	s := Load(fsys, Options{}, &diags)
	if len(s.Fatal) == 0 {
		t.Fatal("invalid policy did not stop the build")
	}
}

func TestEmptySnapshot(t *testing.T) {
	var diags source.Diagnostics
	s := Load(fstest.MapFS{}, Options{}, &diags)
	if len(s.Fatal) != 0 || !s.PolicyOK {
		t.Errorf("empty snapshot: fatal %v", s.Fatal)
	}
}
