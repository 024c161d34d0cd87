package app

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"
	"testing/fstest"
	"time"

	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/publish"
	"vulnreport/generator/internal/render/export"
	"vulnreport/generator/internal/report"
	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/testutil/golden"
)

func date(s string) time.Time {
	t, err := source.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

// fixture is a small organisation over three months: month 1 has Struts
// (two advisories) on a website and Tomcat inside; month 2 upgrades
// Tomcat and installs an old OpenSSL; month 3 upgrades Struts and rolls
// Tomcat back, reopening its finding.
func fixture(components string) fstest.MapFS {
	return fstest.MapFS{
		"policy.yaml": {Data: []byte("organization: {ja: テスト株式会社, en: Test Corp}\nclassification: 社外秘\n")},
		"systems.yaml": {Data: []byte(`- id: web
  name: {ja: 受注サイト, en: Order site}
  category: website
  exposure: internet
  data: [personal]
  owner: 営業部
  inventory_updated: 2026-11-01
  last_inspection: 2026-06-01
- id: intra
  name: {ja: 社内ポータル, en: Intranet portal}
  category: internal
  exposure: intranet
  owner: 情報システム部
  contractor: 株式会社ABC
  contract: {maintenance_until: 2026-03-31, known_vuln_fix_free: true}
`)},
		"components.csv": {Data: []byte("system,product,version\n" + components)},
		"advisories/a.yaml": {Data: []byte(`- id: CVE-2017-5638
  aliases: [JVNDB-2017-001621]
  title: {ja: Apache Struts 2 の脆弱性, en: Apache Struts 2 RCE}
  cvss: {version: "3.1", vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", score: 10.0}
  affected: [{product: "apache:struts", versions: ">=2.3.5 <2.3.32 || >=2.5.0 <2.5.10.1"}]
  exploited: {kev: true, date_added: 2021-11-03, due_date: 2022-05-03}
- id: CVE-2000-0002
  title: Struts medium-high
  cvss: {version: "3.1", vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"}
  affected: [{product: "apache:struts", versions: "<2.5.13"}]
- id: CVE-2000-0003
  title: Tomcat medium
  cvss: {version: "3.1", vector: "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N"}
  affected: [{product: "apache:tomcat", versions: "<9.0.31"}]
- id: CVE-2000-0004
  title: OpenSSL high
  cvss: {version: "3.1", vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"}
  affected: [{product: "openssl:openssl", versions: ">=1.0.2 <1.0.2l"}]
`)},
		"lifecycle.yaml": {Data: []byte(`- {product: "openssl:openssl", cycle: "1.0.2", support_end: 2016-12-31, eol: 2019-12-31, latest: 1.0.2u}
- {product: "apache:tomcat", cycle: "9.0", eol: 2027-03-31}
`)},
		"remediation.yaml": {Data: []byte(`- {id: R1, system: intra, product: "openssl:openssl", advisory: "*", stage: plan, action: upgrade, owner: 株式会社ABC, planned: 2026-12-15}
`)},
	}
}

const (
	month1 = "web,apache:struts,2.5.10\nintra,apache:tomcat,9.0.30\n"
	month2 = "web,apache:struts,2.5.10\nintra,apache:tomcat,9.0.99\nintra,openssl:openssl,1.0.2k\n"
	month3 = "web,apache:struts,2.5.33\nintra,apache:tomcat,9.0.30\nintra,openssl:openssl,1.0.2k\n"
)

// analyze builds the report of fsys as of a date.
func analyze(t *testing.T, fsys fstest.MapFS, asOf string) *report.Report {
	t.Helper()
	var diags source.Diagnostics
	r, _, err := Analyze(Options{Data: fsys, AsOf: date(asOf)}, &diags, func(string, int) {})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags.Sorted() {
		if d.Severity == source.Error {
			t.Errorf("unexpected diagnostic: %s", d)
		}
	}
	return r
}

func exportJSON(t *testing.T, r *report.Report) []byte {
	t.Helper()
	mem := publish.NewMemory()
	if err := export.New().Render(context.Background(), r, mem); err != nil {
		t.Fatal(err)
	}
	b, _ := mem.Get("findings.json")
	return b
}

// threeMonths builds months 1 and 2 into history and returns month 3.
func threeMonths(t *testing.T) *report.Report {
	t.Helper()
	fs1 := fixture(month1)
	h1 := exportJSON(t, analyze(t, fs1, "2026-09-30"))
	fs2 := fixture(month2)
	fs2["history/2026-09-30/findings.json"] = &fstest.MapFile{Data: h1}
	h2 := exportJSON(t, analyze(t, fs2, "2026-10-31"))
	fs3 := fixture(month3)
	fs3["history/2026-09-30/findings.json"] = &fstest.MapFile{Data: h1}
	fs3["history/2026-10-31/findings.json"] = &fstest.MapFile{Data: h2}
	return analyze(t, fs3, "2026-11-30")
}

func TestTrendArithmetic(t *testing.T) {
	r := threeMonths(t)
	tr := r.Trends
	if tr.New != 1 || tr.Resolved != 2 || tr.Carried != 2 || tr.Reopened != 1 {
		t.Errorf("flow new %d resolved %d carried %d reopened %d, want 1 2 2 1", tr.New, tr.Resolved, tr.Carried, tr.Reopened)
	}
	type pt struct{ open, nw, res int }
	// OpenSSL 1.0.2 is past its end of life: an EOL finding of its own from month 2.
	want := []pt{{3, 0, 0}, {4, 2, 1}, {3, 1, 2}}
	if len(tr.Months) != 3 {
		t.Fatalf("months = %d", len(tr.Months))
	}
	for i, w := range want {
		m := tr.Months[i]
		if m.Open != w.open || m.New != w.nw || m.Resolved != w.res {
			t.Errorf("month %s: open %d new %d resolved %d, want %+v", m.Date.Format("2006-01-02"), m.Open, m.New, m.Resolved, w)
		}
	}
	// Struts findings were first seen 2026-09-30 and closed 2026-11-30: 61 days, both late.
	for _, m := range tr.MTTR {
		switch m.Priority {
		case model.P1, model.P2:
			if m.Count != 1 || m.MeanDays != 61 || m.MedianDays != 61 {
				t.Errorf("MTTR %s = %+v", m.Priority, m)
			}
		default:
			if m.Count != 0 {
				t.Errorf("MTTR %s = %+v", m.Priority, m)
			}
		}
	}
	for _, s := range tr.SLA {
		if (s.Priority == model.P1 || s.Priority == model.P2) && (s.Closed != 1 || s.ClosedInTime != 0 || !s.HasRate || s.Rate != 0) {
			t.Errorf("SLA %s = %+v", s.Priority, s)
		}
	}
	// The reopened Tomcat finding keeps its first-seen date from month 1.
	for _, f := range r.Findings.All() {
		if f.Product == "apache:tomcat" && f.FirstSeen.Format("2006-01-02") != "2026-09-30" {
			t.Errorf("tomcat first seen %s", f.FirstSeen.Format("2006-01-02"))
		}
		if f.Product == "openssl:openssl" && f.Kind == "vulnerability" && f.FirstSeen.Format("2006-01-02") != "2026-10-31" {
			t.Errorf("openssl first seen %s", f.FirstSeen.Format("2006-01-02"))
		}
	}
	if r.Summary.Prev == nil || r.Summary.Prev.OpenTotal != 4 {
		t.Errorf("previous month = %+v", r.Summary.Prev)
	}
}

func TestReportGolden(t *testing.T) {
	r := threeMonths(t)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "report.json", buf.Bytes())
}

func TestFindingsDeterministic(t *testing.T) {
	a := exportJSON(t, threeMonths(t))
	b := exportJSON(t, threeMonths(t))
	if !bytes.Equal(a, b) {
		t.Fatal("two builds of the same snapshot differ")
	}
}
