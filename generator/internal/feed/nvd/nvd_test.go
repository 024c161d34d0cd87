package nvd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/feed/internal/feedtest"
	"vulnreport/generator/internal/feed/internal/realdata"
	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/version"
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

func affected(t *testing.T, a advisory.Advisory, key string) advisory.Affected {
	t.Helper()
	for _, af := range a.Affected {
		if af.Key == key && af.FreeText == "" {
			return af
		}
	}
	t.Fatalf("%s: no ranged affected product %s in %+v", a.ID, key, a.Affected)
	return advisory.Affected{}
}

func contains(t *testing.T, af advisory.Affected, in, out string) {
	t.Helper()
	if !af.Range.Contains(version.MustParse(in)) {
		t.Errorf("%s %q does not contain %s", af.Key, af.Versions, in)
	}
	if af.Range.Contains(version.MustParse(out)) {
		t.Errorf("%s %q contains %s", af.Key, af.Versions, out)
	}
}

// TestRealData reads every NVD sample and checks facts of several records.
func TestRealData(t *testing.T) {
	dir := realdata.Dir(t)
	files := append(realdata.Files(t, "nvd-cve-api-2.0", ".json"), realdata.Files(t, "nvd-legacy-1.1", ".json")...)
	results := map[string]feed.Result{}
	total := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, f)
		res, _ := parse(t, filepath.ToSlash(rel), data)
		results[filepath.ToSlash(rel)] = res
		total += res.Read
	}
	if total != 62+669 {
		t.Errorf("read %d records, want 62 API 2.0 + 669 legacy", total)
	}

	single := results["nvd-cve-api-2.0/vunnel-fixtures/single-entry.json"]
	if single.Info.Version != "2.0" || single.Info.Date != "2023-01-03" {
		t.Errorf("info %+v", single.Info)
	}
	a := find(t, single, "CVE-2022-1576")
	if a.CVSS == nil || a.CVSS.Version != "3.1" || a.CVSS.Score != 6.5 || a.CVSS.Vector != "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N" {
		t.Errorf("CVSS %+v", a.CVSS)
	}
	af := affected(t, a, "themeisle:wp_maintenance_mode_&_coming_soon")
	if af.Versions != "<2.4.5" { // versionEndExcluding
		t.Errorf("versions %q", af.Versions)
	}
	contains(t, af, "2.4.4", "2.4.5")
	if a.Source != "nvd" || a.Published.Format(source.DateLayout) != "2022-07-11" || len(a.CWE) != 1 || a.CWE[0] != "CWE-352" {
		t.Errorf("source %q published %v cwe %v", a.Source, a.Published, a.CWE)
	}
	if !strings.HasPrefix(a.Title.EN, "The WP Maintenance Mode & Coming Soon WordPress plugin before 2.4.5") || len([]rune(a.Title.EN)) > 120 || !strings.HasSuffix(a.Summary.EN, "via a CSRF attack") {
		t.Errorf("title %q", a.Title.EN)
	}
	if len(a.References) != 1 { // the same URL twice, from two sources
		t.Errorf("references %v", a.References)
	}

	// AND configuration: the application is affected, the platform is ignored.
	esp := find(t, results["nvd-cve-api-2.0/osv-dev-fixtures/CVE-2020-13595.json"], "CVE-2020-13595")
	if len(esp.Affected) != 1 || esp.Affected[0].Key != "espressif:esp-idf" || esp.Affected[0].Versions != ">=4.0.0 <=4.2" {
		t.Errorf("AND configuration: %+v", esp.Affected)
	}
	xz := find(t, results["nvd-cve-api-2.0/osv-dev-fixtures/CVE-2024-3094.json"], "CVE-2024-3094")
	if xz.CVSS.Score != 10 || affected(t, xz, "tukaani:xz").Versions != "=5.6.0 || =5.6.1" {
		t.Errorf("xz: %+v %+v", xz.CVSS, xz.Affected)
	}
	v2only := find(t, results["nvd-cve-api-2.0/osv-dev-fixtures/CVE-2014-1424.json"], "CVE-2014-1424")
	if v2only.CVSS == nil || v2only.CVSS.Version != "2.0" || v2only.CVSS.Score != 6.4 {
		t.Errorf("v2 only: %+v", v2only.CVSS)
	}
	page := results["nvd-cve-api-2.0/vunnel-fixtures/full-page.json"]
	if page.Read != 38 || page.Accepted != 38 {
		t.Errorf("full page: read %d accepted %d", page.Read, page.Accepted)
	}
	ontap := affected(t, find(t, page, "CVE-2023-27314"), "netapp:clustered_data_ontap")
	contains(t, ontap, "9.8p7", "9.8p19") // CPE update field p7
	if a := find(t, page, "CVE-2023-45109"); a.Pos.Line != 162 {
		t.Errorf("position %v, want line 162", a.Pos)
	}

	legacy := results["nvd-legacy-1.1/nvdcve-1.1-test-data.json"]
	if legacy.Info.Version != "1.1" || legacy.Info.Date != "2022-08-31" || legacy.Read != 669 {
		t.Errorf("legacy info %+v, read %d", legacy.Info, legacy.Read)
	}
	if legacy.Rejected != 29 || !strings.Contains(legacy.Rejections[0].Reasons[0], "Rejected") {
		t.Errorf("legacy: %d rejected %+v", legacy.Rejected, legacy.Rejections[:1])
	}
	gl := find(t, legacy, "CVE-2022-0090")
	glab := affected(t, gl, "gitlab:gitlab")
	if glab.Versions != ">=14.6.0 <14.6.1 || >=14.5.0 <14.5.3 || <14.4.5" || gl.CVSS.Score != 6.5 {
		t.Errorf("gitlab: %q %+v", glab.Versions, gl.CVSS)
	}
	contains(t, glab, "14.5.2", "14.5.3")
}

