package snapshot

import (
	"maps"
	"slices"
	"strings"
	"sync"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/product"
	"vulnreport/generator/internal/source"
)

// A feed of 200,000 advisories names a product of the estate in a few
// percent of them, yet decoded in full they cost about a gigabyte. With
// Options.KeepRelevant the loader keeps in full only the advisories that
// can matter to a build and, of the rest, only what merging, the KEV
// cross-check and the counts need (advisory.Stub):
//
//   - while the user's advisory files and feeds/ are read, an advisory
//     none of whose affected entries resolves — by the resolution
//     validate applies before matching (resolveKey) — to the product key
//     of a component read so far becomes a stub that remembers those
//     keys;
//   - once every file is read (SBOMs and scanner results add components
//     and advisories later), the advisories are joined by their ids and
//     aliases as vuln.Merge joins them; every stub in a group that holds
//     an advisory kept in full, or whose own keys name a component now
//     known, is decoded again from its file (restore), so that the
//     vulnerabilities matching could find are merged from exactly the
//     advisories they were merged from before.
//
// A group left all stubs has no affected entry naming an installed
// product, so no finding can come of it; its ids still count for the KEV
// entries that match nothing, and its records for every count.

// relevance decides which advisories are kept in full. It is used by the
// goroutines that decode advisories at once.
type relevance struct {
	res  *product.Resolver
	keys map[string]bool // product keys of the components read so far

	mu     sync.Mutex
	lookup map[[2]string]string // (feed key, product as written) → key
	strs   map[string]string
}

// componentKeys returns the product key of every component as validate
// will resolve it (a component whose product does not resolve keeps the
// key it has).
func componentKeys(res *product.Resolver, comps []compT) map[string]bool {
	keys := map[string]bool{}
	resolve := resolver(res)
	for i := range comps {
		key, _, err := resolve(comps[i].Product)
		if err != nil {
			key = comps[i].Key
		}
		keys[key] = true
	}
	return keys
}

// startRelevance sets up the filter once the entity files are read, when
// the options ask for it.
func (l *loader) startRelevance() {
	if !l.opt.KeepRelevant {
		return
	}
	res := product.NewResolver(l.s.Products)
	l.rel = &relevance{res: res, keys: componentKeys(res, l.s.Components), lookup: map[[2]string]string{}, strs: map[string]string{}}
}

// keyOf resolves an affected entry's product as validate does, once per
// distinct (key, product); the key returned is the relevance's own copy.
func (r *relevance) keyOf(af *advisory.Affected) string {
	k := [2]string{af.Key, af.Product}
	r.mu.Lock()
	defer r.mu.Unlock()
	if key, ok := r.lookup[k]; ok {
		return key
	}
	key := r.internLocked(resolveKey(r.res, af.Key, af.Product))
	r.lookup[[2]string{strings.Clone(af.Key), strings.Clone(af.Product)}] = key
	return key
}

func (r *relevance) intern(s string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.internLocked(s)
}

func (r *relevance) internLocked(s string) string {
	if c, ok := r.strs[s]; ok {
		return c
	}
	c := strings.Clone(s)
	r.strs[c] = c
	return c
}

// reduce turns a into a stub unless one of its affected entries names a
// component's product. Nothing of a stub refers to the text it was
// decoded from.
func (r *relevance) reduce(a *advisory.Advisory) {
	if a.Stub != nil {
		return // reduced as it was read
	}
	var keys []string
	for i := range a.Affected {
		key := r.keyOf(&a.Affected[i])
		if r.keys[key] {
			return
		}
		if !slices.Contains(keys, key) {
			keys = append(keys, key)
		}
	}
	r.stub(a, keys)
}

// classify resolves the products of an advisory's affected entries, as
// written and before it is decoded (advisory.AffectedProducts), and
// reports whether one names a component's product: reduce would keep the
// advisory decoded from them in full. Otherwise keys are the distinct
// keys they resolve to, those of the advisory's stub.
func (r *relevance) classify(products []string) (keys []string, full bool) {
	for _, p := range products {
		key := r.keyOf(&advisory.Affected{Product: p})
		if r.keys[key] {
			return nil, true
		}
		if !slices.Contains(keys, key) {
			keys = append(keys, key)
		}
	}
	return keys, false
}

