// Package vuln merges advisories that describe the same vulnerability —
// a JVNDB entry, a CVE record, an NVD entry and the user's own advisory,
// linked by their ids and aliases — into one, keeping every id and the best
// data of each source, and enriches them with CISA KEV and FIRST EPSS by
// CVE id. Which source supplied what is recorded in Provenance.
package vuln

import (
	"cmp"
	"slices"
	"strings"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/indexsort"
)

// Vulnerability is one vulnerability, merged from every advisory about it.
type Vulnerability struct {
	advisory.Advisory
	// IDs lists every id: the primary one first, then CVE, JVNDB and others sorted.
	IDs []string
	// Provenance maps a field ("title.ja", "cvss", "affected", "kev", "epss")
	// to the advisory ids or feed that supplied it.
	Provenance map[string]string
	// Origins lists the files the merged advisories came from.
	Origins []string
}

// CVEs returns the vulnerability's CVE ids.
func (v Vulnerability) CVEs() []string {
	var out []string
	for _, id := range v.IDs {
		if strings.HasPrefix(id, "CVE-") {
			out = append(out, id)
		}
	}
	return out
}

// JVNs returns the vulnerability's JVNDB ids.
func (v Vulnerability) JVNs() []string {
	var out []string
	for _, id := range v.IDs {
		if strings.HasPrefix(id, "JVNDB-") || strings.HasPrefix(id, "JVN#") || strings.HasPrefix(id, "JVNVU") {
			out = append(out, id)
		}
	}
	return out
}

// Unmatched is a KEV entry that matches no advisory in the snapshot:
// exploited elsewhere, not matched here.
type Unmatched struct {
	Entry feed.KEVEntry
	// Key is the product key the entry's vendor and product resolve to.
	Key string
}

// rank orders sources for text and scores: the user's word first, then JVN
// (Japanese text), NVD, CVE 5, vendors.
func rank(a advisory.Advisory) int {
	if strings.HasPrefix(a.Origin, "advisories/") {
		return 0
	}
	switch a.Source {
	case "jvn":
		return 1
	case "nvd":
		return 2
	case "cve", "cve5":
		return 3
	}
	return 4
}

// Merge joins advisories linked by ids or aliases. The result is sorted by
// primary id. A group of stubs only (advisory.Stub) is left out.
func Merge(advs []advisory.Advisory) []Vulnerability {
	vs, _ := MergeCounted(advs)
	return vs
}

