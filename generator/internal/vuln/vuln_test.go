package vuln

import (
	"testing"
	"time"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/i18n"
)

func TestMergeByAlias(t *testing.T) {
	advs := []advisory.Advisory{
		{ID: "CVE-2021-44228", Source: "nvd", Origin: "feeds/nvd/x.json", Title: i18n.Text{EN: "Log4Shell"},
			CVSS: &advisory.CVSS{Version: "3.1", Score: 10}, Affected: []advisory.Affected{{Key: "apache:log4j", Versions: ">=2.0 <2.15.0"}}},
		{ID: "JVNDB-2021-005429", Aliases: []string{"CVE-2021-44228"}, Source: "jvn", Origin: "feeds/jvn/y.xml",
			Title: i18n.Text{JA: "Apache Log4j における任意のコード実行の脆弱性"}, Affected: []advisory.Affected{{Key: "apache:log4j", FreeText: "2.14.1 およびそれ以前"}}},
		{ID: "VENDOR-1", Aliases: []string{"JVNDB-2021-005429"}, Origin: "advisories/own.yaml", Workaround: i18n.Plain("JndiLookup を削除")},
		{ID: "CVE-2000-1", Source: "nvd", Origin: "feeds/nvd/x.json"},
	}
	vs := Merge(advs)
	if len(vs) != 2 {
		t.Fatalf("got %d vulnerabilities, want 2", len(vs))
	}
	v := vs[1]
	if v.ID != "CVE-2021-44228" || len(v.IDs) != 3 || v.IDs[1] != "JVNDB-2021-005429" || v.IDs[2] != "VENDOR-1" {
		t.Errorf("ids = %v", v.IDs)
	}
	if v.Title.JA != "Apache Log4j における任意のコード実行の脆弱性" || v.Title.EN != "Log4Shell" {
		t.Errorf("title = %+v", v.Title)
	}
	if len(v.Affected) != 1 || v.Affected[0].FreeText != "" {
		t.Errorf("ranges from NVD must win over JVN prose: %+v", v.Affected)
	}
	if v.Provenance["title.ja"] != "JVNDB-2021-005429 (jvn)" || v.Provenance["cvss"] != "CVE-2021-44228 (nvd)" || v.Provenance["workaround"] != "VENDOR-1 (advisories/own.yaml)" {
		t.Errorf("provenance = %v", v.Provenance)
	}
	kevDue := time.Date(2021, 12, 24, 0, 0, 0, 0, time.UTC)
	un := Enrich(vs, []feed.KEVEntry{
		{CVE: "CVE-2021-44228", DateAdded: time.Date(2021, 12, 10, 0, 0, 0, 0, time.UTC), DueDate: kevDue, Ransomware: true},
		{CVE: "CVE-2099-0001", Vendor: "Acme", Product: "Widget"},
	}, map[string]feed.EPSSEntry{"CVE-2021-44228": {CVE: "CVE-2021-44228", Score: 0.94, Percentile: 0.99}}, nil)
	v = vs[1]
	if !v.Exploit.KEV || !v.Exploit.DueDate.Equal(kevDue) || !v.Exploit.Ransomware || v.EPSS == nil || v.EPSS.Score != 0.94 {
		t.Errorf("enrich: %+v %+v", v.Exploit, v.EPSS)
	}
	if len(un) != 1 || un[0].Entry.CVE != "CVE-2099-0001" {
		t.Errorf("unmatched KEV = %+v", un)
	}
}
