package snapshot

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/synth"
)

// BenchmarkLoad loads a synthetic snapshot as a build does (keeping in
// full only the advisories that can matter): 50,000 component rows and
// 20,000 advisories in CSV, files large enough to be estimated and
// streamed as the bench snapshot's are. "inventory" is the same snapshot
// without its advisories. Besides B/op and allocs/op it reports them per
// record read (B/record, allocs/record).
func BenchmarkLoad(b *testing.B) {
	dir := b.TempDir()
	if _, err := synth.Write(dir, synth.Config{Systems: 500, Components: 50_000, Advisories: 20_000}); err != nil {
		b.Fatal(err)
	}
	inventory := b.TempDir()
	for _, name := range []string{"policy.yaml", "systems.csv", "products.csv", "components.csv"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(inventory, name), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for _, c := range []struct{ name, dir string }{{"inventory", inventory}, {"full", dir}} {
		b.Run(c.name, func(b *testing.B) {
			fsys := os.DirFS(c.dir)
			b.ReportAllocs()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			records := 0
			for b.Loop() {
				s := Load(fsys, Options{KeepRelevant: true}, new(source.Diagnostics))
				if len(s.Fatal) > 0 {
					b.Fatal(s.Fatal)
				}
				read, _, _ := s.Counts()
				records += read
			}
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(records), "B/record")
			b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(records), "allocs/record")
		})
	}
}
