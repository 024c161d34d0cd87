package app

import (
	"bytes"
	"os"
	"reflect"
	"slices"
	"testing"
	"testing/fstest"

	"vulnreport/generator/internal/feed/all"
	"vulnreport/generator/internal/report"
	"vulnreport/generator/internal/snapshot"
	"vulnreport/generator/internal/source"
)

// The JVN iPedia record of the sample snapshot: it names a product no
// fixture installs.
const sampleJVN = "feeds/jvn/getVulnDetailInfo_hnd_JVNDB-2022-000097.xml"

// The NVD record of the sample snapshot for the xz backdoor.
const sampleNVDxz = "feeds/nvd/CVE-2024-3094.json"

// relevanceFixture is fixture month 2 with advisories that can matter
// only through the product resolution matching uses, or only through an
// id or alias they share with one that names an installed product — each
// in the file order that keeps the first one read as a stub.
func relevanceFixture(t *testing.T) fstest.MapFS {
	t.Helper()
	fs := fixture(month2 + "web,pkg:npm/lodash,4.17.20\nintra,Widget Pro,2.0\nintra,mozilla:firefox,115.0\n")
	// Real feed records from the sample snapshot: a JVN record and an NVD
	// record naming no installed product, and an NVD record naming
	// Firefox by CPE only.
	for _, name := range []string{sampleJVN, sampleNVDxz, "feeds/nvd/CVE-2023-4863.json"} {
		data, err := os.ReadFile("../../../data/" + name)
		if err != nil {
			t.Fatalf("the sample snapshot's feed record: %v", err)
		}
		fs[name] = &fstest.MapFile{Data: data}
	}
	fs["products.yaml"] = &fstest.MapFile{Data: []byte("- {key: \"example:widget\", name: Widget, aliases: [\"Widget Pro\"]}\n")}
	// Read before a.yaml and links.yaml: stubs when read.
	fs["advisories/0first.yaml"] = &fstest.MapFile{Data: []byte(`- id: CVE-2099-0002
  title: {en: Named only by its JVN alias}
  cvss: {version: "3.1", vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}
  affected: [{product: "othervendor:other", versions: "<1.0"}]
- id: CVE-2099-0005
  title: {en: End of a chain of aliases}
  cvss: {version: "3.1", vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}
  references: [https://example.com/chain]
  affected: [{product: "othervendor:third", versions: "<1.0"}]
- id: CVE-2099-0008
  title: {en: A package only an SBOM lists}
  affected: [{product: "pkg:npm/left-pad", versions: "<1.0.1"}]
- id: CVE-2099-0009
  title: {en: Unrelated, in KEV}
  affected: [{product: "othervendor:unrelated", versions: "<1.0"}]
`)}
	fs["advisories/links.yaml"] = &fstest.MapFile{Data: []byte(`- id: JVNDB-2099-000001
  aliases: [CVE-2099-0001]
  title: {ja: Tomcat の脆弱性 (JVN)}
  affected: [{product: "apache:tomcat", versions: "<10.0"}]
- id: CVE-2099-0001
  title: {en: The CVE record of a JVN entry, naming another product}
  cvss: {version: "3.1", vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}
  affected: [{product: "othervendor:renamed", versions: "<1.0"}]
- id: JVNDB-2099-000002
  aliases: [CVE-2099-0002]
  title: {ja: Struts の脆弱性 (JVN)}
  affected: [{product: "apache:struts", versions: "<3.0"}]
- id: CVE-2099-0003
  aliases: [CVE-2099-0004]
  title: {en: Named by CPE only}
  affected: [{product: "cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:*:*", versions: ">=1.0.2 <1.0.2l"}]
- id: CVE-2099-0004
  aliases: [CVE-2099-0005]
  title: {en: Middle of a chain of aliases}
  affected: [{product: "othervendor:second", versions: "<1.0"}]
- id: CVE-2099-0006
  title: {en: Named by the product key of an alias}
  affected: [{product: "example:widget", versions: "<3.0"}]
- id: CVE-2099-0007
  title: {en: An npm package}
  affected: [{product: "pkg:npm/lodash", versions: "<4.17.21"}]
- id: JVNDB-2099-000011
  title: {ja: CSV の CVE と別名でつながる}
  affected: [{product: "apache:struts", versions: "<3.0"}]
- id: JVNDB-2099-003094
  aliases: [CVE-2024-3094]
  title: {ja: NVD の記録と別名でつながる}
  affected: [{product: "apache:tomcat", versions: "<10.0"}]
- id: CVE-2099-0100
  aliases: [JVNDB-2022-000097]
  title: {en: Links the sample's JVN record}
  affected: [{product: "apache:tomcat", versions: "<10.0"}]
`)}
	fs["advisories/z.csv"] = &fstest.MapFile{Data: []byte("id,aliases,title.en,affected.product,affected.versions\n" +
		"CVE-2099-0011,JVNDB-2099-000011,CSV row linked by its alias,othervendor:csv,<1.0\n" +
		"CVE-2099-0012,,CSV row unrelated,othervendor:csv2,<1.0\n" +
		// The installed product on an advisory's second row, and an
		// advisory whose rows disagree (rejected).
		"CVE-2099-0016,,Two rows,othervendor:first,<1.0\n" +
		"CVE-2099-0016,,,apache:tomcat,<10.0\n" +
		"CVE-2099-0017,,First title,othervendor:c,<1.0\n" +
		"CVE-2099-0017,,Another title,othervendor:c2,<1.0\n")}
	// Rows of one advisory apart: the file is read the one-pass way.
	fs["advisories/z2.csv"] = &fstest.MapFile{Data: []byte("id,aliases,title.en,affected.product,affected.versions\n" +
		"CVE-2099-0013,,Rows apart,othervendor:split,<1.0\n" +
		"CVE-2099-0015,,First title,othervendor:c,<1.0\n" +
		"CVE-2099-0013,,,apache:struts,<3.0\n" +
		"CVE-2099-0015,,Another title,othervendor:c2,<1.0\n")}
	fs["feeds/kev/kev.json"] = &fstest.MapFile{Data: []byte(`{"title": "CISA Catalog of Known Exploited Vulnerabilities", "catalogVersion": "2026.11.01",
"dateReleased": "2026-11-01T00:00:00Z", "count": 2, "vulnerabilities": [
{"cveID": "CVE-2099-0009", "vendorProject": "Other", "product": "Unrelated", "vulnerabilityName": "x", "dateAdded": "2026-10-01",
 "shortDescription": "x", "requiredAction": "x", "dueDate": "2026-10-22", "knownRansomwareCampaignUse": "Unknown", "notes": ""},
{"cveID": "CVE-2099-9999", "vendorProject": "Other", "product": "Nowhere", "vulnerabilityName": "y", "dateAdded": "2026-10-01",
 "shortDescription": "y", "requiredAction": "y", "dueDate": "2026-10-22", "knownRansomwareCampaignUse": "Unknown", "notes": ""}]}
`)}
	fs["sbom/web.cdx.json"] = &fstest.MapFile{Data: []byte(`{"bomFormat": "CycloneDX", "specVersion": "1.4", "version": 1,
"components": [{"type": "library", "name": "left-pad", "version": "1.0.0", "purl": "pkg:npm/left-pad@1.0.0"}]}
`)}
	return fs
}

