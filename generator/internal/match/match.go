// Package match joins installed components with vulnerabilities. It works
// on distinct (product, version) pairs through a per-product index, so its
// cost grows with the number of distinct versions installed and the
// advisories for each product, never with all pairs. It is pure: no I/O.
package match

import (
	"cmp"
	"slices"
	"strings"

	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/version"
	"vulnreport/generator/internal/vuln"
)

// Result is what matching produced.
type Result struct {
	// Findings are sorted by Key.
	Findings []model.Finding
	// Unmatched lists components whose product key no vulnerability and no
	// lifecycle record knows (data quality).
	Unmatched []inventory.Component
	// BadVersions lists components whose version cannot be compared, so
	// only "*" ranges can match them.
	BadVersions []inventory.Component
	// Patched counts matches closed by a patch id the component lists.
	Patched int
}

type entry struct {
	vuln   int
	affect int
}

type pair struct {
	key, version string
}

// Match finds every vulnerability affecting every component. known
// reports product keys that lifecycle records cover, so that a component
// they cover is not listed as unmatched.
func Match(comps []inventory.Component, vulns []vuln.Vulnerability, known func(key string) bool) Result {
	index := map[string][]entry{}
	for i, v := range vulns {
		for j, af := range v.Affected {
			index[af.Key] = append(index[af.Key], entry{i, j})
		}
	}
	byPair := map[pair][]int{}
	var pairs []pair
	for i, c := range comps {
		p := pair{c.Key, c.Version}
		if _, ok := byPair[p]; !ok {
			pairs = append(pairs, p)
		}
		byPair[p] = append(byPair[p], i)
	}
	var res Result
	type hit struct {
		vuln, affect int
		clause       version.Clause
		text, target string
		inclusive    bool
	}
	res.Findings = make([]model.Finding, 0, upperBound(pairs, byPair, index, vulns))
	var hits []hit
	for _, p := range pairs {
		entries := index[p.key]
		idxs := byPair[p]
		if len(entries) == 0 {
			if known == nil || !known(p.key) {
				for _, i := range idxs {
					res.Unmatched = append(res.Unmatched, comps[i])
				}
			}
			continue
		}
		ver, verr := version.Parse(p.version)
		if verr != nil {
			for _, i := range idxs {
				res.BadVersions = append(res.BadVersions, comps[i])
			}
		}
		hits = hits[:0]
		for _, e := range entries {
			af := &vulns[e.vuln].Affected[e.affect]
			h := hit{vuln: e.vuln, affect: e.affect}
			switch {
			case af.FreeText != "":
				h.text = af.Key + ": " + af.FreeText
			case verr != nil:
				if len(af.Range.Clauses) == 0 || !af.Range.Clauses[0].Any {
					continue
				}
				h.clause = af.Range.Clauses[0]
			default:
				k := af.Range.MatchingClause(ver)
				if k < 0 {
					continue
				}
				h.clause = af.Range.Clauses[k]
			}
			if af.FreeText == "" {
				h.text = af.Key + " " + h.clause.String()
				if up, ok := h.clause.Upper(); ok {
					h.target, h.inclusive = up.Version.String(), up.Op != version.OpLT
				}
			}
			hits = append(hits, h)
		}
		if len(hits) == 0 {
			continue
		}
		// Rows of one system with the same product and version are one
		// component for reporting: their hosts add up.
		bySystem := map[string]int{}
		for _, i := range idxs {
			c := &comps[i]
			for _, h := range hits {
				v := &vulns[h.vuln]
				if patchedBy(c.Patches, v.Fixed) {
					res.Patched++
					continue
				}
				key := FindingKey(c.System, c.Key, c.Version, v.ID)
				if at, dup := bySystem[key]; dup {
					res.Findings[at].Hosts += c.Hosts
					continue
				}
				bySystem[key] = len(res.Findings)
				af := &v.Affected[h.affect]
				res.Findings = append(res.Findings, model.Finding{
					Key: key, Kind: model.KindVulnerability, System: c.System, Product: c.Key, ProductName: c.Name,
					Version: c.Version, Hosts: c.Hosts, ComponentAt: c.Pos.String(), VulnID: v.ID, IDs: v.IDs, // shared: findings are read-only after matching
					Clause: h.text, FixTarget: h.target, FixInclusive: h.inclusive,
					NeedsConfirmation: af.FreeText != "", FreeText: af.FreeText,
				})
			}
		}
	}
	sortFindings(res.Findings)
	sortComps(res.Unmatched)
	sortComps(res.BadVersions)
	return res
}

// sortFindings orders findings by key.
func sortFindings(fs []model.Finding) {
	model.SortFindings(fs, func(a, b *model.Finding) int { return cmp.Compare(a.Key, b.Key) })
}

func sortComps(cs []inventory.Component) {
	slices.SortFunc(cs, func(a, b inventory.Component) int {
		return cmp.Or(cmp.Compare(a.System, b.System), cmp.Compare(a.Key, b.Key), cmp.Compare(a.Version, b.Version), a.Pos.Compare(b.Pos))
	})
}

// FindingKey is the stable key of a finding.
func FindingKey(system, product, ver, id string) string {
	return system + "/" + product + "@" + ver + "/" + id
}

// patchedBy reports whether one of the component's patch ids appears in
// the advisory's fixed text (Windows KB numbers, vendor patch ids).
func patchedBy(patches []string, fixed string) bool {
	if len(patches) == 0 || fixed == "" {
		return false
	}
	up := strings.ToUpper(fixed)
	for _, p := range patches {
		p = strings.ToUpper(strings.TrimSpace(p))
		if p == "" {
			continue
		}
		for i := strings.Index(up, p); i >= 0; {
			end := i + len(p)
			if (i == 0 || !isAlnum(up[i-1])) && (end == len(up) || !isAlnum(up[end])) {
				return true
			}
			next := strings.Index(up[i+1:], p)
			if next < 0 {
				break
			}
			i += 1 + next
		}
	}
	return false
}

func isAlnum(b byte) bool { return b >= '0' && b <= '9' || b >= 'A' && b <= 'Z' }

// upperBound counts the findings matching can make at most, so that the
// findings slice is allocated once instead of growing by copying.
func upperBound(pairs []pair, byPair map[pair][]int, index map[string][]entry, vulns []vuln.Vulnerability) int {
	n := 0
	for _, p := range pairs {
		entries := index[p.key]
		if len(entries) == 0 {
			continue
		}
		ver, verr := version.Parse(p.version)
		hits := 0
		for _, e := range entries {
			af := &vulns[e.vuln].Affected[e.affect]
			switch {
			case af.FreeText != "":
				hits++
			case verr != nil:
				if len(af.Range.Clauses) > 0 && af.Range.Clauses[0].Any {
					hits++
				}
			case af.Range.Contains(ver):
				hits++
			}
		}
		n += hits * len(byPair[p])
	}
	return n
}
