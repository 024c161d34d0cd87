package osv

import (
	"slices"
	"strings"
	"testing"

	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/version/scheme"
)

func TestRanges(t *testing.T) {
	tests := []struct {
		name, affected string
		// want maps key|distro to versions, or "free:" + text
		want  map[string]string
		fixed []string
	}{
		{"debian revisions and epochs", `{"package": {"ecosystem": "Debian:12", "name": "xz-utils"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "5.6.0-0.1"}, {"fixed": "5.6.1+really5.4.5-1"}]}]}`,
			map[string]string{"pkg:deb/debian/xz-utils|Debian:12": ">=5.6.0-0.1 <5.6.1+really5.4.5-1"}, []string{"5.6.1+really5.4.5-1"}},
		{"several intervals, last_affected, limit", `{"package": {"ecosystem": "npm", "name": "@Scope/Pkg"}, "ranges": [{"type": "SEMVER", "events": [{"introduced": "1.0.0"}, {"fixed": "1.4.2"}, {"introduced": "2.0.0-rc.1"}, {"last_affected": "2.3.0"}, {"introduced": "3.0.0"}, {"limit": "3.9.0"}]}]}`,
			map[string]string{"pkg:npm/@scope/pkg|": ">=1.0.0 <1.4.2 || >=2.0.0-rc.1 <=2.3.0 || >=3.0.0 <3.9.0"}, []string{"1.4.2"}},
		{"introduced 0 without fix is every version", `{"package": {"ecosystem": "Ubuntu:22.04:LTS", "name": "linux"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}]}]}`,
			map[string]string{"pkg:deb/ubuntu/linux|Ubuntu:22.04:LTS": "*"}, nil},
		{"rpm epoch", `{"package": {"ecosystem": "AlmaLinux:9", "name": "bind"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "32:9.16.23-18.el9_4.1"}]}]}`,
			map[string]string{"pkg:rpm/almalinux/bind|AlmaLinux:9": "<32:9.16.23-18.el9_4.1"}, []string{"32:9.16.23-18.el9_4.1"}},
		{"pypi name normalised", `{"package": {"ecosystem": "PyPI", "name": "Foo_Bar.baz"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.0.post1"}]}]}`,
			map[string]string{"pkg:pypi/foo-bar-baz|": "<1.0.post1"}, []string{"1.0.post1"}},
		{"go module", `{"package": {"ecosystem": "Go", "name": "golang.org/x/net"}, "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "0.23.0"}]}]}`,
			map[string]string{"pkg:golang/golang.org/x/net|": "<0.23.0"}, []string{"0.23.0"}},
		{"git range skipped, versions used", `{"package": {"ecosystem": "crates.io", "name": "foo"}, "ranges": [{"type": "GIT", "repo": "https://x", "events": [{"introduced": "abc"}, {"fixed": "def"}]}], "versions": ["0.1.0", "0.1.1"]}`,
			map[string]string{"pkg:cargo/foo|": "=0.1.0 || =0.1.1"}, nil},
		{"git range only", `{"package": {"ecosystem": "Go", "name": "example.com/m"}, "ranges": [{"type": "GIT", "events": [{"introduced": "abc"}]}]}`,
			map[string]string{"pkg:golang/example.com/m|": "free:no ECOSYSTEM or SEMVER range and no versions listed"}, nil},
		{"text that is no version", `{"package": {"ecosystem": "Debian:11", "name": "x"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "see notes <2"}]}]}`,
			map[string]string{"pkg:deb/debian/x|Debian:11": "free:fixed see notes <2"}, nil},
		{"unknown ecosystem keyed by purl", `{"package": {"ecosystem": "Hackage", "name": "aeson", "purl": "pkg:hackage/aeson"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.0.3.0"}]}]}`,
			map[string]string{"pkg:hackage/aeson|": "<2.0.3.0"}, []string{"2.0.3.0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := `{"id": "T-1", "aliases": ["CVE-2099-0001"], "affected": [` + tt.affected + `]}`
			res, _ := parse(t, "t.json", []byte(data))
			a := res.Advisories[0]
			got := map[string]string{}
			var fixed []string
			for _, af := range a.Affected {
				k := af.Key + "|" + af.Distro
				if af.FreeText != "" {
					got[k] = "free:" + af.FreeText
				} else {
					got[k] = af.Versions
				}
				fixed = append(fixed, af.Fixed...)
			}
			if len(got) != len(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("%s: got %q, want %q", k, got[k], v)
				}
			}
			if !slices.Equal(fixed, tt.fixed) {
				t.Errorf("fixed %v, want %v", fixed, tt.fixed)
			}
		})
	}
}

