// Package synth writes a deterministic synthetic enterprise as a snapshot
// folder, for benchmarks and load tests: a policy, systems spread over
// about thirty Japanese departments (servers, websites, network devices and
// client-PC fleets of hundreds of hosts), their installed components (as
// vendor:product keys, full CPE 2.3 names and purls, with KB patch ids on
// Microsoft products), a products table for the purls, advisories in CSV
// (CVSS v3.x vectors with consistent scores, range expressions over the
// products' real-looking versions, JVNDB aliases, multi-product advisories
// as several rows), lifecycle records, remediation decisions (wildcards
// included) and notifications.
//
// The output depends only on Config: every random choice comes from
// math/rand/v2 PCG streams seeded by Config.Seed, and every date is counted
// from Config.AsOf; the clock is never read. Files are streamed through
// buffered CSV writers, so memory stays small whatever the size.
//
// The number of findings follows from a few realism choices, documented
// where they are made: components mostly run the newest or the previous
// version of their product (a patched estate, newestShare and
// previousShare); an advisory affects a few versions before its fix, or
// every version before it (sinceFirstShare), and seldom the newest one
// (unfixedShare); and only Config.InstalledShare of the advisories name a
// product the estate runs, the rest naming products of a wider catalog, as
// an NVD or JVN export does. At the default sizes the ranges cover about
// 620,000 component rows (0.6 per row), about 25,000 of them closed by KB
// patch ids; Stats.ExpectedMatches gives the exact number.
package synth

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"
)

// Config sets the size of the synthetic enterprise. A zero field takes its
// default; the defaults are the benchmark's sizes (10,000 systems,
// 1,000,000 component rows, 200,000 advisories).
type Config struct {
	Systems    int
	Components int
	Advisories int
	// Products is the number of distinct installed products (2,000, or
	// fewer for small configurations).
	Products int
	// Lifecycle is the number of lifecycle records (product release lines).
	Lifecycle     int
	Remediations  int
	Notifications int
	// InstalledShare is the share of advisories that name an installed
	// product (default 0.03).
	InstalledShare float64
	// Seed selects the enterprise; the same seed writes the same bytes.
	Seed uint64
	// AsOf is the snapshot date written to policy.yaml (default 2026-11-30).
	AsOf time.Time
}

// FormatVersion changes whenever Write's output for a given Config
// changes, so that a cached snapshot can tell it is stale.
const FormatVersion = 1

// Default sizes.
const (
	DefaultSystems    = 10_000
	DefaultComponents = 1_000_000
	DefaultAdvisories = 200_000
	DefaultProducts   = 2_000
	DefaultSeed       = 20261130
)

// withDefaults fills zero fields.
func (c Config) withDefaults() Config {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&c.Systems, DefaultSystems)
	def(&c.Components, DefaultComponents)
	def(&c.Advisories, DefaultAdvisories)
	def(&c.Products, min(DefaultProducts, max(len(seeds), c.Components/40)))
	def(&c.Lifecycle, min(300, max(5, c.Products/6)))
	def(&c.Remediations, min(3000, max(10, c.Components/300)))
	def(&c.Notifications, min(100, max(1, c.Systems/2)))
	if c.InstalledShare <= 0 || c.InstalledShare > 1 {
		c.InstalledShare = 0.03
	}
	if c.Seed == 0 {
		c.Seed = DefaultSeed
	}
	if c.AsOf.IsZero() {
		c.AsOf = time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	}
	return c
}

// Stats counts what Write wrote.
type Stats struct {
	Systems    int
	Components int
	// Products counts distinct installed products; ProductRecords the rows
	// of products.csv (aliases for purls and display names).
	Products       int
	ProductRecords int
	// Advisories counts distinct advisories; AdvisoryRows the CSV rows
	// (a multi-product advisory takes one row per product).
	Advisories   int
	AdvisoryRows int
	Lifecycle    int
	Remediations int
	// Notifications counts notifications.csv records.
	Notifications int
	// ExpectedMatches is the number of (component row, advisory) pairs whose
	// version lies in the advisory's range, before patch ids close some:
	// an upper bound of the vulnerability findings matching should make.
	ExpectedMatches int64
	// Bytes is the total size of the files written.
	Bytes int64
}

// gen holds the state shared by the writers of one snapshot.
type gen struct {
	cfg  Config
	dir  string
	cat  *catalog
	st   Stats
	sys  []system
	comp [][]int32 // installed rows per product and version index
	// samples of components and advisories, for remediation records
	compSample []compRef
	advSample  [][]advRef
	advIDs     []string
}

// rng returns the random stream of one part of the output, so that the
// parts do not depend on each other's draws.
func (g *gen) rng(stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(g.cfg.Seed, stream))
}

// Write writes the synthetic snapshot into dir, creating it if needed.
func Write(dir string, cfg Config) (Stats, error) {
	cfg = cfg.withDefaults()
	if err := os.MkdirAll(filepath.Join(dir, "advisories"), 0o755); err != nil {
		return Stats{}, fmt.Errorf("synth: %w", err)
	}
	g := &gen{cfg: cfg, dir: dir}
	g.cat = newCatalog(g.rng(1), cfg.Products, cfg.Products*3)
	g.comp = make([][]int32, cfg.Products)
	for i := range g.comp {
		g.comp[i] = make([]int32, len(g.cat.products[i].vl.v))
	}
	g.advSample = make([][]advRef, cfg.Products)
	steps := []func() error{g.writePolicy, g.writeProducts, g.writeSystems, g.writeComponents,
		g.writeAdvisories, g.writeLifecycle, g.writeRemediation, g.writeNotifications}
	for _, step := range steps {
		if err := step(); err != nil {
			return g.st, fmt.Errorf("synth: %w", err)
		}
	}
	return g.st, nil
}

// csvFile streams rows to one CSV file.
type csvFile struct {
	f    *os.File
	bw   *bufio.Writer
	w    *csv.Writer
	rows int
	g    *gen
}

// create opens name under the snapshot folder and writes its header row,
// after a UTF-8 BOM when bom is set (as Excel saves CSV).
func (g *gen) create(name string, bom bool, header ...string) (*csvFile, error) {
	f, err := os.Create(filepath.Join(g.dir, filepath.FromSlash(name)))
	if err != nil {
		return nil, err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	if bom {
		_, _ = bw.WriteString("\ufeff")
	}
	w := csv.NewWriter(bw)
	w.UseCRLF = true
	c := &csvFile{f: f, bw: bw, w: w, g: g}
	if err := w.Write(header); err != nil {
		f.Close()
		return nil, err
	}
	return c, nil
}

// row writes one record; the first error is reported by close.
func (c *csvFile) row(fields ...string) {
	_ = c.w.Write(fields)
	c.rows++
}

// close flushes and closes the file, adding its size to the stats.
func (c *csvFile) close() error {
	c.w.Flush()
	err := c.w.Error()
	if err == nil {
		err = c.bw.Flush()
	}
	if st, serr := c.f.Stat(); serr == nil {
		c.g.st.Bytes += st.Size()
	}
	if cerr := c.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// date formats the day that is days after AsOf (negative: before).
func (g *gen) date(days int) string {
	return g.cfg.AsOf.AddDate(0, 0, days).Format("2006-01-02")
}

// chance reports true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// oneOf returns a random element of xs.
func oneOf[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// boolText writes a boolean as the contract spells it.
func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
