package csaf

import (
	"fmt"
	"slices"
	"strings"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/feed/internal/feedutil"
	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/version"
	"vulnreport/generator/internal/version/scheme"
)

// The product_status lists, by what they say.
var (
	fixedLists       = []string{"fixed", "first_fixed", "recommended"}
	affectedLists    = []string{"known_affected", "first_affected", "last_affected"}
	notAffectedLists = []string{"known_not_affected"}
	pendingLists     = []string{"under_investigation"}
)

func (p *parser) convert(v *vulnerability, id string, pos source.Pos) advisory.Advisory {
	a := advisory.Advisory{ID: id, Source: Kind, Origin: p.name, Pos: pos}
	docID := strings.TrimSpace(p.doc.Tracking.ID)
	var summary, description string
	for _, n := range v.Notes {
		switch n.Category {
		case "summary":
			summary = strings.TrimSpace(n.Text)
		case "description":
			description = strings.TrimSpace(n.Text)
		}
	}
	a.Title.EN = strings.TrimSpace(v.Title)
	if a.Title.EN == "" {
		a.Title.EN = summary
	}
	if a.Title.EN == "" {
		a.Title.EN = strings.TrimSpace(p.doc.Title)
	}
	a.Summary.EN = description
	if a.Summary.EN == "" {
		a.Summary.EN = a.Title.EN
	}
	a.Published, _ = feedutil.Date(v.ReleaseDate)
	if a.Published.IsZero() {
		a.Published, _ = feedutil.Date(p.doc.Tracking.InitialReleaseDate)
	}
	a.Updated, _ = feedutil.Date(p.doc.Tracking.CurrentReleaseDate)
	a.CVSS = p.cvss(v, id, pos)
	if v.CWE != nil && feedutil.IsCWE(v.CWE.ID) {
		a.CWE = []string{v.CWE.ID}
	}
	for _, r := range append(slices.Clone(v.References), p.doc.References...) {
		if u := strings.TrimSpace(r.URL); feedutil.IsHTTP(u) {
			a.References = append(a.References, u)
		}
	}
	a.References = feedutil.Dedup(a.References)
	for _, r := range v.Remediations {
		if r.Category == "workaround" && strings.TrimSpace(r.Details) != "" {
			a.Workaround.EN = strings.TrimSpace(r.Details)
			break
		}
	}
	a.Affected = p.affected(v, id, docID, pos)
	a.Fixed = fixedText(docID, a.Affected)
	return a
}

// fixedText lists the fixed versions with their packages, debug packages
// left out: "RHSA-2024:0811: 1.9.5p2-7.el9_0.4 (sudo, sudo-python-plugin); …".
func fixedText(docID string, afs []advisory.Affected) string {
	var evrs []string
	pkgs := map[string][]string{}
	for _, af := range afs {
		name := af.Key[strings.LastIndexByte(af.Key, '/')+1:]
		if strings.HasSuffix(name, "-debuginfo") || strings.HasSuffix(name, "-debugsource") {
			continue
		}
		for _, f := range af.Fixed {
			if _, ok := pkgs[f]; !ok {
				evrs = append(evrs, f)
			}
			if !slices.Contains(pkgs[f], name) {
				pkgs[f] = append(pkgs[f], name)
			}
		}
	}
	if len(evrs) == 0 {
		return ""
	}
	parts := make([]string, len(evrs))
	for i, e := range evrs {
		parts[i] = e + " (" + strings.Join(pkgs[e], ", ") + ")"
	}
	return docID + ": " + strings.Join(parts, "; ")
}

func (p *parser) cvss(v *vulnerability, id string, pos source.Pos) *advisory.CVSS {
	for _, pick := range []func(i int) (*cvss, string){
		func(i int) (*cvss, string) { return v.Scores[i].V3, "3.1" },
		func(i int) (*cvss, string) { return v.Scores[i].V2, "2.0" },
	} {
		for i := range v.Scores {
			c, ver := pick(i)
			if c == nil {
				continue
			}
			if c.Version != "" {
				ver = c.Version
			}
			score := 0.0
			if c.BaseScore != nil {
				score = *c.BaseScore
			}
			out, warns := feedutil.CVSS(ver, c.VectorString, score, c.BaseScore != nil)
			for _, w := range warns {
				p.warn(pos, id, w)
			}
			if out != nil {
				return out
			}
		}
	}
	return nil
}