func TestConversion(t *testing.T) {
	const tmpl = `{"version": "2.0", "timestamp": "2024-01-02T03:04:05.000", "vulnerabilities": [{"cve": {
  "id": "CVE-2099-0001", "published": "2099-01-01T00:00:00.000",
  "descriptions": [{"lang": "es", "value": "texto"}, {"lang": "en", "value": "An issue."}],
  "metrics": {"cvssMetricV2": [{"type": "Primary", "cvssData": {"version": "2.0", "vectorString": "AV:N/AC:L/Au:N/C:P/I:P/A:P", "baseScore": 7.5}}],
              "cvssMetricV31": [{"type": "Secondary", "cvssData": {"version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "baseScore": 9.8}},
                                {"type": "Primary", "cvssData": {"version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", "baseScore": 8.8}}]},
  "configurations": [CONFIG],
  "references": [{"url": "https://example.com/a"}, {"url": "ftp://example.com/b"}],
  "cisaExploitAdd": "2099-02-01", "cisaActionDue": "2099-02-22", "cisaRequiredAction": "Apply updates."}}]}`
	tests := []struct {
		name, config string
		want         map[string]string // key → versions (or "free:" + text)
	}{
		{"bounds", `{"nodes": [{"operator": "OR", "cpeMatch": [
			{"vulnerable": true, "criteria": "cpe:2.3:a:apache:struts:*:*:*:*:*:*:*:*", "versionStartIncluding": "2.3.5", "versionEndExcluding": "2.3.32"},
			{"vulnerable": true, "criteria": "cpe:2.3:a:apache:struts:2.5.0:*:*:*:*:*:*:*"},
			{"vulnerable": true, "criteria": "cpe:2.3:a:apache:struts:*:*:*:*:*:*:*:*", "versionStartExcluding": "2.5.0", "versionEndIncluding": "2.5.10"}]}]}`,
			map[string]string{"apache:struts": ">=2.3.5 <2.3.32 || =2.5.0 || >2.5.0 <=2.5.10"}},
		{"every version", `{"nodes": [{"cpeMatch": [{"vulnerable": true, "criteria": "cpe:2.3:a:vendor:prod:*:*:*:*:*:*:*:*"}]}]}`,
			map[string]string{"vendor:prod": "*"}},
		{"platform ignored", `{"operator": "AND", "nodes": [
			{"operator": "OR", "cpeMatch": [{"vulnerable": true, "criteria": "cpe:2.3:a:ibm:app:*:*:*:*:*:*:*:*", "versionEndExcluding": "11.5"}]},
			{"operator": "OR", "cpeMatch": [{"vulnerable": false, "criteria": "cpe:2.3:o:microsoft:windows:-:*:*:*:*:*:*:*"}]}]}`,
			map[string]string{"ibm:app": "<11.5"}},
		{"dash skipped", `{"nodes": [{"cpeMatch": [{"vulnerable": true, "criteria": "cpe:2.3:o:google:android:-:*:*:*:*:*:*:*"}]}]}`,
			map[string]string{}},
		{"unreadable bound", `{"nodes": [{"cpeMatch": [{"vulnerable": true, "criteria": "cpe:2.3:o:cisco:ios:*:*:*:*:*:*:*:*", "versionEndExcluding": "15.2(4)m"}]}]}`,
			map[string]string{"cisco:ios": "free:<15.2(4)m"}},
		{"negated node skipped", `{"nodes": [{"negate": true, "cpeMatch": [{"vulnerable": true, "criteria": "cpe:2.3:a:x:y:*:*:*:*:*:*:*:*"}]}]}`,
			map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, _ := parse(t, "t.json", []byte(strings.Replace(tmpl, "CONFIG", tt.config, 1)))
			a := res.Advisories[0]
			got := map[string]string{}
			for _, af := range a.Affected {
				if af.FreeText != "" {
					got[af.Key] = "free:" + af.FreeText
				} else {
					got[af.Key] = af.Versions
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("%s: got %q, want %q", k, got[k], v)
				}
			}
			if a.CVSS.Score != 8.8 || a.Title.EN != "An issue." || len(a.References) != 1 {
				t.Errorf("primary v3.1 first: %+v, title %q, refs %v", a.CVSS, a.Title.EN, a.References)
			}
			if !a.Exploit.KEV || a.Exploit.DueDate.Format(source.DateLayout) != "2099-02-22" || res.Info.Date != "2024-01-02" {
				t.Errorf("exploit %+v info %+v", a.Exploit, res.Info)
			}
		})
	}
}

