package nvd

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"vulnreport/generator/internal/source"
)

// synthetic returns an NVD API 2.0 response holding n CVE records shaped
// like real ones: two descriptions, a v3.1 metric, a weakness, one
// configuration with a version range and an exact version, references.
func synthetic(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"resultsPerPage":` + fmt.Sprint(n) + `,"format":"NVD_CVE","version":"2.0","timestamp":"2025-01-01T00:00:00.000","vulnerabilities":[`)
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"cve":{"id":"CVE-2024-%d","sourceIdentifier":"security@apache.org","published":"2024-03-01T10:15:00.000","lastModified":"2024-06-01T10:15:00.000","vulnStatus":"Analyzed",`+
			`"descriptions":[{"lang":"en","value":"Synthetic vulnerability %d in Example Server allows remote attackers to execute arbitrary code via crafted requests to the admin endpoint."},{"lang":"es","value":"Vulnerabilidad sintética."}],`+
			`"metrics":{"cvssMetricV31":[{"source":"nvd@nist.gov","type":"Primary","cvssData":{"version":"3.1","vectorString":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H","baseScore":9.8,"baseSeverity":"CRITICAL"},"exploitabilityScore":3.9,"impactScore":5.9}]},`+
			`"weaknesses":[{"source":"nvd@nist.gov","type":"Primary","description":[{"lang":"en","value":"CWE-502"}]}],`+
			`"configurations":[{"nodes":[{"operator":"OR","negate":false,"cpeMatch":[{"vulnerable":true,"criteria":"cpe:2.3:a:example:server_%d:*:*:*:*:*:*:*:*","versionStartIncluding":"2.0.0","versionEndExcluding":"2.%d.1","matchCriteriaId":"00000000-0000-0000-0000-000000000000"},{"vulnerable":true,"criteria":"cpe:2.3:a:example:server_%d:3.0.0:*:*:*:*:*:*:*","matchCriteriaId":"00000000-0000-0000-0000-000000000001"}]}]}],`+
			`"references":[{"url":"https://example.com/advisories/%d","source":"security@apache.org","tags":["Vendor Advisory"]},{"url":"https://nvd.nist.gov/vuln/detail/CVE-2024-%d","source":"nvd@nist.gov"}]}}`,
			100000+i, i, i%500, i%97+1, i%500, i, 100000+i)
	}
	b.WriteString("]}")
	return b.Bytes()
}

// BenchmarkParse200k parses a synthetic 200,000-record API 2.0 response.
func BenchmarkParse200k(b *testing.B) {
	data := synthetic(200_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		var diags source.Diagnostics
		res, err := Parse("bench.json", data, &diags)
		if err != nil || res.Accepted != 200_000 {
			b.Fatalf("err %v, accepted %d, %v", err, res.Accepted, diags.Sorted()[:min(3, diags.Len())])
		}
	}
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkDecodeOnly200k decodes the same data with a plain
// json.Unmarshal into the reader's types, for comparison: the difference
// is the cost of positions, checks and conversion to advisories.
func BenchmarkDecodeOnly200k(b *testing.B) {
	data := synthetic(200_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		var v struct {
			Vulnerabilities []apiItem `json:"vulnerabilities"`
		}
		if err := json.Unmarshal(data, &v); err != nil {
			b.Fatal(err)
		}
	}
}
