package pdf_test

import (
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"vulnreport/generator/internal/app"
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/render/pdf"
	"vulnreport/generator/internal/report"
	"vulnreport/generator/internal/source"
)

// fixture is a small snapshot touching every section: a website with an
// exploited Struts flaw (JVN and CVE ids), an internal server on an
// end-of-life OS, a client fleet, a contractor with contract gaps, a risk
// acceptance, work in the four steps and a report from IPA.
func fixture() fstest.MapFS {
	return fstest.MapFS{
		"policy.yaml": {Data: []byte(`organization: {ja: 株式会社テスト工業, en: Test Industries Ltd.}
report_title: {ja: 月次脆弱性対応状況報告, en: Monthly Vulnerability Status Report}
as_of: 2026-11-30
languages: [ja, en]
classification: {ja: 社外秘, en: Confidential}
`)},
		"systems.yaml": {Data: []byte(`- id: web-shop
  name: {ja: 部品オンライン受注サイト, en: Parts ordering site}
  category: website
  exposure: internet
  data: [personal, entrusted]
  criticality: high
  owner: 営業部
  hosts: 2
  contractor: 株式会社ABCシステムズ
  contract: {maintenance_until: 2026-03-31, known_vuln_fix_free: false, inspection_included: false, emergency_costs_agreed: false, post_delivery_fixes: none}
  last_inspection: 2024-10-01
  inventory_updated: 2026-11-01
  replacement_planned: 2027-09-30
- id: int-file
  name: {ja: ファイルサーバ, en: File server}
  category: internal
  exposure: intranet
  data: [business]
  criticality: medium
  owner: 情報システム部
  inventory_updated: 2026-06-01
- id: pc-fleet
  name: {ja: 本社クライアントPC, en: Head-office PCs}
  category: client
  exposure: intranet
  owner: 総務部
  hosts: 120
  inventory_updated: 2026-11-20
`)},
		"components.csv": {Data: []byte("system,product,name,version\n" +
			"web-shop,apache:struts,Apache Struts,2.3.31\n" +
			"web-shop,apache:tomcat,Apache Tomcat,8.5.50\n" +
			"int-file,microsoft:windows_server_2012,Windows Server 2012 R2,6.3.9600\n" +
			"pc-fleet,microsoft:windows_10,Windows 10 Pro,10.0.19045\n")},
		"advisories/x.yaml": {Data: []byte(`- id: JVNDB-2017-001621
  aliases: [CVE-2017-5638]
  title: {ja: Apache Struts 2 に任意のコードを実行される脆弱性, en: Apache Struts 2 remote code execution}
  source: jvn
  published: 2017-03-09
  cvss: {version: "3.0", vector: "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", score: 9.8}
  affected: [{product: "apache:struts", versions: ">=2.3.5 <2.3.32"}]
  fixed: 2.3.32
  exploited: {kev: true, date_added: 2021-11-03, due_date: 2022-05-03, ransomware: true}
- id: CVE-2020-1938
  title: {ja: Apache Tomcat の AJP に関する脆弱性 (Ghostcat), en: Apache Tomcat AJP file read (Ghostcat)}
  source: nvd
  published: 2020-02-24
  cvss: {version: "3.1", vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", score: 9.8}
  affected: [{product: "apache:tomcat", versions: ">=8.5.0 <8.5.51"}]
  fixed: 8.5.51
- id: CVE-2024-0001
  title: {ja: Windows の情報漏えいの脆弱性, en: Windows information disclosure}
  source: vendor
  published: 2024-01-09
  cvss: {version: "3.1", vector: "CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:U/C:L/I:N/A:N", score: 2.6}
  affected: [{product: "microsoft:windows_10", versions: "<10.0.19045.9999"}]
`)},
		"lifecycle.yaml": {Data: []byte(`- {product: "apache:struts", cycle: "2.3", released: 2011-12-08, eol: 2019-05-14, latest: 2.3.37}
- {product: "apache:tomcat", cycle: "8.5", released: 2016-03-17, eol: 2024-03-31, latest: 8.5.100}
- {product: "microsoft:windows_server_2012", cycle: "6.3", released: 2013-10-18, support_end: 2018-10-09, eol: 2023-10-10}
- {product: "microsoft:windows_10", cycle: "10", released: 2015-07-29, eol: 2027-04-14}
`)},
		"remediation.yaml": {Data: []byte(`- system: web-shop
  advisory: CVE-2020-1938
  stage: plan
  action: upgrade
  owner: 営業部 佐藤
  planned: 2026-12-10
- system: pc-fleet
  advisory: CVE-2024-0001
  stage: done
  action: accept
  approved_by: 総務部長
  justification: 影響が限定的で、次回の更新で解消するため
  expires: 2026-12-15
`)},
		"notifications.csv": {Data: []byte("id,received,from,system,summary,acknowledged,status,advisory\n" +
			"N-2026-001,2026-11-02,ipa,web-shop,受注サイトのクロスサイトスクリプティング,2026-11-09,fixing,\n")},
	}
}

