package match

import (
	"cmp"

	"vulnreport/generator/internal/indexsort"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/vuln"
)

// Found is one vulnerability found on one component of one system: the
// unit a finding is made of. It refers to the matched component and
// vulnerability by index, so that matching a million components stays
// small; Result.Finding makes the full record.
type Found struct {
	// Component is the index of the first of the system's component rows
	// with this product and version; Hosts sums the rows' hosts.
	Component int32
	// Vuln is the index of the vulnerability.
	Vuln int32
	// Clause is the index of the matched clause in Result.Clauses.
	Clause int32
	Hosts  int
}

// Clause is the advisory clause that matched a (product, version) pair.
type Clause struct {
	// Text is the product key and the matched range, or the free text.
	Text string
	// FixTarget is the lowest version outside the clause when it has an
	// upper bound; FixInclusive is set when that bound was "<=".
	FixTarget    string
	FixInclusive bool
	// FreeText is set when the match rests on free-text affected versions.
	FreeText string
	// Scheme names the version scheme the comparison was made in.
	Scheme string
	// Confirm says why the finding needs confirmation (model.Confirm…),
	// "" when it does not.
	Confirm string
	// Note explains a needed confirmation, or shows the upstream range
	// beside a distribution advisory's decision.
	Note string
}

// Finding makes the finding of r.Found[i], with parts of its own (assess
// makes findings that share them). comps and vulns must be the slices
// Match was given.
func (r *Result) Finding(i int, comps []inventory.Component, vulns []vuln.Vulnerability) model.Finding {
	m := &r.Found[i]
	c, v, cl := &comps[m.Component], &vulns[m.Vuln], &r.Clauses[m.Clause]
	return model.Flat{
		Key: FindingKey(c.System, c.Key, c.Version, v.ID), Kind: model.KindVulnerability, System: c.System, Product: c.Key, ProductName: c.Name,
		Version: c.Version, Hosts: m.Hosts, ComponentAt: c.Pos.String(), VulnID: v.ID, IDs: v.IDs, // shared: findings are read-only after matching
		Clause: cl.Text, FixTarget: cl.FixTarget, FixInclusive: cl.FixInclusive,
		NeedsConfirmation: cl.Confirm != "", FreeText: cl.FreeText, Scheme: cl.Scheme, Confirm: cl.Confirm, Note: cl.Note,
	}.Finding()
}

// Findings makes every finding, in key order.
func (r *Result) Findings(comps []inventory.Component, vulns []vuln.Vulnerability) []model.Finding {
	fs := make([]model.Finding, len(r.Found))
	for i := range fs {
		fs[i] = r.Finding(i, comps, vulns)
	}
	return fs
}

// emitter turns groups of components (one system, one pair) and their
// pair's hits into matches.
type emitter struct {
	comps  []inventory.Component
	pairOf []int32
	span   []int32
	hits   []hit
	// order lists the components with hits, grouped; groups holds the
	// start of each group in order.
	order, groups []int32
}

// found lists what every group found, in group order and within a group
// in hit order, and counts the matches closed by patch ids.
func (e *emitter) found() ([]Found, int) {
	n := 0
	for _, g := range e.groups {
		p := e.pairOf[e.order[g]]
		n += int(e.span[p+1] - e.span[p])
	}
	out := make([]Found, 0, n)
	patched := 0
	for g, start := range e.groups {
		end := len(e.order)
		if g+1 < len(e.groups) {
			end = int(e.groups[g+1])
		}
		members := e.order[start:end]
		p := e.pairOf[members[0]]
		for hi := e.span[p]; hi < e.span[p+1]; hi++ {
			h := &e.hits[hi]
			at := -1
			for _, ci := range members {
				c := &e.comps[ci]
				switch {
				case patchedBy(c.Patches, h.fixedUpper):
					patched++
				case at >= 0:
					// Rows of one system with the same product and version
					// are one component for reporting: their hosts add up.
					out[at].Hosts += c.Hosts
				default:
					at = len(out)
					out = append(out, Found{Component: ci, Vuln: h.vuln, Clause: hi, Hosts: c.Hosts})
				}
			}
		}
	}
	return out, patched
}

// keyParts are the parts of a finding's key, concatenated.
func keyParts(m *Found, comps []inventory.Component, vulns []vuln.Vulnerability) [7]string {
	c := &comps[m.Component]
	return [7]string{c.System, "/", c.Key, "@", c.Version, "/", vulns[m.Vuln].ID}
}

// inKeyOrder reports whether found is in key order.
func inKeyOrder(found []Found, comps []inventory.Component, vulns []vuln.Vulnerability) bool {
	for i := 1; i < len(found); i++ {
		if compareConcat(keyParts(&found[i-1], comps, vulns), keyParts(&found[i], comps, vulns)) > 0 {
			return false
		}
	}
	return true
}

// sortByKey sorts found by key, building the keys.
func sortByKey(found []Found, comps []inventory.Component, vulns []vuln.Vulnerability) {
	keys := make([]string, len(found))
	for i := range found {
		c := &comps[found[i].Component]
		keys[i] = FindingKey(c.System, c.Key, c.Version, vulns[found[i].Vuln].ID)
	}
	indexsort.Sort(found, func(a, b int) int { return cmp.Or(cmp.Compare(keys[a], keys[b]), cmp.Compare(a, b)) })
}

// compareConcat compares the concatenations of a's and b's parts without
// building them. Equal leading parts are skipped whole.
func compareConcat(a, b [7]string) int {
	k := 0
	for k < len(a) && a[k] == b[k] {
		k++
	}
	ai, aj, bi, bj := k, 0, k, 0 // part and byte within it
	for {
		for ai < len(a) && aj == len(a[ai]) {
			ai, aj = ai+1, 0
		}
		for bi < len(b) && bj == len(b[bi]) {
			bi, bj = bi+1, 0
		}
		switch {
		case ai == len(a) && bi == len(b):
			return 0
		case ai == len(a):
			return -1
		case bi == len(b):
			return 1
		}
		if c := cmp.Compare(a[ai][aj], b[bi][bj]); c != 0 {
			return c
		}
		aj, bj = aj+1, bj+1
	}
}
