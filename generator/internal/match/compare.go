package match

import (
	"cmp"
	"slices"
	"strings"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/version"
	"vulnreport/generator/internal/version/scheme"
	"vulnreport/generator/internal/vuln"
)

// comparer compares one worker's pairs with advisory ranges, each in the
// scheme chosen for the comparison. It caches ranges parsed per (range
// text, scheme), so that a range is read once per scheme whatever the
// number of versions compared with it. It is not safe for concurrent use:
// each worker has its own.
type comparer struct {
	ranges map[[2]string]parsedRange
	// vers caches the current pair's version per scheme and text.
	vers map[[2]string]parsedVersion
}

// parsedRange is a range read in a scheme clause by clause: r holds the
// clauses the scheme reads; bad counts those it cannot, err names the
// first. A version in none of r's clauses while some clause is unreadable
// needs confirmation.
type parsedRange struct {
	r   scheme.Range
	bad int
	err error
}

type parsedVersion struct {
	v   scheme.Version
	gv  version.Version // the generic ordering's value, for generic ranges
	err error
}

func newComparer() *comparer {
	return &comparer{ranges: map[[2]string]parsedRange{}, vers: map[[2]string]parsedVersion{}}
}

// version parses text in the named scheme, once per pair.
func (c *comparer) version(schemeName, text string) parsedVersion {
	k := [2]string{schemeName, text}
	if pv, ok := c.vers[k]; ok {
		return pv
	}
	var pv parsedVersion
	sc, ok := scheme.Lookup(schemeName)
	if !ok {
		sc = scheme.Generic()
	}
	pv.v, pv.err = sc.Parse(text)
	if pv.err == nil && sc.Name() == "generic" {
		pv.gv, _ = scheme.AsGeneric(pv.v)
	}
	c.vers[k] = pv
	return pv
}

// rangeIn reads an advisory's range in a scheme other than generic.
func (c *comparer) rangeIn(schemeName string, af *advisory.Affected) parsedRange {
	k := [2]string{af.Versions, schemeName}
	if pr, ok := c.ranges[k]; ok {
		return pr
	}
	sc, _ := scheme.Lookup(schemeName)
	pr := parsedRange{r: scheme.Range{Scheme: sc}}
	for _, part := range strings.Split(af.Versions, "||") {
		r, err := scheme.ParseRange(sc, part)
		if err != nil {
			pr.bad++
			if pr.err == nil {
				pr.err = err
			}
			continue
		}
		pr.r.Clauses = append(pr.r.Clauses, r.Clauses...)
	}
	c.ranges[k] = pr
	return pr
}

// outcome is what comparing a pair with one affected entry gave.
type outcome int

const (
	noMatch    outcome = iota
	matched            // the version is in the range: a finding
	confirm            // a finding that needs confirmation
	notDecided         // a distribution range that does not speak for the pair
)

// compare compares a pair with one affected entry and fills h when it is
// a finding. distroRange is set for a distribution advisory's range that
// applies to the pair (then the version is the full package version).
func (c *comparer) compare(h *hit, pr pair, af *advisory.Affected) outcome {
	if af.FreeText != "" {
		h.Text = af.Key + ": " + af.FreeText
		h.FreeText = af.FreeText
		h.Confirm = model.ConfirmFreeText
		return confirm
	}
	name, text, upstream := comparison(pr, af)
	h.Scheme = name
	if af.Distro != "" && af.NotAffected {
		return noMatch
	}
	pv := c.version(name, text)
	if name == "generic" {
		return c.compareGeneric(h, pr, af, pv, upstream)
	}
	rg := c.rangeIn(name, af)
	if pv.err != nil {
		for _, cl := range rg.r.Clauses {
			if cl.Any {
				h.Text = af.Key + " *"
				return matched
			}
		}
		h.Text = af.Key + " " + af.Versions
		h.Confirm = model.ConfirmVersion
		h.Note = "version " + quote(text) + " cannot be read as " + name + ": " + pv.err.Error()
		return confirm
	}
	k := rg.r.MatchingClause(pv.v)
	if k < 0 {
		if rg.bad == 0 {
			return noMatch
		}
		h.Text = af.Key + " " + af.Versions
		h.Confirm = model.ConfirmRange
		h.Note = "range cannot be read as " + name + ": " + rg.err.Error()
		return confirm
	}
	cl := rg.r.Clauses[k]
	h.Text = af.Key + " " + cl.String()
	if up, ok := cl.Upper(); ok && !upstream {
		h.FixTarget, h.FixInclusive = up.Version.String(), up.Op != scheme.OpLT
	}
	return c.found(h, pr, upstream, text)
}

// compareGeneric compares in the generic ordering with the range the
// advisory decoder already read, as matching always did.
func (c *comparer) compareGeneric(h *hit, pr pair, af *advisory.Affected, pv parsedVersion, upstream bool) outcome {
	var clause version.Clause
	if pv.err != nil {
		if len(af.Range.Clauses) == 0 || !af.Range.Clauses[0].Any {
			h.Text = af.Key + " " + af.Versions
			h.Confirm = model.ConfirmVersion
			text := pr.version
			if upstream {
				text = upstreamVersion(pr.scheme, pr.version)
			}
			h.Note = "version " + quote(text) + " cannot be read as generic: " + pv.err.Error()
			return confirm
		}
		clause = af.Range.Clauses[0]
	} else {
		k := af.Range.MatchingClause(pv.gv)
		if k < 0 {
			return noMatch
		}
		clause = af.Range.Clauses[k]
	}
	h.Text = af.Key + " " + clause.String()
	if up, ok := clause.Upper(); ok && !upstream {
		h.FixTarget, h.FixInclusive = up.Version.String(), up.Op != version.OpLT
	}
	if pv.err != nil {
		return matched
	}
	return c.found(h, pr, upstream, pv.v.String())
}

