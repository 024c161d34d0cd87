package report

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"vulnreport/generator/internal/assess"
	"vulnreport/generator/internal/history"
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/model"
)

type timeT = time.Time

func summary(in Input, r *Report) Summary {
	s := Summary{Open: priorityCounts(), Components: r.Components.Len(), Actions: len(r.Actions)}
	sysByID := map[string]System{}
	for _, sy := range r.Systems {
		sysByID[sy.ID] = sy
		s.Systems++
		if sy.Status == "active" {
			s.SystemsActive++
			s.Hosts += max(sy.Hosts, 1)
			if !sy.Stale {
				s.SystemsCurrent++
			}
		}
	}
	oldest := 0
	for _, f := range r.Findings.All() {
		switch {
		case f.State == model.StateConfirm:
			s.NeedsConfirmation++
		case f.State == model.StateAccepted:
			s.Accepted++
		}
		if !f.IsOpen() {
			continue
		}
		if f.State == model.StateMitigated {
			s.Mitigated++
		}
		s.Open[f.Priority]++
		s.OpenTotal++
		if f.Overdue {
			s.Overdue++
		}
		if f.Exploited {
			s.ExploitedOpen++
			if sysByID[f.System].Exposure == inventory.Internet {
				s.ExploitedInternet++
			}
			if f.KEV {
				s.KEVOpen++
				if d := int(in.AsOf.Sub(f.Known).Hours() / 24); d > oldest {
					oldest = d
				}
				if assess.PastKEVDue(&f, in.AsOf) {
					s.KEVPastDue++
				}
			}
		}
	}
	s.KEVOldestDays = oldest
	for _, f := range r.Findings.All() {
		if f.Kind == model.KindEOL && f.IsOpen() {
			s.EOLInUse++
		}
	}
	for _, c := range r.Components.All() {
		// The windows nest: a component within the first counts in all.
		if w := r.EOLWindow(&c); w >= 0 {
			for j := w; j < len(s.EOLSoon); j++ {
				s.EOLSoon[j]++
			}
		}
	}
	closed, inTime := 0, 0
	for _, row := range r.Trends.SLA {
		closed += row.Closed
		inTime += row.ClosedInTime
	}
	if closed > 0 {
		s.SLARate, s.HasSLARate = float64(inTime)/float64(closed), true
	}
	if n := len(in.History); n > 0 {
		s.Prev = previous(in.History[n-1], sysByID)
	}
	s.OverdueSLA, s.OverdueActions = overdueBothWays(r)
	for _, c := range r.Scorecards {
		if c.Department == "" {
			s.UnownedOpen, s.UnownedOverdue = c.OpenTotal, c.OverdueFindings
			continue
		}
		s.Departments++
	}
	for _, e := range r.Exceptions {
		if e.DueMoved && e.Honoured {
			s.Extensions++
		} else if e.DueMoved {
			s.ExtensionsUnapproved++
		}
	}
	s.Headlines = headlines(s)
	return s
}

func previous(m history.Month, sysByID map[string]System) *Previous {
	p := &Previous{Date: m.Date, Open: priorityCounts()}
	eol := map[string]bool{}
	for _, f := range m.Files.Findings {
		if f.Kind == model.KindEOL {
			eol[f.System+"/"+f.Product+"@"+f.Version] = true
		}
		if !history.IsOpen(f) {
			continue
		}
		p.Open[f.Priority]++
		p.OpenTotal++
		if f.Overdue {
			p.Overdue++
		}
		if f.Exploited && sysByID[f.System].Exposure == inventory.Internet {
			p.ExploitedInternet++
		}
	}
	p.EOLInUse = len(eol)
	return p
}

// Headline keys.
const (
	HeadP1P2      = "open_p1p2"
	HeadOverdue   = "overdue"
	HeadExploited = "exploited_internet"
	HeadEOL       = "eol_in_use"
	HeadOpen      = "open_total"
	HeadSLA       = "sla_rate"
)

