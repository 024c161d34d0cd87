package osv

import (
	"fmt"
	"strings"
	"testing"

	"vulnreport/generator/internal/source"
)

// BenchmarkZip reads an ecosystem zip of 2,000 Debian-shaped records, each
// with three releases (the shape of OSV's Debian all.zip).
func BenchmarkZip(b *testing.B) {
	entries := map[string]string{}
	for i := 0; i < 2000; i++ {
		var aff []string
		for _, rel := range []string{"10", "11", "12"} {
			aff = append(aff, fmt.Sprintf(`{"package": {"ecosystem": "Debian:%s", "name": "pkg%d"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1:2.%d.%s-1+deb%su1"}]}]}`, rel, i, i, rel, rel))
		}
		entries[fmt.Sprintf("DSA-%d-1.json", i)] = fmt.Sprintf(`{"id": "DSA-%d-1", "modified": "2024-01-01T00:00:00Z", "aliases": ["CVE-2024-%d"], "summary": "pkg%d - security update", "affected": [%s]}`, i, 10000+i, i, strings.Join(aff, ","))
	}
	data := zipOf(b, entries)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var diags source.Diagnostics
		res, err := Parse("all.zip", data, &diags)
		if err != nil || res.Accepted != 2000 {
			b.Fatalf("accepted %d: %v %v", res.Accepted, err, diags.Sorted())
		}
	}
}
