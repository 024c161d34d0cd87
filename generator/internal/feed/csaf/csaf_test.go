package csaf

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/feed/internal/feedtest"
	"vulnreport/generator/internal/feed/internal/realdata"
	"vulnreport/generator/internal/source"
)

// minimal is a CSAF document in Red Hat's shape: a platform, a package in
// two builds, a relationship for each, and one vulnerability.
const minimal = `{
 "document": {"category": "csaf_security_advisory", "csaf_version": "2.0", "title": "Important: bind security update",
  "tracking": {"id": "RHSA-2099:0001", "status": "final", "initial_release_date": "2099-01-02T00:00:00+00:00", "current_release_date": "2099-01-03T00:00:00+00:00"},
  "references": [{"category": "self", "url": "https://access.redhat.com/errata/RHSA-2099:0001"}]},
 "product_tree": {"branches": [{"category": "vendor", "name": "Red Hat", "branches": [
   {"category": "product_name", "name": "RHEL 9", "product": {"name": "RHEL 9", "product_id": "BaseOS-9", "product_identification_helper": {"cpe": "cpe:/o:redhat:enterprise_linux:9::baseos"}}},
   {"category": "product_version", "name": "bind-32:9.16.23-18.el9.x86_64", "product": {"name": "bind-32:9.16.23-18.el9.x86_64", "product_id": "bind-32:9.16.23-18.el9.x86_64", "product_identification_helper": {"purl": "pkg:rpm/redhat/bind@9.16.23-18.el9?arch=x86_64&epoch=32"}}},
   {"category": "product_version", "name": "bind-libs-32:9.16.23-18.el9.x86_64", "product": {"name": "bind-libs-32:9.16.23-18.el9.x86_64", "product_id": "bind-libs-32:9.16.23-18.el9.x86_64"}},
   {"category": "product_version", "name": "bind-doc", "product": {"name": "bind-doc", "product_id": "bind-doc"}}]}],
  "relationships": [
   {"category": "default_component_of", "full_product_name": {"name": "bind on RHEL 9", "product_id": "BaseOS-9:bind-32:9.16.23-18.el9.x86_64"}, "product_reference": "bind-32:9.16.23-18.el9.x86_64", "relates_to_product_reference": "BaseOS-9"},
   {"category": "default_component_of", "full_product_name": {"name": "bind-libs on RHEL 9", "product_id": "BaseOS-9:bind-libs-32:9.16.23-18.el9.x86_64"}, "product_reference": "bind-libs-32:9.16.23-18.el9.x86_64", "relates_to_product_reference": "BaseOS-9"},
   {"category": "default_component_of", "full_product_name": {"name": "bind-doc on RHEL 9", "product_id": "BaseOS-9:bind-doc"}, "product_reference": "bind-doc", "relates_to_product_reference": "BaseOS-9"}]},
 "vulnerabilities": [
  {"cve": "CVE-2099-0001", "title": "bind: a flaw", "cwe": {"id": "CWE-400", "name": "x"},
   "notes": [{"category": "description", "text": "A flaw was found in bind."}],
   "release_date": "2099-01-01T00:00:00+00:00",
   "product_status": {"fixed": ["BaseOS-9:bind-32:9.16.23-18.el9.x86_64", "BaseOS-9:bind-libs-32:9.16.23-18.el9.x86_64"], "known_not_affected": ["BaseOS-9:bind-doc"], "known_affected": ["Nowhere:ghost"]},
   "remediations": [{"category": "workaround", "details": "Disable recursion.", "product_ids": []}],
   "scores": [{"cvss_v3": {"version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", "baseScore": 7.5}, "products": []}]}
 ]}`

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

func byKey(a advisory.Advisory) map[string]advisory.Affected {
	out := map[string]advisory.Affected{}
	for _, af := range a.Affected {
		out[af.Key+"|"+af.Distro] = af
	}
	return out
}

