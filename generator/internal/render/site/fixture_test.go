package site_test

import (
	"context"
	"maps"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"vulnreport/generator/internal/app"
	"vulnreport/generator/internal/publish"
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/render/export"
	"vulnreport/generator/internal/render/site"
	"vulnreport/generator/internal/report"
	"vulnreport/generator/internal/source"
)

const policyYAML = `organization: {ja: テスト精機株式会社, en: "Test Seiki Co., Ltd."}
report_title: {ja: 月次脆弱性対応状況報告, en: Monthly Vulnerability Status Report}
as_of: 2026-11-30
languages: [ja, en]
classification: {ja: 社外秘, en: Confidential}
`

const systemsYAML = `- id: web-shop
  name: {ja: 部品オンライン受注サイト, en: Parts ordering site}
  category: website
  exposure: internet
  data: [personal, entrusted]
  criticality: high
  owner: 営業部
  contact: 営業部 佐藤 <sales@example.jp>
  hosts: 2
  contractor: 株式会社ABCシステムズ
  contract:
    maintenance_until: 2026-03-31
    known_vuln_fix_free: true
    inspection_included: false
    post_delivery_fixes: paid
  last_inspection: 2025-06-01
  inventory_updated: 2026-11-20
  replacement_planned: 2027-06-30
  tags: [ec, struts]
- id: int-file
  name: {ja: ファイルサーバ, en: File server}
  category: internal
  exposure: intranet
  data: [business]
  criticality: medium
  owner: 情報システム部
  contact: 情報システム部 <it@example.jp>
  inventory_updated: 2026-05-01
- id: pc-fleet
  name: {ja: 事務用PC, en: Office PCs}
  category: client
  exposure: intranet
  criticality: low
  owner: 情報システム部
  hosts: 120
  inventory_updated: 2026-11-01
- id: nas-01
  name: {ja: 部門NAS, en: Department NAS}
  category: other
  exposure: isolated
  inventory_updated: 2026-11-15
`

const componentsCSV = `system,product,name,version,hosts
web-shop,apache:struts,Apache Struts,2.5.10,
web-shop,apache:tomcat,Apache Tomcat,9.0.30,
web-shop,php:php,PHP,7.4.33,
int-file,samba:samba,Samba,4.15.0,
pc-fleet,adobe:acrobat_reader,Adobe Acrobat Reader,23.001.20093,120
nas-01,acme:nasos,NAS OS,1.2.3,
`

const advisoriesYAML = `- id: JVNDB-2017-001621
  aliases: [CVE-2017-5638]
  title: {ja: Apache Struts 2 における任意のコードを実行される脆弱性, en: Apache Struts 2 remote code execution}
  summary: {ja: Jakarta Multipart parser の処理に起因する脆弱性。, en: A flaw in the Jakarta Multipart parser.}
  source: jvn
  published: 2017-03-09
  cvss: {version: "3.1", vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}
  affected: [{product: "apache:struts", versions: ">=2.5.0 <2.5.10.1"}]
  fixed: 2.5.10.1
  workaround: {ja: Content-Type ヘッダを検査する WAF ルールを適用する, en: Apply a WAF rule that checks the Content-Type header}
  exploited: {kev: true, date_added: 2021-11-03, due_date: 2022-05-03, ransomware: true}
  epss: {score: 0.97, percentile: 0.999}
  references: ["https://jvndb.jvn.jp/ja/contents/2017/JVNDB-2017-001621.html", "https://nvd.nist.gov/vuln/detail/CVE-2017-5638"]
- id: CVE-2020-1938
  title: {ja: Apache Tomcat の AJP コネクタにおける脆弱性 (Ghostcat), en: Apache Tomcat AJP file read (Ghostcat)}
  source: nvd
  cvss: {version: "3.1", vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}
  affected: [{product: "apache:tomcat", versions: ">=9.0.0 <9.0.31"}]
  fixed: 9.0.31
  exploited: true
- id: CVE-2024-0001
  title: PHP の脆弱性 (スコア未公表)
  source: vendor
  affected: [{product: "php:php", versions: "<8.0"}]
- id: CVE-2023-1111
  title: {ja: Samba の情報漏えいの脆弱性, en: Samba information disclosure}
  cvss: {version: "3.1", vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N"}
  affected: [{product: "samba:samba", versions: "<4.16"}]
- id: CVE-2023-2222
  title: {ja: Adobe Acrobat Reader の任意のコード実行, en: Adobe Acrobat Reader code execution}
  cvss: {version: "3.1", vector: "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H"}
  affected: [{product: "adobe:acrobat_reader", versions: "<23.003"}]
  epss: {score: 0.2, percentile: 0.95}
`

