package match

import (
	"strings"
	"testing"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/version"
	"vulnreport/generator/internal/vuln"
)

// aff is an affected entry with its generic reading, as decoders make it.
func aff(key, versions string) advisory.Affected {
	a := advisory.Affected{Key: key, Versions: versions}
	if r, err := version.ParseRange(versions); err == nil {
		a.Range = r
	}
	return a
}

func schemed(sys, product, key, ver, sch string) inventory.Component {
	return inventory.Flat{System: sys, Product: product, Key: key, Version: ver, Scheme: sch, Pos: source.Pos{File: "c.csv", Line: 2}}.Component()
}

type outcomeWant struct {
	scheme, confirm string
}

func run(t *testing.T, vulns []vuln.Vulnerability, comps []inventory.Component) map[string]model.Finding {
	t.Helper()
	res := Match(comps, vulns, nil)
	out := map[string]model.Finding{}
	for _, f := range res.Findings(comps, vulns) {
		if _, dup := out[f.Key]; dup {
			t.Errorf("duplicate finding %s", f.Key)
		}
		out[f.Key] = f
	}
	return out
}

func check(t *testing.T, got map[string]model.Finding, want map[string]outcomeWant) {
	t.Helper()
	for k, w := range want {
		f, ok := got[k]
		if !ok {
			t.Errorf("no finding %s", k)
			continue
		}
		if f.Scheme != w.scheme || f.Confirm != w.confirm || f.NeedsConfirmation != (w.confirm != "") {
			t.Errorf("%s: scheme %q confirm %q, want %q %q (%s; %s)", k, f.Scheme, f.Confirm, w.scheme, w.confirm, f.Clause, f.Note)
		}
	}
	for k, f := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected finding %s (%s %s; %s)", k, f.Scheme, f.Clause, f.Note)
		}
	}
}

// TestDistributionAdvisories: a distribution's advisory decides its own
// packages in its ordering, with the upstream match beside it; packages
// it does not speak for are compared on their upstream version and need
// confirmation; its "not affected" is never a finding.
func TestDistributionAdvisories(t *testing.T) {
	deb := aff("tukaani:xz", "<5.6.1+really5.4.5-1")
	deb.Scheme, deb.Distro = "deb", "Debian:12"
	na := aff("tukaani:xz", "*")
	na.Scheme, na.Distro, na.NotAffected = "rpm", "Red Hat", true
	up := aff("tukaani:xz", "=5.6.0 || =5.6.1")
	v := vuln.Vulnerability{Advisory: advisory.Advisory{ID: "CVE-2024-3094", Affected: []advisory.Affected{up, deb, na}}, IDs: []string{"CVE-2024-3094"}}
	comps := []inventory.Component{
		schemed("d12", "pkg:deb/debian/xz-utils?distro=debian-12", "tukaani:xz", "5.6.1-1", "deb"),
		schemed("d12", "pkg:deb/debian/xz-utils?distro=debian-12", "tukaani:xz", "5.6.1+really5.4.5-1", "deb"),
		schemed("d12", "pkg:deb/debian/xz-utils?distro=debian-12", "tukaani:xz", "5.4.1-0.2", "deb"), // below the fix: affected per Debian's range
		schemed("d11", "pkg:deb/debian/xz-utils?distro=debian-11", "tukaani:xz", "5.6.1-1", "deb"),   // another release: upstream, 要確認
		schemed("u", "pkg:deb/ubuntu/xz-utils", "tukaani:xz", "5.6.0-0ubuntu1", "deb"),               // another distribution
		schemed("nodistro", "tukaani:xz", "tukaani:xz", "5.6.1-1", "deb"),                            // distribution unknown
		schemed("rh", "pkg:rpm/redhat/xz", "tukaani:xz", "5.6.0-1.el9", "rpm"),                       // Red Hat: not affected
		schemed("fc", "pkg:rpm/fedora/xz", "tukaani:xz", "5.6.0-1.fc40", "rpm"),
		schemed("fc", "pkg:rpm/fedora/xz", "tukaani:xz", "1:5.4.6-1.fc40", "rpm"),
		schemed("src", "tukaani:xz", "tukaani:xz", "5.6.1", ""),
	}
	got := run(t, []vuln.Vulnerability{v}, comps)
	check(t, got, map[string]outcomeWant{
		"d12/tukaani:xz@5.6.1-1/CVE-2024-3094":      {"deb", ""},
		"d12/tukaani:xz@5.4.1-0.2/CVE-2024-3094":    {"deb", ""},
		"d11/tukaani:xz@5.6.1-1/CVE-2024-3094":      {"generic", model.ConfirmBackport},
		"u/tukaani:xz@5.6.0-0ubuntu1/CVE-2024-3094": {"generic", model.ConfirmBackport},
		"nodistro/tukaani:xz@5.6.1-1/CVE-2024-3094": {"generic", model.ConfirmBackport},
		"fc/tukaani:xz@5.6.0-1.fc40/CVE-2024-3094":  {"generic", model.ConfirmBackport},
		"src/tukaani:xz@5.6.1/CVE-2024-3094":        {"generic", ""},
	})
	if n := got["d12/tukaani:xz@5.6.1-1/CVE-2024-3094"].Note; n != "upstream: tukaani:xz =5.6.1" {
		t.Errorf("the upstream match beside Debian's decision: %q", n)
	}
	if f := got["d12/tukaani:xz@5.6.1-1/CVE-2024-3094"]; f.FixTarget != "5.6.1+really5.4.5-1" {
		t.Errorf("fix target %q, want Debian's fixed version", f.FixTarget)
	}
	if f := got["fc/tukaani:xz@5.6.0-1.fc40/CVE-2024-3094"]; f.FixTarget != "" {
		t.Errorf("an upstream bound is no fix target for a package: %q", f.FixTarget)
	}
}

