package all_test

import (
	"fmt"
	"testing"
	"testing/fstest"

	"vulnreport/generator/internal/app"
	"vulnreport/generator/internal/feed/internal/realdata"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/source"
)

// cdx is a minimal CycloneDX 1.5 SBOM with one log4j-core component.
func cdx(version string) []byte {
	return []byte(fmt.Sprintf(`{"bomFormat":"CycloneDX","specVersion":"1.5","version":1,
 "components":[{"type":"library","group":"org.apache.logging.log4j","name":"log4j-core","version":%q,
  "purl":"pkg:maven/org.apache.logging.log4j/log4j-core@%s"}]}`, version, version))
}

// TestSBOMCVE5KEVEndToEnd: SBOMs of systems running different versions of
// Log4j, the real CVE 5 record of Log4Shell and the real KEV catalog give
// exactly the affected systems, each marked exploited and ranked by the
// contract's rules.
func TestSBOMCVE5KEVEndToEnd(t *testing.T) {
	cve := realdata.Read(t, "cve-json5/osv-dev-fixtures/cvelistV5/CVE-2021-44228.json")
	kev := realdata.Read(t, "cisa-kev/known_exploited_vulnerabilities.json")
	fsys := fstest.MapFS{
		"policy.yaml": {Data: []byte("organization: E2E\n")},
		"systems.yaml": {Data: []byte(`- {id: shop, name: 通販サイト, category: website, exposure: internet, data: [personal]}
- {id: erp, name: 基幹システム, category: internal, exposure: intranet}
- {id: batch, name: バッチ, category: internal, exposure: intranet}
- {id: old, name: 旧システム, category: internal, exposure: isolated}
`)},
		"products.yaml": {Data: []byte(`- key: apache:log4j
  name: Apache Log4j
  aliases: ["pkg:maven/org.apache.logging.log4j/log4j-core", "Apache Software Foundation Apache Log4j2"]
`)},
		"feeds/cve5/CVE-2021-44228.json":                 {Data: cve},
		"feeds/kev/known_exploited_vulnerabilities.json": {Data: kev},
		"sbom/shop.cdx.json":                             {Data: cdx("2.14.1")}, // affected
		"sbom/erp.cdx.json":                              {Data: cdx("2.12.1")}, // affected (>=2.4 <2.12.2)
		"sbom/batch.cdx.json":                            {Data: cdx("2.17.1")}, // fixed
		"sbom/old.cdx.json":                              {Data: cdx("1.2.17")}, // log4j 1.x: not in the ranges
	}
	var diags source.Diagnostics
	r, _, err := app.Analyze(app.Options{Data: fsys, AsOf: mustDate("2026-11-30")}, &diags, func(string, int) {})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags.Sorted() {
		if d.Severity == source.Error {
			t.Errorf("diagnostic: %s", d)
		}
	}
	got := map[string]model.Finding{}
	for _, f := range r.Findings.All() {
		if f.VulnID == "CVE-2021-44228" {
			got[f.System] = f
		}
	}
	want := map[string]model.Priority{"shop": model.P1, "erp": model.P2}
	if len(got) != len(want) {
		t.Errorf("affected systems = %v, want shop and erp only", keys(got))
	}
	for sys, prio := range want {
		f, ok := got[sys]
		if !ok {
			t.Errorf("%s not found affected", sys)
			continue
		}
		if !f.Exploited || !f.KEV || f.Priority != prio || f.KEVAdded.Format("2006-01-02") != "2021-12-10" {
			t.Errorf("%s: exploited %v kev %v priority %s (want %s) added %s", sys, f.Exploited, f.KEV, f.Priority, prio, f.KEVAdded.Format("2006-01-02"))
		}
		if f.Product != "apache:log4j" || !f.HasCVSS || f.CVSS != 10 {
			t.Errorf("%s: product %s cvss %v %.1f", sys, f.Product, f.HasCVSS, f.CVSS)
		}
	}
	// The KEV due date (2021-12-24) is earlier than the SLA's, and says so.
	if f := got["shop"]; f.DueSource != "kev" || f.Due.Format("2006-01-02") != "2021-12-24" {
		t.Errorf("shop due %s from %s, want 2021-12-24 from kev", f.Due.Format("2006-01-02"), f.DueSource)
	}
	// KEV entries matching no advisory here are listed, not dropped.
	if len(r.KEVUnmatched) < 1000 {
		t.Errorf("only %d KEV entries listed as exploited elsewhere", len(r.KEVUnmatched))
	}
}

func keys(m map[string]model.Finding) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func mustDate(s string) (t timeT) {
	t, err := source.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}