func TestGITRangesCounted(t *testing.T) {
	data := `[{"id": "A", "affected": [{"package": {"ecosystem": "Go", "name": "m"}, "ranges": [{"type": "GIT", "events": [{"introduced": "a"}]}, {"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.0.0"}]}]}]},
 {"id": "B", "affected": [{"package": {"ecosystem": "Go", "name": "n"}, "ranges": [{"type": "GIT", "events": [{"introduced": "b"}]}, {"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.0.0"}]}]}]}]`
	_, diags := parse(t, "g.json", []byte(data))
	text := diagText(diags)
	if strings.Count(text, "GIT range") != 1 || !strings.Contains(text, "2 GIT range(s) skipped") || !strings.Contains(text, "g.json:1:2") {
		t.Errorf("GIT ranges not counted once at the first record:\n%s", text)
	}
}

func TestMalformed(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"truncated", "[\n  {\"id\": \"A\"},\n  {\"id\": \"B\", \"affected\": [", "at 3:28: unexpected end of file"},
		{"not JSON", "DSA-3029-1 nginx", "not JSON"},
		{"wrong schema", `{"vulnerabilities": []}`, `no "id", "affected" or "modified"`},
		{"empty", "", "not JSON"},
		{"broken zip", "PK\x03\x04garbage", "not a readable zip"},
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
	data := `[
  {"id": "GHSA-ok", "affected": []},
  {"summary": "no id"},
  {"id": "W-1", "withdrawn": "2024-01-01T00:00:00Z"},
  {"id": "T-1", "affected": "everything"},
  {"id": "T-2", "affected": [{"package": {"ecosystem": "npm", "name": "x"}, "ranges": [{"type": "SEMVER", "events": [{"fixed": 12}]}]}]},
  42
]`
	res, diags := parse(t, "r.json", []byte(data))
	if res.Read != 6 || res.Accepted != 1 || res.Rejected != 5 {
		t.Fatalf("read %d accepted %d rejected %d", res.Read, res.Accepted, res.Rejected)
	}
	for i, r := range res.Rejections {
		if r.Pos.Line != i+3 || r.Pos.File != "r.json" {
			t.Errorf("rejection %d at %v, want line %d: %v", i, r.Pos, i+3, r.Reasons)
		}
	}
	if !strings.Contains(res.Rejections[2].Reasons[0], "found a string where an array") && !strings.Contains(res.Rejections[2].Reasons[0], "string") {
		t.Errorf("wrong type reason: %v", res.Rejections[2].Reasons)
	}
	if diags.Count(source.Error) != 5 {
		t.Errorf("%d errors reported", diags.Count(source.Error))
	}
}

// TestEcosystemSchemes: every scheme the ecosystem table names exists.
func TestEcosystemSchemes(t *testing.T) {
	for name, e := range ecosystems {
		if e.scheme == "" {
			continue
		}
		if _, ok := scheme.Lookup(e.scheme); !ok {
			t.Errorf("%s: scheme %q unknown", name, e.scheme)
		}
		if s, ok := scheme.ForPurlType(strings.SplitN(e.purl, "/", 2)[0]); !ok || s.Name() != e.scheme {
			t.Errorf("%s: purl type %s gives another scheme than %q", name, e.purl, e.scheme)
		}
	}
}

// TestNotInScheme: a fixed version that the ecosystem's ordering cannot
// read becomes text that needs confirmation, with a warning.
func TestNotInScheme(t *testing.T) {
	data := `{"id": "T-2", "affected": [{"package": {"ecosystem": "PyPI", "name": "x"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.0+x_y!z"}]}]}]}`
	res, diags := parse(t, "t.json", []byte(data))
	afs := res.Advisories[0].Affected
	if len(afs) != 1 || afs[0].FreeText != "<1.0+x_y!z" || afs[0].Key != "pkg:pypi/x" {
		t.Errorf("affected %+v", afs)
	}
	if !strings.Contains(diagText(diags), "not a range in the pep440 scheme") {
		t.Errorf("no warning: %s", diagText(diags))
	}
}
