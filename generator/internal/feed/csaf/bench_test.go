package csaf

import (
	"testing"

	"vulnreport/generator/internal/feed/internal/realdata"
	"vulnreport/generator/internal/source"
)

// BenchmarkRHSA reads the real RHSA-2024:0811 (sudo, 3 CVEs, 165
// products on 8 RHEL streams).
func BenchmarkRHSA(b *testing.B) {
	data := realdata.Read(b, "csaf-redhat/rhsa-2024_0811.json")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		var diags source.Diagnostics
		if res, err := Parse("rhsa.json", data, &diags); err != nil || res.Accepted != 3 {
			b.Fatal(err)
		}
	}
}
