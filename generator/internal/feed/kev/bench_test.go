package kev

import (
	"testing"

	"vulnreport/generator/internal/feed/internal/realdata"
	"vulnreport/generator/internal/source"
)

func benchmark(b *testing.B, rel string) {
	data := realdata.Read(b, rel)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		var diags source.Diagnostics
		res, err := Parse(rel, data, &diags)
		if err != nil || res.Accepted != 1404 {
			b.Fatalf("err %v, accepted %d", err, res.Accepted)
		}
	}
}

// BenchmarkCatalogJSON parses the full KEV catalog (1,404 entries) in JSON.
func BenchmarkCatalogJSON(b *testing.B) {
	benchmark(b, "cisa-kev/known_exploited_vulnerabilities.json")
}

// BenchmarkCatalogCSV parses the full KEV catalog in CSV.
func BenchmarkCatalogCSV(b *testing.B) { benchmark(b, "cisa-kev/known_exploited_vulnerabilities.csv") }
