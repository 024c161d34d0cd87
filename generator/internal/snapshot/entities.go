package snapshot

import (
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/lifecycle"
	"vulnreport/generator/internal/notification"
	"vulnreport/generator/internal/product"
	"vulnreport/generator/internal/remediation"
	"vulnreport/generator/internal/source"
)

// entity describes one of the contract's entity files.
type entity struct {
	name    string
	aliases map[string]string
	decode  func(l *loader, rec source.Record, st *source.FileStat)
	// probe decodes a record without side effects, to learn its fields.
	probe func(source.Record, *source.Diagnostics) *source.Decoder
}

func entities() []entity {
	return []entity{
		{"products", productAliases, (*loader).product, probe(decodeProduct)},
		{"systems", inventory.SystemAliases, (*loader).system, probe(inventory.DecodeSystem)},
		{"components", inventory.ComponentAliases, (*loader).component, probe(inventory.DecodeComponent)},
		{"lifecycle", lifecycle.Aliases, (*loader).cycle, probe(lifecycle.Decode)},
		{"remediation", remediation.Aliases, (*loader).remediation, probe(remediation.Decode)},
		{"notifications", notification.Aliases, (*loader).notification, probe(notification.Decode)},
		{"changes", inventory.ChangeAliases, (*loader).change, probe(inventory.DecodeChange)},
	}
}

var productAliases = map[string]string{"製品キー": "key", "製品名": "name", "別名": "aliases", "バージョン体系": "scheme", "体系": "scheme"}

// ProductAliases maps Japanese headers of products files to fields.
var ProductAliases = productAliases

// probe adapts an entity decoder for source.KnownFields.
func probe[T any](decode func(source.Record, *source.Diagnostics) (T, *source.Decoder)) func(source.Record, *source.Diagnostics) *source.Decoder {
	return func(r source.Record, d *source.Diagnostics) *source.Decoder {
		_, dec := decode(r, d)
		return dec
	}
}

func decodeProduct(rec source.Record, diags *source.Diagnostics) (product.Product, *source.Decoder) {
	d := source.NewDecoder("products", rec, diags)
	p := product.Product{Pos: rec.Pos}
	p.Key = d.String("key", true)
	if p.Key != "" {
		if _, err := product.Parse(p.Key); err != nil {
			d.Errorf("key", "%v", err)
		}
	}
	p.Name = d.Text("name", false)
	p.Aliases = d.List("aliases")
	p.Scheme = inventory.SchemeField(d)
	return p, d
}

func (l *loader) product(rec source.Record, st *source.FileStat) {
	p, d := decodeProduct(rec, l.diags)
	if l.accept(d, st, "products", p.Key) {
		l.s.Products = append(l.s.Products, p)
	}
}

func (l *loader) system(rec source.Record, st *source.FileStat) {
	n := l.diags.Len()
	s, d := inventory.DecodeSystem(rec, l.diags)
	if l.accept(d, st, "systems", s.ID) {
		l.s.Systems = append(l.s.Systems, s)
		return
	}
	l.rejectedSystem(rec, l.diags.Since(n))
}

func (l *loader) component(rec source.Record, st *source.FileStat) {
	c, d := inventory.DecodeComponent(rec, l.diags)
	var p *productText
	if c.Product != "" {
		if p = l.productOf(c.Product); p.err != nil {
			d.Errorf("product", "%v", p.err)
		}
	}
	if !d.Failed() && c.Version != "" {
		if c.Scheme == "" && p != nil {
			c.Scheme = l.schemeOf(p)
		}
		l.warnVersion(d.Pos("version"), c.Scheme, c.Version)
	}
	if l.accept(d, st, "components", c.System) {
		l.internComponent(&c, p)
		var like *inventory.Facts
		if p != nil {
			like = p.facts
		}
		row := l.parts.ComponentLike(c, like)
		if p != nil {
			p.facts = row.Facts
		}
		l.s.Components = append(reserve(l, l.s.Components, st), row)
	}
}

func (l *loader) cycle(rec source.Record, st *source.FileStat) {
	c, d := lifecycle.Decode(rec, l.diags)
	if l.accept(d, st, "lifecycle", c.Product) {
		l.s.Cycles = append(l.s.Cycles, c)
	}
}

func (l *loader) remediation(rec source.Record, st *source.FileStat) {
	r, d := remediation.Decode(rec, l.diags)
	if l.accept(d, st, "remediation", r.ID) {
		l.s.Remediations = append(l.s.Remediations, r)
	}
}

func (l *loader) notification(rec source.Record, st *source.FileStat) {
	n, d := notification.Decode(rec, l.diags)
	if l.accept(d, st, "notifications", n.ID) {
		l.s.Notifications = append(l.s.Notifications, n)
	}
}

func (l *loader) change(rec source.Record, st *source.FileStat) {
	c, d := inventory.DecodeChange(rec, l.diags)
	if l.accept(d, st, "changes", c.ID) {
		l.s.Changes = append(l.s.Changes, c)
	}
}
