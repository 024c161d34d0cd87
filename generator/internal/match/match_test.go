package match

import (
	"testing"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/version"
	"vulnreport/generator/internal/vuln"
)

func vul(id, fixed string, affected ...[2]string) vuln.Vulnerability {
	v := vuln.Vulnerability{Advisory: advisory.Advisory{ID: id, Fixed: fixed}, IDs: []string{id}}
	for _, a := range affected {
		r, err := version.ParseRange(a[1])
		if err != nil {
			panic(err)
		}
		v.Affected = append(v.Affected, advisory.Affected{Key: a[0], Versions: a[1], Range: r})
	}
	return v
}

func comp(sys, key, ver string, patches ...string) inventory.Component {
	return inventory.Flat{System: sys, Key: key, Version: ver, Patches: patches, Pos: source.Pos{File: "c.csv", Line: 2}}.Component()
}

func TestMatch(t *testing.T) {
	vulns := []vuln.Vulnerability{
		vul("CVE-2017-5638", "2.3.32, 2.5.10.1", [2]string{"apache:struts", ">=2.3.5 <2.3.32 || >=2.5.0 <2.5.10.1"}),
		vul("CVE-2021-34527", "KB5004945", [2]string{"microsoft:windows_10", "*"}),
		vul("CVE-X", "", [2]string{"openssl:openssl", "<1.0.2l"}),
	}
	comps := []inventory.Component{
		comp("web", "apache:struts", "2.5.10"),
		comp("web2", "apache:struts", "2.5.10"),   // same pair: matched once, two findings
		comp("web3", "apache:struts", "2.5.10.1"), // fixed
		comp("old", "apache:struts", "2.3.31"),    // first clause
		comp("pc", "microsoft:windows_10", "10.0.19045"),
		comp("pc2", "microsoft:windows_10", "10.0.19045", "kb5004945"), // patched
		comp("db", "openssl:openssl", "1.0.2k"),
		comp("db2", "openssl:openssl", "not a version!"),
		comp("app", "acme:inhouse", "1.0"),
		comp("app2", "known:lifecycle-only", "1.0"),
	}
	res := Match(comps, vulns, func(k string) bool { return k == "known:lifecycle-only" })
	got := map[string]string{}
	findings := res.Findings(comps, vulns)
	for _, f := range findings {
		got[f.Key] = f.Clause + "|" + f.FixTarget
	}
	want := map[string]string{
		"web/apache:struts@2.5.10/CVE-2017-5638":            "apache:struts >=2.5.0 <2.5.10.1|2.5.10.1",
		"web2/apache:struts@2.5.10/CVE-2017-5638":           "apache:struts >=2.5.0 <2.5.10.1|2.5.10.1",
		"old/apache:struts@2.3.31/CVE-2017-5638":            "apache:struts >=2.3.5 <2.3.32|2.3.32",
		"pc/microsoft:windows_10@10.0.19045/CVE-2021-34527": "microsoft:windows_10 *|",
		"db/openssl:openssl@1.0.2k/CVE-X":                   "openssl:openssl <1.0.2l|1.0.2l",
		// an unreadable version is never silently unmatched: 要確認
		"db2/openssl:openssl@not a version!/CVE-X": "openssl:openssl <1.0.2l|",
	}
	if len(got) != len(want) {
		t.Errorf("got %d findings, want %d: %v", len(got), len(want), got)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: %q, want %q", k, got[k], w)
		}
	}
	for _, f := range findings {
		unreadable := f.System == "db2"
		if f.NeedsConfirmation != unreadable || (f.Confirm == "version_unreadable") != unreadable || unreadable && f.Note == "" {
			t.Errorf("%s: needs confirmation %v (%q, %q)", f.Key, f.NeedsConfirmation, f.Confirm, f.Note)
		}
		if f.Scheme != "generic" {
			t.Errorf("%s: scheme %q, want generic", f.Key, f.Scheme)
		}
	}
	if res.Patched != 1 {
		t.Errorf("patched = %d, want 1", res.Patched)
	}
	if len(res.Unmatched) != 1 || res.Unmatched[0].Key != "acme:inhouse" {
		t.Errorf("unmatched = %+v", res.Unmatched)
	}
	if len(res.BadVersions) != 1 || res.BadVersions[0].System != "db2" {
		t.Errorf("bad versions = %+v", res.BadVersions)
	}
	for i := 1; i < len(findings); i++ {
		if findings[i-1].Key >= findings[i].Key {
			t.Error("findings not sorted by key")
		}
	}
}

