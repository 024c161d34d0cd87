package cve5

import (
	"fmt"
	"net/url"
	"strings"

	"vulnreport/generator/internal/feed/internal/feedutil"
	"vulnreport/generator/internal/product"
	"vulnreport/generator/internal/source"
)

// purlTypes maps package repositories named by collectionURL to purl types.
var purlTypes = map[string]string{
	"repo.maven.apache.org": "maven", "repo1.maven.org": "maven", "central.sonatype.com": "maven",
	"www.npmjs.com": "npm", "registry.npmjs.org": "npm", "npmjs.com": "npm",
	"pypi.org": "pypi", "pypi.python.org": "pypi",
	"crates.io": "cargo", "rubygems.org": "gem", "packagist.org": "composer",
	"www.nuget.org": "nuget", "nuget.org": "nuget", "pkg.go.dev": "golang", "proxy.golang.org": "golang",
}

// packagePurl returns a purl without version for a package entry, or "".
func packagePurl(collection, pkg string) string {
	u, err := url.Parse(strings.TrimSpace(collection))
	pkg = strings.TrimSpace(pkg)
	if err != nil || pkg == "" {
		return ""
	}
	typ := purlTypes[strings.ToLower(u.Host)]
	switch typ {
	case "":
		return ""
	case "maven":
		pkg = strings.Replace(pkg, ":", "/", 1)
	}
	return "pkg:" + typ + "/" + pkg
}

// meaningful reports whether a vendor or product name says something.
func meaningful(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return s != "" && s != "n/a" && s != "unknown" && s != "unspecified"
}

// keys returns the product keys of an affected entry and its free-text name.
func keys(af affected) (ks []string, name string) {
	for _, c := range af.Cpes {
		if ref, err := product.Parse(c); err == nil && ref.Kind == "cpe" {
			ks = append(ks, ref.Key)
		}
	}
	ks = feedutil.Dedup(ks)
	vendor, prod := strings.TrimSpace(af.Vendor), strings.TrimSpace(af.Product)
	name = strings.TrimSpace(strings.Join(nonEmpty(vendor, prod), " "))
	if len(ks) > 0 {
		return ks, name
	}
	if meaningful(prod) {
		v := vendor
		if !meaningful(v) {
			v = prod
		}
		return []string{product.CPEStyle(v, prod)}, name
	}
	if pu := packagePurl(af.CollectionURL, af.PackageName); pu != "" {
		if ref, err := product.Parse(pu); err == nil {
			if name == "" {
				name = af.PackageName
			}
			return []string{ref.Key}, name
		}
	}
	if pkg := strings.TrimSpace(af.PackageName); meaningful(pkg) {
		// no key: the snapshot resolves the package name through products.yaml
		return []string{""}, pkg
	}
	return nil, name
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if meaningful(s) {
			out = append(out, s)
		}
	}
	return out
}

// affected converts affected entries to items.
func (p *parser) affected(items []feedutil.Item, list []affected, id string, pos source.Pos) []feedutil.Item {
	for _, af := range list {
		ks, name := keys(af)
		if len(ks) == 0 || len(ks) == 1 && ks[0] == "" && name == "" {
			p.warn(pos, id, fmt.Sprintf("an affected entry names no product (vendor %q, product %q, no cpes or package): skipped", feedutil.Clip(af.Vendor), feedutil.Clip(af.Product)))
			continue
		}
		var clauses, free, unaffected []string
		for _, v := range af.Versions {
			cs, f := feedutil.CVE5Clauses(v)
			clauses = append(clauses, cs...)
			if f != "" {
				free = append(free, f)
			}
			if strings.EqualFold(strings.TrimSpace(v.Status), "unaffected") {
				unaffected = append(unaffected, feedutil.DescribeCVE5(v))
			}
		}
		if len(clauses) == 0 && len(free) == 0 {
			switch ds := strings.ToLower(strings.TrimSpace(af.DefaultStatus)); {
			case ds == "affected" && len(unaffected) == 0:
				clauses = []string{"*"}
			case ds == "affected":
				free = []string{"all versions except: " + strings.Join(unaffected, "; ")}
			case len(af.Versions) == 0 && ds != "unaffected":
				free = []string{fmt.Sprintf("no versions listed (defaultStatus %q)", af.DefaultStatus)}
			}
		}
		for _, k := range ks {
			for _, c := range clauses {
				items = append(items, feedutil.Item{Key: k, Product: name, Clause: c, Pos: pos})
			}
			for _, f := range free {
				items = append(items, feedutil.Item{Key: k, Product: name, Free: f, Pos: pos})
			}
		}
	}
	return items
}
