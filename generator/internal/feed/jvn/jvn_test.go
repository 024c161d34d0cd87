package jvn

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"

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

func find(t *testing.T, res feed.Result, id string) advisory.Advisory {
	t.Helper()
	for _, a := range res.Advisories {
		if a.ID == id {
			return a
		}
	}
	t.Fatalf("%s: advisory %s not found", res.Info.Path, id)
	return advisory.Advisory{}
}

// noAdvisories lists the MyJVN samples that are not advisory documents.
var noAdvisories = map[string]string{
	"dataFeed_myjvn_product_hnd.xml": "holds no advisories", "dataFeed_myjvn_vendor_hnd.xml": "holds no advisories",
	"getAlertList_hnd.xml": "alert list", "getAlertList_hnd.json": "alert list", "getAlertList_oka.json": "alert list",
	"getProductList_hnd.xml": "holds no advisories", "getVendorList_hnd.xml": "holds no advisories",
	"getStatistics_hnd_sumAll.xml": "holds no advisories", "getStatistics_hnd_sumCvss.xml": "holds no advisories",
	"getStatistics_hnd_sumCwe.xml": "holds no advisories", "getStatistics_hnd_sumJvnDb.xml": "holds no advisories",
	"dataFeed_myjvn_vendor_oka.json": "holds no advisories", "getProductList_oka.json": "holds no advisories",
	"getStatistics_oka.json": "holds no advisories", "getVendorList_oka.json": "holds no advisories",
	// product dictionaries published with a syntax error in their status block
	"dataFeed_myjvn_product_oka.json": "not readable at 143:15", "dataFeed_myjvn_product_version_oka.json": "not readable at 178:15",
}

