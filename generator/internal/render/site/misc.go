package site

import (
	"cmp"
	"slices"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/report"
)

// lifecycleData is the lifecycle timeline page.
type lifecycleData struct {
	Gantt        *svg
	Lines        []lineView
	Windows      [4]int
	ByDept       []deptWindow
	Replacements []replacement
}

type lineView struct {
	*report.Line
	Systems []link
}

type link struct{ Text, Href string }

// deptWindow counts one department's components past end of life now and
// reaching it within 3, 6 and 12 months.
type deptWindow struct {
	Dept   string
	Counts [4]int
}

type replacement struct {
	System, Name, Href, Owner, Date string
}

// lifecycle builds the lifecycle page; lazy leaves the release lines'
// systems to the page writer, which writes them from the report.
func (b *builder) lifecycle(lang i18n.Lang, p *Page, lazy bool) *lifecycleData {
	r := b.r
	d := &lifecycleData{Gantt: ganttSVG(b.charts.Timeline, lang), ByDept: b.eolByDept()}
	d.Windows = [4]int{r.Summary.EOLInUse, r.Summary.EOLSoon[0], r.Summary.EOLSoon[1], r.Summary.EOLSoon[2]}
	for i := range r.Lifecycle {
		if lazy {
			break
		}
		l := &r.Lifecycle[i]
		lv := lineView{Line: l}
		for _, s := range l.Systems {
			lv.Systems = append(lv.Systems, link{p.SysName(s), p.Sys(s)})
		}
		d.Lines = append(d.Lines, lv)
	}
	for i := range r.Systems {
		s := &r.Systems[i]
		if !s.ReplacementPlanned.IsZero() {
			d.Replacements = append(d.Replacements, replacement{System: s.ID, Name: s.Name.Get(lang), Href: p.Sys(s.ID), Owner: s.Owner, Date: date(s.ReplacementPlanned)})
		}
	}
	slices.SortFunc(d.Replacements, func(a, b replacement) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.System, b.System))
	})
	return d
}

// eolByDept counts each department's components past end of life and
// reaching it within 3, 6 and 12 months, once for every language (it
// reads every component).
func (b *builder) eolByDept() []deptWindow {
	b.eolOnce.Do(func() {
		r := b.r
		byDept := map[string]*deptWindow{}
		for _, c := range r.Components.All() {
			w := eolWindow(&c, r)
			if w < 0 {
				continue
			}
			owner := "-"
			if s := b.ix.sys[c.System]; s != nil && s.Owner != "" {
				owner = s.Owner
			}
			dw := byDept[owner]
			if dw == nil {
				dw = &deptWindow{Dept: owner}
				byDept[owner] = dw
			}
			if w == 0 {
				dw.Counts[0]++
				continue
			}
			for k := w; k <= 3; k++ {
				dw.Counts[k]++
			}
		}
		for _, dw := range byDept {
			b.eolDepts = append(b.eolDepts, *dw)
		}
		slices.SortFunc(b.eolDepts, func(a, b deptWindow) int {
			return cmp.Or(cmp.Compare(b.Counts[0], a.Counts[0]), cmp.Compare(b.Counts[3], a.Counts[3]), cmp.Compare(a.Dept, b.Dept))
		})
	})
	return b.eolDepts
}

// eolWindow places a component: 0 past end of life, 1–3 reaching it within
// 3, 6 or 12 months (the smallest window), -1 otherwise. Windows 1–3 are
// counted cumulatively, as the summary counts them.
func eolWindow(c *report.Component, r *report.Report) int {
	if c.Lifecycle == model.LifecycleEOL {
		return 0
	}
	if w := r.EOLWindow(c); w >= 0 {
		return w + 1
	}
	return -1
}

// trendsData is the trends page.
type trendsData struct {
	Charts    []*svg
	Months    []monthRow
	T         *report.Trends
	Escalated []escalation
	EscTotal  int
	Age       []report.AgeRow
	Buckets   []string
	Policy    report.Policy
}

type monthRow struct {
	Date                         string
	Open, New, Resolved, Overdue int
	ByPriority                   []int
	Current                      bool
}

type escalation struct {
	Kind, Date string
	Row        row
}

