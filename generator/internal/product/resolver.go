package product

import ()

// Resolver maps product references to canonical keys through the
// products table's keys and aliases.
type Resolver struct {
	byAlias  map[string]string
	products map[string]Product
}

// NewResolver builds a resolver from products.yaml records. A later alias
// that names a different key than an earlier one is reported by
// Conflicts, and the first one wins.
func NewResolver(products []Product) *Resolver {
	r := &Resolver{byAlias: map[string]string{}, products: map[string]Product{}}
	for _, p := range products {
		ref, err := Parse(p.Key)
		if err != nil {
			continue
		}
		p.Key = ref.Key
		r.products[ref.Key] = p
		r.add(ref.Key, ref.Key)
		for _, a := range p.Aliases {
			if ar, err := Parse(a); err == nil {
				r.add(ar.Key, ref.Key)
			}
			r.add(NormalizeName(a), ref.Key)
		}
	}
	return r
}

func (r *Resolver) add(alias, key string) {
	if _, ok := r.byAlias[alias]; !ok {
		r.byAlias[alias] = key
	}
}

// Resolve returns the canonical key for a written product and the version
// the reference carried. Unknown references keep their own normalized key.
func (r *Resolver) Resolve(s string) (key, version string, err error) {
	ref, err := Parse(s)
	if err != nil {
		return "", "", err
	}
	return r.Key(ref.Key), ref.Version, nil
}

// Key maps an already normalized key through the alias table.
func (r *Resolver) Key(k string) string {
	if c, ok := r.byAlias[k]; ok {
		return c
	}
	if c, ok := r.byAlias[NormalizeName(k)]; ok {
		return c
	}
	return k
}

// ResolveName maps a free-text "vendor product" pair, as CVE 5 and KEV
// write them, to a key. It tries the pair, the product alone, and the
// CPE-style "vendor:product" with spaces as underscores.
func (r *Resolver) ResolveName(vendor, productName string) string {
	for _, cand := range []string{vendor + " " + productName, productName} {
		if c, ok := r.byAlias[NormalizeName(cand)]; ok {
			return c
		}
	}
	return CPEStyle(vendor, productName)
}

// CPEStyle turns a vendor and product name into a lower-case
// "vendor:product" key with spaces as underscores.
func CPEStyle(vendor, productName string) string {
	f := func(s string) string {
		out := []rune{}
		for _, c := range s {
			switch {
			case c == ' ' || c == '\t':
				out = append(out, '_')
			default:
				out = append(out, c)
			}
		}
		return string(out)
	}
	return NormalizeName(f(vendor)) + ":" + NormalizeName(f(productName))
}

// Lookup returns the products.yaml record of a key.
func (r *Resolver) Lookup(key string) (Product, bool) {
	p, ok := r.products[key]
	return p, ok
}

// DisplayName returns a product key's display name from products.yaml in
// Japanese (or English when only that is given), or the key itself. A nil
// resolver returns the key.
func (r *Resolver) DisplayName(key string) string {
	if r != nil {
		if p, ok := r.Lookup(key); ok && !p.Name.IsZero() {
			return p.Name.Get("ja")
		}
	}
	return key
}
