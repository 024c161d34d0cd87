package assess

import (
	"cmp"
	"slices"
	"time"

	"vulnreport/generator/internal/attack"
	"vulnreport/generator/internal/findings"
	"vulnreport/generator/internal/history"
	"vulnreport/generator/internal/model"
)

// The judgments below decide which attack signs in a month's logs call
// for a management decision, who owns the replacement of a product at its
// end of life, and which findings became more urgent since the last
// build; report assembles Decision records and the trends from them.

// AttackSigns is what one system's attack signs call for.
type AttackSigns struct {
	// Needed is set when at least one sign targets a weakness of an open
	// finding of the system (attack.Correlate): the decision is needed at
	// once, and is never late.
	Needed bool
	// Due is the date the decision is needed by: the as-of date.
	Due time.Time
	// Advisories are the advisories attacked, in the correlations' order
	// (most requests first).
	Advisories []string
	// Requests is the most requests aimed at any one open finding.
	Requests int
	// Keys are the findings attacked, in the same order.
	Keys []string
}

// AttackSignsDecision says whether a system's attack signs need a
// management decision as of asOf: they do once any sign is correlated
// with an open finding (a sign that matches nothing still open is shown,
// not escalated), and then at once.
func AttackSignsDecision(s attack.SystemSigns, asOf time.Time) AttackSigns {
	if len(s.Correlated) == 0 {
		return AttackSigns{}
	}
	a := AttackSigns{Needed: true, Due: asOf}
	for _, c := range s.Correlated {
		a.Advisories = append(a.Advisories, c.Advisory)
		a.Keys = append(a.Keys, c.Key)
		a.Requests = max(a.Requests, c.Requests)
	}
	return a
}

// Install is one installation of a product as the choice of its owner
// sees it: the department owning the system and the hosts it runs on.
type Install struct {
	Department string
	// Hosts is the installation's host count; 0 (not known) counts as one.
	Hosts int
}

// ReplacementOwner picks the department that owns the replacement of an
// end-of-life release line: of the departments owning the line's systems
// (systemDepts, one per system), the one running the most hosts of it
// across installs, ties going to the name first in byte order ("", no
// department, first of all). It returns "" when there are no systems.
func ReplacementOwner(systemDepts []string, installs []Install) string {
	hostsBy := map[string]int{}
	for _, in := range installs {
		hostsBy[in.Department] += max(in.Hosts, 1)
	}
	owner, most := "", -1
	for _, d := range systemDepts {
		if hostsBy[d] > most || hostsBy[d] == most && d < owner {
			owner, most = d, hostsBy[d]
		}
	}
	return owner
}

// Escalation kinds: how a finding became more urgent since the last build.
const (
	NewlyExploited = "newly_exploited"
	NewlyOverdue   = "newly_overdue"
	PriorityRaised = "priority_raised"
)

// Escalation is a finding that became more urgent since the last build.
type Escalation struct {
	Finding string
	// Kind is NewlyExploited, NewlyOverdue or PriorityRaised; Date is
	// when it changed, within the period since the last build.
	Kind string
	Date time.Time
	// From is the previous priority of a PriorityRaised escalation.
	From model.Priority
}

// Escalations lists the open findings of fs that became more urgent since
// the last build (Escalate) and those it did not have that arrive
// exploited or overdue (Arrived), by priority (P1 first), otherwise in the
// order of fs; a finding's escalations stay together.
func Escalations(last history.Month, fs model.FindingList, asOf time.Time) []Escalation {
	type ranked struct {
		e    Escalation
		rank int // the priority rank of e's finding
	}
	var all []ranked
	for i := range fs.Len() {
		f := fs.At(i)
		var es []Escalation
		if prev, ok := last.Lookup(f.Key); ok {
			es = Escalate(&f, prev, last.Date, asOf)
		} else {
			es = Arrived(&f, last.Date, asOf)
		}
		for _, e := range es {
			all = append(all, ranked{e, f.Priority.Rank()})
		}
	}
	if len(all) == 0 {
		return nil
	}
	// Most urgent first; a finding's escalations stay together, in order.
	slices.SortStableFunc(all, func(a, b ranked) int { return cmp.Compare(a.rank, b.rank) })
	out := make([]Escalation, len(all))
	for i, r := range all {
		out[i] = r.e
	}
	return out
}

// inPeriod returns d when it falls in the period since the last build
// (after lastDate, not after asOf), else asOf: the date a change is
// reported with when the feed's own date lies outside the period.
func inPeriod(d, lastDate, asOf time.Time) time.Time {
	if d.IsZero() || !d.After(lastDate) || d.After(asOf) {
		return asOf
	}
	return d
}

// Escalate says how an open finding f became more urgent than prev, its
// export in the last build of lastDate, as of asOf:
//   - newly exploited: not exploited then; dated by the KEV listing when
//     that falls in the period (after lastDate, not after asOf), else asOf;
//   - newly overdue: not overdue then, its due date after lastDate; dated
//     by the due date;
//   - priority raised: a higher priority than a valid earlier one; dated
//     asOf.
//
// A finding no longer open escalates nothing.
func Escalate(f *model.Finding, prev findings.Finding, lastDate, asOf time.Time) []Escalation {
	if !f.IsOpen() {
		return nil
	}
	var out []Escalation
	if f.Exploited && !prev.Exploited {
		out = append(out, Escalation{Finding: f.Key, Kind: NewlyExploited, Date: inPeriod(f.KEVAdded, lastDate, asOf)})
	}
	if f.Overdue && !prev.Overdue && f.Due.After(lastDate) {
		out = append(out, Escalation{Finding: f.Key, Kind: NewlyOverdue, Date: f.Due})
	}
	if prev.Priority.Valid() && f.Priority.Rank() < prev.Priority.Rank() {
		out = append(out, Escalation{Finding: f.Key, Kind: PriorityRaised, Date: asOf, From: prev.Priority})
	}
	return out
}

// Arrived is Escalate for an open finding the previous report did not
// have: one that arrives exploited or already past its due date is as
// much a change since that report as one that became so, and a list of
// escalations without it would hide the worst news of the month (a new
// KEV entry on an internet-facing firewall, past its KEV due on arrival).
// Exploited is dated by the KEV listing when that falls in the period,
// overdue by the due date when that does; otherwise both by asOf, the
// snapshot in which the finding first appears.
func Arrived(f *model.Finding, lastDate, asOf time.Time) []Escalation {
	if !f.IsOpen() {
		return nil
	}
	var out []Escalation
	if f.Exploited {
		out = append(out, Escalation{Finding: f.Key, Kind: NewlyExploited, Date: inPeriod(f.KEVAdded, lastDate, asOf)})
	}
	if f.Overdue {
		out = append(out, Escalation{Finding: f.Key, Kind: NewlyOverdue, Date: inPeriod(f.Due, lastDate, asOf)})
	}
	return out
}
