package scan

import (
	"os"
	"strings"
	"testing"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/source"
)

func parseFile(t *testing.T, name string) (feed.Result, *source.Diagnostics) {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var d source.Diagnostics
	res, err := Parse("scans/x/"+name, data, &d)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if res.Read != res.Accepted+res.Rejected {
		t.Errorf("read %d != accepted %d + rejected %d", res.Read, res.Accepted, res.Rejected)
	}
	return res, &d
}

func byID(res feed.Result) map[string]advisory.Advisory {
	m := map[string]advisory.Advisory{}
	for _, a := range res.Advisories {
		m[a.ID+" "+a.Affected[0].Key] = a
	}
	return m
}

// want is one expected advisory: its affected range (or free text) and
// fixed version, CVSS score and source.
type want struct {
	id, key, versions, fixed string
	free                     bool
	score                    float64
	aliases                  string
	// clause is the generic reading when it differs from versions
	clause string
}

func check(t *testing.T, res feed.Result, src string, wants []want) {
	t.Helper()
	got := byID(res)
	if len(got) != len(wants) {
		t.Errorf("advisories: got %d, want %d: %v", len(got), len(wants), got)
	}
	for _, w := range wants {
		a, ok := got[w.id+" "+w.key]
		if !ok {
			t.Errorf("no advisory %s on %s", w.id, w.key)
			continue
		}
		af := a.Affected[0]
		if a.Source != src || af.Versions != w.versions || a.Fixed != w.fixed || (af.FreeText != "") != w.free {
			t.Errorf("%s: source %q versions %q fixed %q free %q; want %q %q %q free=%v", w.id, a.Source, af.Versions, a.Fixed, af.FreeText, src, w.versions, w.fixed, w.free)
		}
		if !w.free && w.fixed != "" && (len(af.Fixed) != 1 || af.Fixed[0] != w.fixed || af.Scheme == "") {
			t.Errorf("%s: affected fixed %v scheme %q", w.id, af.Fixed, af.Scheme)
		}
		if !w.free && (len(af.Range.Clauses) == 0 || w.clause != "" && af.Range.String() != w.clause) {
			t.Errorf("%s: range not parsed", w.id)
		}
		if a.CVSS == nil || a.CVSS.Score != w.score {
			t.Errorf("%s: cvss %+v, want %.1f", w.id, a.CVSS, w.score)
		}
		if strings.Join(a.Aliases, ",") != w.aliases {
			t.Errorf("%s: aliases %v, want %s", w.id, a.Aliases, w.aliases)
		}
		if a.Pos.Line == 0 {
			t.Errorf("%s: no position", w.id)
		}
	}
}

func TestTrivy(t *testing.T) {
	res, d := parseFile(t, "trivy-image.json")
	if res.Info.Version != "Trivy" || res.Info.Date != "2026-11-23T16:12:40Z" || res.Info.Subject != "registry.example.jp/shop/juchu-batch:2021.03" {
		t.Errorf("info %+v", res.Info)
	}
	check(t, res, Trivy, []want{
		// the generic ordering ignores "+deb11u4": the exact installed version is matched
		{id: "CVE-2023-0286", key: "pkg:deb/debian/libssl1.1", versions: ">=1.1.1n-0+deb11u3 <1.1.1n-0+deb11u4", fixed: "1.1.1n-0+deb11u4", score: 7.4, aliases: "DSA-5343-1", clause: "=1.1.1n-0+deb11u3"},
		{id: "CVE-2022-48303", key: "pkg:deb/debian/tar", versions: "=1.34+dfsg-1", score: 5.5},
		// Trivy lists two fixed versions; the one after the installed version is the target
		{id: "CVE-2021-44228", key: "pkg:maven/org.apache.logging.log4j/log4j-core", versions: ">=2.14.1 <2.15.0", fixed: "2.15.0", score: 10, aliases: "GHSA-jfh8-c2jp-5v3q"},
	})
	if len(res.Components) != 3 || res.Components[1].Version != "1.34+dfsg-1" || res.Components[0].Source != "scan:scans/x/trivy-image.json" {
		t.Errorf("components %+v", res.Components)
	}
	if a := byID(res)["CVE-2023-0286 pkg:deb/debian/libssl1.1"]; a.Title.EN == "" || len(a.CWE) != 1 || a.CWE[0] != "CWE-843" || a.Pos.Line != 23 {
		t.Errorf("CVE-2023-0286: title %q cwe %v line %d", a.Title.EN, a.CWE, a.Pos.Line)
	}
	// distribution packages are the distribution's word; language packages are not
	if a := byID(res)["CVE-2023-0286 pkg:deb/debian/libssl1.1"]; a.Affected[0].Distro != "debian:11.6" || a.Affected[0].Scheme != "deb" {
		t.Errorf("libssl distro %q scheme %q", a.Affected[0].Distro, a.Affected[0].Scheme)
	}
	if a := byID(res)["CVE-2021-44228 pkg:maven/org.apache.logging.log4j/log4j-core"]; a.Affected[0].Distro != "" || a.Affected[0].Scheme != "maven" {
		t.Errorf("log4j distro %q scheme %q", a.Affected[0].Distro, a.Affected[0].Scheme)
	}
	if d.Count(source.Error) != 0 {
		t.Errorf("diagnostics: %v", d.Sorted())
	}
}