func (b *builder) trends(lang i18n.Lang, p *Page) any {
	r := b.r
	d := &trendsData{T: &r.Trends, Age: r.Posture.Age, Buckets: report.AgeBuckets[:], Policy: r.Policy, EscTotal: len(r.Trends.Escalated)}
	d.Charts = []*svg{lineSVG(b.charts.Trend, lang), barSVG(b.charts.Flow, lang), b.slaSVG(lang)}
	for i, m := range r.Trends.Months {
		mr := monthRow{Date: date(m.Date), Open: m.Open, New: m.New, Resolved: m.Resolved, Overdue: m.Overdue, Current: i == len(r.Trends.Months)-1}
		for _, pr := range model.Priorities {
			mr.ByPriority = append(mr.ByPriority, m.ByPriority[pr])
		}
		d.Months = append(d.Months, mr)
	}
	esc := r.Trends.Escalated[:min(len(r.Trends.Escalated), listCap)]
	keys := make([]string, len(esc))
	for i, e := range esc {
		keys[i] = e.Finding
	}
	pos := b.ix.findingsByKey(keys)
	for _, e := range esc {
		if fi, ok := pos[e.Finding]; ok {
			d.Escalated = append(d.Escalated, escalation{Kind: i18n.T(lang, "escalated."+e.Kind), Date: date(e.Date), Row: b.ix.makeRow(fi, b.lb[lang], p.depth)})
		}
	}
	return d
}

// qualityData is the data-quality page.
type qualityData struct {
	Q           *report.Quality
	Rejections  []report.Rejection
	RejTotal    int
	Files       []report.FileStat
	Reconciles  bool
	Diagnostics []string
	DiagTotal   int
	Stale       []link
	NoOwner     []link
	Inspection  []link
	KEV         []report.KEVUnmatched
	Confirm     table
	ConfirmAll  int
	ConfirmHref string
	// Scans are the scanner results and the systems not scanned this month.
	Scans []scanRow
}

// scanRow is one scanner result, or a system not scanned this month.
type scanRow struct {
	Name, Href          string
	File, Scanner, Date string
	Age                 string
	Stale, NotScanned   bool
}

func (b *builder) quality(lang i18n.Lang, p *Page) any {
	r := b.r
	q := &r.Quality
	d := &qualityData{Q: q, Files: q.Files, RejTotal: len(q.Rejections), DiagTotal: len(q.Diagnostics), KEV: r.KEVUnmatched,
		Reconciles: q.Read == q.Accepted+q.Rejected}
	d.Rejections = q.Rejections[:min(len(q.Rejections), 1000)]
	for _, st := range r.Scans {
		row := scanRow{Name: st.Name.Get(lang), Href: p.Sys(st.System)}
		if st.NotScanned {
			row.NotScanned, row.Date = true, date(st.LastScanned)
			d.Scans = append(d.Scans, row)
			continue
		}
		for _, res := range st.Results {
			row.File, row.Scanner, row.Stale = res.File, res.Scanner, res.Stale
			row.Date, row.Age = "-", "-"
			if !res.Scanned.IsZero() {
				row.Date, row.Age = date(res.Scanned), num(res.AgeDays)
			}
			d.Scans = append(d.Scans, row)
		}
	}
	// The lines in the page's language (the catalogue's formats), with
	// their positions as they are.
	d.Diagnostics = make([]string, min(len(q.Diagnostics), 1000))
	for i := range d.Diagnostics {
		d.Diagnostics[i] = i18n.TranslateLine(lang, q.Diagnostics[i])
	}
	links := func(ids []string) []link {
		var out []link
		for _, id := range ids {
			out = append(out, link{p.SysName(id) + " (" + id + ")", p.Sys(id)})
		}
		return out
	}
	d.Stale, d.NoOwner, d.Inspection = links(r.Posture.StaleInventory), links(r.Posture.NoOwner), links(r.Posture.InspectionOverdue)
	var confirm []int32
	for i := range r.Findings.Len() {
		if r.Findings.At(int(i)).State != "confirm" {
			continue
		}
		d.ConfirmAll++
		if len(confirm) < listCap {
			confirm = append(confirm, int32(i))
		}
	}
	d.Confirm = b.table(lang, p, "confirm-list", i18n.Tf(lang, "of_n", d.ConfirmAll, len(confirm)), confirm, false)
	d.ConfirmHref = p.Href(mustPath(kFindings, "", 1)) + "?state=confirm"
	return d
}

// methodData is the method page.
type methodData struct {
	// P1…P4 name the priorities in the rules list.
	P1, P2, P3, P4 model.Priority
	R              *report.Report
	SLA            []slaRow
	Buckets        []string
	Heads          []report.Headline
}

type slaRow struct {
	Priority model.Priority
	Days     int
}

func (b *builder) method(lang i18n.Lang, p *Page) any {
	d := &methodData{P1: model.P1, P2: model.P2, P3: model.P3, P4: model.P4, R: b.r, Buckets: report.AgeBuckets[:], Heads: b.r.Summary.Headlines}
	for _, pr := range model.Priorities {
		d.SLA = append(d.SLA, slaRow{pr, b.r.Policy.SLADays[pr]})
	}
	return d
}
