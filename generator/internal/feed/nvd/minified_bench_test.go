package nvd

import (
	"bytes"
	"testing"

	"vulnreport/generator/internal/source"
)

// BenchmarkParseMinified2000 parses an NVD API page of 2,000 CVEs written
// on one line, as the API serves it (target: under 1 s; quadratic
// positions took 10 s).
func BenchmarkParseMinified2000(b *testing.B) {
	data := bytes.ReplaceAll(synthetic(2000), []byte(",\n"), []byte(","))
	if bytes.IndexByte(data, '\n') >= 0 {
		b.Fatal("not minified")
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		var diags source.Diagnostics
		res, err := Parse("page.json", data, &diags)
		if err != nil || res.Accepted != 2000 {
			b.Fatalf("err %v, accepted %d", err, res.Accepted)
		}
	}
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkParseIndented2000 is the same page with a line per CVE, for
// comparison: minified must cost about the same.
func BenchmarkParseIndented2000(b *testing.B) {
	data := synthetic(2000)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		var diags source.Diagnostics
		res, err := Parse("page.json", data, &diags)
		if err != nil || res.Accepted != 2000 {
			b.Fatalf("err %v, accepted %d", err, res.Accepted)
		}
	}
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}
