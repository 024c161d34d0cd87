package cve5

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"vulnreport/generator/internal/feed/internal/feedutil"
	"vulnreport/generator/internal/product"
	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/version/scheme"
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
//
// versionType, when it names an ordering (scheme.ForVersionType: semver,
// maven, python, rpm, deb, …), is carried onto the items, so that the
// advisory's range records the scheme its versions are written in; the
// versions are read in it, or in the product's vendor scheme, as well as
// in the generic ordering. An exact version that is the version field of
// one of the entry's cpes with a concrete update field is folded with it
// ([feedutil.CPEVersion]): CISA ADP's {version: 1.8.0} beside
// cpe:2.3:a:oracle:jdk:1.8.0:update361 is "=1.8.0_361", not "=1.8.0".
func (p *parser) affected(items []feedutil.Item, list []affected, id string, pos source.Pos) []feedutil.Item {
	for _, af := range list {
		ks, name := keys(af)
		if len(ks) == 0 || len(ks) == 1 && ks[0] == "" && name == "" {
			p.warn(pos, id, fmt.Sprintf("an affected entry names no product (vendor %q, product %q, no cpes or package): skipped", feedutil.Clip(af.Vendor), feedutil.Clip(af.Product)))
			continue
		}
		type clause struct{ text, scheme string }
		var clauses []clause
		var free, unaffected []string
		for _, v := range af.Versions {
			var sc scheme.Scheme
			schemeName := ""
			if s, ok := scheme.ForVersionType(v.VersionType); ok {
				sc, schemeName = s, s.Name()
			} else if s, ok := scheme.ForProduct(ks[0]); ok {
				sc = s
			}
			if folded := foldedVersions(af.Cpes, v); len(folded) > 0 {
				for _, f := range folded {
					if strings.Contains(f, " update ") {
						free = append(free, "version "+f)
					} else {
						clauses = append(clauses, clause{"=" + f, schemeName})
					}
				}
				continue
			}
			cs, f := feedutil.CVE5ClausesIn(v, sc)
			for _, c := range cs {
				clauses = append(clauses, clause{c, schemeName})
			}
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
				clauses = []clause{{text: "*"}}
			case ds == "affected":
				free = []string{"all versions except: " + strings.Join(unaffected, "; ")}
			case len(af.Versions) == 0 && ds != "unaffected":
				free = []string{fmt.Sprintf("no versions listed (defaultStatus %q)", af.DefaultStatus)}
			}
		}
		for _, k := range ks {
			for _, c := range clauses {
				items = append(items, feedutil.Item{Key: k, Product: name, Clause: c.text, Scheme: c.scheme, Pos: pos})
			}
			for _, f := range free {
				items = append(items, feedutil.Item{Key: k, Product: name, Free: f, Pos: pos})
			}
		}
	}
	return items
}

// foldedVersions returns, for an exact affected version (no bounds, no
// changes), the versions that the entry's cpes with that version and a
// concrete update field give once folded ("1.8.0" + update361 →
// "1.8.0_361"); none when no such cpe exists.
func foldedVersions(cpes []string, v feedutil.CVE5Version) []string {
	if v.LessThan != "" || v.LessThanOrEqual != "" || len(v.Changes) > 0 || strings.EqualFold(strings.TrimSpace(v.Status), "unaffected") {
		return nil
	}
	ver := strings.TrimSpace(v.Version)
	var out []string
	plain := false
	for _, c := range cpes {
		_, cv, upd := feedutil.CPEFields(c)
		if cv != ver {
			continue
		}
		if upd == "" || upd == "*" || upd == "-" {
			plain = true // the bare version is named too
			continue
		}
		if f := feedutil.CPEVersion(c); !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	if plain && len(out) > 0 {
		out = append([]string{ver}, out...)
	}
	return out
}
