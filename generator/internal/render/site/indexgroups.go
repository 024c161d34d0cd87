package site

import (
	"cmp"
	"slices"
	"time"

	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/report"
)

// The index's groupings and orders, made before any page is written and
// so on the build's critical path: each reads a finding or an action once
// into a compact key and sorts or groups the keys, instead of comparing
// findings materialised from the store (or actions scattered through
// the heap) again at every step of a sort.

// actionFindings returns each action's open findings: those whose
// ActionKey is its key and that it lists (listed), in the findings'
// order. The findings are grouped by key in one array (a counting sort),
// not in a slice per key.
func actionFindings(r *report.Report) [][]int32 {
	group := make(map[string]int32, len(r.Actions))
	groupOf := make([]int32, len(r.Actions))
	for i := range r.Actions {
		g, ok := group[r.Actions[i].Key]
		if !ok {
			g = int32(len(group))
			group[r.Actions[i].Key] = g
		}
		groupOf[i] = g
	}
	// start[g] is where group g begins in all, start[g+1] where it ends.
	start := make([]int32, len(group)+1)
	findingGroup := make([]int32, r.Findings.Len())
	for i := range findingGroup {
		findingGroup[i] = -1
		if k := r.Findings.At(i).ActionKey; k != "" {
			if g, ok := group[k]; ok {
				findingGroup[i] = g
				start[g+1]++
			}
		}
	}
	for g := range len(group) {
		start[g+1] += start[g]
	}
	all := make([]int32, start[len(group)])
	next := slices.Clone(start[:len(group)])
	for i, g := range findingGroup {
		if g >= 0 {
			all[next[g]] = int32(i)
			next[g]++
		}
	}
	out := make([][]int32, len(r.Actions))
	for i := range r.Actions {
		from, to := start[groupOf[i]], start[groupOf[i]+1]
		out[i] = listed(r, &r.Actions[i], all[from:to:to])
	}
	return out
}

// listed returns the findings of all (those of a's key) that a lists
// (a.Findings), in their order: when they are the same keys in the same
// order, as the plan builds them, all itself.
func listed(r *report.Report, a *report.Action, all []int32) []int32 {
	same := len(all) == len(a.Findings)
	for i := 0; same && i < len(all); i++ {
		same = r.Findings.Key(int(all[i])) == a.Findings[i]
	}
	if same {
		return all
	}
	has := func(k string) bool { return slices.Contains(a.Findings, k) }
	if len(a.Findings) > 32 {
		set := make(map[string]bool, len(a.Findings))
		for _, k := range a.Findings {
			set[k] = true
		}
		has = func(k string) bool { return set[k] }
	}
	var out []int32
	for _, fi := range all {
		if has(r.Findings.Key(int(fi))) {
			out = append(out, fi)
		}
	}
	return out
}

// systemComponents returns each system's components, in the report's
// order. A system's components are usually side by side (the report
// sorts them by system): those runs are slices of one array, and a
// system met again later gets its own list.
func systemComponents(r *report.Report) map[string][]int32 {
	out := make(map[string][]int32, len(r.Systems))
	all := make([]int32, r.Components.Len())
	for i := range all {
		all[i] = int32(i)
	}
	for from := 0; from < len(all); {
		sys := r.Components.At(from).System
		to := from + 1
		for to < len(all) && r.Components.At(to).System == sys {
			to++
		}
		if prev, ok := out[sys]; ok {
			out[sys] = append(prev, all[from:to]...) // a copy: prev's capacity ends with its run
		} else {
			out[sys] = all[from:to:to]
		}
		from = to
	}
	return out
}

// componentOrder is a finding's place on its advisory's page.
type componentOrder struct {
	system, product, version string
	fi                       int32
}

// sortByComponent sorts each vulnerability's findings by system, product
// name and version, as an advisory's page lists them; findings alike stay
// in their order.
func sortByComponent(r *report.Report, byVuln map[string][]int32) {
	var keys []componentOrder
	for _, fis := range byVuln {
		keys = keys[:0]
		for _, fi := range fis {
			f := r.Findings.At(int(fi))
			keys = append(keys, componentOrder{f.System, f.ProductName, f.Version, fi})
		}
		slices.SortFunc(keys, func(a, b componentOrder) int {
			return cmp.Or(cmp.Compare(a.system, b.system), cmp.Compare(a.product, b.product), cmp.Compare(a.version, b.version), cmp.Compare(a.fi, b.fi))
		})
		for i := range keys {
			fis[i] = keys[i].fi
		}
	}
}

// dueOrder is an action's place on its department's pages.
type dueOrder struct {
	due  time.Time
	prio model.Priority
	key  string
	ai   int32
}

// sortByDue sorts a department's actions by due date (undated last),
// priority and key; actions alike stay in their order.
func sortByDue(r *report.Report, ais []int32) {
	keys := make([]dueOrder, len(ais))
	for i, ai := range ais {
		a := &r.Actions[ai]
		keys[i] = dueOrder{a.Due, a.TopPriority, a.Key, ai}
	}
	slices.SortFunc(keys, func(x, y dueOrder) int {
		return cmp.Or(cmpDue(x.due, y.due), cmp.Compare(x.prio, y.prio), cmp.Compare(x.key, y.key), cmp.Compare(x.ai, y.ai))
	})
	for i := range keys {
		ais[i] = keys[i].ai
	}
}

// cmpDue orders due dates, undated last.
func cmpDue(a, b time.Time) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}