// TestRealData reads every MyJVN example: advisory documents without
// error, the others with an error saying what they are.
func TestRealData(t *testing.T) {
	files := realdata.Files(t, "jvn-myjvn/examples", ".xml", ".json")
	got := map[string]feed.Result{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		base := filepath.Base(f)
		if want, ok := noAdvisories[base]; ok {
			var diags source.Diagnostics
			if _, err := Parse(base, data, &diags); err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%s: error %v, want %q", base, err, want)
			}
			continue
		}
		res, _ := parse(t, base, data)
		if res.Accepted == 0 {
			t.Errorf("%s: no advisory", base)
		}
		for _, a := range res.Advisories {
			if !strings.HasPrefix(a.ID, "JVNDB-") || a.Source != "jvn" || a.Title.JA == "" || a.Origin != base {
				t.Errorf("%s: %s %q %q", base, a.ID, a.Source, a.Title.JA)
			}
		}
		got[base] = res
	}
	if len(got) != 17 {
		t.Errorf("%d advisory documents read, want 17", len(got))
	}

	// VULDEF: Japanese title, CVE alias, free text turned into a range.
	a := find(t, got["dataFeed_jvndb_detail_hnd.xml"], "JVNDB-2025-000001")
	if a.Title.JA != "プラネックス製MZK-DP300Nにおけるクロスサイトスクリプティングの脆弱性" || len(a.Aliases) != 1 || a.Aliases[0] != "CVE-2025-21603" {
		t.Errorf("JVNDB-2025-000001: %q %v", a.Title.JA, a.Aliases)
	}
	if len(a.Affected) != 1 || a.Affected[0].Key != "planex:mzk-dp300n" || a.Affected[0].Versions != "<=1.05" {
		t.Errorf("JVNDB-2025-000001 affected: %+v", a.Affected)
	}
	if a.CVSS == nil || a.CVSS.Version != "3.0" || a.CVSS.Score != 4.8 || a.Published.Format(source.DateLayout) != "2025-01-08" {
		t.Errorf("JVNDB-2025-000001 CVSS %+v published %v", a.CVSS, a.Published)
	}
	b := find(t, got["getVulnDetailInfo_hnd_JVNDB-2022-000097.xml"], "JVNDB-2022-000097")
	if strings.Join(b.Aliases, ",") != "CVE-2022-41993,CVE-2022-46287,CVE-2022-46288" || b.CVSS.Version != "3.0" || b.CVSS.Score != 6.1 {
		t.Errorf("JVNDB-2022-000097: %v %+v", b.Aliases, b.CVSS)
	}
	if len(b.Affected) != 1 || b.Affected[0].FreeText != "v6 R4 およびそれ以前のバージョン" || b.Affected[0].Key != "jacic:electronic_bidding_core_system" {
		t.Errorf("JVNDB-2022-000097 affected: %+v", b.Affected)
	}
	if !strings.Contains(b.Summary.JA, "\n・クロスサイトスクリプティング (CWE-79) - CVE-2022-41993") || strings.Contains(b.Summary.JA, "<li>") {
		t.Errorf("overview HTML: %q", b.Summary.JA)
	}
	if strings.Join(b.CWE, ",") != "CWE-79,CWE-20" || !strings.HasPrefix(b.Workaround.JA, "[パッチを適用する]") {
		t.Errorf("CWE %v workaround %q", b.CWE, b.Workaround.JA)
	}
	// JVNRSS: CPE 2.2 with percent-encoding, no versions → needs confirmation.
	rw := find(t, got["getVulnOverviewList_hnd.xml"], "JVNDB-2025-002884")
	if len(rw.Affected) != 2 || rw.Affected[0].Key != "rockwellautomation:industrial_data_center_(idc)_with_veeam" || rw.Affected[0].FreeText != noVersion {
		t.Errorf("JVNRSS affected: %+v", rw.Affected)
	}
	// A feed whose status block is broken: the advisories stand, the break is one rejection.
	rss := got["dataFeed_jvndb_rss_hnd.xml"]
	if rss.Accepted != 4 || rss.Rejected != 1 || rss.Rejections[0].Pos.Line != 116 {
		t.Errorf("rss: accepted %d rejected %d %+v", rss.Accepted, rss.Rejected, rss.Rejections)
	}
	stix := got["dataFeed_jvndb_detail_oka.json"]
	if stix.Accepted != 5 || stix.Rejected != 1 || !strings.HasPrefix(stix.Rejections[0].Location, "dataFeed_jvndb_detail_oka.json:1377:15") {
		t.Errorf("STIX feed: accepted %d rejected %d %+v", stix.Accepted, stix.Rejected, stix.Rejections)
	}
	// MyJVN API 4.0 CSAF: structured versions from jvn_extension.
	c := find(t, got["getVulnDetailInfo_oka_jvncsaf.json"], "JVNDB-2025-000000")
	if len(c.Affected) != 1 || c.Affected[0].Versions != "=8.1.2 || >=0.0.0 <1.0.6 || >=2.1.0 <=2.1.3 || >=3.1.1a <3.1.1d" || c.Aliases[0] != "CVE-2025-0000" {
		t.Errorf("CSAF: %+v %v", c.Affected, c.Aliases)
	}
	v := find(t, got["getVulnDetailInfo_oka_JVNDB-2018-009328.json"], "JVNDB-2018-009328")
	if len(v.Affected) != 2 || v.Affected[1].Key != "hitachi:jp1_veritas_netbackup" || v.Affected[1].Versions != "=7.7 || =8.0 || =8.1" {
		t.Errorf("CSAF NetBackup: %+v", v.Affected)
	}
	f := find(t, got["dataFeed_jvndb_rss_oka.json"], "JVNDB-2025-002953")
	if f.Aliases[0] != "CVE-2025-31084" || f.CVSS.Score != 9.8 || f.Title.JA != "WordPress 用 Sunshine Photo Cart における信頼できないデータのデシリアライゼーションに関する脆弱性" {
		t.Errorf("feed entry: %v %+v %q", f.Aliases, f.CVSS, f.Title.JA)
	}
}

