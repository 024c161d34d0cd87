package scheme

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

func TestFoldCPEUpdate(t *testing.T) {
	for _, c := range []struct {
		product, version, update, want string
		ok                             bool
	}{
		{"juniper:junos", "21.4", "r3-s5", "21.4R3-S5", true},
		{"juniper:junos", "15.1", "x49-d200", "15.1X49-D200", true},
		{"paloaltonetworks:pan-os", "10.2.8", "h1", "10.2.8-h1", true},
		{"oracle:jdk", "1.8.0", "update361", "1.8.0_361", true},
		{"oracle:jre", "1.8.0", "update_361", "1.8.0_361", true},
		{"oracle:jdk", "8", "update361", "8u361", true},
		{"apple:macos", "10.15.7", "security_update_2022-001", "10.15.7_security_update_2022-001", true},
		{"vmware:vcenter_server", "7.0", "update3p", "7.0U3p", true},
		{"netapp:clustered_data_ontap", "9.8", "p7", "9.8P7", true},
		{"linux:linux_kernel", "5.15", "rc1", "5.15-rc1", true},
		{"ivanti:connect_secure", "22.4", "r1", "22.4R1", true},
		{"microsoft:.net", "2.0", "sp2", "2.0.sp2", true},
		{"microsoft:exchange_server", "2019", "cumulative_update_13", "2019.cu13", true},
		{"solarwinds:orion_platform", "2020.2", "hotfix1", "2020.2.hf1", true},
		{"paloaltonetworks:expedition", "1.2.90", "1", "1.2.90.1", true},
		{"any:thing", "1.0", "*", "1.0", true},
		{"any:thing", "1.0", "-", "1.0", true},
		{"microsoft:windows_server_2008", "-", "sp2", "-", false},
		{"any:thing", "1.0", "weird update", "1.0", false},
		{"acme:router", "1.0", "h1", "1.0", false}, // -hN is PAN-OS's only
	} {
		got, ok := FoldCPEUpdate(c.product, c.version, c.update)
		if got != c.want || ok != c.ok {
			t.Errorf("FoldCPEUpdate(%q, %q, %q) = %q, %v; want %q, %v", c.product, c.version, c.update, got, ok, c.want, c.ok)
		}
	}
}

// realdataDir finds ../shared/realdata next to the module root; the test
// skips when it is absent unless REALDATA=required.
func realdataDir(t *testing.T) string {
	t.Helper()
	wd, _ := os.Getwd()
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			rd := filepath.Join(dir, "..", "shared", "realdata")
			if st, err := os.Stat(rd); err == nil && st.IsDir() {
				return rd
			}
			break
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	if os.Getenv("REALDATA") == "required" {
		t.Fatal("../shared/realdata not found and REALDATA=required")
	}
	t.Skip("../shared/realdata not found: real-data tests skipped")
	return ""
}

// cpeRE finds CPE 2.3 names in JSON text.
var cpeRE = regexp.MustCompile(`cpe:2\.3:[aoh](?:[^"\\]|\\.)*`)

// splitCPE splits a CPE 2.3 name at colons that are not escaped.
func splitCPE(s string) []string {
	var parts []string
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s):
			b.WriteByte(s[i+1])
			i++
		case s[i] == ':':
			parts = append(parts, b.String())
			b.Reset()
		default:
			b.WriteByte(s[i])
		}
	}
	return append(parts, b.String())
}

// namedReleases are products whose CPE "version" is a release name, not
// a version; matching them is the release-line rule's job (issue 12 item
// 6), so a folded value that no scheme parses is expected there.
var namedReleases = map[string]bool{
	"qlik:qlik_sense": true, "servicenow:servicenow": true, "microsoft:windows_server_2008": true,
}

// TestFoldCPEUpdateRealdata folds every CPE with an update field in the
// NVD and CVE 5 samples, and checks the result parses in the product's
// scheme (or generic) and sorts after the bare version (before it, for
// pre-release updates such as rc1).
func TestFoldCPEUpdateRealdata(t *testing.T) {
	root := realdataDir(t)
	seen := map[string]bool{}
	for _, sub := range []string{"nvd-cve-api-2.0", "nvd-legacy-1.1", "cve-json5"} {
		err := filepath.WalkDir(filepath.Join(root, sub), func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			for _, m := range cpeRE.FindAllString(string(data), -1) {
				f := splitCPE(strings.ReplaceAll(m, `\\`, `\`))
				if len(f) < 7 || f[6] == "*" || f[6] == "-" || f[6] == "" {
					continue
				}
				seen[f[3]+":"+f[4]+":"+f[5]+":"+f[6]] = true
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if len(keys) < 50 {
		t.Fatalf("only %d CPEs with an update field found; the samples have more than 200", len(keys))
	}
	pre := regexp.MustCompile(`^(alpha|beta|rc|pre|preview|dev|milestone)`)
	folded := 0
	for _, k := range keys {
		f := strings.SplitN(k, ":", 4)
		product, ver, upd := f[0]+":"+f[1], f[2], f[3]
		got, ok := FoldCPEUpdate(product, ver, upd)
		if ver == "-" {
			if ok {
				t.Errorf("%s: folded into %q although the version is \"-\"", k, got)
			}
			continue
		}
		if !ok {
			t.Errorf("%s: no fold rule; add one to foldRules", k)
			continue
		}
		s, ok := ForProduct(product)
		if !ok {
			s = Generic()
		}
		fv, err1 := s.Parse(got)
		bv, err2 := s.Parse(ver)
		if err1 != nil || err2 != nil {
			if !namedReleases[product] {
				t.Errorf("%s: folded %q does not parse in %s: %v %v", k, got, s.Name(), err1, err2)
			}
			continue
		}
		want := 1
		if pre.MatchString(upd) {
			want = -1
		}
		if c := fv.Compare(bv); c != want {
			t.Errorf("%s: %s orders folded %q vs %q as %d, want %d", k, s.Name(), got, ver, c, want)
		}
		folded++
	}
	t.Logf("%d distinct CPEs with an update field, %d folded and ordered", len(keys), folded)
}
