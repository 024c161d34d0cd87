package osv

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/feed/internal/feedtest"
	"vulnreport/generator/internal/feed/internal/realdata"
	"vulnreport/generator/internal/source"
)

func parse(t *testing.T, name string, data []byte) (feed.Result, *source.Diagnostics) {
	t.Helper()
	var diags source.Diagnostics
	res, err := Parse(name, data, &diags)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	feedtest.Check(t, res, &diags)
	return res, &diags
}

// zipOf builds a zip archive of the named entries, sorted by name.
func zipOf(t testing.TB, entries map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(entries))
	for n := range entries {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(entries[n])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func find(t *testing.T, res feed.Result, id string) advisory.Advisory {
	t.Helper()
	for _, a := range res.Advisories {
		if a.ID == id {
			return a
		}
	}
	t.Fatalf("advisory %s not found", id)
	return advisory.Advisory{}
}

func realFiles(t *testing.T) map[string]string {
	files := realdata.Files(t, "osv", ".json")
	out := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = string(data)
	}
	return out
}

// checkReal checks facts of the four real OSV records, read from single
// files or from a zip.
func checkReal(t *testing.T, res feed.Result) {
	t.Helper()
	dsa := find(t, res, "DSA-3029-1")
	if len(dsa.Affected) != 1 {
		t.Fatalf("DSA-3029-1 affected %+v", dsa.Affected)
	}
	ng := dsa.Affected[0]
	if ng.Key != "pkg:deb/debian/nginx" || ng.Versions != "<1.2.1-2.2+wheezy3" || ng.Scheme != "deb" ||
		ng.Distro != "Debian:7" || ng.DistroAdvisory != "DSA-3029-1" || !slices.Equal(ng.Fixed, []string{"1.2.1-2.2+wheezy3"}) {
		t.Errorf("DSA-3029-1 nginx: %+v", ng)
	}
	if !slices.Equal(dsa.Aliases, []string{"CVE-2014-3616"}) || dsa.Title.EN != "nginx - security update" ||
		dsa.Published.Format(source.DateLayout) != "2014-09-20" || dsa.Fixed != "nginx (Debian:7) 1.2.1-2.2+wheezy3" {
		t.Errorf("DSA-3029-1: aliases %v title %q published %v fixed %q", dsa.Aliases, dsa.Title.EN, dsa.Published, dsa.Fixed)
	}

	maria := find(t, res, "CVE-2022-27449")
	want := map[string]string{"Alpine:v3.12": "<10.4.25-r0", "Alpine:v3.13": "<10.5.16-r0", "Alpine:v3.14": "<10.5.16-r0", "Alpine:v3.15": "<10.6.8-r0", "Alpine:v3.16": "<10.6.8-r0"}
	if len(maria.Affected) != len(want) {
		t.Errorf("mariadb: %d affected, want one per Alpine release: %+v", len(maria.Affected), maria.Affected)
	}
	for _, af := range maria.Affected {
		// the record's purl pkg:alpine/mariadb is not the purl type apk
		if af.Key != "pkg:apk/alpine/mariadb" || af.Scheme != "apk" || want[af.Distro] != af.Versions {
			t.Errorf("mariadb %s: %+v", af.Distro, af)
		}
	}

	gh := find(t, res, "GHSA-838r-hvwh-24h8")
	if len(gh.Affected) != 1 || gh.Affected[0].Key != "pkg:maven/org.apache.any23/apache-any23" || gh.Affected[0].Versions != "<2.5" ||
		gh.Affected[0].Scheme != "maven" || gh.Affected[0].Distro != "" || gh.Affected[0].DistroAdvisory != "" {
		t.Errorf("GHSA any23: %+v", gh.Affected)
	}
	if gh.CVSS == nil || gh.CVSS.Version != "3.1" || gh.CVSS.Score != 9.1 || !slices.Equal(gh.CWE, []string{"CWE-611"}) || gh.Title.EN != "XML Injection in Any23" {
		t.Errorf("GHSA: cvss %+v cwe %v title %q", gh.CVSS, gh.CWE, gh.Title.EN)
	}
	if !slices.Contains(gh.References, "https://github.com/apache/any23") {
		t.Errorf("GHSA references %v", gh.References)
	}

	ub := find(t, res, "UBUNTU-CVE-2025-38094")
	if !slices.Equal(ub.Aliases, []string{"CVE-2025-38094"}) { // from "upstream"
		t.Errorf("Ubuntu aliases %v", ub.Aliases)
	}
	var distros []string
	for _, af := range ub.Affected {
		if !strings.HasPrefix(af.Key, "pkg:deb/ubuntu/linux") || af.Scheme != "deb" || !strings.HasPrefix(af.Distro, "Ubuntu:") || af.FreeText != "" {
			t.Errorf("Ubuntu affected %+v", af)
		}
		distros = append(distros, af.Distro)
	}
	if !slices.Contains(distros, "Ubuntu:Pro:14.04:LTS") {
		t.Errorf("Ubuntu distros %v", distros)
	}
}

// TestRealData reads the real OSV samples one file at a time.
func TestRealData(t *testing.T) {
	files := realFiles(t)
	res := feed.Result{}
	dates := map[string]bool{}
	for name, data := range files {
		r, diags := parse(t, "feeds/osv/"+name, []byte(data))
		if r.Accepted != 1 || diags.Count(source.Error) != 0 {
			t.Errorf("%s: accepted %d, diagnostics %v", name, r.Accepted, diags)
		}
		dates[r.Info.Date] = true
		res.Advisories = append(res.Advisories, r.Advisories...)
		if name == "UBUNTU-CVE-2025-38094.json" && r.Info.Version != "OSV 1.7.3" {
			t.Errorf("Ubuntu info %+v", r.Info)
		}
	}
	if len(files) != 4 || !dates["2014-09-20"] {
		t.Errorf("%d files, dates %v", len(files), dates)
	}
	checkReal(t, res)
}

// TestZip reads the real records from a zip shaped like OSV's all.zip,
// with a truncated record and a stray file among them.
func TestZip(t *testing.T) {
	entries := realFiles(t)
	entries["BROKEN-1.json"] = "{\n  \"id\": \"BROKEN-1\",\n  \"affected\": [\n"
	entries["README.txt"] = "not a record"
	data := zipOf(t, entries)
	res, diags := parse(t, "feeds/osv/all.zip", data)
	if res.Read != 5 || res.Accepted != 4 || res.Rejected != 1 {
		t.Fatalf("read %d accepted %d rejected %d: %v", res.Read, res.Accepted, res.Rejected, diags)
	}
	if got := res.Rejections[0].Pos.String(); got != "feeds/osv/all.zip!/BROKEN-1.json:3:16" {
		t.Errorf("rejection at %s: %v", got, res.Rejections[0].Reasons)
	}
	if !strings.Contains(diagText(diags), "feeds/osv/all.zip!/README.txt") {
		t.Errorf("stray entry not reported: %v", diags)
	}
	if res.Info.Version != "OSV 1.7.3" || res.Info.Date != "2025-07-04" || res.Info.Records != 5 {
		t.Errorf("info %+v", res.Info)
	}
	if a := find(t, res, "DSA-3029-1"); a.Pos.File != "feeds/osv/all.zip!/DSA-3029-1.json" || a.Pos.Line != 1 {
		t.Errorf("position %v", a.Pos)
	}
	checkReal(t, res)
}

func diagText(d *source.Diagnostics) string {
	var b strings.Builder
	for _, x := range d.Sorted() {
		b.WriteString(x.String() + "\n")
	}
	return b.String()
}
