package all_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"vulnreport/generator/internal/app"
	"vulnreport/generator/internal/findings"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/publish"
	"vulnreport/generator/internal/render/export"
	"vulnreport/generator/internal/report"
	"vulnreport/generator/internal/source"
)

// scanSnapshot is a small organisation: an internet shop holding personal
// data (its batch image scanned by Trivy), a monitoring server (scanned by
// Vuls) and an EDI server (its application folder scanned by Grype). The
// inventory lists log4j-core 2.14.1 on the shop and the EDI server, and
// the user's advisory of Log4Shell matches it: the scanners find it too.
func scanSnapshot(t *testing.T) fstest.MapFS {
	read := func(name string) []byte {
		data, err := os.ReadFile("../scan/testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	return fstest.MapFS{
		"policy.yaml": {Data: []byte("organization: E2E\n")},
		"systems.yaml": {Data: []byte(`- {id: shop, name: 通販サイト, category: website, exposure: internet, data: [personal], criticality: high}
- {id: int-monitor, name: 監視サーバ, category: internal, exposure: intranet, criticality: medium}
- {id: edi, name: EDI, category: internal, exposure: intranet, criticality: medium}
`)},
		"products.yaml": {Data: []byte(`- key: apache:log4j
  name: Apache Log4j
  aliases: ["pkg:maven/org.apache.logging.log4j/log4j-core"]
`)},
		"components.csv": {Data: []byte("system,product,name,version\nshop,apache:log4j,log4j-core,2.14.1\nedi,apache:log4j,log4j-core,2.14.1\n")},
		"advisories/log4j.yaml": {Data: []byte(`- id: CVE-2021-44228
  title: {ja: Apache Log4j の任意コード実行 (Log4Shell), en: Log4Shell}
  source: nvd
  cvss: {version: "3.1", vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"}
  affected:
    - {product: apache:log4j, versions: ">=2.0-beta9 <2.3.1 || >=2.4 <2.12.2 || >=2.13.0 <2.15.0"}
  fixed: 2.15.0
`)},
		"scans/shop/trivy-batch.json":      {Data: read("trivy-image.json")},
		"scans/int-monitor/vuls.json":      {Data: read("vuls-ubuntu.json")},
		"scans/edi/grype-opt-edi.json":     {Data: read("grype-dir.json")},
		"scans/edi/broken.json":            {Data: read("grype-dir.json")[:300]},
		"scans/edi/other-tool-report.json": {Data: []byte(`{"tool": "unknown", "findings": []}`)},
	}
}

func analyzeScans(t *testing.T, fsys fstest.MapFS, asOf string) (*report.Report, []source.Diagnostic) {
	t.Helper()
	var diags source.Diagnostics
	r, snap, err := app.Analyze(app.Options{Data: fsys, AsOf: mustDate(asOf)}, &diags, func(string, int) {})
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Fatal) > 0 {
		t.Fatalf("fatal: %v", snap.Fatal)
	}
	// A package the inventory lists is not added again by the scanners.
	n := 0
	for _, c := range snap.Components {
		if c.System == "shop" && c.Key == "apache:log4j" {
			n++
			if c.Source != "inventory" {
				t.Errorf("shop log4j component from %s, want the inventory's", c.Source)
			}
		}
	}
	if n != 1 {
		t.Errorf("shop log4j: %d components, want 1", n)
	}
	return r, diags.Sorted()
}