func TestVuls(t *testing.T) {
	res, d := parseFile(t, "vuls-ubuntu.json")
	if res.Info.Version != "Vuls v0.27.0" || res.Info.Date != "2026-11-24T17:00:41Z" || res.Info.Subject != "int-monitor-01" {
		t.Errorf("info %+v", res.Info)
	}
	check(t, res, Vuls, []want{
		{id: "CVE-2023-22809", key: "pkg:deb/ubuntu/sudo", versions: ">=1.8.31-1ubuntu1.2 <1.8.31-1ubuntu1.4", fixed: "1.8.31-1ubuntu1.4", score: 7.8, aliases: "USN-5811-1"},
		{id: "CVE-2023-38408", key: "pkg:deb/ubuntu/openssh-client", versions: ">=1:8.2p1-4ubuntu0.5 <1:8.2p1-4ubuntu0.8", fixed: "1:8.2p1-4ubuntu0.8", score: 9.8, aliases: "USN-6242-1"},
		// JVN vendor/product match: 要確認, never a confirmed range
		{id: "CVE-2024-22114", key: "zabbix:zabbix", versions: "reported by vuls for zabbix:zabbix 6.0.25, Vuls confidence: JvnVendorProductMatch: to be confirmed", free: true, score: 4.3},
	})
	a := byID(res)["CVE-2023-22809 pkg:deb/ubuntu/sudo"]
	if a.Title.JA != "Sudo における権限管理に関する脆弱性" || a.Summary.EN == "" || a.CVSS.Vector != "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H" {
		t.Errorf("CVE-2023-22809: title %q cvss %+v", a.Title.JA, a.CVSS)
	}
	if d.Count(source.Error) != 0 {
		t.Errorf("diagnostics: %v", d.Sorted())
	}
}

func TestGrype(t *testing.T) {
	res, _ := parseFile(t, "grype-dir.json")
	if res.Info.Version != "Grype 0.79.3" || res.Info.Date != "2026-11-20T01:15:02Z" || res.Info.Subject != "/opt/edi" {
		t.Errorf("info %+v", res.Info)
	}
	check(t, res, Grype, []want{
		{id: "GHSA-jfh8-c2jp-5v3q", key: "pkg:maven/org.apache.logging.log4j/log4j-core", versions: ">=2.14.1 <2.15.0", fixed: "2.15.0", score: 10, aliases: "CVE-2021-44228"},
		{id: "CVE-2023-44487", key: "pkg:maven/org.apache.tomcat.embed/tomcat-embed-core", versions: "reported by grype for tomcat-embed-core 8.5.50, Grype match type: cpe-match: to be confirmed", free: true, score: 7.5},
	})
}

func TestDetect(t *testing.T) {
	for name, want := range map[string]string{"trivy-image.json": Trivy, "vuls-ubuntu.json": Vuls, "grype-dir.json": Grype} {
		data, _ := os.ReadFile("testdata/" + name)
		if got := Detect(data); got != want {
			t.Errorf("%s: Detect = %q, want %q", name, got, want)
		}
	}
	if got := Detect([]byte(`{"bomFormat":"CycloneDX"}`)); got != "" {
		t.Errorf("CycloneDX detected as %q", got)
	}
}

// TestBadInput: a truncated, unknown or wrong-version file is an error
// for that file alone; a finding without version or id is rejected and
// counted, the others are kept.
func TestBadInput(t *testing.T) {
	data, _ := os.ReadFile("testdata/trivy-image.json")
	for name, in := range map[string]string{
		"truncated": string(data[:len(data)/2]),
		"unknown":   `{"foo": 1}`,
		"array":     `[1,2]`,
		"xml":       `<x/>`,
		"vuls v3":   `{"jsonVersion": 3, "scannedCves": {}}`,
		"trivy v1":  `{"SchemaVersion": 1, "Results": []}`,
	} {
		var d source.Diagnostics
		if _, err := Parse("scans/x/bad.json", []byte(in), &d); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	in := `{"SchemaVersion": 2, "CreatedAt": "2026-11-01T00:00:00Z", "ArtifactName": "h",
 "Results": [{"Target": "t", "Type": "debian", "Vulnerabilities": [
  {"VulnerabilityID": "CVE-2024-0001", "PkgName": "a"},
  {"VulnerabilityID": "", "PkgName": "b", "InstalledVersion": "1.0-1"},
  {"VulnerabilityID": "CVE-2024-0003", "PkgName": "c", "InstalledVersion": "1.0-1"}]}]}`
	var d source.Diagnostics
	res, err := Parse("scans/x/partial.json", []byte(in), &d)
	if err != nil {
		t.Fatal(err)
	}
	if res.Read != 3 || res.Accepted != 1 || res.Rejected != 2 || len(res.Rejections) != 2 || d.Count(source.Error) != 2 {
		t.Errorf("read %d accepted %d rejected %d errors %d", res.Read, res.Accepted, res.Rejected, d.Count(source.Error))
	}
	if res.Rejections[0].Pos.Line != 3 {
		t.Errorf("rejection at %s, want line 3", res.Rejections[0].Pos)
	}
}

// TestNoScanTime: a result without a scan time is warned about.
func TestNoScanTime(t *testing.T) {
	var d source.Diagnostics
	res, err := Parse("scans/x/g.json", []byte(`{"matches": [], "descriptor": {"name": "grype", "version": "0.1", "timestamp": ""}}`), &d)
	if err != nil || res.Info.Date != "" || d.Count(source.Warning) != 1 {
		t.Errorf("err %v date %q warnings %v", err, res.Info.Date, d.Sorted())
	}
}
