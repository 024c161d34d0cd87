package snapshot_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"vulnreport/generator/internal/feed/all"
	"vulnreport/generator/internal/match"
	"vulnreport/generator/internal/snapshot"
	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/vuln"
)

// duckdb returns node and the folder @duckdb/node-api is installed in
// (VULNREPORT_DUCKDB_DIR, the prefix of `npm install --prefix DIR
// @duckdb/node-api`). The test skips when either is missing, and fails
// when VULNREPORT_DUCKDB=required (CI, see .ci/run).
func duckdb(t *testing.T) (node, dir string) {
	t.Helper()
	missing := func(why string) {
		msg := why + "; install with: npm install --prefix DIR @duckdb/node-api and set VULNREPORT_DUCKDB_DIR=DIR"
		if os.Getenv("VULNREPORT_DUCKDB") == "required" {
			t.Fatal(msg + " (VULNREPORT_DUCKDB=required)")
		}
		t.Skip(msg)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node is not installed")
	}
	dir = os.Getenv("VULNREPORT_DUCKDB_DIR")
	if dir == "" {
		missing("VULNREPORT_DUCKDB_DIR is not set")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "@duckdb", "node-api", "package.json")); err != nil {
		missing("@duckdb/node-api is not installed in " + dir)
	}
	return node, dir
}

// reducedCSV is testdata/duckdb/raw.csv reduced by hand: one row per
// system, product and version, hosts counting distinct hosts.
const reducedCSV = `system,product,version,name,hosts
db-1,openssl:openssl,3.0.1,OpenSSL,1
db-1,openssl:openssl,,OpenSSL,1
db-1,oracle:mysql,8.0.30,MySQL,2
ghost,openssl:openssl,3.0.1,OpenSSL,1
web-1,apache:struts,2.5.10,Apache Struts,2
web-1,apache:struts,2.5.33,Apache Struts,1
web-1,apache:tomcat,9.0.50,Apache Tomcat,2
`

// duckdbSnapshot holds everything but the components.
var duckdbSnapshot = fstest.MapFS{
	"policy.yaml": {Data: []byte("organization: テスト株式会社\nas_of: 2026-11-30\n")},
	"systems.csv": {Data: []byte("id,name,category,exposure,hosts\nweb-1,受注サイト,website,internet,3\ndb-1,基幹DB,internal,intranet,3\n")},
	"advisories/a.yaml": {Data: []byte(`- id: CVE-2017-5638
  title: Struts
  affected:
    - {product: apache:struts, versions: ">=2.5.0 <2.5.10.1"}
- id: CVE-2022-3602
  title: OpenSSL
  affected:
    - {product: openssl:openssl, versions: ">=3.0.0 <3.0.7"}
- id: CVE-2023-21980
  title: MySQL
  affected:
    - {product: oracle:mysql, versions: "<=8.0.32"}
- id: CVE-2021-42340
  title: Tomcat
  affected:
    - {product: apache:tomcat, versions: ">=9.0.40 <9.0.54"}
`)},
}

// TestDuckDBReductionMatchesCSV reduces a raw endpoint inventory with
// duplicate rows in DuckDB, with the repository's query
// (docs/sql/reduce-endpoint-inventory.sql), writes it as Parquet and
// checks that the snapshot reads it to the same components, the same
// counts and rejections, and the same findings as the hand-reduced CSV.
func TestDuckDBReductionMatchesCSV(t *testing.T) {
	node, dir := duckdb(t)
	out := filepath.Join(t.TempDir(), "components.parquet")
	query := filepath.Join("..", "..", "..", "docs", "sql", "reduce-endpoint-inventory.sql")
	cmd := exec.Command(node, filepath.Join("testdata", "duckdb", "reduce.cjs"), dir, filepath.Join("testdata", "duckdb", "raw.csv"), query, out)
	msg, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("duckdb: %v\n%s", err, msg)
	}
	if !strings.Contains(string(msg), "raw rows 15, reduced rows 7") {
		t.Fatalf("duckdb: %s", msg)
	}
	pq, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	fromCSV := loadWith(t, "components.csv", []byte(reducedCSV))
	fromPQ := loadWith(t, "components.parquet", pq)
	if len(fromCSV) == 0 || !slices.Contains(fromCSV, "found web-1 apache:struts 2.5.10 CVE-2017-5638 hosts=2") {
		t.Fatalf("the CSV gives no expected finding:\n%s", strings.Join(fromCSV, "\n"))
	}
	if strings.Join(fromCSV, "\n") != strings.Join(fromPQ, "\n") {
		t.Errorf("CSV:\n%s\nParquet:\n%s", strings.Join(fromCSV, "\n"), strings.Join(fromPQ, "\n"))
	}
}

// TestParquetFixtureMatchesCSV is the same comparison on the committed
// file DuckDB wrote (../source/testdata/parquet/components.parquet), so
// that it runs without node.
func TestParquetFixtureMatchesCSV(t *testing.T) {
	pq, err := os.ReadFile(filepath.Join("..", "source", "testdata", "parquet", "components.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	fromCSV := loadWith(t, "components.csv", []byte(reducedCSV))
	fromPQ := loadWith(t, "components.parquet", pq)
	if strings.Join(fromCSV, "\n") != strings.Join(fromPQ, "\n") {
		t.Errorf("CSV:\n%s\nParquet:\n%s", strings.Join(fromCSV, "\n"), strings.Join(fromPQ, "\n"))
	}
}

// position matches a position in the components file, which differs
// between the CSV (its line, the header being line 1) and the Parquet
// file (its row).
var position = regexp.MustCompile(`components\.(csv|parquet):\d+(:\d+)?`)

// loadWith loads the snapshot with the components file given and returns
// what it read, without positions: the components file's counts, the
// components, the rejections and the findings, one line each.
func loadWith(t *testing.T, name string, data []byte) []string {
	t.Helper()
	fsys := fstest.MapFS{name: {Data: data}}
	for k, v := range duckdbSnapshot {
		fsys[k] = v
	}
	var diags source.Diagnostics
	snap := snapshot.Load(fsys, snapshot.Options{Feeds: all.Parsers()}, &diags)
	if len(snap.Fatal) > 0 {
		t.Fatalf("%s: %v", name, snap.Fatal)
	}
	var out []string
	for _, f := range snap.Files {
		if f.Path == name {
			out = append(out, fmt.Sprintf("file read=%d accepted=%d rejected=%d", f.Read, f.Accepted, f.Rejected))
		}
	}
	for _, c := range snap.Components {
		out = append(out, fmt.Sprintf("component %s %s %s %q hosts=%d", c.System, c.Key, c.Version, c.Name, c.Hosts))
	}
	for _, r := range snap.Rejections {
		out = append(out, "rejected "+r.Kind+" "+r.ID+" "+position.ReplaceAllString(strings.Join(r.Reasons, "; "), "POS"))
	}
	for _, d := range diags.Sorted() {
		if strings.HasPrefix(d.Pos.File, "components.") {
			out = append(out, d.Severity.String()+" "+position.ReplaceAllString(d.Msg, "POS"))
		}
	}
	vulns := vuln.Merge(snap.Advisories)
	m := match.Match(snap.Components, vulns, func(string) bool { return false })
	for _, f := range m.Found {
		c := snap.Components[f.Component]
		out = append(out, fmt.Sprintf("found %s %s %s %s hosts=%d", c.System, c.Key, c.Version, vulns[f.Vuln].ID, f.Hosts))
	}
	return out
}