// TestRelevanceFilterLosesNothing builds the same snapshot with every
// advisory read in full and with the relevance filter: the reports must
// be the same, and each advisory that matters only through its product's
// resolution or an alias must have given its finding.
func TestRelevanceFilterLosesNothing(t *testing.T) {
	fs := relevanceFixture(t)
	run := func(keepAll bool) (*report.Report, []source.Diagnostic) {
		var diags source.Diagnostics
		r, _, err := Analyze(Options{Data: fs, AsOf: date("2026-11-30"), keepAll: keepAll}, &diags, func(string, int) {})
		if err != nil {
			t.Fatal(err)
		}
		return r, diags.Sorted()
	}
	full, fullDiags := run(true)
	got, gotDiags := run(false)
	if a, b := exportJSON(t, full), exportJSON(t, got); !bytes.Equal(a, b) {
		t.Errorf("findings.json differs with the relevance filter:\n%s\n--- without it:\n%s", b, a)
	}
	if !reflect.DeepEqual(full.Vulns, got.Vulns) {
		t.Errorf("vulnerabilities differ with the relevance filter:\n%+v\n--- without it:\n%+v", got.Vulns, full.Vulns)
	}
	if !reflect.DeepEqual(full.KEVUnmatched, got.KEVUnmatched) {
		t.Errorf("KEV entries unmatched differ: %+v, without the filter %+v", got.KEVUnmatched, full.KEVUnmatched)
	}
	if len(got.KEVUnmatched) != 1 || got.KEVUnmatched[0].CVE != "CVE-2099-9999" {
		t.Errorf("KEV unmatched = %+v, want CVE-2099-9999 alone (CVE-2099-0009 is an advisory's, though it names nothing installed)", got.KEVUnmatched)
	}
	if !reflect.DeepEqual(fullDiags, gotDiags) {
		t.Errorf("diagnostics differ with the relevance filter:\n%v\n--- without it:\n%v", gotDiags, fullDiags)
	}
	if got.Quality.Rejected != 4 {
		t.Errorf("%d records rejected, want 4 (the rows of CVE-2099-0015 and -0017, which disagree)", got.Quality.Rejected)
	}
	if !reflect.DeepEqual(full.Quality, got.Quality) {
		t.Errorf("input files and counts differ with the relevance filter:\n%+v\n--- without it:\n%+v", got.Quality, full.Quality)
	}
	byID := map[string]report.Vuln{}
	for _, v := range got.Vulns {
		for _, id := range v.IDs {
			byID[id] = v
		}
	}
	for _, want := range []struct{ id, why string }{
		{"CVE-2099-0001", "merged with JVNDB-2099-000001, which names Tomcat"},
		{"CVE-2099-0002", "merged with JVNDB-2099-000002, read after it"},
		{"CVE-2099-0003", "CPE name of OpenSSL"},
		{"CVE-2099-0006", "product alias in products.yaml"},
		{"CVE-2099-0007", "npm package"},
		{"CVE-2099-0008", "package of an SBOM, read after the advisory"},
		{"CVE-2099-0011", "CSV row merged with JVNDB-2099-000011"},
		{"CVE-2099-0100", "merged with the JVN feed's record"},
		{"CVE-2099-0013", "installed product on a later CSV row, rows apart"},
		{"CVE-2099-0016", "installed product on a later CSV row"},
		{"CVE-2023-4863", "NVD record naming Firefox by CPE"},
		{"CVE-2024-3094", "NVD record merged with JVNDB-2099-003094"},
	} {
		if _, ok := byID[want.id]; !ok {
			t.Errorf("%s (%s) gave no finding", want.id, want.why)
		}
	}
	// The data of the advisories first kept as stubs is there.
	if v := byID["CVE-2099-0001"]; v.CVSSVersion != "3.1" || v.Title.JA != "Tomcat の脆弱性 (JVN)" {
		t.Errorf("CVE-2099-0001 = %+v: want the CVE record's CVSS and the JVN title", v)
	}
	if v := byID["CVE-2099-0003"]; !slices.Contains(v.References, "https://example.com/chain") || !slices.Contains(v.IDs, "CVE-2099-0005") {
		t.Errorf("CVE-2099-0003 = %+v: want CVE-2099-0005, two aliases away, merged in", v)
	}
	if v := byID["CVE-2024-3094"]; v.CVSSVersion == "" || v.Title.EN == "" {
		t.Errorf("CVE-2024-3094 = %+v: want the NVD record's CVSS and title", v)
	}
	if v := byID["CVE-2099-0100"]; !slices.Contains(v.IDs, "JVNDB-2022-000097") || v.Title.JA == "" {
		t.Errorf("CVE-2099-0100 = %+v: want the JVN feed record's Japanese title", v)
	}

	// And the filter was at work: the unrelated advisories are stubs, the
	// linked ones were read again.
	var diags source.Diagnostics
	snap := snapshot.Load(fs, snapshot.Options{Feeds: all.Parsers(), Reducing: all.Reducing(), KeepRelevant: true}, &diags)
	var stubs []string
	for _, a := range snap.Advisories {
		if a.Stub != nil {
			stubs = append(stubs, a.ID)
		}
	}
	slices.Sort(stubs)
	if want := []string{"CVE-2099-0009", "CVE-2099-0012"}; !slices.Equal(stubs, want) {
		t.Errorf("stubs = %v, want %v", stubs, want)
	}
	// 0001, 0002, 0004, 0005, 0008, 0011, the JVN record and the NVD one.
	if snap.Restored != 8 {
		t.Errorf("%d advisories read again, want 8", snap.Restored)
	}
}
