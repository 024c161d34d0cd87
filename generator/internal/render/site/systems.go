package site

import (
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"time"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/report"
)

// systemsData is the systems list.
type systemsData struct {
	Systems []sysItem
}

type sysItem struct {
	*report.System
	Name, Href string
	Flags      []string
	// OpenCounts are the open findings of each priority, in order.
	OpenCounts []int
}

func (b *builder) systemsList(lang i18n.Lang, p *Page) *systemsData {
	d := &systemsData{Systems: make([]sysItem, len(b.r.Systems))}
	for i := range b.r.Systems {
		s := &b.r.Systems[i]
		d.Systems[i] = sysItem{System: s, Name: s.Name.Get(lang), Href: p.Sys(s.ID), Flags: sysFlags(lang, s)}
		for _, pr := range model.Priorities {
			d.Systems[i].OpenCounts = append(d.Systems[i].OpenCounts, s.Open[pr])
		}
	}
	return d
}

// sysFlags are a system's warnings as text.
func sysFlags(lang i18n.Lang, s *report.System) []string {
	var out []string
	if s.Status == "active" && s.Owner == "" {
		out = append(out, i18n.T(lang, "no_owner"))
	}
	if s.Stale {
		out = append(out, i18n.T(lang, "stale"))
	}
	if s.InspectionDue {
		out = append(out, i18n.T(lang, "inspection_due"))
	}
	for _, g := range s.ContractGaps {
		out = append(out, i18n.T(lang, "gap."+g))
	}
	if s.NotScanned {
		out = append(out, i18n.T(lang, "scan.flag.not_scanned"))
	}
	if s.ScanStale {
		out = append(out, i18n.T(lang, "scan.flag.stale"))
	}
	return out
}

// systemData is one system's page (or a later page of its findings).
type systemData struct {
	Sys     *report.System
	Name    string
	Cont    bool
	First   string
	Data    []string
	Flags   []string
	Clauses []clause
	Open    []prioCount
	// Components lists those with findings or a support issue; Others the
	// rest (often libraries from an SBOM), folded. A lazy page leaves them
	// empty (see comps).
	Components []report.Component
	Others     []report.Component
	Actions    []actionView
	// ais are the system's actions, for the page writer, which writes
	// them without Actions.
	ais      []int32
	Notes    []report.Notification
	Accepts  []report.Acceptance
	Table    table
	Findings int
	// Attack is the system's signs of attack, nil without its logs.
	Attack *attacksData

	// comps and others are the rows of Components and Others as indices
	// into rows, the report's, for the page writer to materialise each as
	// it writes it.
	rows          report.ComponentStore
	comps, others []int32
}

// clause is one contract clause the guide asks for, with its value and
// whether it is a gap.
type clause struct {
	Label, Value string
	Gap          bool
}

type prioCount struct {
	Priority model.Priority
	Label    string
	Count    int
}

// systemJobs plans each system's page and the later pages of its findings.
func (b *builder) systemJobs(lang i18n.Lang, ch *chrome, pw *pageWriter) ([]job, error) {
	var jobs []job
	for i := range b.r.Systems {
		s := &b.r.Systems[i]
		if _, err := pathOf(kSystem, s.ID, 1); err != nil {
			return nil, fmt.Errorf("system page: %w", err)
		}
		idx := b.ix.bySystem[s.ID]
		path := func(n int) string { return mustPath(kSystem, s.ID, n) }
		pages := chunks(len(idx), b.pageSize)
		for n, c := range pages {
			n := n + 1
			title := pageTitle(lang, s.Name.Get(lang), n)
			p := b.newPage(lang, ch, path(n), title, mustPath(kSystems, "", 1), nil)
			data := func(p *Page, lazy bool) *systemData {
				d := &systemData{Sys: s, Name: s.Name.Get(lang), Cont: n > 1, First: p.Href(path(1)), Findings: len(idx)}
				caption := i18n.Tf(lang, "site.findings_caption", num(c[1]-c[0]), num(len(idx)))
				d.Table = b.sysTable(lang, p, "findings", caption, idx[c[0]:c[1]], lazy)
				d.Table.Pager = newPager(p, n, len(pages), c[0], c[1], len(idx), path)
				if n == 1 {
					b.systemDetails(lang, p, d, lazy)
				}
				return d
			}
			jobs = append(jobs, job{page: p, tmpl: "system.html", data: func(p *Page) any { return data(p, false) },
				write: func(buf []byte, p *Page) ([]byte, bool) { return pw.systemPage(buf, p, data(p, true)) }})
		}
	}
	return jobs, nil
}

