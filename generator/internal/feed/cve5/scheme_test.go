package cve5

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/feed/internal/feedutil"
	"vulnreport/generator/internal/feed/internal/realdata"
	"vulnreport/generator/internal/version/scheme"
)

func freeTexts(a advisory.Advisory, key string) []string {
	var out []string
	for _, af := range a.Affected {
		if af.Key == key && af.FreeText != "" {
			out = append(out, strings.Split(af.FreeText, "; ")...)
		}
	}
	return out
}

// inScheme reads an affected product's Versions in a scheme.
func inScheme(t *testing.T, af advisory.Affected, name string) scheme.Range {
	t.Helper()
	r, err := scheme.ParseRange(scheme.MustLookup(name), af.Versions)
	if err != nil {
		t.Fatalf("%s %q in %s: %v", af.Key, af.Versions, name, err)
	}
	return r
}

// TestOracleJavaCPEUpdate: the real CVE-2023-21930 record. The CISA ADP
// writes {version: 1.8.0} beside cpe …:jdk:1.8.0:update361: that is
// 1.8.0_361, not every 1.8.0; the CNA's textual versions that no ADP range
// expresses are kept as text that needs confirmation on the ADP products.
func TestOracleJavaCPEUpdate(t *testing.T) {
	data := realdata.Read(t, "cve-json5/cisa-vulnrichment/2023/21xxx/CVE-2023-21930.json")
	res, _ := parse(t, "feeds/cve5/CVE-2023-21930.json", data)
	a := res.Advisories[0]
	java := scheme.MustLookup("java")
	for _, key := range []string{"oracle:jdk", "oracle:jre"} {
		af := byKey(t, a, key)
		cl := strings.Split(af.Versions, " || ")
		if !slices.Contains(cl, "=1.8.0_361") || slices.Contains(cl, "=1.8.0") {
			t.Errorf("%s: versions %q, want =1.8.0_361 and no bare =1.8.0", key, af.Versions)
		}
		r := inScheme(t, af, "java")
		for v, want := range map[string]bool{"1.8.0_361": true, "8u361": true, "11.0.18": true, "1.8.0_371": false, "1.8.0": false, "17.0.7": false} {
			pv, err := java.Parse(v)
			if err != nil {
				t.Fatal(err)
			}
			if got := r.Contains(pv); got != want {
				t.Errorf("%s %q contains %s: %v, want %v", key, af.Versions, v, got, want)
			}
		}
		// Every "Oracle Java SE:…" text is expressed: 8u361 (and
		// 8u361-perf, whose -perf the java scheme reads as a build tag),
		// 11.0.18, 17.0.6 and 20 are in the ADP's ranges.
		if pv := mustParse(t, "java", "8u361-perf"); !r.Contains(pv) {
			t.Errorf("%s: 8u361-perf not in %q", key, af.Versions)
		}
		if free := freeTexts(a, key); len(free) != 0 {
			t.Errorf("%s: texts the ADP ranges express were added: %q", key, free)
		}
	}
	for _, af := range a.Affected {
		if af.Key == "oracle:graalvm" && af.FreeText != "" && !af.Beside {
			t.Errorf("graalvm text not marked to be kept beside the ADP ranges: %+v", af)
		}
	}
	gv := freeTexts(a, "oracle:graalvm")
	if !slices.Contains(gv, "CNA Oracle Corporation Java SE JDK and JRE: Oracle GraalVM Enterprise Edition:20.3.9 (not expressed by the CISA ADP ranges)") {
		t.Errorf("graalvm 20.3.9 not kept: %q", gv)
	}
	for _, f := range gv {
		if strings.Contains(f, "21.3.5") || strings.Contains(f, "22.3.1") {
			t.Errorf("graalvm: %q is expressed by the ADP ranges", f)
		}
	}
	if len(freeTexts(a, "debian:debian_linux")) != 0 {
		t.Errorf("another vendor's product got the CNA's texts")
	}
}

func TestVersionType(t *testing.T) {
	const rec = `{"dataType": "CVE_RECORD", "dataVersion": "5.1", "cveMetadata": {"cveId": "CVE-2099-0003", "state": "PUBLISHED"},
 "containers": {"cna": {"affected": [
  {"vendor": "Example", "product": "Lib", "versions": [{"status": "affected", "version": "1.0.0", "lessThan": "1.4.2", "versionType": "semver"}]},
  {"vendor": "Example", "product": "Jar", "versions": [{"status": "affected", "version": "2.0", "lessThan": "2.0.1.Final", "versionType": "maven"}]},
  {"vendor": "Example", "product": "Mixed", "versions": [{"status": "affected", "version": "1.0", "lessThan": "1.2", "versionType": "semver"}, {"status": "affected", "version": "3.0", "lessThan": "3.1", "versionType": "custom"}]},
  {"vendor": "Example", "product": "Plain", "versions": [{"status": "affected", "version": "1.0", "lessThan": "1.2", "versionType": "custom"}]},
  {"vendor": "Cisco", "product": "IOS", "cpes": ["cpe:2.3:o:cisco:ios:*:*:*:*:*:*:*:*"], "versions": [{"status": "affected", "version": "15.2(4)M1", "lessThan": "15.2(4)M11", "versionType": "custom"}]}
 ]}}}`
	res, _ := parse(t, "v.json", []byte(rec))
	a := res.Advisories[0]
	want := map[string][2]string{
		"example:lib":   {">=1.0.0 <1.4.2", "semver"},
		"example:jar":   {">=2.0 <2.0.1.Final", "maven"},
		"example:mixed": {">=1.0 <1.2 || >=3.0 <3.1", ""},
		"example:plain": {">=1.0 <1.2", ""},
		// not a generic version, but a cisco one: kept as a range
		"cisco:ios": {">=15.2(4)M1 <15.2(4)M11", ""},
	}
	for key, w := range want {
		af := byKey(t, a, key)
		if af.Versions != w[0] || af.Scheme != w[1] {
			t.Errorf("%s: versions %q scheme %q, want %q %q", key, af.Versions, af.Scheme, w[0], w[1])
		}
	}
	if ios := byKey(t, a, "cisco:ios"); !inScheme(t, ios, "cisco").Contains(mustParse(t, "cisco", "15.2(4)M10")) {
		t.Errorf("cisco range does not hold 15.2(4)M10")
	}
}

