package site

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"sync"

	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/report"
)

// index holds the lookups every page needs, built once per report so that
// no page scans all findings: findings by system, by vulnerability and by
// fix action, and the report's lists by system and by department.
type index struct {
	r    *report.Report
	sys  map[string]*report.System
	vuln map[string]*report.Vuln
	// sysPath and vulnPath are the pages of systems and advisories below
	// a language's root, computed once; an invalid id has no page.
	sysPath, vulnPath map[string]string
	// Caches for building rows (cache.go).
	dates   map[int64]string
	sysList []sysEntry
	// sysAt is each system's position in sysList.
	sysAt    map[string]int32
	vulnList []vulnEntry
	// fsys and fvuln give each finding's entries in sysList and
	// vulnList, -1 for none; ownIDs is set when a finding's ids differ
	// from its vulnerability's entry.
	fsys, fvuln []int32
	ownIDs      []bool
	bySystem    map[string][]int32
	// spos is each finding's position in its system's list (bySystem):
	// its full row is on that system's page spos/pageSize+1, with the
	// anchor "f<spos+1>" (rowAnchor), where the other lists link to it.
	spos []int32
	// pageSize is the most rows a findings page holds.
	pageSize int
	// byVuln is sorted by system, product name and version.
	byVuln map[string][]int32
	// actFis holds each fix action's open findings, its mini table
	// (actionFindings).
	actFis  [][]int32
	comps   map[string][]int32
	actions map[string][]int32
	notes   map[string][]int32
	accepts map[string][]int32
	// depts lists the departments with fix actions, by name; deptActions
	// their actions sorted by due date.
	depts       []dept
	deptByOwner map[string]string
	// prioRuns are the contiguous runs of r.Findings with one priority.
	prioRuns []run
}

// dept is a department with its fix actions.
type dept struct {
	ID, Name string
	Actions  []int32
}

// run is a contiguous slice of findings [From, To) sharing a priority.
type run struct {
	Priority model.Priority
	From, To int
}

func newIndex(r *report.Report) *index {
	ix := &index{r: r, sys: make(map[string]*report.System, len(r.Systems)), vuln: make(map[string]*report.Vuln, len(r.Vulns)),
		bySystem: make(map[string][]int32, len(r.Systems)), byVuln: make(map[string][]int32, len(r.Vulns)),
		comps: make(map[string][]int32, len(r.Systems)), actions: map[string][]int32{},
		notes: map[string][]int32{}, accepts: map[string][]int32{}, deptByOwner: map[string]string{}}
	ix.sysPath = make(map[string]string, len(r.Systems))
	ix.vulnPath = make(map[string]string, len(r.Vulns))
	for i := range r.Systems {
		ix.sys[r.Systems[i].ID] = &r.Systems[i]
		if p, err := pathOf(kSystem, r.Systems[i].ID, 1); err == nil {
			ix.sysPath[r.Systems[i].ID] = p
		}
	}
	for i := range r.Vulns {
		ix.vuln[r.Vulns[i].ID] = &r.Vulns[i]
		if p, err := pathOf(kAdvisory, r.Vulns[i].ID, 1); err == nil {
			ix.vulnPath[r.Vulns[i].ID] = p
		}
	}
	// The passes over every finding fill separate fields, side by side.
	var wg sync.WaitGroup
	defer wg.Wait()
	wg.Go(ix.cacheIndex)
	ix.spos = make([]int32, r.Findings.Len())
	wg.Go(func() {
		for i, f := range r.Findings.All() {
			ix.spos[i] = int32(len(ix.bySystem[f.System]))
			ix.bySystem[f.System] = append(ix.bySystem[f.System], int32(i))
			if n := len(ix.prioRuns); n == 0 || ix.prioRuns[n-1].Priority != f.Priority {
				ix.prioRuns = append(ix.prioRuns, run{Priority: f.Priority, From: i, To: i + 1})
			} else {
				ix.prioRuns[n-1].To = i + 1
			}
		}
	})
	wg.Go(func() {
		for i := range r.Findings.Len() {
			if f := r.Findings.At(int(i)); f.Kind != model.KindEOL {
				ix.byVuln[f.VulnID] = append(ix.byVuln[f.VulnID], int32(i))
			}
		}
		sortByComponent(r, ix.byVuln)
	})
	ix.actFis = actionFindings(r)
	ix.comps = systemComponents(r)
	byName := map[string]*dept{}
	for i := range r.Actions {
		a := &r.Actions[i]
		ix.actions[a.System] = append(ix.actions[a.System], int32(i))
		name := a.Department
		d := byName[name]
		if d == nil {
			d = &dept{ID: deptID(name), Name: name}
			byName[name] = d
		}
		d.Actions = append(d.Actions, int32(i))
	}
	for _, d := range byName {
		sortByDue(r, d.Actions)
		ix.depts = append(ix.depts, *d)
		ix.deptByOwner[d.Name] = d.ID
	}
	slices.SortFunc(ix.depts, func(a, b dept) int { return cmp.Compare(a.Name, b.Name) })
	for i, n := range r.Notifications {
		ix.notes[n.System] = append(ix.notes[n.System], int32(i))
	}
	for i, a := range r.Acceptances {
		ix.accepts[a.System] = append(ix.accepts[a.System], int32(i))
	}
	return ix
}

// deptID names a department's page by a digest of its name, so that the
// file name is a valid id whatever the name's script, and stays the same
// from month to month.
func deptID(name string) string {
	sum := sha256.Sum256([]byte(name))
	return "d-" + hex.EncodeToString(sum[:6])
}

// findingsByKey returns the positions of the given finding keys (those
// the store has).
func (ix *index) findingsByKey(keys []string) map[string]int32 {
	out := make(map[string]int32, len(keys))
	for _, k := range keys {
		if i, ok := ix.r.Findings.Find(k); ok {
			out[k] = int32(i)
		}
	}
	return out
}
