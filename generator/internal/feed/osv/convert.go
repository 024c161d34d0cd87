package osv

import (
	"encoding/json"
	"fmt"
	"strings"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/feed/internal/feedutil"
	"vulnreport/generator/internal/product"
	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/version"
	"vulnreport/generator/internal/version/scheme"
)

func (p *parser) convert(r *record, id string, pos source.Pos) advisory.Advisory {
	a := advisory.Advisory{ID: id, Source: Kind, Origin: p.name, Pos: pos}
	for _, al := range append(append([]string{}, r.Aliases...), r.Upstream...) {
		if al = strings.TrimSpace(al); al != "" && al != id {
			a.Aliases = append(a.Aliases, al)
		}
	}
	a.Aliases = feedutil.Dedup(a.Aliases)
	a.Summary.EN = strings.TrimSpace(r.Details)
	a.Title.EN = strings.TrimSpace(r.Summary)
	if a.Title.EN == "" {
		a.Title.EN = feedutil.TitleFrom(a.Summary.EN)
	}
	if a.Summary.EN == "" {
		a.Summary.EN = a.Title.EN
	}
	a.Published, _ = feedutil.Date(r.Published)
	a.Updated, _ = feedutil.Date(r.Modified)
	sev := append([]severity{}, r.Severity...)
	for _, af := range r.Affected {
		sev = append(sev, af.Severity...)
	}
	a.CVSS = p.cvss(sev, id, pos)
	var db dbSpecific
	if len(r.DatabaseSpec) > 0 && json.Unmarshal(r.DatabaseSpec, &db) == nil {
		for _, c := range db.CWEIDs {
			if feedutil.IsCWE(c) {
				a.CWE = append(a.CWE, c)
			}
		}
	}
	for _, ref := range r.References {
		if u := strings.TrimSpace(ref.URL); feedutil.IsHTTP(u) {
			a.References = append(a.References, u)
		}
	}
	a.CWE, a.References = feedutil.Dedup(a.CWE), feedutil.Dedup(a.References)
	a.Affected = p.affected(r, id, pos)
	var fixed []string
	for _, af := range a.Affected {
		for _, f := range af.Fixed {
			label := af.Product + " " + f
			fixed = append(fixed, label)
		}
	}
	a.Fixed = strings.Join(feedutil.Dedup(fixed), "; ")
	return a
}

func (p *parser) cvss(sev []severity, id string, pos source.Pos) *advisory.CVSS {
	for _, typ := range []string{"CVSS_V3", "CVSS_V4", "CVSS_V2"} {
		for _, s := range sev {
			if !strings.EqualFold(s.Type, typ) || strings.TrimSpace(s.Score) == "" {
				continue
			}
			ver := map[string]string{"CVSS_V4": "4.0", "CVSS_V2": "2.0"}[typ]
			c, warns := feedutil.CVSS(ver, strings.TrimSpace(s.Score), 0, false)
			for _, w := range warns {
				p.warn(pos, id, w)
			}
			if c != nil {
				return c
			}
		}
	}
	return nil
}

// affected converts the record's affected packages, one entry per
// (key, ecosystem release), merging repeated packages.
func (p *parser) affected(r *record, id string, pos source.Pos) []advisory.Affected {
	type group struct {
		af      advisory.Affected
		clauses []string
		free    []string
	}
	var order []*group
	byKey := map[string]*group{}
	for i, af := range r.Affected {
		eco := strings.TrimSpace(af.Package.Ecosystem)
		name := strings.TrimSpace(af.Package.Name)
		e, known := lookupEcosystem(eco)
		var key string
		switch {
		case known && name != "":
			key = packageKey(e, name)
		case af.Package.Purl != "":
			if ref, err := product.Parse(af.Package.Purl); err == nil && ref.Kind == "purl" {
				key = ref.Key
			}
			if !known {
				p.warn(pos, id, fmt.Sprintf("affected[%d]: ecosystem %q is not one this reader knows: key %s from the purl, versions in the component's scheme", i, feedutil.Clip(eco), key))
			}
		}
		if key == "" {
			p.warn(pos, id, fmt.Sprintf("affected[%d] names no package this reader can key (ecosystem %q, name %q, no purl): skipped", i, feedutil.Clip(eco), feedutil.Clip(name)))
			continue
		}
		gk := key + "\x00" + eco
		g := byKey[gk]
		if g == nil {
			g = &group{af: advisory.Affected{Key: key, Product: strings.TrimSpace(name + " (" + eco + ")"), Pos: pos, Scheme: e.scheme}}
			if e.distro {
				g.af.Distro, g.af.DistroAdvisory = eco, id
			}
			byKey[gk] = g
			order = append(order, g)
		}
		var rr rangeResult
		ranged := false
		for _, rg := range af.Ranges {
			switch strings.ToUpper(strings.TrimSpace(rg.Type)) {
			case "GIT":
				if p.gitRanges == 0 {
					p.gitPos = pos
				}
				p.gitRanges++
			case "ECOSYSTEM", "SEMVER":
				events(rg.Events, &rr)
				ranged = true
			default:
				rr.free = append(rr.free, fmt.Sprintf("a range of type %q", feedutil.Clip(rg.Type)))
			}
		}
		if !ranged && len(rr.free) == 0 {
			for _, v := range af.Versions {
				if v = strings.TrimSpace(v); badVersion(v) {
					rr.free = append(rr.free, "version "+v)
				} else {
					rr.clauses = append(rr.clauses, "="+v)
				}
			}
			if len(rr.clauses) == 0 && len(rr.free) == 0 {
				rr.free = append(rr.free, "no ECOSYSTEM or SEMVER range and no versions listed")
			}
		}
		for _, c := range rr.clauses {
			if !contains(g.clauses, c) {
				g.clauses = append(g.clauses, c)
			}
		}
		for _, f := range rr.fixed {
			if !contains(g.af.Fixed, f) {
				g.af.Fixed = append(g.af.Fixed, f)
			}
		}
		g.free = append(g.free, rr.free...)
	}
	var out []advisory.Affected
	for _, g := range order {
		if len(g.clauses) > 0 {
			a := g.af
			a.Versions = strings.Join(g.clauses, " || ")
			if contains(g.clauses, "*") {
				a.Versions = "*"
			}
			if err := checkRange(a.Scheme, a.Versions); err != nil {
				// not a range in the ecosystem's own ordering: confirm by hand
				g.free = append(g.free, a.Versions)
				p.warn(pos, id, fmt.Sprintf("%s: versions %q are not a range in the %s scheme (%v)", a.Key, a.Versions, a.Scheme, err))
			} else {
				if rg, err := version.ParseRange(a.Versions); err == nil {
					a.Range = rg
				}
				out = append(out, a)
			}
		}
		if len(g.free) > 0 {
			a := g.af
			a.Fixed = nil
			a.FreeText = strings.Join(feedutil.Dedup(g.free), "; ")
			p.warn(pos, id, fmt.Sprintf("%s: %s: kept as text that needs confirmation", a.Key, a.FreeText))
			out = append(out, a)
		}
	}
	return out
}

// checkRange reads expr in the named scheme; an ecosystem without a
// scheme of its own accepts every range (the component's scheme decides).
func checkRange(name, expr string) error {
	sc, ok := scheme.Lookup(name)
	if name == "" || !ok {
		return nil
	}
	_, err := scheme.ParseRange(sc, expr)
	return err
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