func TestMalformed(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"truncated", "{\"vulnerabilities\": [\n  {\"cve\": {\"id\": \"CVE-2020-0001\"}},\n  {\"cve\": {\"id\": \"CVE-20", "at 3:25: unexpected end of file"},
		{"syntax", "{\"vulnerabilities\": [\n  {\"cve\" {}}]}", "at 2:10: invalid character '{' after object key"},
		{"wrong schema", `{"resultsPerPage": 0, "items": []}`, `no "vulnerabilities" array`},
		{"not an object", `[1, 2]`, "not a JSON object"},
		{"not JSON", "CVE-2020-0001,foo", "not a JSON object"},
		{"array of wrong kind", `{"vulnerabilities": {"cve": 1}}`, "at 1:21: found an object where an array"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var diags source.Diagnostics
			_, err := Parse("bad.json", []byte(tt.data), &diags)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

func TestRejectedRecords(t *testing.T) {
	data := `{"vulnerabilities": [
  {"cve": {"id": "CVE-2020-0001", "descriptions": [{"lang": "en", "value": "ok"}]}},
  {"cve": {"descriptions": []}},
  {"cve": {"id": "NOT-AN-ID"}},
  {"cve": {"id": "CVE-2020-0004", "vulnStatus": "Rejected"}},
  {"cve": {"id": 12}},
  42,
  {"other": {}}
]}`
	res, diags := parse(t, "r.json", []byte(data))
	if res.Read != 7 || res.Accepted != 1 || res.Rejected != 6 {
		t.Fatalf("read %d accepted %d rejected %d", res.Read, res.Accepted, res.Rejected)
	}
	wantLines := []int{3, 4, 5, 6, 7, 8}
	for i, r := range res.Rejections {
		if r.Pos.Line != wantLines[i] {
			t.Errorf("rejection %d at %v, want line %d: %v", i, r.Pos, wantLines[i], r.Reasons)
		}
	}
	if diags.Count(source.Error) != 6 {
		t.Errorf("%d errors reported", diags.Count(source.Error))
	}
}
