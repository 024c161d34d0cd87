package report

import (
	"cmp"
	"slices"
	"strings"

	"vulnreport/generator/internal/assess"
	"vulnreport/generator/internal/history"
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/model"
)

// NoDepartment is the scorecard name of systems with no owner department.
var NoDepartment = i18n.Msg("department.none")

// Scorecard is one department's figures, for the per-department tables of
// the PDF, the site and the workbook.
type Scorecard struct {
	// Department is the owner department from the system register; Name is
	// what to print (NoDepartment when the register names none).
	Department string
	Name       i18n.Text
	// Systems counts the department's active systems.
	Systems int
	// Open counts open findings by priority P1..P4; OpenTotal all of them.
	Open      [4]int
	OpenTotal int
	// OverdueFindings and OverdueActions are the vocabulary's two overdue
	// figures (i18n.TermOverdueFindings, i18n.TermOverdueActions).
	OverdueFindings, OverdueActions int
	// DueSoon counts open findings not yet overdue and due within the
	// policy's due-soon days (14).
	DueSoon int
	// Actions counts the department's fix actions (i18n.TermFixActions).
	Actions int
	// Exploited counts open exploited findings.
	Exploited int
	// EOL counts open end-of-life findings (software past its support),
	// as the "end-of-life software in use" headline counts them: the
	// departments' figures add up to the headline.
	EOL int
	// MTTRDays is the mean days from first seen to closure over findings
	// closed since the previous build; HasMTTR is false when none closed.
	MTTRDays float64
	HasMTTR  bool
	// SLARate is closed within the due date ÷ closed, over the same closures.
	SLARate float64
	HasSLA  bool
	Closed  int
	// PrevOpen and PrevOverdue are last month's open and overdue findings;
	// HasPrev is false without history.
	PrevOpen, PrevOverdue int
	HasPrev               bool
}

func scorecards(in Input, r *Report, sysByID map[string]inventory.System) []Scorecard {
	by := map[string]*Scorecard{}
	get := func(system string) *Scorecard {
		d := sysByID[system].Owner
		sc := by[d]
		if sc == nil {
			sc = &Scorecard{Department: d, Name: i18n.Plain(d)}
			if d == "" {
				sc.Name = NoDepartment
			}
			by[d] = sc
		}
		return sc
	}
	for _, s := range in.Systems {
		if s.Status == "active" {
			get(s.ID).Systems++
		}
	}
	soon := assess.DueSoonHorizon(in.AsOf, in.Policy.DueSoonDays)
	for _, f := range r.Findings.All() {
		if !f.IsOpen() {
			continue
		}
		sc := get(f.System)
		if p := f.PriorityRank(); p >= 1 && p <= 4 {
			sc.Open[p-1]++
		}
		sc.OpenTotal++
		if f.Overdue {
			sc.OverdueFindings++
		} else if assess.DueSoon(&f, soon) {
			sc.DueSoon++
		}
		if f.Exploited {
			sc.Exploited++
		}
		if f.Kind == model.KindEOL {
			sc.EOL++
		}
	}
	for _, a := range r.Actions {
		sc := get(a.System)
		sc.Actions++
		if a.Overdue && a.Completed.IsZero() {
			sc.OverdueActions++
		}
	}
	if n := len(in.History); n > 0 {
		last := in.History[n-1]
		type acc struct {
			days      float64
			n, inTime int
		}
		closed := map[string]*acc{}
		for _, c := range history.Closures(last, in.AsOf, r.Findings.OpenKey) {
			system, _, _ := strings.Cut(c.Key, "/")
			d := get(system).Department
			a := closed[d]
			if a == nil {
				a = &acc{}
				closed[d] = a
			}
			a.n++
			a.days += float64(c.Days())
			if c.InTime() {
				a.inTime++
			}
		}
		for d, a := range closed {
			sc := by[d]
			sc.Closed = a.n
			sc.MTTRDays, sc.HasMTTR = a.days/float64(a.n), true
			sc.SLARate, sc.HasSLA = float64(a.inTime)/float64(a.n), true
		}
		for _, sc := range by {
			sc.HasPrev = true
		}
		for _, f := range last.Files.Findings {
			if !history.IsOpen(f) {
				continue
			}
			sc := get(f.System)
			sc.HasPrev = true
			sc.PrevOpen++
			if f.Overdue {
				sc.PrevOverdue++
			}
		}
	}
	out := make([]Scorecard, 0, len(by))
	for _, sc := range by {
		out = append(out, *sc)
	}
	slices.SortFunc(out, func(a, b Scorecard) int {
		return cmp.Or(cmp.Compare(b.OverdueFindings, a.OverdueFindings), cmp.Compare(b.Open[0], a.Open[0]), cmp.Compare(b.Open[1], a.Open[1]),
			cmp.Compare(b.OpenTotal, a.OpenTotal), cmp.Compare(a.Department, b.Department))
	})
	return out
}