func headlines(s Summary) []Headline {
	h := []Headline{
		{Key: HeadP1P2, Label: i18n.Msg("headline.p1p2"), Value: s.Open[model.P1] + s.Open[model.P2], Target: 0, Link: "priority=P1,P2"},
		{Key: HeadOverdue, Label: i18n.Msg(i18n.TermOverdueFindings), Value: s.Overdue, Target: 0, Link: "overdue=1"},
		{Key: HeadExploited, Label: i18n.Msg(i18n.TermExploitedInternet), Value: s.ExploitedInternet, Target: 0, Link: "exploited=1&exposure=internet"},
		{Key: HeadEOL, Label: i18n.Msg("headline.eol"), Value: s.EOLInUse, Target: 0, Link: "kind=eol"},
		{Key: HeadOpen, Label: i18n.Msg(i18n.TermOpenFindings), Value: s.OpenTotal, Rule: TargetNoIncrease, Target: -1, Link: "state=open"},
	}
	if s.Prev != nil {
		prev := map[string]int{HeadP1P2: s.Prev.Open[model.P1] + s.Prev.Open[model.P2], HeadOverdue: s.Prev.Overdue,
			HeadExploited: s.Prev.ExploitedInternet, HeadEOL: s.Prev.EOLInUse, HeadOpen: s.Prev.OpenTotal}
		for i := range h {
			h[i].Prev, h[i].HasPrev = prev[h[i].Key], true
		}
	}
	for i := range h {
		if h[i].Rule == TargetNoIncrease {
			// The target is last month's value; without history there is
			// nothing to compare with, and the figure is not judged.
			h[i].Target, h[i].NoBasis = -1, !h[i].HasPrev
			if h[i].HasPrev {
				h[i].Target = h[i].Prev
			}
		}
		h[i].Met = !h[i].NoBasis && h[i].Value <= h[i].Target
	}
	rate := 0
	if s.HasSLARate {
		rate = int(s.SLARate*100 + 0.5)
	}
	sla := Headline{Key: HeadSLA, Label: i18n.Msg("headline.sla_rate"), Value: rate, Rule: TargetAtLeast, Target: 90,
		NoBasis: !s.HasSLARate, Met: s.HasSLARate && rate >= 90, Link: ""}
	return append(h, sla)
}

// change formats a change against last month: "+3", "-2", "±0".
func change(now, prev int) string {
	switch d := now - prev; {
	case d > 0:
		return fmt.Sprintf("+%d", d)
	case d < 0:
		return fmt.Sprintf("%d", d)
	}
	return "±0"
}

// Change formats a change against last month for renderers.
func Change(now, prev int) string { return change(now, prev) }

func sentences(r *Report) []i18n.Text {
	s := r.Summary
	var out []i18n.Text
	asOf := r.AsOf.Format("2006-01-02")
	p12 := s.Open[model.P1] + s.Open[model.P2]
	if s.Prev != nil {
		pp := s.Prev.Open[model.P1] + s.Prev.Open[model.P2]
		out = append(out, i18n.Sentencef("summary.open_prev", asOf, s.OpenTotal, change(s.OpenTotal, s.Prev.OpenTotal), s.Open[model.P1], s.Open[model.P2], change(p12, pp)))
	} else {
		out = append(out, i18n.Sentencef("summary.open", asOf, s.OpenTotal, s.Open[model.P1], s.Open[model.P2]))
	}
	ex := i18n.Countf("summary.exploited", s.ExploitedInternet, s.ExploitedInternet)
	if s.Prev != nil {
		ex = join(ex, i18n.Sentencef("summary.vs_prev", change(s.ExploitedInternet, s.Prev.ExploitedInternet)))
	}
	out = append(out, join(ex, i18n.Msg("summary.end")))
	od := i18n.Countf("summary.overdue", s.Overdue, s.Overdue)
	if s.OverdueSLA != s.Overdue {
		od = join(od, i18n.Countf("summary.overdue_sla", s.Extensions, s.Extensions, s.OverdueSLA))
	}
	if s.Prev != nil {
		od = join(od, i18n.Sentencef("summary.vs_prev", change(s.Overdue, s.Prev.Overdue)))
	}
	if len(r.Actions) > 0 {
		od = join(od, i18n.Sentencef("summary.top_action", r.Actions[0].Text()))
	} else {
		od = join(od, i18n.Msg("summary.end"))
	}
	out = append(out, od)
	out = append(out, i18n.Sentencef("summary.eol", s.EOLInUse, s.EOLSoon[2]))
	if len(r.Decisions) > 0 {
		// the kinds present, most urgent first, in the catalogue's words
		var ja, en []string
		for _, k := range model.DecisionKinds() {
			if slices.ContainsFunc(r.Decisions, func(d Decision) bool { return d.Kind == k }) {
				ja, en = append(ja, i18n.T(i18n.JA, k.LabelKey())), append(en, i18n.T(i18n.EN, k.LabelKey()))
			}
		}
		kinds := i18n.Text{JA: strings.Join(ja, i18n.T(i18n.JA, "summary.kinds_sep")), EN: strings.Join(en, i18n.T(i18n.EN, "summary.kinds_sep"))}
		out = append(out, i18n.Countf("summary.decisions", len(r.Decisions), len(r.Decisions), kinds))
	}
	return out
}

// join appends b to a in each language.
func join(a, b i18n.Text) i18n.Text { return i18n.Text{JA: a.JA + b.JA, EN: a.EN + b.EN} }

// priorityCounts returns a count per priority, each at zero.
func priorityCounts() map[model.Priority]int {
	m := make(map[model.Priority]int, len(model.Priorities))
	for _, p := range model.Priorities {
		m[p] = 0
	}
	return m
}
