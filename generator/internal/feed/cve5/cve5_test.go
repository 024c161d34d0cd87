package cve5

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

// byKey returns the ranged affected product with the key.
func byKey(t *testing.T, a advisory.Advisory, key string) advisory.Affected {
	t.Helper()
	for _, af := range a.Affected {
		if af.Key == key && af.FreeText == "" {
			return af
		}
	}
	t.Fatalf("%s: no ranged affected product %q in %+v", a.ID, key, a.Affected)
	return advisory.Affected{}
}

func TestRealData(t *testing.T) {
	dir := realdata.Dir(t)
	files := realdata.Files(t, "cve-json5", ".json")
	byID := map[string]advisory.Advisory{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, f)
		res, _ := parse(t, filepath.ToSlash(rel), data)
		if res.Accepted != 1 || res.Info.Version == "" {
			t.Errorf("%s: accepted %d, info %+v", rel, res.Accepted, res.Info)
		}
		for _, a := range res.Advisories {
			if a.Origin == "" || a.Source != "cve5" {
				t.Errorf("%s: origin %q source %q", rel, a.Origin, a.Source)
			}
			byID[a.ID+" "+filepath.Base(filepath.Dir(filepath.Dir(f)))] = a
		}
	}
	if len(files) != 495 {
		t.Errorf("%d files, want 495", len(files))
	}

	// Log4Shell: CNA entry with changes and a lessThan that is no version.
	l4 := byID["CVE-2021-44228 osv-dev-fixtures"]
	af := byKey(t, l4, "apache_software_foundation:apache_log4j2")
	if af.Product != "Apache Software Foundation Apache Log4j2" || af.Versions != ">=2.0-beta9 <2.3.1 || >=2.4 <2.12.2 || >=2.13.0 <2.15.0" {
		t.Errorf("log4shell: %+v", af)
	}
	for v, want := range map[string]bool{"2.14.1": true, "2.0-beta9": true, "2.3.0": true, "2.3.1": false, "2.12.2": false, "2.15.0": false, "2.0-alpha1": false} {
		if got := af.Range.Contains(version.MustParse(v)); got != want {
			t.Errorf("log4shell range contains %s = %v, want %v", v, got, want)
		}
	}
	if !l4.Exploit.KEV || l4.Exploit.DateAdded.Format(source.DateLayout) != "2021-12-10" || l4.CVSS == nil || l4.CVSS.Score != 10 {
		t.Errorf("log4shell exploit %+v cvss %+v", l4.Exploit, l4.CVSS)
	}

	// CISA ADP adds CPE keys: Tomcat and Log4j 1.x.
	tc := byID["CVE-2023-46589 2023"]
	tomcat := byKey(t, tc, "apache:tomcat")
	if !tomcat.Range.Contains(version.MustParse("9.0.82")) || tomcat.Range.Contains(version.MustParse("9.0.83")) {
		t.Errorf("tomcat: %q", tomcat.Versions)
	}
	if tc.CVSS.Score != 7.5 || len(tc.CWE) != 1 || tc.CWE[0] != "CWE-444" || tc.Published.Format(source.DateLayout) != "2023-11-28" {
		t.Errorf("tomcat advisory: %+v %v %v", tc.CVSS, tc.CWE, tc.Published)
	}
	ossl := byKey(t, byID["CVE-2024-6119 2024"], "openssl:openssl")
	if ossl.Versions != ">=3.3.0 <3.3.2 || >=3.2.0 <3.2.3 || >=3.1.0 <3.1.7 || >=3.0.0 <3.0.15" {
		t.Errorf("openssl: %q", ossl.Versions)
	}
	// A package entry without product: kept under its package name.
	xz := byID["CVE-2024-3094 osv-dev-fixtures"]
	if len(xz.Affected) != 1 || xz.Affected[0].Product != "xz" || xz.Affected[0].Key != "" || xz.Affected[0].Versions != "=5.6.0 || =5.6.1" {
		t.Errorf("xz: %+v", xz.Affected)
	}
}

