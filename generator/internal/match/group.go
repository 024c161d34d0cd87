package match

import (
	"cmp"
	"slices"
	"strings"

	"vulnreport/generator/internal/inventory"
)

// groupBySystemAndPair orders the components whose pair has hits by the
// prefix of their findings' keys, system + "/" + product + "@" + version
// + "/", and returns that order with the start of every group of one
// system and one pair. Within a group components keep their input order,
// so the first row gives a finding its position.
//
// Instead of comparing the prefixes, systems and pairs are ranked once by
// their part of it (a bucket per system, then pairs by rank). That orders
// the groups as the prefixes would when no part is a proper prefix of
// another, which holds when none contains a "/": prefixFree reports it,
// and Match checks the order itself otherwise (purls have slashes).
func groupBySystemAndPair(comps []inventory.Component, pairOf []int32, pairs []pair, span []int32) (order, groups []int32, prefixFree bool) {
	hasHits := func(p int32) bool { return span[p+1] > span[p] }
	pairRank, pairsFree := rankPairs(pairs, hasHits)

	// Number the systems; a system's rows are usually adjacent.
	sysOf := make([]int32, len(comps))
	ids := map[string]int32{}
	var systems []string
	last := int32(-1)
	for i := range comps {
		if !hasHits(pairOf[i]) {
			continue
		}
		sys := comps[i].System
		if last < 0 || systems[last] != sys {
			id, ok := ids[sys]
			if !ok {
				id = int32(len(systems))
				systems = append(systems, sys)
				ids[sys] = id
			}
			last = id
		}
		sysOf[i] = last
	}
	byName := make([]int32, len(systems))
	for i := range byName {
		byName[i] = int32(i)
	}
	slices.SortFunc(byName, func(a, b int32) int {
		return compareConcat([7]string{systems[a], "/"}, [7]string{systems[b], "/"})
	})
	rank := make([]int32, len(systems))
	systemsFree := true
	for r, s := range byName {
		rank[s] = int32(r)
		systemsFree = systemsFree && strings.IndexByte(systems[s], '/') < 0
	}

	// A counting sort into one bucket per system, stable.
	start := make([]int32, len(systems)+1)
	for i := range comps {
		if hasHits(pairOf[i]) {
			sysOf[i] = rank[sysOf[i]]
			start[sysOf[i]+1]++
		}
	}
	for r := range systems {
		start[r+1] += start[r]
	}
	order = make([]int32, start[len(systems)])
	next := slices.Clone(start[:len(systems)])
	for i := range comps {
		if hasHits(pairOf[i]) {
			r := sysOf[i]
			order[next[r]] = int32(i)
			next[r]++
		}
	}
	for r := range systems {
		bucket := order[start[r]:start[r+1]]
		slices.SortStableFunc(bucket, func(a, b int32) int { return cmp.Compare(pairRank[pairOf[a]], pairRank[pairOf[b]]) })
		for k, ci := range bucket {
			if k == 0 || pairOf[bucket[k-1]] != pairOf[ci] {
				groups = append(groups, start[r]+int32(k))
			}
		}
	}
	return order, groups, systemsFree && pairsFree
}

// rankPairs ranks the pairs with hits by product + "@" + version + "/",
// and reports whether none of them contains a "/" (then no such string is
// a prefix of another).
func rankPairs(pairs []pair, hasHits func(int32) bool) (rank []int32, prefixFree bool) {
	var with []int32
	prefixFree = true
	for p := range pairs {
		if hasHits(int32(p)) {
			with = append(with, int32(p))
			prefixFree = prefixFree && strings.IndexByte(pairs[p].key, '/') < 0 && strings.IndexByte(pairs[p].version, '/') < 0
		}
	}
	slices.SortFunc(with, func(a, b int32) int {
		pa, pb := &pairs[a], &pairs[b]
		return compareConcat([7]string{pa.key, "@", pa.version, "/"}, [7]string{pb.key, "@", pb.version, "/"})
	})
	rank = make([]int32, len(pairs))
	for r, p := range with {
		rank[p] = int32(r)
	}
	return rank, prefixFree
}