// systemDetails fills the first page of a system: attributes, contract,
// components (as rows of the report's store only, when lazy), fix
// actions (left to the page writer when lazy), notifications and
// acceptances.
func (b *builder) systemDetails(lang i18n.Lang, p *Page, d *systemData, lazy bool) {
	s := d.Sys
	for _, c := range s.Data {
		d.Data = append(d.Data, i18n.T(lang, "data."+c))
	}
	d.Flags = sysFlags(lang, s)
	for _, pr := range model.Priorities {
		d.Open = append(d.Open, prioCount{pr, i18n.T(lang, pr.LabelKey()), s.Open[pr]})
	}
	if s.Contractor != "" {
		d.Clauses = clauses(lang, s)
	}
	comps := b.ix.comps[s.ID]
	all := make([]int32, len(comps)) // one allocation for both lists
	n, others := 0, len(comps)
	for _, ci := range comps {
		c := b.r.Components.At(int(ci))
		if c.Findings > 0 || c.NotLatest || c.Lifecycle == model.LifecycleEOL || c.Lifecycle == model.LifecycleEnding ||
			c.Lifecycle == model.LifecycleSecurityOnly || c.Lifecycle == model.LifecycleExtended {
			all[n] = ci
			n++
		} else {
			others--
			all[others] = ci
		}
	}
	d.rows, d.comps = b.r.Components, all[:n:n]
	if others < len(all) {
		d.others = all[others:]
		slices.Reverse(d.others) // filled from the end
	}
	if !lazy {
		d.Components, d.Others = componentViews(d.rows, d.comps), componentViews(d.rows, d.others)
	}
	if acts := b.ix.actions[s.ID]; lazy {
		d.ais = acts
	} else if len(acts) > 0 {
		d.Actions = make([]actionView, 0, len(acts))
		for _, ai := range acts {
			d.Actions = append(d.Actions, b.actionView(lang, p, ai, false))
		}
	}
	for _, ni := range b.ix.notes[s.ID] {
		d.Notes = append(d.Notes, b.r.Notifications[ni])
	}
	for _, ai := range b.ix.accepts[s.ID] {
		d.Accepts = append(d.Accepts, b.r.Acceptances[ai])
	}
	d.Attack = b.systemAttacks(lang, s.ID)
}

// clauses lists the contract clauses with their values and gaps.
func clauses(lang i18n.Lang, s *report.System) []clause {
	gap := map[string]bool{}
	for _, g := range s.ContractGaps {
		gap[g] = true
	}
	c := s.Contract
	boolText := func(v *bool) string {
		if v == nil {
			return i18n.T(lang, "site.not_stated")
		}
		if *v {
			return i18n.T(lang, "yes")
		}
		return i18n.T(lang, "no")
	}
	pdf := c.PostDeliveryFixes
	if pdf == "" {
		pdf = i18n.T(lang, "site.not_stated")
	} else {
		pdf = i18n.T(lang, "site.post_delivery."+pdf)
	}
	return []clause{
		{i18n.T(lang, "site.contract.maintenance_until"), date(c.MaintenanceUntil), gap[report.GapMaintenanceExpired]},
		{i18n.T(lang, "site.contract.post_delivery_fixes"), pdf, gap[report.GapPostDelivery]},
		{i18n.T(lang, "site.contract.known_vuln_fix_free"), boolText(c.KnownVulnFixFree), gap[report.GapKnownVulnFree]},
		{i18n.T(lang, "site.contract.inspection_included"), boolText(c.InspectionIncluded), gap[report.GapInspection]},
		{i18n.T(lang, "site.contract.emergency_costs_agreed"), boolText(c.EmergencyCostsAgreed), gap[report.GapEmergency]},
	}
}

// actionView is a fix action with its four steps and its findings, every
// field already text in the page's language.
type actionView struct {
	A                 *report.Action
	Priority          model.Priority
	PrioClass         string
	Text, Kind, Stage string
	// Due and Planned are dates, "" when unknown.
	Due, Planned     string
	Count            string
	SysName, SysHref string
	Product, Action  string
	Owner, Hosts     string
	Risk             string
	// CompletedOpen marks an action whose remediation record says done
	// while its findings are still open (pdf.completed_open), as the PDF does.
	CompletedOpen bool
	Steps         []step
	Mini          miniTable
}