// TestScanEndToEnd: each scanner's findings become findings of the
// system whose folder holds the result, with the scanner's CVSS, fixed
// version and the organisation's priority rules; Log4Shell, found by
// Trivy, Grype and vulnreport's own match alike, is one finding per
// system; low-confidence matches are 要確認; the broken and unknown files
// are counted and named while the rest builds.
func TestScanEndToEnd(t *testing.T) {
	r, diags := analyzeScans(t, scanSnapshot(t), "2026-11-30")
	type fk struct{ sys, product, id string }
	got := map[fk][]model.Finding{}
	for _, f := range r.Findings.All() {
		k := fk{f.System, f.Product, f.VulnID}
		got[k] = append(got[k], f)
	}
	one := func(sys, product, id string) model.Finding {
		t.Helper()
		fs := got[fk{sys, product, id}]
		if len(fs) != 1 {
			t.Fatalf("%s %s %s: %d findings, want 1 (all: %v)", sys, product, id, len(fs), keysOf(got))
		}
		return fs[0]
	}
	// Trivy on the shop: Log4Shell once (inventory + Trivy), fix 2.15.0, P1.
	l4j := one("shop", "apache:log4j", "CVE-2021-44228")
	if l4j.FixTarget != "2.15.0" || l4j.Priority != model.P1 || l4j.CVSS != 10 || l4j.NeedsConfirmation {
		t.Errorf("shop log4j: fix %q priority %s cvss %.1f confirm %v", l4j.FixTarget, l4j.Priority, l4j.CVSS, l4j.NeedsConfirmation)
	}
	if !slices.Contains(l4j.IDs, "GHSA-jfh8-c2jp-5v3q") {
		t.Errorf("shop log4j ids %v: the scanner's GHSA alias is missing", l4j.IDs)
	}
	ssl := one("shop", "pkg:deb/debian/libssl1.1", "CVE-2023-0286")
	// read in Debian's ordering (the scanner's range is the distribution's word): fix +deb11u4
	if ssl.Version != "1.1.1n-0+deb11u3" || ssl.CVSS != 7.4 || ssl.NeedsConfirmation || ssl.Priority == model.PriorityNone || ssl.FixTarget != "1.1.1n-0+deb11u4" {
		t.Errorf("shop libssl: %+v", ssl)
	}
	tar := one("shop", "pkg:deb/debian/tar", "CVE-2022-48303")
	if tar.CVSS != 5.5 || tar.FixTarget == "1.34+dfsg-1" && !tar.FixInclusive {
		t.Errorf("shop tar: cvss %.1f fix %q", tar.CVSS, tar.FixTarget)
	}
	// Vuls on the monitoring server: distribution packages with Ubuntu's fixed versions.
	sudo := one("int-monitor", "pkg:deb/ubuntu/sudo", "CVE-2023-22809")
	if sudo.FixTarget != "1.8.31-1ubuntu1.4" || sudo.CVSS != 7.8 || sudo.NeedsConfirmation {
		t.Errorf("sudo: fix %q cvss %.1f confirm %v", sudo.FixTarget, sudo.CVSS, sudo.NeedsConfirmation)
	}
	ssh := one("int-monitor", "pkg:deb/ubuntu/openssh-client", "CVE-2023-38408")
	if ssh.FixTarget != "1:8.2p1-4ubuntu0.8" || ssh.CVSS != 9.8 {
		t.Errorf("openssh: fix %q cvss %.1f", ssh.FixTarget, ssh.CVSS)
	}
	// JvnVendorProductMatch: 要確認, never confirmed.
	if z := one("int-monitor", "zabbix:zabbix", "CVE-2024-22114"); !z.NeedsConfirmation || z.FixTarget != "" {
		t.Errorf("zabbix: confirm %v fix %q", z.NeedsConfirmation, z.FixTarget)
	}
	// Grype on the EDI server: the GHSA merges with the CVE (alias) and the
	// inventory's log4j: one finding. The CPE match is 要確認.
	edi := one("edi", "apache:log4j", "CVE-2021-44228")
	if edi.FixTarget != "2.15.0" || edi.NeedsConfirmation {
		t.Errorf("edi log4j: fix %q confirm %v", edi.FixTarget, edi.NeedsConfirmation)
	}
	if tc := one("edi", "pkg:maven/org.apache.tomcat.embed/tomcat-embed-core", "CVE-2023-44487"); !tc.NeedsConfirmation {
		t.Errorf("tomcat cpe-match not 要確認")
	}
	// Each finding names the scanner results that reported it, with the
	// scanner's confidence; a finding only vulnreport's match found names none.
	for _, c := range []struct {
		f    model.Finding
		want string
	}{
		{l4j, "trivy scans/shop/trivy-batch.json  false"},
		{sudo, "vuls scans/int-monitor/vuls.json OvalMatch 100 false"},
		{one("int-monitor", "zabbix:zabbix", "CVE-2024-22114"), "vuls scans/int-monitor/vuls.json JvnVendorProductMatch 10 true"},
		{edi, "grype scans/edi/grype-opt-edi.json exact-direct-match false"},
		{one("edi", "pkg:maven/org.apache.tomcat.embed/tomcat-embed-core", "CVE-2023-44487"), "grype scans/edi/grype-opt-edi.json cpe-match true"},
	} {
		var got []string
		for _, s := range c.f.Scanners {
			got = append(got, fmt.Sprintf("%s %s %s %v", s.Scanner, s.File, s.Confidence, s.Low))
		}
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%s scanners %q, want [%q]", c.f.Key, got, c.want)
		}
	}
	// findings.json (schema 1.2) and findings.csv carry them, and the
	// month's scanner results for later months' history.
	mem := publish.NewMemory()
	if err := export.New().Render(context.Background(), r, mem); err != nil {
		t.Fatal(err)
	}
	js, _ := mem.Get("findings.json")
	file, err := findings.Decode(js)
	if err != nil || file.SchemaVersion != "1.2" {
		t.Fatalf("findings.json: %v (schema %s)", err, file.SchemaVersion)
	}
	var scanned []string
	for _, s := range file.Scans {
		scanned = append(scanned, s.System+" "+s.File+" "+s.Scanned)
	}
	if want := []string{"edi scans/edi/grype-opt-edi.json 2026-11-20T01:15:02Z", "int-monitor scans/int-monitor/vuls.json 2026-11-24T17:00:41Z", "shop scans/shop/trivy-batch.json 2026-11-23T16:12:40Z"}; !slices.Equal(scanned, want) {
		t.Errorf("findings.json scans %q, want %q", scanned, want)
	}
	for _, f := range file.Findings {
		if f.Key == l4j.Key && (len(f.Scanners) != 1 || f.Scanners[0].Scanner != "trivy") {
			t.Errorf("findings.json %s scanners %+v", f.Key, f.Scanners)
		}
	}
	csv, _ := mem.Get("findings.csv")
	if !strings.Contains(string(csv), ",grype: scans/edi/grype-opt-edi.json,grype: cpe-match (low)\r\n") {
		t.Errorf("findings.csv lacks the tomcat finding's scanner and its low confidence")
	}
	// The vulnerability's origins name the scanners' files beside the user's advisory.
	for _, v := range r.Vulns {
		if v.ID == "CVE-2021-44228" {
			for _, o := range []string{"advisories/log4j.yaml", "scans/shop/trivy-batch.json", "scans/edi/grype-opt-edi.json"} {
				if !slices.Contains(v.Origins, o) {
					t.Errorf("Log4Shell origins %v lack %s", v.Origins, o)
				}
			}
		}
	}
	// Manifest: scanner, version and scan time per result file.
	feeds := map[string]string{}
	for _, f := range r.Sources.Feeds {
		feeds[f.Path] = f.Kind + " " + f.Version + " " + f.Date
	}
	for p, want := range map[string]string{
		"scans/shop/trivy-batch.json":  "scan Trivy 2026-11-23T16:12:40Z",
		"scans/int-monitor/vuls.json":  "scan Vuls v0.27.0 2026-11-24T17:00:41Z",
		"scans/edi/grype-opt-edi.json": "scan Grype 0.79.3 2026-11-20T01:15:02Z",
	} {
		if feeds[p] != want {
			t.Errorf("manifest %s = %q, want %q", p, feeds[p], want)
		}
	}
	// The broken and the unknown file: rejected, counted and named; the rest built.
	rejected := map[string]bool{}
	for _, rj := range r.Quality.Rejections {
		rejected[rj.Pos.File] = true
	}
	for _, p := range []string{"scans/edi/broken.json", "scans/edi/other-tool-report.json"} {
		if !rejected[p] || !hasDiag(diags, p, source.Error, "") {
			t.Errorf("%s not rejected and named", p)
		}
	}
	if hasDiag(diags, "scans/int-monitor/vuls.json", source.Warning, "does not name system") {
		t.Errorf("int-monitor-01 warned as not naming int-monitor")
	}
	if hasDiag(diags, "scans/", source.Warning, "stale scan") {
		t.Errorf("fresh scans warned stale")
	}
}

