package fetch

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/feed/sbom"
	"vulnreport/generator/internal/product"
	"vulnreport/generator/internal/snapshot"
	"vulnreport/generator/internal/source"
)

// Inventory is what fetch needs to know of the organisation: the products
// it runs, so that JVN, endoflife.date, OSV and CVE 5 are queried for
// them and not for the world.
type Inventory struct {
	// Keys lists every product key of the inventory and its SBOMs, sorted.
	Keys []string
	// CPEs lists the "vendor:product" keys, sorted: the MyJVN queries.
	CPEs []string
	// EndOfLife lists the endoflife.date product names the keys map to.
	EndOfLife []string
	// Ecosystems lists the OSV ecosystems of the packages (from purl types).
	Ecosystems []string
	// CVEs holds the CVE ids the user's own advisories name.
	CVEs     map[string]bool
	resolver *product.Resolver
}

// ReadInventory reads the snapshot's systems, components, products, SBOMs
// and advisories. Records the build would reject are skipped here too;
// `vulnreport check` reports them.
func ReadInventory(dataDir string) (*Inventory, error) {
	var diags source.Diagnostics
	s := snapshot.Load(os.DirFS(dataDir), snapshot.Options{Feeds: map[string]feed.Parser{sbom.Kind: sbom.Parse}}, &diags)
	if !s.PolicyOK && len(s.Fatal) > 0 {
		return nil, fmt.Errorf("the snapshot cannot be read: %s", strings.Join(s.Fatal, "; "))
	}
	inv := &Inventory{CVEs: map[string]bool{}, resolver: s.Resolver}
	keys := map[string]bool{}
	for _, c := range s.Components {
		if c.Key != "" {
			keys[c.Key] = true
		}
	}
	for _, p := range s.Products {
		keys[p.Key] = true
	}
	for _, a := range s.Advisories {
		for _, id := range append([]string{a.ID}, a.Aliases...) {
			if isCVE(id) {
				inv.CVEs[strings.ToUpper(id)] = true
			}
		}
	}
	eol, eco := map[string]bool{}, map[string]bool{}
	for k := range keys {
		inv.Keys = append(inv.Keys, k)
		if !strings.HasPrefix(k, "pkg:") && strings.Count(k, ":") == 1 && !strings.Contains(k, " ") {
			inv.CPEs = append(inv.CPEs, k)
		}
		for _, name := range endOfLifeNames(k, s.Products) {
			eol[name] = true
		}
		if e := ecosystemOf(k); e != "" {
			eco[e] = true
		}
	}
	// the products whose pages are in feeds/endoflife/ already are refreshed too
	if des, err := os.ReadDir(dataDir + "/feeds/endoflife"); err == nil {
		for _, d := range des {
			if n, ok := strings.CutSuffix(d.Name(), ".md"); ok && d.Type().IsRegular() && !strings.HasPrefix(n, ".") {
				eol[n] = true
			}
		}
	}
	for n := range eol {
		inv.EndOfLife = append(inv.EndOfLife, n)
	}
	for e := range eco {
		inv.Ecosystems = append(inv.Ecosystems, e)
	}
	slices.Sort(inv.Keys)
	slices.Sort(inv.CPEs)
	slices.Sort(inv.EndOfLife)
	inv.EndOfLife = slices.Compact(inv.EndOfLife)
	slices.Sort(inv.Ecosystems)
	return inv, nil
}

// isCVE reports whether id is a CVE id.
func isCVE(id string) bool {
	return len(id) > 9 && strings.EqualFold(id[:4], "CVE-")
}

// ecosystemOf names the OSV ecosystem of a purl key, or "".
func ecosystemOf(key string) string {
	rest, ok := strings.CutPrefix(key, "pkg:")
	if !ok {
		return ""
	}
	typ, ns, _ := strings.Cut(rest, "/")
	ns, _, _ = strings.Cut(ns, "/")
	ns = strings.ToLower(ns)
	switch strings.ToLower(typ) {
	case "deb":
		if ns == "ubuntu" {
			return "Ubuntu"
		}
		return "Debian"
	case "rpm":
		switch ns {
		case "almalinux":
			return "AlmaLinux"
		case "rocky", "rocky-linux":
			return "Rocky Linux"
		case "redhat":
			return "Red Hat"
		case "opensuse", "suse":
			return "SUSE"
		}
		return ""
	case "apk":
		return "Alpine"
	case "npm":
		return "npm"
	case "golang":
		return "Go"
	case "pypi":
		return "PyPI"
	case "maven":
		return "Maven"
	case "cargo":
		return "crates.io"
	case "gem":
		return "RubyGems"
	case "nuget":
		return "NuGet"
	case "composer":
		return "Packagist"
	}
	return ""
}

// endOfLifeNames gives the endoflife.date product names of a key: from
// the table of every endoflife.date product's identifiers, and from
// "endoflife:<name>" aliases in products.yaml.
func endOfLifeNames(key string, products []product.Product) []string {
	var out []string
	out = append(out, eolByKey()[key]...)
	if _, prod, ok := strings.Cut(key, ":"); ok && !strings.HasPrefix(key, "pkg:") && len(out) == 0 {
		// pages without identifiers: the product part names the page
		out = append(out, eolByKey()["name:"+strings.ReplaceAll(prod, "_", "-")]...)
	}
	if n, ok := strings.CutPrefix(key, "endoflife:"); ok {
		out = append(out, n)
	}
	for _, p := range products {
		if p.Key != key {
			continue
		}
		for _, a := range p.Aliases {
			if n, ok := strings.CutPrefix(a, "endoflife:"); ok {
				out = append(out, n)
			}
		}
	}
	return out
}