func TestConversion(t *testing.T) {
	res, diags := parse(t, "feeds/csaf/rhsa.json", []byte(minimal))
	if res.Read != 1 || res.Accepted != 1 || res.Info.Version != "CSAF 2.0" || res.Info.Date != "2099-01-03" {
		t.Fatalf("read %d accepted %d info %+v", res.Read, res.Accepted, res.Info)
	}
	a := res.Advisories[0]
	if a.ID != "CVE-2099-0001" || len(a.Aliases) != 0 || a.Source != "csaf" || a.Title.EN != "bind: a flaw" ||
		a.Summary.EN != "A flaw was found in bind." || a.CVSS == nil || a.CVSS.Score != 7.5 || !slices.Equal(a.CWE, []string{"CWE-400"}) ||
		a.Workaround.EN != "Disable recursion." || a.Published.Format(source.DateLayout) != "2099-01-01" || a.Pos.Line != 15 {
		t.Errorf("advisory %+v", a)
	}
	if !slices.Contains(a.References, "https://access.redhat.com/errata/RHSA-2099:0001") {
		t.Errorf("references %v", a.References)
	}
	got := byKey(a)
	const d = "Red Hat:enterprise_linux:9::baseos"
	bind := got["pkg:rpm/redhat/bind|"+d]
	if bind.Versions != "<32:9.16.23-18.el9" || bind.Scheme != "rpm" || bind.DistroAdvisory != "RHSA-2099:0001" || !slices.Equal(bind.Fixed, []string{"32:9.16.23-18.el9"}) {
		t.Errorf("bind (from the purl, epoch qualifier): %+v", bind)
	}
	if libs := got["pkg:rpm/redhat/bind-libs|"+d]; libs.Versions != "<32:9.16.23-18.el9" {
		t.Errorf("bind-libs (from the product id): %+v", libs)
	}
	if doc := got["pkg:rpm/redhat/bind-doc|"+d]; !doc.NotAffected || doc.Versions != "*" || len(doc.Range.Clauses) != 0 {
		t.Errorf("bind-doc not affected: %+v", doc)
	}
	if a.Fixed != "RHSA-2099:0001: 32:9.16.23-18.el9 (bind, bind-libs)" {
		t.Errorf("fixed %q", a.Fixed)
	}
	if len(got) != 3 {
		t.Errorf("affected %+v", a.Affected)
	}
	var warned bool
	for _, x := range diags.Sorted() {
		warned = warned || strings.Contains(x.Msg, `1 product id(s) the product tree does not resolve to a package, e.g. "Nowhere:ghost"`)
	}
	if !warned {
		t.Errorf("unresolved product not reported: %v", diags.Sorted())
	}
}