const vuldef = `<?xml version="1.0" encoding="%s"?>
<VULDEF-Document version="3.2" xmlns="http://jvn.jp/vuldef/" xml:lang="ja">
  <Vulinfo>
    <VulinfoID>JVNDB-2099-000001</VulinfoID>
    <VulinfoData>
      <Title>テスト製品におけるクロスサイトスクリプティングの脆弱性</Title>
      <VulinfoDescription><Overview>テスト製品には脆弱性が存在します。</Overview></VulinfoDescription>
      <Affected>
        <AffectedItem><Name>テスト社</Name><ProductName>テスト製品</ProductName><Cpe version="2.2">cpe:/a:test:product</Cpe><VersionNumber>2.5.10 およびそれ以前</VersionNumber></AffectedItem>
        <AffectedItem><Name>テスト社</Name><ProductName>別製品</ProductName><VersionNumber>全てのバージョン</VersionNumber></AffectedItem>
      </Affected>
      <Impact>
        <Cvss version="2.0"><Base>4.3</Base><Vector>AV:N/AC:M/Au:N/C:N/I:P/A:N</Vector></Cvss>
      </Impact>
      <Related><RelatedItem type="advisory"><Name>NVD</Name><VulinfoID>CVE-2099-12345</VulinfoID><URL>https://nvd.nist.gov/vuln/detail/CVE-2099-12345</URL></RelatedItem></Related>
      <DateFirstPublished>2099-01-02T10:00:00+09:00</DateFirstPublished>
    </VulinfoData>
  </Vulinfo>
  <Vulinfo><VulinfoData><Title>IDなし</Title></VulinfoData></Vulinfo>
</VULDEF-Document>
`

func TestShiftJIS(t *testing.T) {
	doc := strings.Replace(vuldef, "%s", "Shift_JIS", 1)
	sj, err := japanese.ShiftJIS.NewEncoder().String(doc)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{"sjis.xml": sj, "utf8.xml": strings.Replace(vuldef, "%s", "UTF-8", 1)} {
		res, diags := parse(t, name, []byte(data))
		if res.Read != 2 || res.Accepted != 1 || res.Rejected != 1 || res.Rejections[0].Pos.Line != 19 {
			t.Fatalf("%s: read %d accepted %d rejected %d: %v", name, res.Read, res.Accepted, res.Rejected, diags.Sorted())
		}
		a := res.Advisories[0]
		if a.Title.JA != "テスト製品におけるクロスサイトスクリプティングの脆弱性" || a.Aliases[0] != "CVE-2099-12345" || a.CVSS.Score != 4.3 || a.CVSS.Version != "2.0" {
			t.Errorf("%s: %+v", name, a)
		}
		if len(a.Affected) != 2 || a.Affected[0].Versions != "<=2.5.10" || a.Affected[1].Key != "" || a.Affected[1].Product != "テスト社 別製品" || a.Affected[1].Versions != "*" {
			t.Errorf("%s affected: %+v", name, a.Affected)
		}
	}
}

func TestUnreadable(t *testing.T) {
	for _, tt := range []struct{ name, data, want string }{
		{"broken XML", "<VULDEF-Document>\n<Vulinfo><VulinfoID>x</Vulinfo>", "not readable at 2:1: XML syntax error"},
		{"other XML", "<html><body/></html>", "root element <html> is not a MyJVN advisory document"},
		{"unknown encoding", `<?xml version="1.0" encoding="KOI8-R"?><VULDEF-Document/>`, `encoding "KOI8-R" is not supported`},
		{"truncated JSON", "{\"feed\": {\"entry\": [\n {\"id\": \"JVNDB-2099-0", "at 2:22: unexpected end of file"},
		{"other JSON", `{"something": "else"}`, "holds no advisories"},
		{"neither", "JVNDB-2099-000001", "neither XML nor JSON"},
		{"API error", `<VULDEF-Document xmlns:status="http://jvndb.jvn.jp/myjvn/Status"><status:Status retCd="1" errMsg="invalid parameter"/></VULDEF-Document>`, "retCd 1 invalid parameter"},
	} {
		var diags source.Diagnostics
		if _, err := Parse(tt.name, []byte(tt.data), &diags); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}