// TestRangeReadClauseByClause: a clause the scheme cannot read makes a
// version outside every readable clause a 要確認 item, unless another
// range of the product read whole rules it out.
func TestRangeReadClauseByClause(t *testing.T) {
	adp := aff("paloaltonetworks:pan-os", ">=8.1.0 <8.1.23-h || >=9.0.0 <9.0.16-h3")
	cna := aff("paloaltonetworks:pan-os", ">=8.1 <8.1.23-h1 || >=9.0 <9.0.16-h3")
	only := vuln.Vulnerability{Advisory: advisory.Advisory{ID: "A", Affected: []advisory.Affected{adp}}, IDs: []string{"A"}}
	both := vuln.Vulnerability{Advisory: advisory.Advisory{ID: "B", Affected: []advisory.Affected{adp, cna}}, IDs: []string{"B"}}
	var comps []inventory.Component
	for _, v := range []string{"9.0.16-h2", "9.0.16-h3", "8.1.23", "8.1.23-h1", "10.0.1"} {
		comps = append(comps, schemed("fw", "paloaltonetworks:pan-os", "paloaltonetworks:pan-os", v, "panos"))
	}
	got := run(t, []vuln.Vulnerability{only, both}, comps)
	check(t, got, map[string]outcomeWant{
		"fw/paloaltonetworks:pan-os@9.0.16-h2/A": {"panos", ""},
		"fw/paloaltonetworks:pan-os@9.0.16-h3/A": {"panos", model.ConfirmRange},
		"fw/paloaltonetworks:pan-os@8.1.23/A":    {"panos", model.ConfirmRange},
		"fw/paloaltonetworks:pan-os@8.1.23-h1/A": {"panos", model.ConfirmRange},
		"fw/paloaltonetworks:pan-os@10.0.1/A":    {"panos", model.ConfirmRange},
		"fw/paloaltonetworks:pan-os@9.0.16-h2/B": {"panos", ""},
		"fw/paloaltonetworks:pan-os@8.1.23/B":    {"panos", ""},
	})
}

// TestSchemeChoice: the component's scheme wins; without one, the range's
// own scheme (CVE 5 versionType), else generic.
func TestSchemeChoice(t *testing.T) {
	mv := aff("p", "<2.0.0")
	mv.Scheme = "maven"
	v := vuln.Vulnerability{Advisory: advisory.Advisory{ID: "V", Affected: []advisory.Affected{mv}}, IDs: []string{"V"}}
	comps := []inventory.Component{
		schemed("a", "p", "p", "2.0.0-SNAPSHOT", ""),       // maven: a snapshot is before 2.0.0
		schemed("b", "p", "p", "2.0.0-SNAPSHOT", "semver"), // semver: a pre-release is before 2.0.0 too
		schemed("c", "p", "p", "1.9.0.1", "semver"),        // semver cannot read four numbers: 要確認
	}
	check(t, run(t, []vuln.Vulnerability{v}, comps), map[string]outcomeWant{
		"a/p@2.0.0-SNAPSHOT/V": {"maven", ""},
		"b/p@2.0.0-SNAPSHOT/V": {"semver", ""},
		"c/p@1.9.0.1/V":        {"semver", model.ConfirmVersion},
	})
}

func TestUpstreamAndDistro(t *testing.T) {
	for _, tc := range []struct{ scheme, in, want string }{
		{"deb", "5.6.1+really5.4.5-1", "5.4.5"},
		{"deb", "2:4.15.5~dfsg-0ubuntu5", "4.15.5"},
		{"deb", "5.6.1-1", "5.6.1"},
		{"rpm", "1:5.6.1-2.fc40", "5.6.1"},
		{"apk", "1.1.1w-r0", "1.1.1w"},
		{"deb", "not a version!-1", "not a version!"},
	} {
		if got := upstreamVersion(tc.scheme, tc.in); got != tc.want {
			t.Errorf("upstreamVersion(%s, %q) = %q, want %q", tc.scheme, tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ product, want string }{
		{"pkg:deb/debian/xz-utils@5.6.1-1?arch=amd64&distro=debian-12", "debian:12"},
		{"pkg:deb/debian/xz-utils?distro=bookworm", "debian"},
		{"pkg:rpm/rocky-linux/xz?distro=el9", "rocky:9"},
		{"pkg:rpm/redhat/xz", "redhat"},
		{"pkg:npm/lodash", ""},
		{"tukaani:xz", ""},
	} {
		if got := componentDistro(tc.product); got != tc.want {
			t.Errorf("componentDistro(%q) = %q, want %q", tc.product, got, tc.want)
		}
	}
	for _, tc := range []struct {
		comp, distro string
		want         bool
	}{
		{"debian:12", "Debian:12", true}, {"debian", "Debian:12", true}, {"debian:11", "Debian:12", false},
		{"ubuntu:22.04", "Ubuntu:22.04:LTS", true}, {"rocky:9", "Rocky Linux:9", true}, {"redhat:9", "Red Hat", true},
		{"", "Debian:12", false}, {"ubuntu", "Debian:12", false},
		{"redhat:9", "Red Hat:rhel_eus:9.2::appstream", true}, {"redhat:9.2", "Red Hat:rhel_eus:9.0::appstream", false},
		{"redhat:8", "Red Hat:rhel_eus:9.2::appstream", false}, {"redhat:9", "Red Hat:rhel_eus:92", false},
	} {
		fam, _, _ := strings.Cut(tc.comp, ":")
		sch := distroScheme(fam)
		if got := distroApplies(sch, tc.comp, sch, tc.distro); got != tc.want {
			t.Errorf("distroApplies(%q, %q) = %v", tc.comp, tc.distro, got)
		}
	}
}
