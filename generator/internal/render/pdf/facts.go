package pdf

import (
	"cmp"
	"slices"

	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/report"
)

// maxRows is the most rows a body table shows; longer lists say how many
// were left out and where to find them all.
const maxRows = 15

// facts are the lists the sections show, picked from the model once per
// render in one pass over the findings, so that a report of a million
// findings costs one scan, not one per section, pass or language. They
// point into the model, which stays read-only.
type facts struct {
	sys map[string]*report.System
	// open counts open findings.
	open int
	// top holds the first open findings of the one risk ranking; titles
	// their vulnerabilities' titles by id.
	top    []*model.Finding
	titles map[string]*report.Vuln
	// kev holds every open exploited finding on an internet-facing system,
	// in ranking order; kevN counts them.
	kev  []*model.Finding
	kevN int
	// dueSoon and escalated resolve the keys the model lists.
	dueSoon   []*model.Finding
	escalated map[string]*model.Finding
	// actions are the open fix actions in the model's order; overdue those
	// past their due date.
	actions []*report.Action
	overdue []*report.Action
	// ranked is the model's action ranking as the dashboard and the
	// workbook's plan sheet show it: every action that still has open
	// findings, a recorded completion (a temporary mitigation done, or an
	// update the scans do not confirm) included, so the top lists number
	// 1, 2, 3… like every other output.
	ranked []*report.Action
	// plan is the remediation plan by department.
	plan planFacts
	// decisions are the decisions page one shows.
	decisions []report.Decision
}

// planFacts is the remediation plan: each department's actions by stage,
// and the P1/P2 actions.
type planFacts struct {
	depts      []*deptRow
	urgent     []*report.Action
	urgentN    int
	notStarted int
}

// deptRow counts one department's open fix actions.
type deptRow struct {
	dept               string
	n, urgent, overdue int
	stages             map[string]int
}

func newFacts(r *report.Report) *facts {
	f := &facts{sys: make(map[string]*report.System, len(r.Systems)), escalated: map[string]*model.Finding{},
		titles: map[string]*report.Vuln{}}
	for i := range r.Systems {
		f.sys[r.Systems[i].ID] = &r.Systems[i]
	}
	// wanted maps the keys the model lists to their place in DueSoon (or
	// -1) and whether they were escalated, so each finding costs one lookup.
	type want struct {
		due       int
		escalated bool
	}
	wanted := make(map[string]want, len(r.Posture.DueSoon)+len(r.Trends.Escalated))
	for i, k := range r.Posture.DueSoon {
		wanted[k] = want{due: i}
	}
	for _, e := range r.Trends.Escalated {
		w, ok := wanted[e.Finding]
		if !ok {
			w.due = -1
		}
		w.escalated = true
		wanted[e.Finding] = w
	}
	dueSoon := make([]*model.Finding, len(r.Posture.DueSoon))
	for i := range r.Findings.Len() {
		if len(wanted) > 0 {
			if w, ok := wanted[r.Findings.Key(i)]; ok {
				fd := ptr(r.Findings.At(i))
				if w.due >= 0 {
					dueSoon[w.due] = fd
				}
				if w.escalated {
					f.escalated[fd.Key] = fd
				}
			}
		}
		if r.Findings.IsOpen(i) {
			f.open++
		}
	}
	// Top lists follow the one risk ranking. Every open exploited finding
	// on an internet-facing system is kept: none may be absent from the body.
	for _, x := range r.Ranking {
		v := r.Findings.At(x.Index)
		top, kev := len(f.top) < maxRows, v.Exploited && f.exposure(v.System) == report.ExposureInternet
		if !top && !kev {
			continue
		}
		fd := ptr(v)
		if top {
			f.top = append(f.top, fd)
			f.titles[fd.VulnID] = nil
		}
		if kev {
			f.kevN++
			f.kev = append(f.kev, fd)
		}
	}
	for _, fd := range dueSoon {
		if fd != nil {
			f.dueSoon = append(f.dueSoon, fd)
		}
	}
	for i := range r.Vulns {
		if _, ok := f.titles[r.Vulns[i].ID]; ok {
			f.titles[r.Vulns[i].ID] = &r.Vulns[i]
		}
	}
	for i := range r.Actions {
		a := &r.Actions[i]
		if len(a.Findings) == 0 {
			continue
		}
		f.ranked = append(f.ranked, a)
		if !a.Completed.IsZero() {
			continue
		}
		f.actions = append(f.actions, a)
		if a.Overdue {
			f.overdue = append(f.overdue, a)
		}
	}
	f.plan = newPlan(r, f.actions)
	f.decisions = r.Decisions
	return f
}

// newPlan groups the open actions by department, in the order of the
// model's per-department table (worst first), then by name.
func newPlan(r *report.Report, actions []*report.Action) planFacts {
	var p planFacts
	byDept := map[string]*deptRow{}
	for _, o := range r.Posture.ByOwner {
		if byDept[o.Owner] == nil {
			row := &deptRow{dept: o.Owner, stages: map[string]int{}}
			byDept[o.Owner] = row
			p.depts = append(p.depts, row)
		}
	}
	var extra []*deptRow
	for _, a := range actions {
		row := byDept[a.Department]
		if row == nil {
			row = &deptRow{dept: a.Department, stages: map[string]int{}}
			byDept[a.Department] = row
			extra = append(extra, row)
		}
		row.n++
		row.stages[string(a.Stage)]++
		if a.Overdue {
			row.overdue++
		}
		if a.TopPriority != model.P1 && a.TopPriority != model.P2 {
			continue
		}
		row.urgent++
		p.urgentN++
		if a.Stage == "" && a.Progress.Reached(1) == 0 {
			p.notStarted++
		}
		if len(p.urgent) < maxRows {
			p.urgent = append(p.urgent, a)
		}
	}
	slices.SortFunc(extra, func(a, b *deptRow) int { return cmp.Compare(a.dept, b.dept) })
	p.depts = slices.DeleteFunc(append(p.depts, extra...), func(d *deptRow) bool { return d.n == 0 })
	return p
}

// exposure returns a system's exposure, or "" for an unknown system.
func (f *facts) exposure(id string) string {
	if s := f.sys[id]; s != nil {
		return s.Exposure
	}
	return ""
}

// system returns a system, or the zero system for an unknown id.
func (f *facts) system(id string) report.System {
	if s := f.sys[id]; s != nil {
		return *s
	}
	return report.System{}
}

// owner returns a system's owning department, or "".
func (f *facts) owner(id string) string {
	if s := f.sys[id]; s != nil {
		return s.Owner
	}
	return ""
}

// sysName returns the system's name in the language, or its id.
func (d *doc) sysName(id string) string {
	if s := d.f.sys[id]; s != nil {
		if n := d.tx(s.Name); n != "" {
			return n
		}
	}
	return id
}

// ptr returns a pointer to a copy of the finding, for the few the
// document lists.
func ptr(f model.Finding) *model.Finding { return &f }