// TestScanStaleAndHost: a result older than 35 days against the as-of
// date is a warning naming the file; a host name that does not name the
// folder's system is a warning.
func TestScanStaleAndHost(t *testing.T) {
	fsys := scanSnapshot(t)
	fsys["scans/shop/vuls.json"] = fsys["scans/int-monitor/vuls.json"]
	_, diags := analyzeScans(t, fsys, "2027-01-15")
	if !hasDiag(diags, "scans/int-monitor/vuls.json", source.Warning, "stale scan") || !hasDiag(diags, "scans/shop/trivy-batch.json", source.Warning, "stale scan") {
		t.Errorf("stale scans not warned: %v", diags)
	}
	if !hasDiag(diags, "scans/shop/vuls.json", source.Warning, `scanned host "int-monitor-01" does not name system "shop"`) {
		t.Errorf("host mismatch not warned")
	}
}

func hasDiag(ds []source.Diagnostic, file string, sev source.Severity, text string) bool {
	for _, d := range ds {
		if strings.HasPrefix(d.Pos.File, file) && d.Severity == sev && strings.Contains(d.Msg, text) {
			return true
		}
	}
	return false
}

func keysOf[K comparable, V any](m map[K]V) []K {
	var out []K
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestScanDisagreement: where the scanner and another source's ranges
// disagree on a scanned package, the finding is kept and the
// disagreement is a warning (listed in the data-quality section).
func TestScanDisagreement(t *testing.T) {
	fsys := scanSnapshot(t)
	fsys["advisories/ubuntu.yaml"] = &fstest.MapFile{Data: []byte(`- id: CVE-2021-3156
  title: {ja: sudo のヒープオーバーフロー (Baron Samedit), en: Baron Samedit}
  source: vendor
  affected:
    - {product: "pkg:deb/ubuntu/sudo", versions: "<1.8.31-1ubuntu1.3"}
- id: CVE-2023-22809
  title: {ja: sudoedit の脆弱性, en: sudoedit}
  source: vendor
  affected:
    - {product: "pkg:deb/ubuntu/sudo", versions: "<1.8.31-1ubuntu1.1"}
`)}
	r, diags := analyzeScans(t, fsys, "2026-11-30")
	n := map[string]int{}
	for _, f := range r.Findings.All() {
		if f.System == "int-monitor" && f.Product == "pkg:deb/ubuntu/sudo" {
			n[f.VulnID]++
		}
	}
	if n["CVE-2021-3156"] != 1 || n["CVE-2023-22809"] != 1 {
		t.Errorf("sudo findings %v, want both CVEs once", n)
	}
	if !hasDiag(diags, "scans/int-monitor/vuls.json", source.Warning, "affected by CVE-2021-3156 according to advisories/ubuntu.yaml") {
		t.Errorf("range-only finding not listed as a disagreement: %v", diags)
	}
	if !hasDiag(diags, "scans/int-monitor/vuls.json", source.Warning, "the scanner reports CVE-2023-22809 on pkg:deb/ubuntu/sudo 1.8.31-1ubuntu1.2") {
		t.Errorf("scanner-only finding not listed as a disagreement: %v", diags)
	}
	if hasDiag(diags, "scans/shop/", source.Warning, "disagree") {
		t.Errorf("agreement on Log4Shell listed as a disagreement")
	}
}

// TestScanNotScannedThisMonth: a system with scanner results in last
// month's history and none this month is named (not scanned this month,
// with the month it was last scanned), flagged on its system, and never
// counted as scanned; a system scanned this month is not.
func TestScanNotScannedThisMonth(t *testing.T) {
	fsys := scanSnapshot(t)
	delete(fsys, "scans/edi/grype-opt-edi.json")
	delete(fsys, "scans/edi/broken.json")
	delete(fsys, "scans/edi/other-tool-report.json")
	prev, err := findings.Encode(findings.File{ToolVersion: "test", AsOf: "2026-10-31", Scans: []findings.Scan{
		{System: "edi", File: "scans/edi/grype-opt-edi.json", Scanner: "Grype 0.79.3", Scanned: "2026-10-20T01:15:02Z"},
		{System: "shop", File: "scans/shop/trivy-batch.json", Scanner: "Trivy", Scanned: "2026-10-23T16:12:40Z"},
		{System: "gone", File: "scans/gone/x.json", Scanner: "Trivy"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	fsys["history/2026-10-31/findings.json"] = &fstest.MapFile{Data: prev}
	r, _ := analyzeScans(t, fsys, "2026-11-30")
	states := map[string]report.ScanState{}
	for _, s := range r.Scans {
		states[s.System] = s
	}
	if edi := states["edi"]; !edi.NotScanned || edi.LastScanned.Format("2006-01-02") != "2026-10-31" || len(edi.Results) != 0 {
		t.Errorf("edi: %+v, want not scanned this month, last 2026-10-31", edi)
	}
	if shop := states["shop"]; shop.NotScanned || shop.Stale || len(shop.Results) != 1 {
		t.Errorf("shop: %+v, want this month's fresh result", shop)
	}
	if _, ok := states["gone"]; ok {
		t.Error("a system not in the register is listed")
	}
	for _, s := range r.Systems {
		if s.NotScanned != (s.ID == "edi") || s.ScanStale {
			t.Errorf("system %s: not scanned %v, stale %v", s.ID, s.NotScanned, s.ScanStale)
		}
	}
	ja, en := r.ScanAlert("ja"), r.ScanAlert("en")
	if !strings.Contains(ja, "今月スキャン結果のないシステム") || !strings.Contains(ja, "EDI (前回 2026-10-31)") || strings.Contains(ja, "通販サイト") {
		t.Errorf("ja alert %q", ja)
	}
	if !strings.Contains(en, "Not scanned this month") || !strings.Contains(en, "EDI (last 2026-10-31)") {
		t.Errorf("en alert %q", en)
	}
}

// TestScanStaleOnReport: results older than the threshold mark their
// systems and are named, with their age, in the alert of page one.
func TestScanStaleOnReport(t *testing.T) {
	r, _ := analyzeScans(t, scanSnapshot(t), "2027-01-15")
	for _, s := range r.Systems {
		if !s.ScanStale || s.NotScanned {
			t.Errorf("system %s: stale %v, not scanned %v", s.ID, s.ScanStale, s.NotScanned)
		}
	}
	ja := r.ScanAlert("ja")
	for _, want := range []string{"古いスキャン結果 (35 日超)", "監視サーバ (51 日前)", "通販サイト (52 日前)", "EDI (55 日前)"} {
		if !strings.Contains(ja, want) {
			t.Errorf("alert %q lacks %q", ja, want)
		}
	}
}
