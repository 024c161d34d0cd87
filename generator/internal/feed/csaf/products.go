package csaf

import (
	"net/url"
	"regexp"
	"strings"

	"vulnreport/generator/internal/product"
)

// pkg is what a product id of a vulnerability's product_status names.
type pkg struct {
	// key is the package's purl without version ("pkg:rpm/redhat/sudo").
	key  string
	name string
	// evr is the package's [epoch:]version-release, "" when the product
	// names no version (VEX: "red_hat_enterprise_linux_9:kernel").
	evr string
	// distro is "Red Hat:" and the platform CPE's tail, or "Red Hat".
	distro string
}

// products resolves product ids through the product tree.
type products struct {
	byID map[string]fullProduct
	rels map[string]relationship
}

func newProducts(t *productTree) *products {
	p := &products{byID: map[string]fullProduct{}, rels: map[string]relationship{}}
	var walk func(bs []branch, depth int)
	walk = func(bs []branch, depth int) {
		if depth > 32 {
			return
		}
		for _, b := range bs {
			if b.Product != nil && b.Product.ProductID != "" {
				p.byID[b.Product.ProductID] = *b.Product
			}
			walk(b.Branches, depth+1)
		}
	}
	walk(t.Branches, 0)
	for _, fp := range t.FullProductNames {
		if fp.ProductID != "" {
			p.byID[fp.ProductID] = fp
		}
	}
	for _, r := range t.Relationships {
		if id := r.FullProductName.ProductID; id != "" {
			p.rels[id] = r
		}
	}
	return p
}

// nevra reads Red Hat's product ids and names "bind-32:9.8.2-0.68.rc1.el6_10.17.x86_64"
// and "sudo-0:1.9.5p2-7.el9_0.4.src": name, epoch, version, release, arch.
var nevra = regexp.MustCompile(`^(.+)-(\d+):([^-:]+)-([^-:]+)\.([a-z0-9_]+)$`)

// resolve returns the package a product id names; ok is false when the
// product tree does not name a package.
func (p *products) resolve(id string) (pkg, bool) {
	var out pkg
	out.distro = "Red Hat"
	pkgID := id
	if r, ok := p.rels[id]; ok {
		pkgID = r.ProductReference
		if plat, ok := p.byID[r.RelatesTo]; ok {
			out.distro = distro(plat.Helper.CPE)
		}
	} else if platID, rest, ok := strings.Cut(id, ":"); ok {
		// "<platform>:<package>" without a relationship
		if plat, known := p.byID[platID]; known && plat.Helper.CPE != "" {
			pkgID, out.distro = rest, distro(plat.Helper.CPE)
		}
	}
	fp, known := p.byID[pkgID]
	if !known {
		fp = fullProduct{Name: pkgID, ProductID: pkgID}
	}
	if pu := strings.TrimSpace(fp.Helper.Purl); pu != "" {
		if ref, err := product.Parse(pu); err == nil && ref.Kind == "purl" {
			out.key, out.evr = ref.Key, ref.Version
			out.name = ref.Key[strings.LastIndexByte(ref.Key, '/')+1:]
			if e := purlQualifier(pu, "epoch"); e != "" && e != "0" && out.evr != "" {
				out.evr = e + ":" + out.evr
			}
			return out, true
		}
	}
	for _, s := range []string{fp.ProductID, fp.Name} {
		if m := nevra.FindStringSubmatch(strings.TrimSpace(s)); m != nil && !strings.ContainsAny(m[1], ": /") {
			out.name, out.evr = m[1], m[3]+"-"+m[4]
			if m[2] != "0" {
				out.evr = m[2] + ":" + out.evr
			}
			out.key = "pkg:rpm/redhat/" + strings.ToLower(out.name)
			return out, true
		}
	}
	// A component without a version (VEX): "kernel", "bind-libs".
	if n := strings.TrimSpace(fp.Name); known && n != "" && !strings.ContainsAny(n, " :/") {
		out.name, out.key = n, "pkg:rpm/redhat/"+strings.ToLower(n)
		return out, true
	}
	return out, false
}

// distro spells a Red Hat platform CPE as OSV spells its Red Hat
// ecosystems: "cpe:/o:redhat:enterprise_linux:9::baseos" → "Red Hat:enterprise_linux:9::baseos".
func distro(cpe string) string {
	cpe = strings.TrimSpace(cpe)
	for _, pre := range []string{"cpe:/o:redhat:", "cpe:/a:redhat:"} {
		if tail, ok := strings.CutPrefix(cpe, pre); ok && tail != "" {
			return "Red Hat:" + tail
		}
	}
	return "Red Hat"
}

// purlQualifier returns the value of one qualifier of a purl.
func purlQualifier(purl, name string) string {
	_, q, ok := strings.Cut(purl, "?")
	if !ok {
		return ""
	}
	q, _, _ = strings.Cut(q, "#")
	vals, err := url.ParseQuery(q)
	if err != nil {
		return ""
	}
	return vals.Get(name)
}
