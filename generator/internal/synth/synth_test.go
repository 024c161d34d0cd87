package synth

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vulnreport/generator/internal/scaffold"
	"vulnreport/generator/internal/snapshot"
	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/version"
)

// small is the tiny enterprise of the tests; 150 products take in the
// synthetic catalog as well as the well-known products.
var small = Config{Systems: 50, Components: 2000, Advisories: 500, Products: 150}

// TestWriteLoads writes a small enterprise and loads it: every record is
// accepted, with no diagnostic at all, and the counts are as written.
func TestWriteLoads(t *testing.T) {
	dir := t.TempDir()
	st, err := Write(dir, small)
	if err != nil {
		t.Fatal(err)
	}
	if st.Systems != 50 || st.Components != 2000 || st.Advisories != 500 {
		t.Fatalf("stats = %+v, want 50 systems, 2000 components, 500 advisories", st)
	}
	if st.AdvisoryRows <= st.Advisories || st.Lifecycle == 0 || st.Remediations == 0 || st.Notifications == 0 {
		t.Fatalf("stats = %+v: want multi-row advisories, lifecycle, remediation and notifications", st)
	}
	var diags source.Diagnostics
	snap := snapshot.Load(os.DirFS(dir), snapshot.Options{}, &diags)
	if len(snap.Fatal) > 0 {
		t.Fatalf("fatal: %v", snap.Fatal)
	}
	for _, d := range diags.Sorted() {
		// Header warnings are the loader's opinion of the tool's own
		// template headers (TestHeaders checks them); anything else is a
		// problem in the data written.
		if d.Severity == source.Warning && d.Pos.Line == 1 && strings.Contains(d.Msg, "unknown column") {
			t.Logf("loader warns about a template header: %s", d)
			continue
		}
		t.Errorf("diagnostic: %s", d)
	}
	if len(snap.Rejections) > 0 {
		t.Fatalf("%d rejected records, first: %+v", len(snap.Rejections), snap.Rejections[0])
	}
	read, accepted, rejected := snap.Counts()
	if rejected != 0 || read != accepted {
		t.Errorf("counts read %d accepted %d rejected %d", read, accepted, rejected)
	}
	checks := []struct {
		what      string
		got, want int
	}{
		{"systems", len(snap.Systems), st.Systems},
		{"components", len(snap.Components), st.Components},
		{"advisories", len(snap.Advisories), st.Advisories},
		{"lifecycle", len(snap.Cycles), st.Lifecycle},
		{"remediation", len(snap.Remediations), st.Remediations},
		{"notifications", len(snap.Notifications), st.Notifications},
		{"products", len(snap.Products), st.ProductRecords},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: loaded %d, wrote %d", c.what, c.got, c.want)
		}
	}
	for _, f := range snap.Files {
		if f.Path == "advisories/synthetic.csv" && f.Read != st.AdvisoryRows {
			t.Errorf("advisory rows read %d, wrote %d", f.Read, st.AdvisoryRows)
		}
	}
	// Every component resolves to an installed vendor:product key, whether
	// written as a key, a CPE 2.3 name or a purl.
	forms := map[string]int{}
	for _, c := range snap.Components {
		switch {
		case strings.HasPrefix(c.Product, "cpe:2.3:"):
			forms["cpe"]++
		case strings.HasPrefix(c.Product, "pkg:"):
			forms["purl"]++
		default:
			forms["key"]++
		}
		if strings.HasPrefix(c.Key, "pkg:") || strings.Count(c.Key, ":") != 1 {
			t.Fatalf("%s: product %q resolved to %q, not a vendor:product key", c.Pos, c.Product, c.Key)
		}
	}
	if forms["cpe"] == 0 || forms["purl"] == 0 {
		t.Errorf("product forms %v: want some CPE names and purls", forms)
	}
	if st.ExpectedMatches == 0 {
		t.Errorf("no expected matches: the advisories name nothing installed")
	}
}