// found finishes a match: one of a distribution package on its upstream
// version needs confirmation (backports).
func (c *comparer) found(h *hit, pr pair, upstream bool, text string) outcome {
	if !upstream {
		return matched
	}
	h.Confirm = model.ConfirmBackport
	h.Note = pr.scheme + " package " + quote(pr.version) + " compared on its upstream version " + quote(text) +
		" with an upstream advisory: the distribution may have backported the fix; confirm with its security advisory"
	return confirm
}

// comparison chooses the scheme of comparing a pair with a range and the
// version text compared: the component's scheme when decided, else the
// range's own (CVE 5 versionType, OSV ecosystem), else generic. A
// distribution package compared with an upstream range is compared on its
// upstream version in the range's scheme (or generic): upstream is then set.
func comparison(pr pair, af *advisory.Affected) (name, text string, upstream bool) {
	if af.Distro != "" {
		return rangeScheme(af), pr.version, false
	}
	if isDistroScheme(pr.scheme) {
		name = af.Scheme
		if name == "" || isDistroScheme(name) {
			name = "generic"
		}
		return name, upstreamVersion(pr.scheme, pr.version), true
	}
	switch {
	case pr.scheme != "":
		name = pr.scheme
	case af.Scheme != "":
		name = af.Scheme
	default:
		name = "generic"
	}
	if _, ok := scheme.Lookup(name); !ok {
		name = "generic"
	}
	return name, pr.version, false
}

// rangeScheme is the scheme of a distribution advisory's range.
func rangeScheme(af *advisory.Affected) string {
	if af.Scheme != "" {
		return af.Scheme
	}
	fam, _ := splitDistro(af.Distro)
	return distroScheme(fam)
}

func quote(s string) string { return "\"" + s + "\"" }

// pairHits appends the vulnerabilities found on one pair, each once, in
// vulnerability-id order, and returns the version's parse error in the
// pair's own scheme (for the data-quality list).
//
// For each vulnerability: a distribution advisory's range that speaks for
// the pair decides (a match, or nothing), with an upstream match shown
// beside it; otherwise the first range that matches makes the finding,
// and failing that the first comparison that needs confirmation (free
// text, a version or range its scheme cannot read, a distribution package
// on its upstream version) — except a range with unreadable clauses when
// another range of the product, read whole, leaves the version out.
func (c *comparer) pairHits(hits []hit, pr pair, entries []entry, vulns []vuln.Vulnerability) ([]hit, error) {
	clear(c.vers)
	own := pr.scheme
	if own == "" {
		own = "generic"
	}
	verr := c.version(own, pr.version).err
	start := len(hits)
	for i := 0; i < len(entries); {
		j := i + 1
		for j < len(entries) && entries[j].vuln == entries[i].vuln {
			j++
		}
		hits = c.vulnHits(hits, pr, entries[i:j], vulns)
		i = j
	}
	mine := hits[start:]
	if len(mine) > 1 {
		slices.SortFunc(mine, func(a, b hit) int {
			return cmp.Or(cmp.Compare(a.id, b.id), cmp.Compare(a.vuln, b.vuln))
		})
	}
	return hits, verr
}

// vulnHits decides one vulnerability's clause lists for a pair.
func (c *comparer) vulnHits(hits []hit, pr pair, group []entry, vulns []vuln.Vulnerability) []hit {
	v := &vulns[group[0].vuln]
	base := hit{vuln: group[0].vuln, id: v.ID, fixedUpper: strings.ToUpper(v.Fixed)}
	var best, conf, distro, distroConf, upstream *hit
	// decided: a distribution range spoke; ruledOut: an upstream range
	// read whole left the version out.
	decided, ruledOut := false, false
	for _, e := range group {
		af := &v.Affected[e.affect]
		if af.Distro != "" && (!isDistroScheme(pr.scheme) || !distroApplies(pr.scheme, pr.distro, rangeScheme(af), af.Distro)) {
			continue
		}
		h := base
		out := c.compare(&h, pr, af)
		switch {
		case af.Distro != "":
			decided = true
			switch {
			case out == matched && distro == nil:
				distro = &h
			case out == confirm && distroConf == nil:
				distroConf = &h
			}
		case out == noMatch:
			ruledOut = true
		case out == matched && best == nil:
			best = &h
		case out == confirm && conf == nil:
			conf = &h
		}
		if af.Distro == "" && out != noMatch && upstream == nil && h.Confirm != model.ConfirmFreeText {
			u := h
			upstream = &u
		}
	}
	switch {
	case decided && distro != nil:
		if upstream != nil {
			distro.Note = "upstream: " + upstream.Text
			if upstream.Note != "" && upstream.Confirm != model.ConfirmBackport {
				distro.Note += " (" + upstream.Note + ")"
			}
		}
		return append(hits, *distro)
	case decided && distroConf != nil:
		return append(hits, *distroConf)
	case decided:
		return hits
	case best != nil:
		return append(hits, *best)
	case conf != nil && conf.Confirm == model.ConfirmRange && ruledOut:
		// Another range for the product, read whole, leaves the version
		// out (a CNA's range beside an ADP's garbled bound "8.1.23-h").
		return hits
	case conf != nil:
		return append(hits, *conf)
	}
	return hits
}
