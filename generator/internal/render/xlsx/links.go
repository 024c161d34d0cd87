package xlsx

import "vulnreport/generator/internal/report"

// links are the model's references by key (a finding's fix action and
// system, an action's system) resolved to indexes once for the report's
// workbooks (see shared). Each sheet used to look them up in maps of its
// own, for every row of every workbook: at 10,000 systems 4.7 million
// lookups of long keys spread over the heap per report, now 2.2 million.
// Where several records share a key, the last one is meant, as a map
// filled in the model's order keeps it.
type links struct {
	// findingAction and findingSystem are, for each finding, the index in
	// r.Actions of its fix action (by ActionKey) and in r.Systems of its
	// system; -1 when there is none.
	findingAction, findingSystem []int32
	// actionKey is, for each action, the index of the action with its key
	// (itself unless a later one has the same key); actionSystem the
	// index of its system in r.Systems, -1 when there is none.
	actionKey, actionSystem []int32
}

// links returns the report's links, computed by the first workbook.
func (b *book) links() *links {
	if b.shared == nil {
		return newLinks(b.r)
	}
	if b.shared.links == nil {
		b.shared.links = newLinks(b.r)
	}
	return b.shared.links
}

func newLinks(r *report.Report) *links {
	systems := make(map[string]int32, len(r.Systems))
	for i := range r.Systems {
		systems[r.Systems[i].ID] = int32(i)
	}
	actions := make(map[string]int32, len(r.Actions))
	for i := range r.Actions {
		actions[r.Actions[i].Key] = int32(i)
	}
	find := func(m map[string]int32, key string) int32 {
		if i, ok := m[key]; ok {
			return i
		}
		return -1
	}
	n := r.Findings.Len()
	l := &links{findingAction: make([]int32, n), findingSystem: make([]int32, n),
		actionKey: make([]int32, len(r.Actions)), actionSystem: make([]int32, len(r.Actions))}
	for i, f := range r.Findings.All() {
		l.findingAction[i], l.findingSystem[i] = find(actions, f.ActionKey), find(systems, f.System)
	}
	for i := range r.Actions {
		a := &r.Actions[i]
		l.actionKey[i], l.actionSystem[i] = actions[a.Key], find(systems, a.System)
	}
	return l
}
