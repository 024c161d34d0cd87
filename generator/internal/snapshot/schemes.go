package snapshot

import (
	"strings"

	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/product"
	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/version"
	"vulnreport/generator/internal/version/scheme"
)

// Choosing a component's version scheme (issue 12), first rule that
// applies:
//
//  1. the component's scheme column;
//  2. the scheme column of its product in products.yaml;
//  3. the type of the purl it is written as (pkg:deb → deb, pkg:npm →
//     semver, …; scheme.ForPurlType);
//  4. the vendor product table (scheme.ForProduct: PAN-OS → panos, …);
//
// else none: each comparison then uses the advisory range's own scheme
// (CVE 5 versionType, OSV ecosystem), else generic. Matching applies
// that last step, per advisory.

// productScheme returns the scheme rules 2–4 give product text as
// written, "" when none does. r resolves aliases; it may be nil.
func productScheme(r *product.Resolver, written string) string {
	ref, err := product.Parse(written)
	if err != nil {
		return ""
	}
	key := ref.Key
	if r != nil {
		key = r.Key(ref.Key)
		if p, ok := r.Lookup(key); ok && p.Scheme != "" {
			return p.Scheme
		}
	}
	if ref.Kind == "purl" {
		typ := strings.TrimPrefix(ref.Key, "pkg:")
		if i := strings.IndexByte(typ, '/'); i >= 0 {
			typ = typ[:i]
		}
		if s, ok := scheme.ForPurlType(typ); ok {
			return s.Name()
		}
	}
	for _, k := range []string{key, ref.Key} {
		if s, ok := scheme.ForProduct(k); ok {
			return s.Name()
		}
	}
	return ""
}

// versionProblem says why a version cannot be read in its scheme ("" is
// generic), or returns "" when it can. Results are cached per scheme and
// version: a million components repeat a few thousand versions.
func (l *loader) versionProblem(schemeName, v string) string {
	k := [2]string{schemeName, v}
	if msg, ok := l.verChecked[k]; ok {
		return msg
	}
	if l.verChecked == nil {
		l.verChecked = map[[2]string]string{}
	}
	msg := ""
	if schemeName == "" || schemeName == "generic" {
		if _, err := version.Parse(v); err != nil {
			msg = err.Error()
		}
	} else if sc, ok := scheme.Lookup(schemeName); ok {
		if _, err := sc.Parse(v); err != nil {
			msg = err.Error()
		}
	}
	l.verChecked[k] = msg
	return msg
}

// warnVersion warns, at pos, about a component version its scheme cannot
// read: it will be compared with no range, and matching lists it as
// needing confirmation wherever advisories or release lines exist.
func (l *loader) warnVersion(pos source.Pos, schemeName, v string) {
	msg := l.versionProblem(schemeName, v)
	if msg == "" {
		return
	}
	if schemeName == "" {
		schemeName = "generic"
	}
	l.diags.Warnf(pos, "field \"version\": %q cannot be read as a %s version (%s): it is compared with no advisory range, and each advisory of its product becomes a needs-confirmation (要確認) item", v, schemeName, msg)
}

// componentSchemes fills every component's scheme by rules 2–4 where its
// own column gave none. Components from SBOMs have their versions checked
// here (at the component's position); inventory rows were checked as they
// were read, at the version's cell.
func (l *loader) componentSchemes() {
	s := l.s
	cache := map[string]string{}
	// The scheme depends on the product as written alone: rows sharing
	// facts share the facts with their scheme.
	schemed := map[*inventory.Facts]*inventory.Facts{}
	for i := range s.Components {
		c := &s.Components[i]
		if c.Scheme == "" && c.Product != "" {
			l.parts.EditShared(schemed, c, func(f *inventory.Facts) {
				sc, ok := cache[f.Product]
				if !ok {
					sc = productScheme(s.Resolver, f.Product)
					cache[f.Product] = sc
				}
				f.Scheme = sc
			})
		}
		if c.Source != "inventory" && c.Version != "" {
			l.warnVersion(c.Pos, c.Scheme, c.Version)
		}
	}
}

// schemeOf returns the scheme rules 2–4 give a product as written, while
// components are read: products files are read before components files.
func (l *loader) schemeOf(p *productText) string {
	if p.schemeSet {
		return p.scheme
	}
	if l.early == nil {
		l.early = product.NewResolver(l.s.Products)
	}
	p.scheme, p.schemeSet = productScheme(l.early, p.text), true
	return p.scheme
}
