// Package match joins installed components with vulnerabilities. It works
// on distinct (product, version) pairs through a per-product index, so its
// cost grows with the number of distinct versions installed and the
// advisories for each product, never with all pairs. It is pure: no I/O.
package match

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
	"sync"

	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/vuln"
)

// Result is what matching produced.
type Result struct {
	// Found lists every vulnerability found on every component, in the
	// order of the findings' keys; Clauses holds the clauses they refer to.
	Found   []Found
	Clauses []Clause
	// Unmatched lists components whose product key no vulnerability and no
	// lifecycle record knows (data quality).
	Unmatched []inventory.Component
	// BadVersions lists components whose version cannot be compared, so
	// only "*" ranges can match them.
	BadVersions []inventory.Component
	// Patched counts matches closed by a patch id the component lists.
	Patched int
}

// entry is one affected-product clause list of one vulnerability.
type entry struct {
	vuln, affect int32
}

// pair is a distinct (product key, version) installed somewhere, with
// the component's version scheme ("" when undecided) and, for packages of
// a distribution, that distribution ("debian:12"; see componentDistro).
type pair struct {
	key, version, scheme, distro string
}

// hit is one vulnerability matching one pair, with the clause that matched.
type hit struct {
	Clause
	vuln int32
	id   string
	// fixedUpper is the vulnerability's fixed text in upper case, for
	// patch ids.
	fixedUpper string
}

// Match finds every vulnerability affecting every component. known
// reports product keys that lifecycle records cover, so that a component
// they cover is not listed as unmatched; it is called from several
// goroutines at once.
//
// Findings come out in key order without sorting them: components are
// grouped by system and pair (ranked by the key's own prefixes), and each
// group's hits are in vulnerability-id order. A final linear check falls
// back to a sort should an id defeat the ranking. Pairs are matched and
// groups turned into findings by GOMAXPROCS workers over fixed ranges, so
// the result does not depend on scheduling.
func Match(comps []inventory.Component, vulns []vuln.Vulnerability, known func(key string) bool) Result {
	var index map[string][]entry
	var wg sync.WaitGroup
	wg.Go(func() { index = productIndex(vulns) })
	pairOf, pairs := distinctPairs(comps)
	wg.Wait()
	workers := max(runtime.GOMAXPROCS(0), 1)

	// Hits per pair, flat: hits[span[p]:span[p+1]].
	unknown := make([]bool, len(pairs))
	badVer := make([]bool, len(pairs))
	parts := make([][]hit, workers)
	counts := make([]int32, len(pairs))
	parallel(len(pairs), workers, func(w, lo, hi int) {
		var hs []hit
		cm := newComparer()
		for p := lo; p < hi; p++ {
			pr := pairs[p]
			entries := index[pr.key]
			if len(entries) == 0 {
				unknown[p] = known == nil || !known(pr.key)
				continue
			}
			n := len(hs)
			var verr error
			hs, verr = cm.pairHits(hs, pr, entries, vulns)
			badVer[p] = verr != nil
			counts[p] = int32(len(hs) - n)
		}
		parts[w] = hs
	})
	span := make([]int32, len(pairs)+1)
	for p, n := range counts {
		span[p+1] = span[p] + n
	}
	hits := slices.Concat(parts...)

	var res Result
	for i, p := range pairOf {
		switch {
		case unknown[p]:
			res.Unmatched = append(res.Unmatched, comps[i])
		case badVer[p]:
			res.BadVersions = append(res.BadVersions, comps[i])
		}
	}
	sortComps(res.Unmatched)
	sortComps(res.BadVersions)

	order, groups, prefixFree := groupBySystemAndPair(comps, pairOf, pairs, span)
	e := emitter{comps: comps, pairOf: pairOf, span: span, hits: hits, order: order, groups: groups}
	res.Found, res.Patched = e.found()
	if !prefixFree && !inKeyOrder(res.Found, comps, vulns) {
		sortByKey(res.Found, comps, vulns)
	}
	res.Clauses = make([]Clause, len(hits))
	for i, h := range hits {
		res.Clauses[i] = h.Clause
	}
	return res
}

// parallel runs f over [0, n) split into one contiguous range per worker.
func parallel(n, workers int, f func(w, lo, hi int)) {
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := n*w/workers, n*(w+1)/workers
		wg.Go(func() { f(w, lo, hi) })
	}
	wg.Wait()
}

// productIndex lists, per product key, every vulnerability clause list
// naming it, in vulnerability order.
func productIndex(vulns []vuln.Vulnerability) map[string][]entry {
	index := map[string][]entry{}
	for i := range vulns {
		for j := range vulns[i].Affected {
			key := vulns[i].Affected[j].Key
			index[key] = append(index[key], entry{int32(i), int32(j)})
		}
	}
	return index
}

// distinctPairs numbers the distinct (product key, version) pairs in order
// of first appearance and returns each component's pair number.
func distinctPairs(comps []inventory.Component) ([]int32, []pair) {
	pairOf := make([]int32, len(comps))
	ids := make(map[pair]int32, len(comps)/8)
	var pairs []pair
	distros := map[string]string{} // product as written → componentDistro
	for i := range comps {
		c := &comps[i]
		pr := pair{key: c.Key, version: c.Version, scheme: c.Scheme}
		if isDistroScheme(c.Scheme) {
			d, ok := distros[c.Product]
			if !ok {
				d = componentDistro(c.Product)
				distros[c.Product] = d
			}
			pr.distro = d
		}
		id, ok := ids[pr]
		if !ok {
			id = int32(len(pairs))
			pairs = append(pairs, pr)
			ids[pr] = id
		}
		pairOf[i] = id
	}
	return pairOf, pairs
}

// sortComps orders components by system, product, version and position.
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