func TestAffectedEntries(t *testing.T) {
	const tmpl = `{"dataType": "CVE_RECORD", "dataVersion": "5.1",
 "cveMetadata": {"cveId": "CVE-2099-0001", "state": "PUBLISHED", "datePublished": "2099-01-02T00:00:00", "dateUpdated": "2099-01-03T00:00:00"},
 "containers": {"cna": {"descriptions": [{"lang": "en", "value": "A flaw."}, {"lang": "ja", "value": "脆弱性。"}],
   "affected": [AFFECTED]}}}`
	tests := []struct {
		name, affected string
		want           map[string]string // key or product → versions or "free:"+text
	}{
		{"vendor product", `{"vendor": "Apache Software Foundation", "product": "Apache Struts", "versions": [{"version": "2.0.0", "lessThan": "2.3.32", "status": "affected"}, {"version": "2.5.0", "status": "affected"}]}`,
			map[string]string{"apache_software_foundation:apache_struts": ">=2.0.0 <2.3.32 || =2.5.0"}},
		{"cpes preferred", `{"vendor": "Apache", "product": "Tomcat", "cpes": ["cpe:2.3:a:apache:tomcat:*:*:*:*:*:*:*:*", "cpe:2.3:a:apache:tomcat:9.0.0:*:*:*:*:*:*:*"], "versions": [{"version": "9.0.0", "lessThanOrEqual": "9.0.82", "status": "affected"}]}`,
			map[string]string{"apache:tomcat": ">=9.0.0 <=9.0.82"}},
		{"maven package", `{"collectionURL": "https://repo.maven.apache.org/maven2", "packageName": "org.apache.logging.log4j:log4j-core", "versions": [{"version": "2.0", "lessThan": "2.15.0", "status": "affected"}]}`,
			map[string]string{"pkg:maven/org.apache.logging.log4j/log4j-core": ">=2.0 <2.15.0"}},
		{"default affected, no versions", `{"vendor": "V", "product": "P", "defaultStatus": "affected"}`,
			map[string]string{"v:p": "*"}},
		{"default affected, unaffected listed", `{"vendor": "V", "product": "P", "defaultStatus": "affected", "versions": [{"version": "2.0", "lessThanOrEqual": "*", "status": "unaffected"}]}`,
			map[string]string{"v:p": "free:all versions except: version 2.0, lessThanOrEqual *, status unaffected"}},
		{"default unaffected, no versions", `{"vendor": "V", "product": "P", "defaultStatus": "unaffected"}`,
			map[string]string{}},
		{"no versions, unknown default", `{"vendor": "V", "product": "P"}`,
			map[string]string{"v:p": "free:no versions listed (defaultStatus \"\")"}},
		{"free text kept", `{"vendor": "Qualcomm", "product": "Snapdragon", "versions": [{"version": "SD865 5G", "status": "affected"}, {"version": "1.0", "status": "affected"}]}`,
			map[string]string{"qualcomm:snapdragon": "=1.0", "qualcomm:snapdragon free": "free:version SD865 5G"}},
		{"n/a product skipped", `{"vendor": "n/a", "product": "n/a", "versions": [{"version": "n/a", "status": "affected"}]}`,
			map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, _ := parse(t, "cve.json", []byte(strings.Replace(tmpl, "AFFECTED", tt.affected, 1)))
			a := res.Advisories[0]
			got := map[string]string{}
			for _, af := range a.Affected {
				k := af.Key
				if k == "" {
					k = af.Product
				}
				if af.FreeText != "" {
					if _, dup := got[k]; dup {
						k += " free"
					}
					got[k] = "free:" + af.FreeText
				} else {
					got[k] = af.Versions
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
			if a.Title.EN != "A flaw." || a.Summary.JA != "脆弱性。" || a.Updated.Format(source.DateLayout) != "2099-01-03" || res.Info.Version != "5.1" {
				t.Errorf("texts %+v %+v, info %+v", a.Title, a.Summary, res.Info)
			}
		})
	}
}

func TestRecordsAndErrors(t *testing.T) {
	arr := `[
 {"cveMetadata": {"cveId": "CVE-2099-0001", "state": "PUBLISHED"}, "containers": {"cna": {"metrics": [{"cvssV3_1": {"version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "baseScore": 9.8}}]}}},
 {"cveMetadata": {"cveId": "CVE-2099-0002", "state": "REJECTED"}, "containers": {}},
 {"cveMetadata": {"state": "PUBLISHED"}, "containers": {}},
 {"cveMetadata": "oops"}
]`
	res, diags := parse(t, "arr.json", []byte(arr))
	if res.Read != 4 || res.Accepted != 1 || res.Rejected != 3 || diags.Count(source.Error) != 3 {
		t.Fatalf("read %d accepted %d rejected %d", res.Read, res.Accepted, res.Rejected)
	}
	if res.Advisories[0].CVSS.Score != 9.8 || res.Rejections[0].Pos.Line != 3 || !strings.Contains(res.Rejections[0].Reasons[0], "REJECTED") {
		t.Errorf("%+v %+v", res.Advisories[0].CVSS, res.Rejections[0])
	}
	for _, tt := range []struct{ name, data, want string }{
		{"truncated", "{\"cveMetadata\": {\"cveId\": \"CVE-2099-0001\",\n \"state\": \"PUB", "at 2:15: unexpected end of file"},
		{"wrong schema", `{"id": "CVE-2099-0001", "summary": "an OSV record"}`, `no "cveMetadata" or "containers"`},
		{"not JSON", `CVE-2099-0001`, "not JSON"},
		{"bad array", "[{\"cveMetadata\": {}},\n {]", "at 2:3: invalid character ']'"},
	} {
		var d source.Diagnostics
		if _, err := Parse(tt.name, []byte(tt.data), &d); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}
