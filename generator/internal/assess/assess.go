// Package assess annotates matched findings as of one date: evidence and
// priority (risk), first-seen and due dates (history, SLA, KEV), the
// component's lifecycle status, end-of-life findings of their own, and the
// remediation records (plan). It is pure: every date derives from AsOf.
package assess

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"vulnreport/generator/internal/history"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/lifecycle"
	"vulnreport/generator/internal/match"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/plan"
	"vulnreport/generator/internal/policy"
	"vulnreport/generator/internal/product"
	"vulnreport/generator/internal/remediation"
	"vulnreport/generator/internal/risk"
	"vulnreport/generator/internal/vuln"
)

// Input is what assessment needs.
type Input struct {
	AsOf       time.Time
	Policy     policy.Policy
	Systems    []inventory.System
	Components []inventory.Component
	Vulns      []vuln.Vulnerability
	// Matched is what matching Components with Vulns found.
	Matched      *match.Result
	Lifecycle    *lifecycle.Index
	Remediations []remediation.Record
	Resolver     *product.Resolver
	History      []history.Month
}

// Result is the assessed findings and what applying the plan found.
type Result struct {
	// Findings are the assessed findings in Order, packed as they were
	// judged: no slice of every finding is ever made (only the end-of-life
	// findings, one per component past its end of life, are gathered first).
	Findings *model.FindingBuilder
	// RecordUse counts the findings each remediation record covers.
	RecordUse map[string]int
	Records   []plan.Resolved
	// Reviews lists the remediation records that change the picture
	// wholesale, for the data-quality section and management.
	Reviews []plan.Review
}

// Run makes a finding of every match, adds end-of-life findings and
// assesses them all, each packed into the result's store once judged.
func Run(in Input) Result {
	systems := map[string]inventory.System{}
	for _, s := range in.Systems {
		systems[s.ID] = s
	}
	vulns := map[string]*vuln.Vulnerability{}
	for i := range in.Vulns {
		vulns[in.Vulns[i].ID] = &in.Vulns[i]
	}
	pt := newParts(&in, vulns)
	eol := eolFindings(in, pt)
	recs := make([]plan.Resolved, len(in.Remediations))
	for i, r := range in.Remediations {
		recs[i] = plan.Resolved{Record: r}
		if r.Product != "" && in.Resolver != nil {
			if k, _, err := in.Resolver.Resolve(r.Product); err == nil {
				recs[i].ProductKey = k
			}
		}
	}
	ap := plan.NewApplier(recs, in.AsOf)
	matched := 0
	if in.Matched != nil {
		matched = len(in.Matched.Found)
	}
	b := model.NewFindingBuilder(matched + len(eol))
	// Each finding's dates and state are worked out in one scratch
	// Standing; the store keeps each distinct one once.
	var st model.Standing
	judge := func(f model.Finding, installed time.Time) {
		st = model.Standing{}
		f.Standing = &st
		sys := systems[f.System]
		v := vulns[f.VulnID]
		if f.Kind == model.KindEOL {
			risk.RankEOL(&f, sys)
		} else if v != nil {
			risk.Rank(&f, sys, in.Policy.Thresholds)
		}
		f.FirstSeen = in.AsOf
		if t, ok := history.FirstSeen(in.History, f.Key); ok {
			f.FirstSeen = t
		}
		risk.Due(&f, in.Policy.SLADays)
		var published time.Time
		if v != nil {
			published = v.Published
		}
		known(&f, in.History, published, installed)
		ap.Apply(&f)
		b.Add(f)
	}
	for i := range matched {
		judge(pt.matched(i), in.Components[in.Matched.Found[i].Component].Installed)
	}
	for _, f := range eol {
		judge(f, time.Time{})
	}
	reviews := plan.Reviews(b, recs, in.AsOf, in.Policy.WholesaleThreshold)
	sortFindings(b)
	return Result{Findings: b, RecordUse: ap.Used(), Records: recs, Reviews: reviews}
}

// known sets the date a finding's age counts from: the first build it
// appeared in when history reaches back to before it appeared, else the
// later of the advisory's publication and the component's installation
// (the end-of-life date for end-of-life findings), never after first seen.
func known(f *model.Finding, hist []history.Month, published, installed time.Time) {
	f.Known, f.KnownFrom = f.FirstSeen, "first_seen"
	if len(hist) > 0 && f.FirstSeen.After(hist[0].Date) {
		f.KnownFrom = "history"
		return
	}
	var t time.Time
	from := ""
	switch {
	case f.Kind == model.KindEOL:
		t, from = f.EOL, "eol"
	case !published.IsZero() && !installed.After(published):
		t, from = published, "published"
	case !installed.IsZero():
		t, from = installed, "installed"
	}
	if !t.IsZero() && t.Before(f.FirstSeen) {
		f.Known, f.KnownFrom = t, from
	}
}

// Order sorts findings by priority, overdue first, due date, then key.
func Order(a, b model.Finding) int { return order(&a, &b) }