// actions is a list of folded fix actions, written by the fast path when
// it can be.
type actions struct {
	List []actionView
	HTML template.HTML
}

// step is one of the guide's four steps as an action stands on it.
type step struct {
	Label string
	// State is "done", "current", "partial" or "todo" (report.StepState);
	// the page marks it by class (site.css) and aria-current.
	State string
}

var fourSteps = []string{"investigate", "assess", "plan", "implement"}

// steps marks the four steps for an action all of whose findings are at
// stage.
func steps(lang i18n.Lang, stage string) []step {
	var p report.Progress
	p[stageNumber(stage)] = 1
	return progressSteps(lang, p)
}

// progressSteps marks the four steps for an action's progress: a step some
// of its findings reached, but not all, says how many did.
func progressSteps(lang i18n.Lang, p report.Progress) []step {
	out := make([]step, len(fourSteps))
	for i, s := range fourSteps {
		st := p.StepState(i + 1)
		label := i18n.T(lang, "stage."+s)
		if st == report.StepPartial {
			label = i18n.Tf(lang, "site.step_partial_n", label, p.Reached(i+1), p.Total())
		}
		out[i] = step{Label: label, State: st}
	}
	return out
}

// dateText is a date as the action lines show it, "" when unknown.
func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return date(t)
}

// actionView builds action ai; with rows, also the open findings it
// closes, as rows.
func (b *builder) actionView(lang i18n.Lang, p *Page, ai int32, withRows bool) actionView {
	a := &b.r.Actions[ai]
	v := actionView{A: a, Priority: a.TopPriority, PrioClass: prioClass(a.TopPriority), Text: b.lb[lang].sentences.of(ai),
		Kind: i18n.T(lang, a.Kind.LabelKey()), Stage: i18n.T(lang, "stage."+string(a.Stage)), Due: dateText(a.Due),
		Planned: dateText(a.Planned), Count: i18n.Tf(lang, "site.n_findings", len(a.Findings)), SysName: p.SysName(a.System),
		SysHref: p.Sys(a.System), Action: i18n.T(lang, "action."+a.Action), Owner: a.Owner, Hosts: num(a.Hosts),
		Risk: strconv.FormatFloat(a.RiskShare*100, 'f', 1, 64) + "%", Product: a.ProductName + " " + a.Version,
		CompletedOpen: !a.Completed.IsZero() && len(a.Findings) > 0}
	if v.Owner == "" {
		v.Owner = "-"
	}
	// The one target text every output shows (plan.TargetText); it names
	// the patches too, and says so when no fixed version is known.
	if tt := a.TargetText.Get(lang); tt != "" {
		v.Product += " → " + tt
	} else if a.Patches != "" {
		v.Product += " (" + a.Patches + ")"
	}
	if !withRows {
		return v
	}
	// The cached steps serve an action whose findings are all at one
	// stage; one with work recorded against only some of them says so.
	v.Steps = b.lb[lang].steps[string(a.Stage)]
	if v.Steps == nil || a.Progress[stageNumber(string(a.Stage))] != a.Progress.Total() {
		v.Steps = progressSteps(lang, a.Progress)
	}
	fis := b.ix.actFis[ai]
	rows := p.rowBuf(len(fis))
	for _, fi := range fis {
		rows = append(rows, b.ix.makeRow(fi, b.lb[lang], p.depth))
	}
	v.Mini = miniTable{Rows: rows}
	return v
}

// actionList builds the folded actions ai; the fast path writes them
// straight from the report instead.
func (b *builder) actionList(lang i18n.Lang, p *Page, ais []int32) actions {
	if b.fast {
		return actions{HTML: p.fast(func(buf []byte) ([]byte, bool) {
			return b.rw[lang].fastActionsOf(buf, b.ix, b.lb[lang], ais, p.depth), true
		})}
	}
	l := actions{List: make([]actionView, len(ais))}
	for i, ai := range ais {
		l.List[i] = b.actionView(lang, p, ai, true)
	}
	return l
}

// httpURL reports whether a reference may be a link: http or https only.
func httpURL(s string) bool {
	l := strings.ToLower(s)
	return (strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://")) && !strings.ContainsAny(s, " \t\r\n<>\"'`")
}

// componentViews returns the component rows idx of rows, nil for none.
func componentViews(rows report.ComponentStore, idx []int32) []report.Component {
	if len(idx) == 0 {
		return nil
	}
	out := make([]report.Component, len(idx))
	for k, i := range idx {
		out[k] = rows.At(int(i))
	}
	return out
}
