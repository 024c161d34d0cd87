package snapshot

import (
	"slices"
	"strings"

	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/product"
	"vulnreport/generator/internal/source"
)

// A snapshot repeats the same few strings — system ids, product keys,
// names, versions — over a million component rows. The loader keeps one
// copy of each, so that a record does not keep its whole CSV line alive,
// and parses or resolves each product once.

// intern returns the loader's copy of s.
func (l *loader) intern(s string) string {
	if s == "" {
		return ""
	}
	if c, ok := l.strs[s]; ok {
		return c
	}
	if l.strs == nil {
		l.strs = map[string]string{}
	}
	c := strings.Clone(s)
	l.strs[c] = c
	return c
}

// productText is what the loader knows of one product as written in
// components: its interned text, product.Parse's verdict, and the name
// the last component of that product gave, which usually repeats.
type productText struct {
	text, name string
	err        error
	// scheme is what rules 2–4 of choosing a scheme give the product
	// (schemes.go), once schemeSet.
	scheme    string
	schemeSet bool
	// facts is the shared part the last component of the product got,
	// which the next one usually equals.
	facts *inventory.Facts
}

// productOf returns what is known of product text s, parsing it once.
func (l *loader) productOf(s string) *productText {
	if p, ok := l.products[s]; ok {
		return p
	}
	if l.products == nil {
		l.products = map[string]*productText{}
	}
	_, err := product.Parse(s)
	p := &productText{text: l.intern(s), err: err}
	l.products[p.text] = p
	return p
}

// internComponent replaces the strings of an accepted component by the
// loader's copies, before it becomes a row sharing its parts. p is its
// product's entry, nil when it has none.
func (l *loader) internComponent(c *inventory.Flat, p *productText) {
	if c.System != l.lastSystem {
		l.lastSystem = l.intern(c.System)
	}
	c.System = l.lastSystem
	if p != nil {
		c.Product = p.text
		if c.Name != p.name {
			p.name = l.intern(c.Name)
		}
		c.Name = p.name
	} else {
		c.Product, c.Name = l.intern(c.Product), l.intern(c.Name)
	}
	c.Version = l.intern(c.Version)
	for i, s := range c.Patches {
		c.Patches[i] = l.intern(s)
	}
}

// resolved is the answer of Resolver.Resolve for one product text.
type resolved struct {
	key, version string
	err          error
}

// resolver caches r.Resolve by the product as written.
func resolver(r *product.Resolver) func(string) (string, string, error) {
	cache := map[string]resolved{}
	return func(s string) (string, string, error) {
		if x, ok := cache[s]; ok {
			return x.key, x.version, x.err
		}
		var x resolved
		x.key, x.version, x.err = r.Resolve(s)
		cache[s] = x
		return x.key, x.version, x.err
	}
}

// reserve makes room in s, when it is full, for the records that the CSV
// file being read is expected to give beyond those read so far, at the
// rate at which its rows were accepted so far: a million components then
// need no copy of the slice. Before the rows are estimated it doubles s,
// where append would grow a large slice by a quarter, copying it over
// and over.
func reserve[T any](l *loader, s []T, st *source.FileStat) []T {
	if len(s) < cap(s) {
		return s
	}
	if l.expect <= st.Read || st.Read == 0 {
		return slices.Grow(s, max(len(s), 64))
	}
	more := int(int64(l.expect-st.Read) * int64(st.Accepted) / int64(st.Read))
	return slices.Grow(s, more)
}