// sortFindings sorts findings by Order. It packs priority, overdue and the
// due date into one number per finding first, so that the sort compares
// small keys held together rather than the findings themselves.
func sortFindings(b *model.FindingBuilder) {
	n := b.Len()
	packed := make([]uint64, n)
	nanos := make([]int32, n)
	for i := range n {
		f := b.At(i)
		late := uint64(1)
		if f.Overdue {
			late = 0
		}
		// Unix seconds from year 1 to far beyond fit in 59 bits once offset.
		packed[i] = uint64(f.PriorityRank())<<61 | late<<60 | uint64(f.Due.Unix()+1<<59)&(1<<60-1)
		nanos[i] = int32(f.Due.Nanosecond())
	}
	b.Sort(func(x, y int) int {
		return cmp.Or(cmp.Compare(packed[x], packed[y]), cmp.Compare(nanos[x], nanos[y]), strings.Compare(b.Key(x), b.Key(y)))
	})
}

func order(a, b *model.Finding) int {
	return cmp.Or(cmp.Compare(a.PriorityRank(), b.PriorityRank()), boolFirst(a.Overdue, b.Overdue), a.Due.Compare(b.Due), cmp.Compare(a.Key, b.Key))
}

func boolFirst(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1
	}
	return 1
}

// eolFindings makes a finding of every component past its end of life.
func eolFindings(in Input, pt *parts) []model.Finding {
	var out []model.Finding
	seen := map[string]int{}
	for ci := range in.Components {
		c := &in.Components[ci]
		cy, ok := in.Lifecycle.Find(c.Key, c.Version)
		if !ok && in.Lifecycle.Has(c.Key) {
			if f, unplaced := unplacedFinding(in, pt, ci); unplaced {
				if at, dup := seen[f.Key]; dup {
					out[at].Hosts += f.Hosts
				} else {
					seen[f.Key] = len(out)
					out = append(out, f)
				}
			}
			continue
		}
		if !ok || lifecycle.Status(cy, in.AsOf, in.Policy.Horizons.EOLWarningDays) != model.LifecycleEOL {
			continue
		}
		id := EOLID(cy.Key, cy.Cycle)
		key := match.FindingKey(c.System, c.Key, c.Version, id)
		if at, dup := seen[key]; dup {
			out[at].Hosts += c.Hosts
			continue
		}
		line := pt.eolLine(c.Key+"\x00"+id, func() eolParts {
			return eolParts{
				v:  &model.VulnFacts{Kind: model.KindEOL, VulnID: id, IDs: []string{id}, EOL: cy.EOL, Severity: "unknown"},
				cl: &model.ClauseFacts{Clause: c.Key + " " + cy.Cycle + " (EOL " + cy.EOL.Format("2006-01-02") + ")"},
			}
		})
		seen[key] = len(out)
		out = append(out, model.Finding{VulnFacts: line.v, ComponentFacts: pt.component(ci), ClauseFacts: line.cl, Applied: pt.none,
			Key: key, Hosts: c.Hosts})
	}
	return out
}

// EOLID names the end-of-life "vulnerability" of a release line with a
// valid id: "EOL-microsoft_windows_10-10".
func EOLID(key, cycle string) string {
	b := []byte("EOL-" + key + "-" + cycle)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_') {
			b[i] = '_'
		}
	}
	return string(b)
}

// unplacedFinding makes the needs-confirmation finding of component row
// ci when its version cannot be placed in any release line of its product
// (it is not a version and names no line) while some line is past its end
// of life: it may be on one of them, so it is never left out in silence.
func unplacedFinding(in Input, pt *parts, ci int) (model.Finding, bool) {
	c := &in.Components[ci]
	if in.Lifecycle.Placeable(c.Key, c.Version) {
		return model.Finding{}, false
	}
	var past []string
	var first time.Time
	for _, cy := range in.Lifecycle.Lines(c.Key) {
		if lifecycle.Status(cy, in.AsOf, in.Policy.Horizons.EOLWarningDays) == model.LifecycleEOL {
			past = append(past, cy.Cycle)
			if first.IsZero() || cy.EOL.Before(first) {
				first = cy.EOL
			}
		}
	}
	if len(past) == 0 {
		return model.Finding{}, false
	}
	slices.Sort(past)
	past = slices.Compact(past)
	id := EOLID(c.Key, "unknown")
	line := pt.eolLine(c.Key+"\x00"+c.Version+"\x00"+id, func() eolParts {
		return eolParts{
			v: &model.VulnFacts{Kind: model.KindEOL, VulnID: id, IDs: []string{id}, EOL: first, Severity: "unknown"},
			cl: &model.ClauseFacts{Clause: c.Key + " ? (EOL: " + strings.Join(past, ", ") + ")", NeedsConfirmation: true, Confirm: model.ConfirmLine,
				Note: "version " + strconv.Quote(c.Version) + " cannot be placed in a release line; lines past end of life: " + strings.Join(past, ", ")},
		}
	})
	return model.Finding{VulnFacts: line.v, ComponentFacts: pt.component(ci), ClauseFacts: line.cl, Applied: pt.none,
		Key: match.FindingKey(c.System, c.Key, c.Version, id), Hosts: c.Hosts}, true
}
