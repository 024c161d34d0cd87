package site

import (
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/report"
)

// Caps on lists that summary pages show in full elsewhere.
const (
	deptPreview    = 10  // actions per department on plan.html
	actionsPerPage = 100 // actions per department page
	listCap        = 200 // due-soon and escalated items shown
)

// planData is the remediation plan.
type planData struct {
	Stages    []stageRow
	Decisions []report.Decision
	DueSoon   table
	DueTotal  int
	ByOwner   []report.OwnerRow
	Depts     []deptView
	Notes     []report.Notification
	Accepts   []report.Acceptance
	Contracts []contractView
	SoonDays  int
	AckDays   int
}

// stageRow counts fix actions at one stage, by their top priority.
type stageRow struct {
	Stage, Label string
	Counts       []int
	Total        int
}

type deptView struct {
	Name, Href string
	Actions    actions
	Total      int
	More       bool
}

type contractView struct {
	System, Name, Href, Contractor string
	Gaps                           []string
}

func (b *builder) planPage(lang i18n.Lang, p *Page) any {
	r := b.r
	d := &planData{Decisions: r.Decisions, ByOwner: r.Posture.ByOwner, Notes: r.Notifications, Accepts: r.Acceptances,
		SoonDays: r.Policy.DueSoonDays, AckDays: r.Policy.AckDays, DueTotal: len(r.Posture.DueSoon)}
	for _, st := range append([]string{""}, append(fourSteps, "done")...) {
		sr := stageRow{Stage: st, Label: i18n.T(lang, "stage."+st), Counts: make([]int, len(model.Priorities))}
		for _, a := range r.Actions {
			if string(a.Stage) != st {
				continue
			}
			for i, pr := range model.Priorities {
				if a.TopPriority == pr {
					sr.Counts[i]++
				}
			}
			sr.Total++
		}
		d.Stages = append(d.Stages, sr)
	}
	keys := r.Posture.DueSoon
	if len(keys) > listCap {
		keys = keys[:listCap]
	}
	pos := b.ix.findingsByKey(keys)
	var soon []int32
	for _, k := range keys {
		if fi, ok := pos[k]; ok {
			soon = append(soon, fi)
		}
	}
	d.DueSoon = b.table(lang, p, "soon-list", i18n.Tf(lang, "of_n", len(r.Posture.DueSoon), len(soon)), soon, false)
	for _, dp := range b.ix.depts {
		dv := deptView{Name: dp.Name, Href: p.Href(mustPath(kDept, dp.ID, 1)), Total: len(dp.Actions), More: len(dp.Actions) > deptPreview}
		dv.Actions = b.actionList(lang, p, dp.Actions[:min(len(dp.Actions), deptPreview)])
		d.Depts = append(d.Depts, dv)
	}
	for _, c := range r.Posture.ContractIssues {
		cv := contractView{System: c.System, Name: p.SysName(c.System), Href: p.Sys(c.System), Contractor: c.Contractor}
		for _, g := range c.Gaps {
			cv.Gaps = append(cv.Gaps, i18n.T(lang, "gap."+g))
		}
		d.Contracts = append(d.Contracts, cv)
	}
	return d
}

// deptData is one department's page of fix actions.
type deptData struct {
	Name    string
	Actions actions
	Pager   *pager
	Total   int
	Plan    string
	// ais are the page's actions, for the page writer, which writes them
	// without Actions.
	ais []int32
}

// deptJobs plans each department's pages of actions sorted by due date.
func (b *builder) deptJobs(lang i18n.Lang, ch *chrome, pw *pageWriter) []job {
	var jobs []job
	for _, dp := range b.ix.depts {
		path := func(n int) string { return mustPath(kDept, dp.ID, n) }
		name := dp.Name
		if name == "" || name == "-" {
			name = i18n.T(lang, "no_owner")
		}
		pages := chunks(len(dp.Actions), actionsPerPage)
		for n, c := range pages {
			n := n + 1
			title := pageTitle(lang, i18n.Tf(lang, "site.dept_title", name), n)
			p := b.newPage(lang, ch, path(n), title, mustPath(kPlan, "", 1), nil)
			data := func(p *Page, lazy bool) *deptData {
				d := &deptData{Name: name, Total: len(dp.Actions), Plan: p.Href(mustPath(kPlan, "", 1))}
				if lazy {
					d.ais = dp.Actions[c[0]:c[1]]
				} else {
					d.Actions = b.actionList(lang, p, dp.Actions[c[0]:c[1]])
				}
				d.Pager = newPager(p, n, len(pages), c[0], c[1], len(dp.Actions), path)
				return d
			}
			jobs = append(jobs, job{page: p, tmpl: "dept.html", data: func(p *Page) any { return data(p, false) },
				write: func(buf []byte, p *Page) ([]byte, bool) { return pw.deptPage(buf, p, data(p, true)) }})
		}
	}
	return jobs
}