// TestHeaders checks the CSV header rows against those vulnreport init writes.
func TestHeaders(t *testing.T) {
	tmpl, out := t.TempDir(), t.TempDir()
	if err := scaffold.Init(tmpl, io.Discard); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(out, Config{Systems: 5, Components: 100, Advisories: 20}); err != nil {
		t.Fatal(err)
	}
	pairs := map[string]string{
		"systems.csv": "systems.csv", "components.csv": "components.csv", "products.csv": "products.csv",
		"lifecycle.csv": "lifecycle.csv", "remediation.csv": "remediation.csv", "notifications.csv": "notifications.csv",
		"advisories/synthetic.csv": "advisories/advisories.csv",
	}
	for got, want := range pairs {
		if g, w := firstLine(t, filepath.Join(out, got)), firstLine(t, filepath.Join(tmpl, want)); g != w {
			t.Errorf("%s header\n got %s\nwant %s", got, g, w)
		}
	}
}

func firstLine(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	line, _ := bufio.NewReader(f).ReadString('\n')
	return strings.TrimPrefix(strings.TrimRight(line, "\r\n"), "\ufeff")
}

// TestDeterministic writes twice and compares every byte.
func TestDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	sa, err := Write(a, small)
	if err != nil {
		t.Fatal(err)
	}
	sb, err := Write(b, small)
	if err != nil {
		t.Fatal(err)
	}
	if sa != sb {
		t.Errorf("stats differ: %+v vs %+v", sa, sb)
	}
	if ha, hb := treeHash(t, a), treeHash(t, b); ha != hb {
		t.Errorf("two writes with the same config differ")
	}
	c := t.TempDir()
	cfg := small
	cfg.Seed = 7
	if _, err := Write(c, cfg); err != nil {
		t.Fatal(err)
	}
	if treeHash(t, a) == treeHash(t, c) {
		t.Errorf("another seed wrote the same bytes")
	}
}

func treeHash(t *testing.T, dir string) [32]byte {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		h.Write([]byte(rel))
		h.Write(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}

// TestVersionsAscend checks every scheme against package version: each
// list parses, strictly ascends, and its lines match their versions only.
func TestVersionsAscend(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for s := range numSchemes {
		for range 200 {
			n := 5 + r.IntN(36)
			vl := genVersions(r, s, n)
			if len(vl.v) != n {
				t.Fatalf("scheme %d: %d versions, want %d", s, len(vl.v), n)
			}
			for i, v := range vl.v {
				pv, err := version.Parse(v)
				if err != nil {
					t.Fatalf("scheme %d: %v", s, err)
				}
				if i > 0 && version.Compare(vl.v[i-1], v) >= 0 {
					t.Fatalf("scheme %d: %q does not ascend after %q (%v)", s, v, vl.v[i-1], vl.v)
				}
				for k, line := range vl.lines {
					if got := version.HasPrefixLine(pv, line); got != (k == vl.line[i]) {
						t.Fatalf("scheme %d: line %q matches %q: %v", s, line, v, got)
					}
				}
				if b := bump(v); version.Compare(b, v) <= 0 {
					t.Fatalf("bump(%q) = %q is not after it", v, b)
				}
			}
		}
	}
}

// TestCatalogKeys checks the full-size catalog: unique keys, purls and names.
func TestCatalogKeys(t *testing.T) {
	c := newCatalog(rand.New(rand.NewPCG(1, 1)), DefaultProducts, 3*DefaultProducts)
	seen := map[string]bool{}
	for _, p := range c.products {
		for _, k := range []string{p.key, p.purl, strings.ToLower(p.name)} {
			if k != "" && seen[k] {
				t.Fatalf("duplicate %q", k)
			}
			seen[k] = true
		}
		if strings.Count(p.key, ":") != 1 || strings.ContainsAny(p.key, " /") {
			t.Fatalf("bad key %q", p.key)
		}
	}
	if !bytes.Equal([]byte(thousands(1234567)), []byte("1,234,567")) {
		t.Errorf("thousands(1234567) = %q", thousands(1234567))
	}
}