func mustParse(t *testing.T, sc, v string) scheme.Version {
	t.Helper()
	pv, err := scheme.MustLookup(sc).Parse(v)
	if err != nil {
		t.Fatal(err)
	}
	return pv
}

// TestCNATextBesideADP: a CNA's textual version that no CISA ADP range
// holds is kept on the vendor's ADP products; one they hold is not.
func TestCNATextBesideADP(t *testing.T) {
	const rec = `{"dataType": "CVE_RECORD", "cveMetadata": {"cveId": "CVE-2099-0004", "state": "PUBLISHED"},
 "containers": {"cna": {"affected": [{"vendor": "Acme Corp.", "product": "Suite", "versions": [
   {"status": "affected", "version": "Acme Suite:7.0 SP9"}, {"status": "affected", "version": "Acme Suite:7.0"}]}]},
  "adp": [{"providerMetadata": {"shortName": "CISA-ADP"}, "affected": [
   {"vendor": "acme", "product": "server", "cpes": ["cpe:2.3:a:acme:server:7.0:*:*:*:*:*:*:*"], "versions": [{"status": "affected", "version": "7.0"}]},
   {"vendor": "other", "product": "thing", "cpes": ["cpe:2.3:a:other:thing:1.0:*:*:*:*:*:*:*"], "versions": [{"status": "affected", "version": "1.0"}]}]}]}}`
	res, _ := parse(t, "a.json", []byte(rec))
	a := res.Advisories[0]
	if got := freeTexts(a, "acme:server"); !slices.Equal(got, []string{"CNA Acme Corp. Suite: Acme Suite:7.0 SP9 (not expressed by the CISA ADP ranges)"}) {
		t.Errorf("acme:server texts %q", got)
	}
	if got := freeTexts(a, "other:thing"); len(got) != 0 {
		t.Errorf("another vendor got %q", got)
	}
	// the CNA's own entry keeps its texts as before
	if got := freeTexts(a, "acme_corp.:suite"); len(got) == 0 {
		for _, af := range a.Affected {
			t.Logf("%+v", af)
		}
		t.Errorf("the CNA's own texts are gone")
	}
}

// TestCPEUpdateFoldingRealData: in every CVE 5 sample, each exact affected
// version written beside a CPE of that version with a concrete update
// field reaches the advisory folded ("=1.8.0_361"), or as text that needs
// confirmation when no rule folds it; never as the bare version alone.
func TestCPEUpdateFoldingRealData(t *testing.T) {
	files := realdata.Files(t, "cve-json5", ".json")
	folded, text := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var r record
		if json.Unmarshal(data, &r) != nil || r.Meta == nil {
			continue
		}
		res, _ := parse(t, f, data)
		if len(res.Advisories) != 1 {
			continue
		}
		a := res.Advisories[0]
		for _, c := range append([]container{r.Containers.CNA}, r.Containers.ADP...) {
			for _, af := range c.Affected {
				for _, v := range af.Versions {
					for _, cpe := range af.Cpes {
						vp, cv, upd := feedutil.CPEFields(cpe)
						if cv != strings.TrimSpace(v.Version) || upd == "" || upd == "*" || upd == "-" || v.LessThan != "" || v.LessThanOrEqual != "" || len(v.Changes) > 0 || v.Status != "affected" {
							continue
						}
						want := feedutil.CPEVersion(cpe)
						var found bool
						for _, x := range a.Affected {
							if x.Key != vp {
								continue
							}
							if x.FreeText == "" && slices.Contains(strings.Split(x.Versions, " || "), "="+want) ||
								x.FreeText != "" && strings.Contains(x.FreeText, want) {
								found = true
							}
						}
						switch {
						case !found:
							t.Errorf("%s: %s beside version %q: %q not in the advisory's %s entries", a.ID, cpe, v.Version, want, vp)
						case strings.Contains(want, " update "):
							text++
						default:
							folded++
						}
					}
				}
			}
		}
	}
	t.Logf("CVE 5 samples: %d exact versions folded with their CPE's update, %d kept as text", folded, text)
	if folded < 10 {
		t.Errorf("only %d folded; the samples hold more than 20", folded)
	}
}
