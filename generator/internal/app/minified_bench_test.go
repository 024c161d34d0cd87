package app

import (
	"bytes"
	"fmt"
	"io"
	"testing"
	"testing/fstest"
)

// minifiedCycloneDX returns a CycloneDX 1.5 SBOM of n components written
// on one line, as Syft and most SBOM tools write it.
func minifiedCycloneDX(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"bomFormat":"CycloneDX","specVersion":"1.5","version":1,"metadata":{"timestamp":"2026-11-01T00:00:00Z","component":{"type":"application","name":"web"}},"components":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"type":"library","name":"lib%d","version":"1.%d.%d","purl":"pkg:maven/org.example/lib%d@1.%d.%d","description":"部品 %d"}`, i, i%50, i%7, i, i%50, i%7, i)
	}
	b.WriteString(`]}`)
	return b.Bytes()
}

// BenchmarkCheckMinifiedSBOM runs check on a snapshot holding a minified
// CycloneDX SBOM of 100,000 components (target: under 3 s; quadratic
// positions took minutes).
func BenchmarkCheckMinifiedSBOM(b *testing.B) {
	fsys := fixture(month1)
	fsys["sbom/web.cdx.json"] = &fstest.MapFile{Data: minifiedCycloneDX(100_000)}
	b.SetBytes(int64(len(fsys["sbom/web.cdx.json"].Data)))
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		if err := Check(Options{Data: fsys}, io.Discard, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}
