package snapshot

import (
	"strings"
	"testing"
	"testing/fstest"

	"vulnreport/generator/internal/source"
)

// TestEmptyPolicyWarns reads a policy.yaml of comments only: the defaults
// apply, as when there is none, and a warning says so.
func TestEmptyPolicyWarns(t *testing.T) {
	for _, data := range []string{"", "# 方針\n\n", "\ufeff# policy\n"} {
		var diags source.Diagnostics
		s := Load(fstest.MapFS{"policy.yaml": {Data: []byte(data)}}, Options{}, &diags)
		if !s.PolicyOK {
			t.Errorf("%q: the policy is not usable: %v", data, s.Fatal)
		}
		found := false
		for _, d := range diags.Sorted() {
			found = found || d.String() == "policy.yaml:1:1: warning: the policy is empty: the contract's defaults are used"
		}
		if !found {
			t.Errorf("%q: no warning: %v", data, diags.Sorted())
		}
	}
}

// TestRequire checks the snapshot-level stops one by one, and that a
// snapshot with a system and a component passes.
func TestRequire(t *testing.T) {
	sys := "- {id: web, name: Web, category: website, exposure: internet, owner: IT}\n"
	cases := []struct {
		files map[string]string
		want  string // "" when the build may go on
	}{
		{map[string]string{}, "systems.yaml: no systems.yaml or systems.csv was read"},
		{map[string]string{"systems.csv": "id,name\n"}, "systems.csv: the file holds no system"},
		{map[string]string{"systems.yaml": "- {id: web}\n"}, "systems.yaml: no system was accepted"},
		{map[string]string{"systems.yaml": sys}, "components.yaml: no components.yaml, components.csv or SBOM"},
		{map[string]string{"systems.yaml": sys, "components.yaml": "[]\n"}, "components.yaml: no component in components.yaml"},
		{map[string]string{"systems.yaml": sys, "components.csv": "system,product,version\nweb,apache:struts,2.5.10\n"}, ""},
	}
	for _, tc := range cases {
		fsys := fstest.MapFS{}
		for n, d := range tc.files {
			fsys[n] = &fstest.MapFile{Data: []byte(d)}
		}
		var diags source.Diagnostics
		s := Load(fsys, Options{}, &diags)
		s.Require(&diags)
		got := strings.Join(s.Fatal, "\n")
		if tc.want == "" {
			if got != "" {
				t.Errorf("%v: stopped: %s", tc.files, got)
			}
			continue
		}
		if len(s.Fatal) != 1 || !strings.HasPrefix(got, tc.want) {
			t.Errorf("%v: fatal %q, want %q", tc.files, got, tc.want)
		}
		if diags.Count(source.Error) == 0 {
			t.Errorf("%v: no error diagnostic", tc.files)
		}
	}
}
