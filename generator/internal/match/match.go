// Package match joins installed components with vulnerabilities. It works
// on distinct (product, version) pairs through a per-product index, so its
// cost grows with the number of distinct versions installed and the
// advisories for each product, never with all pairs. It is pure: no I/O.
package match

import (
	"cmp"
	"fmt"
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
	found := map[string]int{}
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
		for _, e := range entries {
			v := &vulns[e.vuln]
			af := v.Affected[e.affect]
			var clause version.Clause
			switch {
			case af.FreeText != "":
				// handled below: needs confirmation
			case verr != nil:
				if len(af.Range.Clauses) == 0 || !af.Range.Clauses[0].Any {
					continue
				}
				clause = af.Range.Clauses[0]
			default:
				k := af.Range.MatchingClause(ver)
				if k < 0 {
					continue
				}
				clause = af.Range.Clauses[k]
			}
			for _, i := range idxs {
				c := comps[i]
				if patchedBy(c.Patches, v.Fixed) {
					res.Patched++
					continue
				}
				f := newFinding(c, v, af.Key, clause, af.FreeText)
				if at, dup := found[f.Key]; dup {
					res.Findings[at].Hosts += f.Hosts
					continue
				}
				found[f.Key] = len(res.Findings)
				res.Findings = append(res.Findings, f)
			}
		}
	}
	slices.SortFunc(res.Findings, func(a, b model.Finding) int { return cmp.Compare(a.Key, b.Key) })
	sortComps(res.Unmatched)
	sortComps(res.BadVersions)
	return res
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

func newFinding(c inventory.Component, v *vuln.Vulnerability, key string, clause version.Clause, freeText string) model.Finding {
	f := model.Finding{
		Key:         FindingKey(c.System, c.Key, c.Version, v.ID),
		Kind:        model.KindVulnerability,
		System:      c.System,
		Product:     c.Key,
		ProductName: c.Name,
		Version:     c.Version,
		Hosts:       c.Hosts,
		ComponentAt: c.Pos.String(),
		VulnID:      v.ID,
		IDs:         slices.Clone(v.IDs),
	}
	if freeText != "" {
		f.NeedsConfirmation = true
		f.FreeText = freeText
		f.Clause = fmt.Sprintf("%s: %s", key, freeText)
		return f
	}
	f.Clause = key + " " + clause.String()
	if up, ok := clause.Upper(); ok {
		f.FixTarget = up.Version.String()
		f.FixInclusive = up.Op != version.OpLT
	}
	return f
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
