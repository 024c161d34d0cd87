package app

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/report"
	"vulnreport/generator/internal/source"
)

// schemeTree is a small snapshot exercising the scheme rules: a scheme
// column on components and products, purl types, the vendor table, and
// versions that no scheme reads.
func schemeTree(components, products string) fstest.MapFS {
	return fstest.MapFS{
		"policy.yaml": {Data: []byte("organization: {ja: テスト, en: Test}\n")},
		"systems.yaml": {Data: []byte(`- {id: web, name: Web, category: website, exposure: internet, owner: IT}
- {id: fw, name: Firewall, category: internal, exposure: internet, owner: IT}
- {id: deb, name: Debian, category: internal, exposure: intranet, owner: IT}
`)},
		"components.csv": {Data: []byte(components)},
		"products.csv":   {Data: []byte(products)},
		"advisories/a.yaml": {Data: []byte(`- id: CVE-2017-5638
  title: Struts RCE
  cvss: {version: "3.1", vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"}
  affected: [{product: "apache:struts", versions: ">=2.3.5 <2.3.32 || >=2.5.0 <2.5.10.1"}]
  exploited: {kev: true, date_added: 2021-11-03, due_date: 2022-05-03}
- id: CVE-2024-3400
  title: PAN-OS
  cvss: {version: "3.1", vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"}
  affected: [{product: "paloaltonetworks:pan-os", versions: ">=10.2.0 <10.2.9-h1 || >=11.0.0 <11.0.4-h1"}]
- id: CVE-2024-3094
  title: xz
  cvss: {version: "3.1", vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"}
  affected: [{product: "tukaani:xz", versions: "=5.6.0 || =5.6.1"}]
`)},
		"lifecycle.yaml": {Data: []byte(`- {product: "microsoft:windows_server_2012", cycle: "r2", eol: 2023-10-10}
- {product: "microsoft:windows_server_2012", cycle: "2012", eol: 2023-10-10}
`)},
	}
}

const schemeProducts = "key,name,aliases,バージョン体系\n" +
	"tukaani:xz,xz,pkg:deb/debian/xz-utils,\n" +
	"acme:router,Router,,junos\n"

func findingsByKey(r *report.Report) map[string]model.Finding {
	out := map[string]model.Finding{}
	for _, f := range r.Findings.All() {
		out[f.Key] = f
	}
	return out
}

