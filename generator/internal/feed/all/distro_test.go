package all_test

import (
	"archive/zip"
	"bytes"
	"testing"
	"testing/fstest"

	"vulnreport/generator/internal/feed/all"
	"vulnreport/generator/internal/feed/internal/realdata"
	"vulnreport/generator/internal/snapshot"
	"vulnreport/generator/internal/source"
)

// TestOSVAndCSAFFeedsLoad: a snapshot with an OSV ecosystem zip, a single
// OSV record and a Red Hat CSAF document under feeds/osv/ and feeds/csaf/
// loads all of them, with each feed's version and date for the manifest,
// and counts their records.
func TestOSVAndCSAFFeedsLoad(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"CVE-2022-27449.json", "DSA-3029-1.json", "GHSA-838r-hvwh-24h8.json", "UBUNTU-CVE-2025-38094.json"} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(realdata.Read(t, "osv/osv-dev-fixtures/"+name))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"policy.yaml":                     {Data: []byte("organization: E2E\n")},
		"feeds/osv/Debian/all.zip":        {Data: buf.Bytes()},
		"feeds/osv/DSA-3029-1.json":       {Data: realdata.Read(t, "osv/osv-dev-fixtures/DSA-3029-1.json")},
		"feeds/csaf/rhsa-2024_0811.json":  {Data: realdata.Read(t, "csaf-redhat/rhsa-2024_0811.json")},
		"feeds/csaf/rhsa-2025_23414.json": {Data: realdata.Read(t, "csaf-redhat/rhsa-2025_23414.json")},
	}
	var diags source.Diagnostics
	snap := snapshot.Load(fsys, snapshot.Options{Feeds: all.Parsers()}, &diags)
	if len(snap.Fatal) > 0 || diags.Count(source.Error) > 0 {
		t.Fatalf("fatal %v, diagnostics %v", snap.Fatal, diags.Sorted())
	}
	info := map[string]string{}
	for _, f := range snap.Feeds {
		info[f.Path] = f.Kind + " " + f.Version + " " + f.Date
	}
	want := map[string]string{
		"feeds/osv/Debian/all.zip":        "osv OSV 1.7.3 2025-07-04",
		"feeds/osv/DSA-3029-1.json":       "osv  2014-09-20",
		"feeds/csaf/rhsa-2024_0811.json":  "csaf CSAF 2.0 2025-09-10",
		"feeds/csaf/rhsa-2025_23414.json": "csaf CSAF 2.0 2025-12-18",
	}
	for p, w := range want {
		if info[p] != w {
			t.Errorf("%s: feed info %q, want %q", p, info[p], w)
		}
	}
	read := map[string]int{}
	for _, st := range snap.Files {
		read[st.Path] = st.Read
		if st.Read != st.Accepted+st.Rejected {
			t.Errorf("%s: read %d != %d + %d", st.Path, st.Read, st.Accepted, st.Rejected)
		}
	}
	if read["feeds/osv/Debian/all.zip"] != 4 || read["feeds/csaf/rhsa-2024_0811.json"] != 3 || read["feeds/csaf/rhsa-2025_23414.json"] != 2 {
		t.Errorf("records read %v", read)
	}
	var distro int
	for _, a := range snap.Advisories {
		for _, af := range a.Affected {
			if af.Distro != "" {
				distro++
			}
		}
	}
	if len(snap.Advisories) != 4+1+3+2 || distro == 0 {
		t.Errorf("%d advisories, %d distribution entries", len(snap.Advisories), distro)
	}
}