func TestStatuses(t *testing.T) {
	tests := []struct {
		name, status string
		want         string // versions, "free:…" or "none"
	}{
		{"affected, no fix", `"known_affected": ["BaseOS-9:bind-32:9.16.23-18.el9.x86_64"]`, "*"},
		{"fixed wins over not affected", `"known_not_affected": ["BaseOS-9:bind-32:9.16.23-18.el9.x86_64"], "fixed": ["BaseOS-9:bind-32:9.16.23-18.el9.x86_64"]`, "<32:9.16.23-18.el9"},
		{"under investigation", `"under_investigation": ["BaseOS-9:bind-32:9.16.23-18.el9.x86_64"]`, "free:under investigation by the vendor (RHSA-2099:0001)"},
		{"not affected", `"known_not_affected": ["BaseOS-9:bind-32:9.16.23-18.el9.x86_64"]`, "none"},
		{"fixed version that is no rpm version", `"fixed": ["BaseOS-9:bind-0:1.0 beta-1.el9.x86_64"]`, "free:fixed in RHSA-2099:0001 in 1.0 beta-1.el9, which is not an rpm version"},
		{"fixed without a version", `"fixed": ["BaseOS-9:bind-doc"]`, "free:fixed in RHSA-2099:0001 (the product names no version)"},
	}
	start := strings.Index(minimal, `"product_status": {`)
	end := strings.Index(minimal, `"remediations"`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := minimal[:start] + `"product_status": {` + tt.status + `},` + "\n   " + minimal[end:]
			res, _ := parse(t, "s.json", []byte(doc))
			afs := res.Advisories[0].Affected
			if len(afs) != 1 {
				t.Fatalf("affected %+v", afs)
			}
			af := afs[0]
			if !strings.HasPrefix(af.Key, "pkg:rpm/redhat/bind") || af.Distro != "Red Hat:enterprise_linux:9::baseos" {
				t.Errorf("key %q distro %q", af.Key, af.Distro)
			}
			got := af.Versions
			switch {
			case af.FreeText != "":
				got = "free:" + af.FreeText
			case af.NotAffected:
				got = "none"
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMalformed(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"truncated", "{\n \"document\": {\"csaf_version\": \"2.0\"},\n \"vulnerabilities\": [\n  {\"cve\": \"CVE-2", "at 4:17: unexpected end of file"},
		{"not an object", `[1]`, "not a JSON object"},
		{"no document", `{"vulnerabilities": []}`, `no "document"`},
		{"wrong type", `{"document": {"csaf_version": 2}}`, `"document": field "csaf_version" holds a number`},
		{"csaf 1", `{"document": {"csaf_version": "1.0"}}`, `csaf_version "1.0"`},
		{"vulnerabilities not an array", `{"document": {"csaf_version": "2.0"}, "vulnerabilities": {}}`, "at 1:58: found an object where an array"},
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
	data := `{"document": {"csaf_version": "2.0", "tracking": {"id": "RHSA-2099:0002"}},
 "vulnerabilities": [
  {"cve": "CVE-2099-0001", "product_status": {"known_affected": ["bind-0:1.0-1.el9.x86_64"]}},
  {"cve": "CVE-2099-0002"},
  {"cve": "NOT-A-CVE", "product_status": {"fixed": ["x"]}},
  {"cve": "CVE-2099-0004", "product_status": {"fixed": "bind"}},
  42
 ]}`
	res, diags := parse(t, "r.json", []byte(data))
	if res.Read != 5 || res.Accepted != 1 || res.Rejected != 4 {
		t.Fatalf("read %d accepted %d rejected %d", res.Read, res.Accepted, res.Rejected)
	}
	for i, r := range res.Rejections {
		if r.Pos.Line != i+4 {
			t.Errorf("rejection %d at %v, want line %d: %v", i, r.Pos, i+4, r.Reasons)
		}
	}
	if af := res.Advisories[0].Affected; len(af) != 1 || af[0].Key != "pkg:rpm/redhat/bind" || af[0].Distro != "Red Hat" || af[0].Versions != "*" {
		t.Errorf("product without relationship: %+v", af)
	}
	if diags.Count(source.Error) != 4 {
		t.Errorf("%d errors", diags.Count(source.Error))
	}
}

// TestRealData reads the five real Red Hat advisories.
func TestRealData(t *testing.T) {
	files := realdata.Files(t, "csaf-redhat", ".json")
	results := map[string]feed.Result{}
	total := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res, diags := parse(t, "feeds/csaf/"+filepath.Base(f), data)
		if res.Rejected != 0 || diags.Count(source.Error) != 0 {
			t.Errorf("%s: %d rejected: %v", f, res.Rejected, diags.Sorted())
		}
		for _, x := range diags.Sorted() {
			if strings.Contains(x.Msg, "does not resolve") {
				t.Errorf("%s: %v", f, x)
			}
		}
		results[filepath.Base(f)] = res
		total += res.Read
	}
	if len(files) != 5 || total != 3+3+1+1+2 {
		t.Errorf("%d files, %d vulnerabilities", len(files), total)
	}
	sudo := results["rhsa-2024_0811.json"]
	if sudo.Info.Date != "2025-09-10" || sudo.Info.Version != "CSAF 2.0" {
		t.Errorf("sudo info %+v", sudo.Info)
	}
	var a advisory.Advisory
	for _, x := range sudo.Advisories {
		if x.ID == "CVE-2023-28486" {
			a = x
		}
	}
	got := byKey(a)
	if af := got["pkg:rpm/redhat/sudo|Red Hat:rhel_eus:9.0::appstream"]; af.Versions != "<1.9.5p2-7.el9_0.4" || af.DistroAdvisory != "RHSA-2024:0811" {
		t.Errorf("sudo on RHEL 9.0 EUS: %+v", af)
	}
	if a.Fixed != "RHSA-2024:0811: 1.9.5p2-7.el9_0.4 (sudo, sudo-python-plugin); 1.9.5p2-9.el9_2.2 (sudo, sudo-python-plugin); 1.9.5p2-10.el9_3 (sudo, sudo-python-plugin); 1.9.5p2-1.el8_6 (sudo); 1.9.5p2-1.el8_8 (sudo); 1.9.5p2-1.el8_9 (sudo)" {
		t.Errorf("sudo fixed text %q", a.Fixed)
	}
	if a.CVSS == nil || a.CVSS.Score != 5.3 || !slices.Equal(a.CWE, []string{"CWE-117"}) || a.Title.EN != "sudo: Sudo does not escape control characters in log messages" {
		t.Errorf("sudo CVE-2023-28486: %+v %v %q", a.CVSS, a.CWE, a.Title.EN)
	}
	bind := results["rhsa-2025_23414.json"].Advisories[0]
	bk := byKey(bind)
	if af := bk["pkg:rpm/redhat/bind|Red Hat:rhel_els:6"]; af.Versions != "<32:9.8.2-0.68.rc1.el6_10.17" || af.NotAffected {
		t.Errorf("bind (fixed binary beside a not-affected source package): %+v", af)
	}
	if af := bk["pkg:rpm/redhat/bind-chroot|Red Hat:rhel_els:6"]; !af.NotAffected {
		t.Errorf("bind-chroot known_not_affected: %+v", af)
	}
	py := results["rhsa-2024_6163.json"].Advisories[0]
	if py.ID != "CVE-2024-8088" || len(py.Affected) != 3 {
		t.Errorf("python3.9: %s %+v", py.ID, py.Affected)
	}
	for _, af := range py.Affected {
		if af.Key != "pkg:rpm/redhat/python3.9" || af.Versions != "<3.9.18-3.el9_4.5" || !strings.HasPrefix(af.Distro, "Red Hat:enterprise_linux:9::") {
			t.Errorf("python3.9 %+v", af)
		}
	}
}