func TestPatchedBy(t *testing.T) {
	cases := []struct {
		patches []string
		fixed   string
		want    bool
	}{
		{[]string{"KB5004945"}, "KB5004945 (2021-07-06)", true},
		{[]string{"KB500494"}, "KB5004945", false},
		{[]string{"kb5004945"}, "apply KB5004945", true},
		{nil, "KB5004945", false},
		{[]string{"KB1"}, "", false},
	}
	for _, tc := range cases {
		if got := patchedBy(tc.patches, tc.fixed); got != tc.want {
			t.Errorf("patchedBy(%v, %q) = %v", tc.patches, tc.fixed, got)
		}
	}
}

// TestMatchOrderAndGrouping covers what the grouping must get right: keys
// in string order even where ids are prefixes of one another or contain a
// slash, rows of one system merged with their hosts added, patched rows
// left out, and a vulnerability listing the product twice found once.
func TestMatchOrderAndGrouping(t *testing.T) {
	vulns := []vuln.Vulnerability{
		vul("zzz-1", "", [2]string{"k", "*"}),
		vul("CVE-2", "P-9", [2]string{"k", "<2"}, [2]string{"k", "<3"}, [2]string{"pkg:npm/a", "*"}),
	}
	row := func(sys, key, ver string, hosts int, patches ...string) inventory.Component {
		c := comp(sys, key, ver, patches...)
		c.Hosts = hosts
		return c
	}
	comps := []inventory.Component{
		row("a", "k", "1", 1),
		row("a-b", "k", "1", 2),
		row("a", "k", "1/x", 4), // pv "k@1/" is a prefix of "k@1/x/": needs the order check
		row("a", "k", "1", 8),   // same system and pair as the first: hosts add up
		row("m", "k", "1", 16, "P-9"),
		row("m", "k", "1", 32), // not patched: the finding takes this row
		row("n", "pkg:npm/a", "1", 64),
	}
	comps[3].Pos.Line = 5
	comps[5].Pos.Line = 7
	res := Match(comps, vulns, nil)
	fs := res.Findings(comps, vulns)
	type want struct {
		key   string
		hosts int
		at    string
	}
	wants := []want{
		{"a-b/k@1/CVE-2", 2, "c.csv:2"},
		{"a-b/k@1/zzz-1", 2, "c.csv:2"},
		{"a/k@1/CVE-2", 9, "c.csv:2"},
		{"a/k@1/x/CVE-2", 4, "c.csv:2"}, // an unreadable version: 要確認 against ranges
		{"a/k@1/x/zzz-1", 4, "c.csv:2"}, // … and "*" matches
		{"a/k@1/zzz-1", 9, "c.csv:2"},
		{"m/k@1/CVE-2", 32, "c.csv:7"},
		{"m/k@1/zzz-1", 48, "c.csv:2"},
		{"n/pkg:npm/a@1/CVE-2", 64, "c.csv:2"},
	}
	if len(fs) != len(wants) {
		var keys []string
		for _, f := range fs {
			keys = append(keys, f.Key)
		}
		t.Fatalf("got %d findings, want %d: %q", len(fs), len(wants), keys)
	}
	for i, w := range wants {
		f := fs[i]
		if f.Key != w.key || f.Hosts != w.hosts || f.ComponentAt != w.at {
			t.Errorf("finding %d = %s (%d hosts at %s), want %s (%d hosts at %s)", i, f.Key, f.Hosts, f.ComponentAt, w.key, w.hosts, w.at)
		}
	}
	if res.Patched != 1 {
		t.Errorf("patched = %d, want 1", res.Patched)
	}
	if len(res.BadVersions) != 1 || res.BadVersions[0].Version != "1/x" {
		t.Errorf("bad versions = %+v", res.BadVersions)
	}
	if fs[0].Clause != "k <2" || fs[0].FixTarget != "2" {
		t.Errorf("the first clause list that matches must be the one kept: %q, fix %q", fs[0].Clause, fs[0].FixTarget)
	}
}
