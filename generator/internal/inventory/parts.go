package inventory

import (
	"slices"
	"time"
)

// Parts keeps one copy of each distinct part of the component rows made
// through it, so that rows giving equal facts or dates point to the same
// part. A part is shared only with rows whose fields equal it exactly
// (dates by ==, patches by content and by nil-ness), so every row reads
// as it was written. The zero Parts is ready to use; it is not safe for
// concurrent use.
type Parts struct {
	facts     map[factsKey][]*Facts
	installed map[time.Time]*InstallDate
	updated   map[time.Time]*UpdateDate
	// last is the part the previous row was given: rows of one product
	// often follow each other.
	last *Facts
}

// factsKey is a Facts without its patches, which decide among the parts
// of one key.
type factsKey struct {
	product, key, name, scheme, source string
}

// Component returns the row of f, sharing the parts of earlier rows equal
// to its own. f.Patches becomes part of the table: it must not be written
// afterwards.
func (p *Parts) Component(f Flat) Component {
	return p.ComponentLike(f, nil)
}

// ComponentLike is Component for a row whose facts likely equal like, a
// part this table gave an earlier row (of the same product), which is
// tried before the table; like may be nil.
func (p *Parts) ComponentLike(f Flat, like *Facts) Component {
	fa := f.facts()
	fp := like
	if like == nil || !sameFacts(like, &fa) {
		fp = p.Facts(fa)
	}
	return Component{Facts: fp, InstallDate: p.installDate(f.Installed), UpdateDate: p.updateDate(f.Updated),
		System: f.System, Version: f.Version, Hosts: f.Hosts, Pos: f.Pos}
}

// Share gives c the table's parts equal to its own, adding them when
// new: c reads the same after. c's Patches then belong to the table.
func (p *Parts) Share(c *Component) {
	*c = p.Component(c.Flat())
}

// Edit gives c a part equal to its Facts changed by edit, leaving every
// other row, and the part c had, as they were. edit gets a copy; it must
// not write into the elements of its Patches (give it a new slice).
func (p *Parts) Edit(c *Component, edit func(*Facts)) {
	f := *c.Facts
	edit(&f)
	c.Facts = p.Facts(f)
}

// EditShared is Edit for an edit that depends on the row's facts alone:
// memo remembers, per part, the part the edit made of it, so that the
// rows sharing facts are edited once and share the result.
func (p *Parts) EditShared(memo map[*Facts]*Facts, c *Component, edit func(*Facts)) {
	if f, ok := memo[c.Facts]; ok {
		c.Facts = f
		return
	}
	old := c.Facts
	p.Edit(c, edit)
	memo[old] = c.Facts
}

// Facts returns the table's part equal to f, adding a copy of f when
// there is none. f.Patches becomes part of the table.
func (p *Parts) Facts(f Facts) *Facts {
	if l := p.last; l != nil && sameFacts(l, &f) {
		return l
	}
	k := factsKey{f.Product, f.Key, f.Name, f.Scheme, f.Source}
	for _, q := range p.facts[k] {
		if samePatches(q.Patches, f.Patches) {
			p.last = q
			return q
		}
	}
	if p.facts == nil {
		p.facts = map[factsKey][]*Facts{}
	}
	q := new(Facts) // f itself would escape on every call
	*q = f
	p.facts[k] = append(p.facts[k], q)
	p.last = q
	return q
}

func sameFacts(a, b *Facts) bool {
	return a.Product == b.Product && a.Key == b.Key && a.Name == b.Name && a.Scheme == b.Scheme && a.Source == b.Source &&
		samePatches(a.Patches, b.Patches)
}

// samePatches reports whether a and b hold the same patches and are both
// nil or both not: a nil list and an empty one may read differently.
func samePatches(a, b []string) bool {
	return (a == nil) == (b == nil) && slices.Equal(a, b)
}

func (p *Parts) installDate(t time.Time) *InstallDate {
	return shared(&p.installed, t, func() *InstallDate { return &InstallDate{t} })
}

func (p *Parts) updateDate(t time.Time) *UpdateDate {
	return shared(&p.updated, t, func() *UpdateDate { return &UpdateDate{t} })
}

// shared returns the part of date t in *m, made by mk the first time.
func shared[T any](m *map[time.Time]*T, t time.Time, mk func() *T) *T {
	if d, ok := (*m)[t]; ok {
		return d
	}
	if *m == nil {
		*m = map[time.Time]*T{}
	}
	d := mk()
	(*m)[t] = d
	return d
}
