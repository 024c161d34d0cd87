package nvd

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"vulnreport/generator/internal/feed/internal/feedutil"
	"vulnreport/generator/internal/feed/internal/realdata"
)

// notFoldable lists the CPE update values of the NVD samples that no rule
// of scheme.FoldCPEUpdate folds, each with the reason; their clauses are
// free text that needs confirmation. Every CPE with a concrete update in
// the samples is either folded or listed here.
var notFoldable = map[string]string{
	// (none today: all 45 distinct vendor:product:version:update values fold)
}

// cpeInJSON finds CPE 2.3 names in JSON text (with JSON's escaped backslashes).
var cpeInJSON = regexp.MustCompile(`cpe:2\.3:[aho]:(?:[^"\\]|\\.)+`)

// TestCPEUpdateFoldingRealData folds the update field of every CPE in the
// NVD samples (API 2.0 and legacy 1.1) that has a concrete one, and checks
// that each folds into its version or is listed in notFoldable.
func TestCPEUpdateFoldingRealData(t *testing.T) {
	files := append(realdata.Files(t, "nvd-cve-api-2.0", ".json"), realdata.Files(t, "nvd-legacy-1.1", ".json")...)
	seen := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range cpeInJSON.FindAllString(string(data), -1) {
			cpe := strings.ReplaceAll(strings.ReplaceAll(m, `\\`, `\`), `\/`, `/`)
			vp, ver, upd := feedutil.CPEFields(cpe)
			if upd == "" || upd == "*" || upd == "-" {
				continue
			}
			seen[vp+":"+ver+":"+upd] = feedutil.CPEVersion(cpe)
		}
	}
	folded := 0
	for k, got := range seen {
		reason, listed := notFoldable[k]
		ok := !strings.Contains(got, " update ")
		switch {
		case ok && listed:
			t.Errorf("%s folds into %q but is listed as not foldable (%s): remove it from the list", k, got, reason)
		case !ok && !listed:
			t.Errorf("%s does not fold (%q): add a rule to scheme.FoldCPEUpdate or list it in notFoldable with the reason", k, got)
		case ok:
			folded++
			parts := strings.Split(k, ":")
			if ver := parts[2]; got == ver || !strings.HasPrefix(got, ver) {
				t.Errorf("%s: folded into %q, which does not extend the version %q", k, got, ver)
			}
		}
	}
	t.Logf("%d distinct CPE update values in the NVD samples: %d folded, %d listed as not foldable", len(seen), folded, len(seen)-folded)
	if len(seen) < 40 {
		t.Errorf("only %d CPE update values found; the samples hold 45", len(seen))
	}
}

// TestCPEUpdateInAdvisory: the folded versions reach the advisory's ranges.
func TestCPEUpdateInAdvisory(t *testing.T) {
	dir := realdata.Dir(t)
	data, err := os.ReadFile(filepath.Join(dir, "nvd-legacy-1.1", "nvdcve-1.1-test-data.json"))
	if err != nil {
		t.Fatal(err)
	}
	res, _ := parse(t, "nvd-legacy-1.1/nvdcve-1.1-test-data.json", data)
	mac := affected(t, find(t, res, "CVE-2022-32839"), "apple:macos")
	clauses := strings.Split(mac.Versions, " || ")
	for _, want := range []string{"<10.15.7", "=10.15.7", "=10.15.7_security_update_2022-001", "=10.15.7_security_update_2022-004", ">=12.0 <12.5"} {
		if !slices.Contains(clauses, want) {
			t.Errorf("macOS: %q not in %q", want, mac.Versions)
		}
	}
	contains(t, mac, "10.15.7_security_update_2022-004", "10.15.7_security_update_2022-005")
}

func TestUnfoldableUpdateIsFreeText(t *testing.T) {
	data := `{"vulnerabilities": [{"cve": {"id": "CVE-2099-0002", "configurations": [{"nodes": [{"cpeMatch": [
  {"vulnerable": true, "criteria": "cpe:2.3:o:vendor:os:2.0:weird_build_x:*:*:*:*:*:*"},
  {"vulnerable": true, "criteria": "cpe:2.3:o:paloaltonetworks:pan-os:10.2.8:h1:*:*:*:*:*:*"}]}]}]}}]}`
	res, _ := parse(t, "u.json", []byte(data))
	got := map[string]string{}
	for _, af := range res.Advisories[0].Affected {
		got[af.Key] = af.Versions + af.FreeText
	}
	if got["vendor:os"] != "=2.0 update weird_build_x" || got["paloaltonetworks:pan-os"] != "=10.2.8-h1" {
		t.Errorf("affected %v", got)
	}
	for _, af := range res.Advisories[0].Affected {
		if af.Key == "vendor:os" && af.FreeText == "" {
			t.Errorf("an update no rule folds must be free text (要確認), not the base version: %+v", af)
		}
	}
}