// stub reduces a to a stub with the product keys given.
func (r *relevance) stub(a *advisory.Advisory, keys []string) {
	aliases := make([]string, len(a.Aliases))
	for i, s := range a.Aliases {
		aliases[i] = strings.Clone(s)
	}
	pos := a.Pos
	pos.File = r.intern(pos.File)
	*a = advisory.Advisory{
		ID: strings.Clone(a.ID), Aliases: aliases, Source: r.intern(a.Source), Origin: r.intern(a.Origin), Pos: pos,
		Published: a.Published, Updated: a.Updated, Stub: &advisory.Stub{Keys: keys},
	}
}

// reduceAll reduces the advisories a feed file gave.
func (r *relevance) reduceAll(as []advisory.Advisory) {
	for i := range as {
		r.reduce(&as[i])
	}
}

// restore decodes again, from their files, the stubs that can matter now
// that every file is read: those grouped (by ids and aliases, as
// vuln.Merge groups) with an advisory kept in full, and those naming the
// product of a component read after them (SBOM, scanner results).
func (l *loader) restore() {
	if l.rel == nil {
		return
	}
	advs := l.s.Advisories
	stubs := 0
	for i := range advs {
		if advs[i].Stub != nil {
			stubs++
		}
	}
	if stubs == 0 {
		return
	}
	keys := componentKeys(product.NewResolver(l.s.Products), l.s.Components)
	parent := make([]int32, len(advs))
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(i int32) int32 {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	owner := make(map[string]int32, len(advs))
	for i := range advs {
		for _, id := range advs[i].IDs() {
			id = strings.ToUpper(id)
			if j, ok := owner[id]; ok {
				ri, rj := find(int32(i)), find(j)
				if ri != rj {
					parent[max(ri, rj)] = min(ri, rj)
				}
			} else {
				owner[id] = int32(i)
			}
		}
	}
	owner = nil
	live := make([]bool, len(advs))
	for i := range advs {
		if st := advs[i].Stub; st == nil || slices.ContainsFunc(st.Keys, func(k string) bool { return keys[k] }) {
			live[find(int32(i))] = true
		}
	}
	need := map[string]map[source.Pos]int{}
	for i := range advs {
		if advs[i].Stub == nil || !live[find(int32(i))] {
			continue
		}
		f := advs[i].Origin
		if need[f] == nil {
			need[f] = map[source.Pos]int{}
		}
		need[f][advs[i].Pos] = i
	}
	for _, f := range slices.Sorted(maps.Keys(need)) {
		l.restoreFile(f, need[f])
	}
}

// restoreFile reads file again, as it was read the first time but keeping
// every advisory in full, and puts the advisories at the positions of want
// in place of their stubs. A file that reads differently the second time
// stops the build: its advisories would not be those counted.
func (l *loader) restoreFile(file string, want map[source.Pos]int) {
	t := &loader{fsys: l.fsys, opt: Options{Feeds: l.opt.Feeds}, diags: new(source.Diagnostics),
		s: &Snapshot{EPSS: map[string]feed.EPSSEntry{}}, stats: map[string]*source.FileStat{}}
	if isUserFile(file) {
		t.advisoryFile(file)
	} else {
		t.readFeed(file, feedKind(file), "", true)
	}
	first, again := l.stats[file], t.stats[file]
	changed := len(t.s.Fatal) > 0 || first == nil || again == nil || first.SHA256 != again.SHA256
	n := len(want)
	for _, a := range t.s.Advisories {
		if i, ok := want[a.Pos]; ok && a.ID == l.s.Advisories[i].ID {
			l.s.Advisories[i] = a
			delete(want, a.Pos)
		}
	}
	if changed || len(want) > 0 {
		l.fatal("%s: the file changed while the build read it (its advisories read differently the second time): the build stops rather than use advisories that were not counted", file)
	}
	l.s.Restored += n - len(want)
}