// TestSchemesEndToEnd checks the choosing rule and that nothing fails
// open: every component version its scheme cannot read is a warning at
// its cell and a needs-confirmation item for each advisory and end of
// life it could not be compared with.
func TestSchemesEndToEnd(t *testing.T) {
	comps := "system,product,version,scheme\n" +
		"web,apache:struts,N/A,\n" + // 2
		"web,apache:struts,不明,\n" +
		"web,apache:struts,=1.0,\n" +
		"web,apache:struts,2.3.31\u200b,\n" + // 5: normalised, then matched
		"web,apache:struts,２.３.３１,\n" +
		"fw,paloaltonetworks:pan-os,10.2.9,\n" + // 7: panos from the vendor table
		"fw,paloaltonetworks:pan-os,10.2.9-h1,\n" +
		"fw,paloaltonetworks:pan-os,11.0.4,\n" +
		"deb,pkg:deb/debian/xz-utils,5.6.1-1,\n" + // 10: deb from the purl: upstream 5.6.1, 要確認
		"deb,pkg:deb/debian/xz-utils,5.6.1+really5.4.5-1,\n" +
		"deb,microsoft:windows_server_2012,2012 R2,\n" + // 12: a word line
		"deb,microsoft:windows_server_2012,unknown!,\n" +
		"web,apache:struts,2.5.10,maven\n" // 14: a scheme column
	var diags source.Diagnostics
	r, _, err := Analyze(Options{Data: schemeTree(comps, schemeProducts), AsOf: date("2026-11-30")}, &diags, func(string, int) {})
	if err != nil {
		t.Fatal(err)
	}
	var warns []string
	for _, d := range diags.Sorted() {
		if d.Severity == source.Error {
			t.Errorf("unexpected error: %s", d)
		}
		warns = append(warns, d.String())
	}
	all := strings.Join(warns, "\n")
	for _, w := range []string{
		`components.csv:2:19: warning: field "version": "N/A" cannot be read as a generic version`,
		`components.csv:3:19: warning: field "version": "不明" cannot be read`,
		`components.csv:4:19: warning: field "version": "=1.0" cannot be read`,
		`components.csv:5:19: warning: field "version": "2.3.31\u200b" holds invisible or full-width characters (bytes 32 2e 33 2e 33 31 e2 80 8b): read as "2.3.31"`,
		`components.csv:6:19: warning: field "version": "２.３.３１" holds invisible or full-width characters`,
		`components.csv:13:35: warning: field "version": "unknown!" cannot be read`,
	} {
		if !strings.Contains(all, w) {
			t.Errorf("no warning %q in:\n%s", w, all)
		}
	}
	fs := findingsByKey(r)
	type want struct {
		scheme, confirm string
	}
	wants := map[string]want{
		"web/apache:struts@N/A/CVE-2017-5638":                                                  {"generic", model.ConfirmVersion},
		"web/apache:struts@不明/CVE-2017-5638":                                                   {"generic", model.ConfirmVersion},
		"web/apache:struts@=1.0/CVE-2017-5638":                                                 {"generic", model.ConfirmVersion},
		"web/apache:struts@2.3.31/CVE-2017-5638":                                               {"generic", ""},
		"web/apache:struts@2.5.10/CVE-2017-5638":                                               {"maven", ""},
		"fw/paloaltonetworks:pan-os@10.2.9/CVE-2024-3400":                                      {"panos", ""},
		"fw/paloaltonetworks:pan-os@11.0.4/CVE-2024-3400":                                      {"panos", ""},
		"deb/tukaani:xz@5.6.1-1/CVE-2024-3094":                                                 {"generic", model.ConfirmBackport},
		"deb/microsoft:windows_server_2012@2012 R2/EOL-microsoft_windows_server_2012-r2":       {"", ""},
		"deb/microsoft:windows_server_2012@unknown!/EOL-microsoft_windows_server_2012-unknown": {"", model.ConfirmLine},
	}
	for k, w := range wants {
		f, ok := fs[k]
		if !ok {
			t.Errorf("no finding %s", k)
			continue
		}
		if f.Scheme != w.scheme || f.Confirm != w.confirm || f.NeedsConfirmation != (w.confirm != "") {
			t.Errorf("%s: scheme %q confirm %q (%v), want %q %q", k, f.Scheme, f.Confirm, f.NeedsConfirmation, w.scheme, w.confirm)
		}
		if w.confirm != "" && f.Note == "" {
			t.Errorf("%s: no note says what to confirm", k)
		}
	}
	for k := range fs {
		if _, ok := wants[k]; !ok {
			t.Errorf("unexpected finding %s", k)
		}
	}
	// 2.3.31 written with a zero-width space and in full width are one
	// component version once normalised: its finding keeps the KEV P1.
	if f := fs["web/apache:struts@2.3.31/CVE-2017-5638"]; f.Priority != model.P1 || f.Hosts != 0 {
		t.Errorf("normalised 2.3.31: %s, hosts %d", f.Priority, f.Hosts)
	}
	// The method pages' counts.
	got := map[string][2]int{}
	for _, s := range r.Schemes {
		got[s.Scheme] = [2]int{s.Findings, s.Confirm}
	}
	if got["panos"] != [2]int{2, 0} || got["maven"] != [2]int{1, 0} || got["generic"] != [2]int{5, 4} {
		t.Errorf("scheme counts %v", got)
	}
	if !slices.IsSortedFunc(r.Schemes, func(a, b report.SchemeCount) int { return b.Findings - a.Findings }) {
		t.Errorf("scheme counts not sorted: %v", r.Schemes)
	}
}

// TestSchemeColumnErrors rejects an unknown scheme name on its cell, in
// components and products.
func TestSchemeColumnErrors(t *testing.T) {
	comps := "system,product,version,scheme\nweb,apache:struts,2.5.10,dpkg-ish\nweb,apache:tomcat,9.0.30,\n"
	prods := "key,name,scheme\nacme:x,X,nosuch\n"
	var diags source.Diagnostics
	if _, _, err := Analyze(Options{Data: schemeTree(comps, prods), AsOf: date("2026-11-30")}, &diags, func(string, int) {}); err != nil {
		t.Fatal(err)
	}
	var errs []string
	for _, d := range diags.Sorted() {
		if d.Severity == source.Error {
			errs = append(errs, d.String())
		}
	}
	all := strings.Join(errs, "\n")
	for _, w := range []string{`components.csv:2:26: error: field "scheme": unknown version scheme "dpkg-ish": expected one of apk, `,
		`products.csv:2:10: error: field "scheme": unknown version scheme "nosuch"`} {
		if !strings.Contains(all, w) {
			t.Errorf("no error %q in:\n%s", w, all)
		}
	}
}
