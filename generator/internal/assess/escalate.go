package assess

import (
	"time"

	"vulnreport/generator/internal/attack"
)

// The judgments below decide which attack signs in a month's logs call
// for a management decision and who owns the replacement of a product at
// its end of life; report assembles Decision records from their results.

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