// status is what product_status says of one package on one platform.
type status struct {
	af                    advisory.Affected
	fixed, affected, none bool
	pending               bool
	// bad lists fixed versions the rpm ordering cannot read
	bad []string
}

func (p *parser) affected(v *vulnerability, id, docID string, pos source.Pos) []advisory.Affected {
	var order []*status
	byKey := map[string]*status{}
	var unresolved []string
	get := func(pk pkg) *status {
		k := pk.key + "\x00" + pk.distro
		s := byKey[k]
		if s == nil {
			s = &status{af: advisory.Affected{Key: pk.key, Product: pk.name + " (" + pk.distro + ")", Pos: pos,
				Scheme: "rpm", Distro: pk.distro, DistroAdvisory: docID}}
			byKey[k] = s
			order = append(order, s)
		}
		return s
	}
	each := func(lists []string, fn func(s *status, pk pkg)) {
		for _, l := range lists {
			for _, pid := range v.ProductStatus[l] {
				pk, ok := p.prods.resolve(pid)
				if !ok {
					unresolved = append(unresolved, pid)
					continue
				}
				fn(get(pk), pk)
			}
		}
	}
	rpm := scheme.MustLookup("rpm")
	each(fixedLists, func(s *status, pk pkg) {
		s.fixed = true
		if pk.evr == "" || slices.Contains(s.af.Fixed, pk.evr) {
			return
		}
		if _, err := rpm.Parse(pk.evr); err != nil || strings.ContainsAny(pk.evr, " \t|<>=,") {
			// kept, but as text that needs confirmation
			s.bad = append(s.bad, pk.evr)
			return
		}
		s.af.Fixed = append(s.af.Fixed, pk.evr)
	})
	each(affectedLists, func(s *status, _ pkg) { s.affected = true })
	each(notAffectedLists, func(s *status, _ pkg) { s.none = true })
	each(pendingLists, func(s *status, _ pkg) { s.pending = true })
	known := map[string]bool{}
	for _, lists := range [][]string{fixedLists, affectedLists, notAffectedLists, pendingLists} {
		for _, l := range lists {
			known[l] = true
		}
	}
	for l := range v.ProductStatus {
		if !known[l] {
			p.warn(pos, id, fmt.Sprintf("product_status %q is not a CSAF 2.0 status: its products are not read", feedutil.Clip(l)))
		}
	}
	var out []advisory.Affected
	for _, s := range order {
		a := s.af
		switch {
		case len(s.bad) > 0:
			a.Fixed = nil
			a.FreeText = "fixed in " + docID + " in " + strings.Join(s.bad, ", ") + ", which is not an rpm version"
			p.warn(pos, id, fmt.Sprintf("%s: fixed version %q is not an rpm version: kept as text that needs confirmation", a.Key, s.bad[0]))
		case s.fixed && len(a.Fixed) > 0:
			var cl []string
			for _, f := range a.Fixed {
				cl = append(cl, "<"+f)
			}
			a.Versions = strings.Join(cl, " || ")
		case s.fixed:
			a.FreeText = "fixed in " + docID + " (the product names no version)"
		case s.affected:
			a.Versions = "*"
		case s.pending:
			a.FreeText = "under investigation by the vendor (" + docID + ")"
		case s.none:
			a.Versions, a.NotAffected = "*", true
		}
		// A not-affected entry gets no generic Range: a matcher that does
		// not know NotAffected then matches nothing with it.
		if a.Versions != "" && !a.NotAffected {
			if rg, err := version.ParseRange(a.Versions); err == nil {
				a.Range = rg
			}
		}
		out = append(out, a)
	}
	if len(unresolved) > 0 {
		unresolved = feedutil.Dedup(unresolved)
		msg := fmt.Sprintf("%d product id(s) the product tree does not resolve to a package, e.g. %q", len(unresolved), feedutil.Clip(unresolved[0]))
		if len(out) == 0 {
			msg += ": kept as text that needs confirmation"
			out = append(out, advisory.Affected{Product: docID + " " + unresolved[0], Pos: pos, FreeText: "products " + strings.Join(unresolved[:min(len(unresolved), 5)], ", ")})
		}
		p.warn(pos, id, msg)
	}
	return out
}