// MergeCounted is Merge that also returns the number of groups of stubs
// it left out: with the vulnerabilities returned, every vulnerability the
// advisories describe. A group that joins a stub to an advisory kept in
// full is a loader's error that would lose the stub's data: it panics.
func MergeCounted(advs []advisory.Advisory) ([]Vulnerability, int) {
	parent := make([]int, len(advs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	owner := map[string]int{}
	for i := range advs {
		for _, id := range advs[i].IDs() {
			id = strings.ToUpper(id)
			if j, ok := owner[id]; ok {
				ri, rj := find(i), find(j)
				if ri != rj {
					parent[max(ri, rj)] = min(ri, rj)
				}
			} else {
				owner[id] = i
			}
		}
	}
	groups := map[int][]int{}
	var roots []int // in order of first member, for a deterministic result
	for i := range advs {
		r := find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	// Room for the groups that are merged, not for the stub groups (most
	// of a large feed, and a Vulnerability is ~470 bytes).
	stubs := make([]int, len(roots))
	stubGroups := 0
	for k, r := range roots {
		if stubs[k] = countStubs(advs, groups[r]); stubs[k] == len(groups[r]) {
			stubGroups++
		}
	}
	out := make([]Vulnerability, 0, len(roots)-stubGroups)
	for k, r := range roots {
		members := groups[r]
		if stubs[k] == len(members) {
			continue
		} else if stubs[k] > 0 {
			panic(mixedGroup(advs, members))
		}
		as := make([]advisory.Advisory, len(members))
		for k, i := range members {
			as[k] = advs[i]
		}
		out = append(out, combine(as))
	}
	ids := make([]string, len(out))
	for i := range out {
		ids[i] = out[i].ID
	}
	indexsort.Sort(out, func(a, b int) int { return cmp.Or(cmp.Compare(ids[a], ids[b]), cmp.Compare(a, b)) })
	return out, stubGroups
}

// combine merges one group of advisories.
func combine(as []advisory.Advisory) Vulnerability {
	slices.SortStableFunc(as, func(a, b advisory.Advisory) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a.ID, b.ID), a.Pos.Compare(b.Pos))
	})
	v := Vulnerability{Advisory: as[0], Provenance: map[string]string{}}
	v.Affected = nil
	v.References = nil
	ids := map[string]bool{}
	var all []string
	origins := map[string]bool{}
	for _, a := range as {
		for _, id := range a.IDs() {
			if !ids[strings.ToUpper(id)] {
				ids[strings.ToUpper(id)] = true
				all = append(all, id)
			}
		}
		if a.Origin != "" {
			origins[a.Origin] = true
		}
	}
	v.ID = primary(all)
	v.IDs = append([]string{v.ID}, sortIDs(slices.DeleteFunc(all, func(s string) bool { return s == v.ID }))...)
	v.Aliases = v.IDs[1:]
	for o := range origins {
		v.Origins = append(v.Origins, o)
	}
	slices.Sort(v.Origins)
	set := func(field string, a advisory.Advisory) { v.Provenance[field] = a.ID + " (" + sourceName(a) + ")" }
	// Every field below is chosen from all sources, best first.
	v.Title, v.Summary, v.Workaround = textT{}, textT{}, textT{}
	v.CVSS, v.Fixed = nil, ""
	refs := map[string]bool{}
	for _, a := range as {
		if v.Title.JA == "" && a.Title.JA != "" && (a.Source == "jvn" || hasJapanese(a.Title.JA) || rank(a) == 0) {
			v.Title.JA = a.Title.JA
			set("title.ja", a)
		}
		if v.Title.EN == "" && a.Title.EN != "" && !hasJapanese(a.Title.EN) {
			v.Title.EN = a.Title.EN
			set("title.en", a)
		}
		if v.Summary.JA == "" && a.Summary.JA != "" && (hasJapanese(a.Summary.JA) || rank(a) == 0) {
			v.Summary.JA = a.Summary.JA
			set("summary.ja", a)
		}
		if v.Summary.EN == "" && a.Summary.EN != "" && !hasJapanese(a.Summary.EN) {
			v.Summary.EN = a.Summary.EN
			set("summary.en", a)
		}
		if v.Workaround.IsZero() && !a.Workaround.IsZero() {
			v.Workaround = a.Workaround
			set("workaround", a)
		}
		if v.Fixed == "" && a.Fixed != "" {
			v.Fixed = a.Fixed
			set("fixed", a)
		}
		if better(a.CVSS, v.CVSS) {
			v.CVSS = a.CVSS
			set("cvss", a)
		}
		if a.Published.Before(v.Published) && !a.Published.IsZero() || v.Published.IsZero() {
			v.Published = a.Published
		}
		if a.Updated.After(v.Updated) {
			v.Updated = a.Updated
		}
		if a.Exploit.Exploited && !v.Exploit.Exploited || a.Exploit.KEV && !v.Exploit.KEV {
			v.Exploit = a.Exploit
			set("exploited", a)
		}
		if v.EPSS == nil && a.EPSS != nil {
			v.EPSS = a.EPSS
			set("epss", a)
		}
		for _, r := range a.References {
			if !refs[r] {
				refs[r] = true
				v.References = append(v.References, r)
			}
		}
		for _, c := range a.CWE {
			if !slices.Contains(v.CWE, c) {
				v.CWE = append(v.CWE, c)
			}
		}
	}
	// Ranges: the first source (by rank) that gives machine-readable ranges
	// for a product supplies them; prose ranges only where none does.
	// A distribution's ranges (Distro) are chosen apart from upstream
	// ones: they decide that distribution's packages, with the upstream
	// range beside them as context.
	byKey := map[[2]string]string{}
	for _, a := range as {
		for _, af := range a.Affected {
			k := [2]string{af.Key, af.Distro}
			if prev, ok := byKey[k]; ok && prev != a.ID {
				continue
			}
			if af.FreeText != "" && !af.Beside && hasRanged(as, af.Key, af.Distro) {
				continue
			}
			byKey[k] = a.ID
			v.Affected = append(v.Affected, af)
		}
	}
	if len(v.Affected) > 0 {
		srcs := map[string]bool{}
		for _, id := range byKey {
			srcs[id] = true
		}
		var names []string
		for id := range srcs {
			names = append(names, id)
		}
		slices.Sort(names)
		v.Provenance["affected"] = strings.Join(names, ", ")
	}
	v.Title = fillText(v.Title, as)
	return v
}

func hasRanged(as []advisory.Advisory, key, distro string) bool {
	for _, a := range as {
		for _, af := range a.Affected {
			if af.Key == key && af.Distro == distro && af.FreeText == "" {
				return true
			}
		}
	}
	return false
}

// fillText falls back to any title when no source gave one per language.
func fillText(t textT, as []advisory.Advisory) textT {
	for _, a := range as {
		if t.JA == "" {
			t.JA = a.Title.JA
		}
		if t.EN == "" {
			t.EN = a.Title.EN
		}
	}
	return t
}

// better prefers a v3.x score to v4 and v2, then the first seen.
func better(a, b *advisory.CVSS) bool {
	if a == nil {
		return false
	}
	if b == nil {
		return true
	}
	pa, pb := cvssPref(a.Version), cvssPref(b.Version)
	return pa < pb
}

func cvssPref(v string) int {
	switch v {
	case "3.1":
		return 0
	case "3.0":
		return 1
	case "4.0":
		return 2
	}
	return 3
}

func sourceName(a advisory.Advisory) string {
	if rank(a) == 0 {
		return a.Origin
	}
	if a.Source != "" {
		return a.Source
	}
	return a.Origin
}

func hasJapanese(s string) bool {
	for _, r := range s {
		if r >= 0x3000 {
			return true
		}
	}
	return false
}

// primary picks the id that names a merged vulnerability: a CVE id, else a
// JVNDB id, else the smallest id.
func primary(ids []string) string {
	s := sortIDs(slices.Clone(ids))
	return s[0]
}

func idClass(id string) int {
	switch {
	case strings.HasPrefix(id, "CVE-"):
		return 0
	case strings.HasPrefix(id, "JVNDB-"):
		return 1
	}
	return 2
}

func sortIDs(ids []string) []string {
	slices.SortFunc(ids, func(a, b string) int {
		return cmp.Or(cmp.Compare(idClass(a), idClass(b)), cmp.Compare(a, b))
	})
	return ids
}
