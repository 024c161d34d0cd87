package snapshot

import (
	"fmt"
	"slices"

	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/lifecycle"
	"vulnreport/generator/internal/product"
	"vulnreport/generator/internal/remediation"
	"vulnreport/generator/internal/source"
)

// validate checks references between entities — unique ids, components and
// decisions naming known systems — and resolves product keys. A record that
// fails is moved from accepted to rejected in its file's counts.
func (l *loader) validate() {
	s := l.s
	s.Resolver = product.NewResolver(s.Products)
	s.Systems = uniq(l, s.Systems, "systems", func(x sysT) (string, source.Pos) { return x.ID, x.Pos })
	known := make(map[string]bool, len(s.Systems))
	for _, sys := range s.Systems {
		known[sys.ID] = true
	}
	// Components come grouped by system: look each run up once.
	lastSystem, lastKnown, looked := "", false, false
	s.Components = slices.DeleteFunc(s.Components, func(c compT) bool {
		if !looked || c.System != lastSystem {
			lastSystem, lastKnown, looked = c.System, known[c.System], true
		}
		if !lastKnown {
			l.unknownSystem(c.Pos, "components", c.System, c.System)
			return true
		}
		return false
	})
	resolve := resolver(s.Resolver)
	// The key depends on the product as written alone: rows sharing
	// facts share the facts with their key.
	keyed := map[*inventory.Facts]*inventory.Facts{}
	for i := range s.Components {
		c := &s.Components[i]
		key, ver, err := resolve(c.Product)
		if err != nil {
			continue
		}
		l.parts.EditShared(keyed, c, func(f *inventory.Facts) { f.Key = key })
		if c.Version == "" {
			c.Version = ver
		}
	}
	l.componentSchemes()
	s.Advisories = uniq(l, s.Advisories, "advisories", func(a advT) (string, source.Pos) {
		if a.Source != "" && a.Origin != "" && !isUserFile(a.Origin) {
			return "", a.Pos // feeds may repeat ids; they merge later
		}
		return a.ID, a.Pos
	})
	keys := map[[2]string]string{}
	for i := range s.Advisories {
		for j := range s.Advisories[i].Affected {
			af := &s.Advisories[i].Affected[j]
			k := [2]string{af.Key, af.Product}
			key, ok := keys[k]
			if !ok {
				key = resolveKey(s.Resolver, af.Key, af.Product)
				keys[k] = key
			}
			af.Key = key
		}
	}
	for i := range s.Cycles {
		c := &s.Cycles[i]
		c.Key = resolveKey(s.Resolver, c.Key, c.Product)
	}
	s.Cycles = uniq(l, s.Cycles, "lifecycle", func(c lifecycle.Cycle) (string, source.Pos) {
		if c.Origin != "lifecycle" {
			return "", c.Pos
		}
		return c.Key + "@" + c.Cycle, c.Pos
	})
	s.Remediations = uniq(l, s.Remediations, "remediation", func(r remediation.Record) (string, source.Pos) { return r.ID, r.Pos })
	s.Remediations = slices.DeleteFunc(s.Remediations, func(r remediation.Record) bool {
		if r.System != "" && r.System != remediation.Wildcard && !known[r.System] {
			l.unknownSystem(r.Pos, "remediation", r.ID, r.System)
			return true
		}
		return false
	})
	s.Notifications = uniq(l, s.Notifications, "notifications", func(n notifT) (string, source.Pos) { return n.ID, n.Pos })
	s.Notifications = slices.DeleteFunc(s.Notifications, func(n notifT) bool {
		if n.System != "" && !known[n.System] {
			l.unknownSystem(n.Pos, "notifications", n.ID, n.System)
			return true
		}
		return false
	})
	s.Changes = slices.DeleteFunc(s.Changes, func(c chgT) bool {
		if !known[c.System] {
			l.unknownSystem(c.Pos, "changes", c.ID, c.System)
			return true
		}
		return false
	})
	l.reportCascades()
}

func isUserFile(origin string) bool {
	return len(origin) > len("advisories/") && origin[:len("advisories/")] == "advisories/"
}

// uniq drops records whose key repeats an earlier one, rejecting them.
// An empty key is never a duplicate.
func uniq[T any](l *loader, xs []T, kind string, key func(T) (string, source.Pos)) []T {
	first := map[string]source.Pos{}
	return slices.DeleteFunc(xs, func(x T) bool {
		k, pos := key(x)
		if k == "" {
			return false
		}
		if p, dup := first[k]; dup {
			l.rejectLater(pos, kind, k, fmt.Sprintf("%s: duplicate id %q (first at %s)", pos, k, p))
			return true
		}
		first[k] = pos
		return false
	})
}

// rejectLater rejects a record that its decoder had accepted.
func (l *loader) rejectLater(pos source.Pos, kind, id, reason string) {
	l.diags.Errorf(pos, "%s", reason[len(pos.String())+2:])
	if st, ok := l.stats[pos.File]; ok {
		st.Accepted--
		st.Rejected++
	}
	l.s.Rejections = append(l.s.Rejections, source.Rejection{Pos: pos, Location: pos.String(), Kind: kind, ID: id, Reasons: []string{reason}})
}

// resolveKey maps a feed's key, or the product as written, to a product
// key. A feed key that names no known product (a CVE 5 "vendor:product"
// made from free text) falls back to the written name, which products.yaml
// aliases may know ("Apache Software Foundation Apache Log4j2").
func resolveKey(r *product.Resolver, key, written string) string {
	if key != "" {
		k := r.Key(key)
		if _, known := r.Lookup(k); known || written == "" {
			return k
		}
		if w, _, err := r.Resolve(written); err == nil {
			if _, known := r.Lookup(w); known {
				return w
			}
		}
		return k
	}
	if k, _, err := r.Resolve(written); err == nil {
		return k
	}
	return ""
}
