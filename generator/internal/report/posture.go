package report

import (
	"cmp"
	"slices"

	"vulnreport/generator/internal/assess"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/model"
)

// AgeBuckets are the fixed edges of the age × priority matrix, in days:
// under 7, 7–30, 31–90, over 90.
var AgeBuckets = [4]string{"<7", "7-30", "31-90", ">90"}

func ageBucket(d int) int {
	switch {
	case d < 7:
		return 0
	case d <= 30:
		return 1
	case d <= 90:
		return 2
	}
	return 3
}

func posture(in Input, r *Report) Posture {
	var p Posture
	clientEOL := map[string]bool{}
	for _, c := range r.Components.All() {
		if c.Lifecycle == model.LifecycleEOL {
			clientEOL[c.System] = true
		}
	}
	for _, s := range r.Systems {
		if s.Status != "active" {
			continue
		}
		if s.Owner == "" {
			p.NoOwner = append(p.NoOwner, s.ID)
		}
		if s.Stale {
			p.StaleInventory = append(p.StaleInventory, s.ID)
		}
		if s.InspectionDue {
			p.InspectionOverdue = append(p.InspectionOverdue, s.ID)
		}
		if len(s.ContractGaps) > 0 {
			p.ContractIssues = append(p.ContractIssues, ContractIssue{System: s.ID, Contractor: s.Contractor, Gaps: s.ContractGaps})
		}
		if s.Category == inventory.Client && clientEOL[s.ID] {
			p.ClientEOL = append(p.ClientEOL, s.ID)
		}
	}
	sysByID := map[string]System{}
	for _, s := range r.Systems {
		sysByID[s.ID] = s
	}
	type cell struct {
		category, exposure string
		priority           model.Priority
	}
	matrix := map[cell]int{}
	age := map[model.Priority]*AgeRow{}
	owners := map[string]*OwnerRow{}
	for _, pr := range model.Priorities {
		age[pr] = &AgeRow{Priority: pr}
	}
	soon := assess.DueSoonHorizon(in.AsOf, in.Policy.DueSoonDays)
	for _, f := range r.Findings.All() {
		if !f.IsOpen() {
			continue
		}
		s := sysByID[f.System]
		matrix[cell{s.Category, s.Exposure, f.Priority}]++
		if a := age[f.Priority]; a != nil {
			a.Buckets[ageBucket(int(in.AsOf.Sub(f.Known).Hours()/24))]++
		}
		owner := s.Owner
		if owner == "" {
			owner = "-"
		}
		o := owners[owner]
		if o == nil {
			o = &OwnerRow{Owner: owner}
			owners[owner] = o
		}
		o.Open++
		if f.Overdue {
			o.Overdue++
		}
		switch f.Priority {
		case model.P1:
			o.P1++
		case model.P2:
			o.P2++
		}
		if assess.DueSoon(&f, soon) {
			p.DueSoon = append(p.DueSoon, f.Key)
		}
	}
	for _, a := range r.Actions {
		owner := sysByID[a.System].Owner
		if owner == "" {
			owner = "-"
		}
		if o := owners[owner]; o != nil {
			o.Actions++
		}
	}
	for _, cat := range inventory.Categories {
		for _, exp := range inventory.Exposures {
			for _, pr := range model.Priorities {
				p.Matrix = append(p.Matrix, MatrixCell{Category: cat, Exposure: exp, Priority: pr, Count: matrix[cell{cat, exp, pr}]})
			}
		}
	}
	for _, pr := range model.Priorities {
		p.Age = append(p.Age, *age[pr])
	}
	for _, o := range owners {
		p.ByOwner = append(p.ByOwner, *o)
	}
	slices.SortFunc(p.ByOwner, func(a, b OwnerRow) int {
		return cmp.Or(cmp.Compare(b.Overdue, a.Overdue), cmp.Compare(b.P1, a.P1), cmp.Compare(b.P2, a.P2), cmp.Compare(b.Open, a.Open), cmp.Compare(a.Owner, b.Owner))
	})
	return p
}
