package vuln

import (
	"testing"

	"vulnreport/generator/internal/advisory"
)

// TestBesideTextKept: prose is replaced by another source's ranges for the
// same product, except text marked Beside (what the ranges do not hold).
func TestBesideTextKept(t *testing.T) {
	advs := []advisory.Advisory{
		{ID: "CVE-2023-21930", Source: "cve5", Origin: "feeds/cve5/x.json", Affected: []advisory.Affected{
			{Key: "oracle:graalvm", Versions: "=21.3.5 || =22.3.1"},
			{Key: "oracle:graalvm", FreeText: "CNA …: Oracle GraalVM Enterprise Edition:20.3.9 (not expressed by the CISA ADP ranges)", Beside: true},
		}},
		{ID: "JVNDB-2023-000001", Aliases: []string{"CVE-2023-21930"}, Source: "jvn", Origin: "feeds/jvn/x.xml", Affected: []advisory.Affected{
			{Key: "oracle:graalvm", FreeText: "20.3.9 およびそれ以前"},
		}},
	}
	vs := Merge(advs)
	if len(vs) != 1 {
		t.Fatalf("%d vulnerabilities", len(vs))
	}
	var beside, prose int
	for _, af := range vs[0].Affected {
		switch {
		case af.Beside:
			beside++
		case af.FreeText != "":
			prose++
		}
	}
	if beside != 1 || prose != 0 {
		t.Errorf("beside %d prose %d: %+v", beside, prose, vs[0].Affected)
	}
}