const lifecycleYAML = `- product: php:php
  cycle: "7.4"
  released: 2019-11-28
  support_end: 2021-11-28
  eol: 2022-11-28
  latest: 7.4.33
- product: apache:tomcat
  cycle: "9.0"
  released: 2018-01-18
  eol: 2027-03-31
  latest: 9.0.98
- product: samba:samba
  cycle: "4.15"
  released: 2021-09-20
  eol: 2022-09-20
  latest: 4.15.13
`

const remediationYAML = `- system: web-shop
  advisory: JVNDB-2017-001621
  stage: plan
  action: upgrade
  owner: ABCシステムズ 田中
  planned: 2026-12-10
  service_stop_hours: 4
  tested: true
- system: int-file
  advisory: CVE-2023-1111
  stage: assess
  action: accept
  justification: 社内限定で SMB 署名を必須化済み
  approved_by: 情報システム部長
  expires: 2026-12-15
- system: pc-fleet
  advisory: CVE-2023-2222
  stage: implement
  action: patch
  owner: 情報システム部 ヘルプデスク
  planned: 2026-12-05
`

const notificationsCSV = `id,received,from,system,summary,acknowledged,status,advisory
N-2026-001,2026-11-10,ipa,web-shop,受注サイトのクロスサイトスクリプティングの届出,2026-11-11,fixing,
N-2026-002,2026-11-20,finder,int-file,ファイルサーバの設定不備の指摘,,open,
`

// snapshot is the fixture snapshot; overrides replace or add files.
func snapshot(overrides map[string]string) fstest.MapFS {
	files := map[string]string{
		"policy.yaml": policyYAML, "systems.yaml": systemsYAML, "components.csv": componentsCSV,
		"advisories/x.yaml": advisoriesYAML, "lifecycle.yaml": lifecycleYAML,
		"remediation.yaml": remediationYAML, "notifications.csv": notificationsCSV,
	}
	maps.Copy(files, overrides)
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// analyze runs the pipeline on a snapshot up to the report.
func analyze(t testing.TB, fsys fstest.MapFS, asOf time.Time) *report.Report {
	t.Helper()
	var diags source.Diagnostics
	r, _, err := app.Analyze(app.Options{Data: fsys, AsOf: asOf, Today: asOf}, &diags, func(string, int) {})
	if err != nil {
		t.Fatalf("analyze: %v", err)
	}
	return r
}

// fixture is the report of the fixture snapshot as of 2026-11-30, with a
// history month (2026-10-31) in which a log4j finding was open that is
// gone now, so that trends and last month's figures have data.
func fixture(t testing.TB) *report.Report {
	t.Helper()
	earlier := snapshot(map[string]string{
		"components.csv": componentsCSV + "web-shop,apache:log4j,Apache Log4j,2.14.1,\n",
		"advisories/log4j.yaml": `- id: CVE-2021-44228
  title: Log4Shell
  cvss: {version: "3.1", vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"}
  affected: [{product: "apache:log4j", versions: ">=2.0 <2.15.0"}]
`,
	})
	prev := analyze(t, earlier, day("2026-10-31"))
	mem := publish.NewMemory()
	if err := export.New().Render(context.Background(), prev, mem); err != nil {
		t.Fatal(err)
	}
	js, _ := mem.Get("findings.json")
	now := snapshot(map[string]string{"history/2026-10-31/findings.json": string(js)})
	return analyze(t, now, day("2026-11-30"))
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// build renders a report into memory with the given findings page size.
func build(t testing.TB, r *report.Report, deps render.Deps, pageSize int) *publish.Memory {
	t.Helper()
	mem := publish.NewMemory()
	if err := site.NewPaged(deps, pageSize).Render(context.Background(), r, mem); err != nil {
		t.Fatalf("render: %v", err)
	}
	return mem
}

// htmlFiles returns the written .html paths.
func htmlFiles(mem *publish.Memory) []string {
	var out []string
	for _, n := range mem.Names() {
		if strings.HasSuffix(n, ".html") {
			out = append(out, n)
		}
	}
	return out
}