// analyze builds the report of a snapshot.
func analyze(t testing.TB, data fs.FS) *report.Report {
	t.Helper()
	var diags source.Diagnostics
	r, _, err := app.Analyze(app.Options{Data: data, Today: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)}, &diags, func(string, int) {})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// memWriter keeps written files in memory.
type memWriter struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *memWriter) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.files == nil {
		m.files = map[string][]byte{}
	}
	m.files[name] = data
	return nil
}

// renderPDF renders r and returns the files, passing every laid-out line
// to hook when set.
func renderPDF(t testing.TB, r *report.Report, hook func(pdf.Placed)) map[string][]byte {
	t.Helper()
	var w memWriter
	var rd render.Renderer
	if hook != nil {
		rd = pdf.NewForTest("", nil, hook)
	} else {
		rd = pdf.New(render.Deps{})
	}
	if err := rd.Render(context.Background(), r, &w); err != nil {
		t.Fatal(err)
	}
	return w.files
}

// tool returns the path of a poppler tool, skipping the test when it is
// missing unless VULNREPORT_PDF=required.
func tool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("VULNREPORT_PDF") == "required" {
			t.Fatalf("%s is required (VULNREPORT_PDF=required) but not installed: apt-get install poppler-utils", name)
		}
		t.Skipf("%s not installed (apt-get install poppler-utils); skipping the check of the PDF it reads", name)
	}
	return p
}

// run runs a poppler tool on data and returns its output.
func run(t testing.TB, name string, data []byte, args ...string) string {
	t.Helper()
	path := tool(t, name)
	f := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(path, append(args, f, "-")...).Output()
	if name == "pdffonts" || name == "pdfinfo" {
		out, err = exec.Command(path, append(args, f)...).Output()
	}
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return string(out)
}

// squash removes white space, so that text pdftotext split across lines
// or spaced out still matches.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\t' || r == '\f' || r == '\u3000' {
			return -1
		}
		return r
	}, s)
}

// writePNGs renders the pages to PNG at 60 dpi into
// os.TempDir()/vulnreport-pdf-pages/<name>/ for visual review, when
// VULNREPORT_PDF_PNG=1 and pdftoppm is installed (it takes seconds, so
// it is not done on every run).
func writePNGs(t testing.TB, name string, data []byte) {
	t.Helper()
	if os.Getenv("VULNREPORT_PDF_PNG") != "1" {
		return
	}
	path, err := exec.LookPath("pdftoppm")
	if err != nil {
		t.Logf("pdftoppm not installed: no PNG pages for %s", name)
		return
	}
	dir := filepath.Join(os.TempDir(), "vulnreport-pdf-pages", name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(dir, "report.pdf")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(path, "-png", "-r", "60", f, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	t.Logf("pages of %s rendered to %s", name, dir)
}
