// Package plan applies remediation records to findings — the guide's four
// steps, the action chosen, owners and dates, acceptances and their expiry
// — and rolls open findings up into fix actions: what an owner upgrades or
// patches on one system, closing every finding beneath it.
package plan

import (
	"strings"
	"time"

	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/remediation"
)

// specificity ranks how precisely a record names a finding: an exact
// system counts 2, an exact advisory 2, a product 1.
func specificity(r remediation.Record) int {
	n := 0
	if r.System != "" && r.System != remediation.Wildcard {
		n += 2
	}
	if r.Advisory != "" && r.Advisory != remediation.Wildcard {
		n += 2
	}
	if r.Product != "" {
		n++
	}
	return n
}

// Covers reports whether record r applies to finding f. productKey is
// r.Product resolved to a product key ("" when the record names none).
func Covers(r remediation.Record, productKey string, f model.Finding) bool {
	return covers(&r, productKey, &f)
}

func covers(r *remediation.Record, productKey string, f *model.Finding) bool {
	if r.System != "" && r.System != remediation.Wildcard && r.System != f.System {
		return false
	}
	if productKey != "" && productKey != f.Product {
		return false
	}
	if r.Advisory != "" && r.Advisory != remediation.Wildcard {
		found := false
		for _, id := range f.IDs {
			if strings.EqualFold(id, r.Advisory) {
				found = true
				break
			}
		}
		if !found && !strings.EqualFold(f.VulnID, r.Advisory) {
			return false
		}
	}
	return true
}

// Resolved is a record with its product key resolved.
type Resolved struct {
	remediation.Record
	ProductKey string
}

// Apply sets each finding's stage, action, owner, dates and state from the
// most specific record that covers it (the later record wins a tie), and
// marks overdue findings. It returns, per record id (or position), how
// many findings each record covers.
func Apply(fs []model.Finding, recs []Resolved, asOf time.Time) map[string]int {
	ap := NewApplier(recs, asOf)
	for i := range fs {
		ap.Apply(&fs[i])
	}
	return ap.Used()
}

// Applier applies the remediation records to findings one at a time, as
// assessment makes them. Records are indexed by system and by advisory
// id, so the cost grows with findings × the records that could cover
// each, not with findings × all records.
type Applier struct {
	recs []Resolved
	asOf time.Time
	ix   recordIndex
	used map[string]int
	cand []int
	// Every finding a record covers shares one Applied of it (two when
	// some asked for a due date without approval and some did not).
	applied map[appliedKey]*model.Applied
	none    *model.Applied
}

// NewApplier returns an applier of recs as of asOf.
func NewApplier(recs []Resolved, asOf time.Time) *Applier {
	return &Applier{recs: recs, asOf: asOf, ix: newRecordIndex(recs), used: map[string]int{}, applied: map[appliedKey]*model.Applied{}}
}

// Used returns, per record id (or position), how many findings the record
// covered so far.
func (ap *Applier) Used() map[string]int { return ap.used }

// Apply sets f's stage, action, owner, dates and state from the most
// specific record that covers it (the later record wins a tie), and marks
// it overdue when it is. It writes f's Standing in place: f must own it.
func (ap *Applier) Apply(f *model.Finding) {
	best, bestSpec := -1, -1
	ap.cand = ap.ix.candidates(f, ap.cand[:0])
	for _, j := range ap.cand {
		r := &ap.recs[j]
		if !covers(&r.Record, r.ProductKey, f) {
			continue
		}
		if s := specificity(r.Record); s > bestSpec || s == bestSpec && j > best {
			best, bestSpec = j, s
		}
	}
	f.State = model.StateOpen
	if f.NeedsConfirmation {
		f.State = model.StateConfirm
	}
	if best >= 0 {
		r := ap.recs[best]
		ap.used[RecordID(r.Record)]++
		requested := applyRecord(f, r.Record, ap.asOf)
		k := appliedKey{best, requested}
		a := ap.applied[k]
		if a == nil {
			a = appliedOf(r.Record, ap.asOf, requested)
			ap.applied[k] = a
		}
		f.Applied = a
	} else if f.Applied == nil {
		if ap.none == nil {
			ap.none = &model.Applied{}
		}
		f.Applied = ap.none
	}
	f.Overdue = f.IsOpen() && !f.Due.IsZero() && ap.asOf.After(f.Due)
}

// appliedKey names one Applied: the record and whether the finding's due
// date request went unapproved.
type appliedKey struct {
	rec       int
	requested bool
}

// recordIndex finds the records that may cover a finding: those naming
// its system, those naming one of its ids, and those naming neither.
type recordIndex struct {
	bySystem   map[string][]int
	byAdvisory map[string][]int
	rest       []int
}

func newRecordIndex(recs []Resolved) recordIndex {
	ix := recordIndex{bySystem: map[string][]int{}, byAdvisory: map[string][]int{}}
	for j, r := range recs {
		sys := r.System != "" && r.System != remediation.Wildcard
		adv := r.Advisory != "" && r.Advisory != remediation.Wildcard
		switch {
		case sys:
			ix.bySystem[r.System] = append(ix.bySystem[r.System], j)
		case adv:
			k := strings.ToUpper(r.Advisory)
			ix.byAdvisory[k] = append(ix.byAdvisory[k], j)
		default:
			ix.rest = append(ix.rest, j)
		}
	}
	return ix
}

// candidates appends the indexes of records that may cover f to dst.
// Every record lands in exactly one list, so none is returned twice.
func (ix recordIndex) candidates(f *model.Finding, dst []int) []int {
	dst = append(dst, ix.bySystem[f.System]...)
	for _, id := range f.IDs {
		dst = append(dst, ix.byAdvisory[strings.ToUpper(id)]...)
	}
	if !containsFold(f.IDs, f.VulnID) {
		dst = append(dst, ix.byAdvisory[strings.ToUpper(f.VulnID)]...)
	}
	return append(dst, ix.rest...)
}

func containsFold(ids []string, id string) bool {
	for _, x := range ids {
		if strings.EqualFold(x, id) {
			return true
		}
	}
	return false
}

// RecordID names a record by its id, or its position when it has none.
func RecordID(r remediation.Record) string {
	if r.ID != "" {
		return r.ID
	}
	return r.Pos.String()
}

// effective returns r as it applies as of asOf: work said to be done on a
// date still to come is not done: it is shown as being implemented, due on
// that date (never fail open).
func effective(r remediation.Record, asOf time.Time) remediation.Record {
	if FutureDone(r, asOf) {
		r.Stage = model.StageImplement
		if r.Planned.IsZero() {
			r.Planned = r.Completed
		}
		r.Completed = time.Time{}
	}
	return r
}

// appliedOf makes the Applied of record r; requested says whether the
// record's due date is an unapproved request for the findings given it.
func appliedOf(r remediation.Record, asOf time.Time, requested bool) *model.Applied {
	a := &model.Applied{RemediationID: RecordID(r)}
	r = effective(r, asOf)
	a.Stage, a.Action, a.Owner = r.Stage, r.Action, r.Owner
	a.Planned, a.Completed = r.Planned, r.Completed
	a.Justification, a.ApprovedBy, a.Notes = r.Justification, r.ApprovedBy, r.Notes
	a.Ticket, a.Cost = r.Ticket, r.Cost
	if requested {
		a.RequestedDue = r.Due
	}
	switch r.Action {
	case remediation.Accept:
		a.AcceptExpires = r.Expires
		a.ExpiredAcceptance = expired(r, asOf)
	case remediation.Mitigate:
		a.Temporary = true
	}
	return a
}

func expired(r remediation.Record, asOf time.Time) bool {
	return !r.Expires.IsZero() && !asOf.Before(r.Expires)
}

// applyRecord sets what record r makes of finding f's own fields — its
// due date and state — and reports whether r asked f for a due date
// without approval (the request the exceptions register lists).
func applyRecord(f *model.Finding, r remediation.Record, asOf time.Time) (requested bool) {
	r = effective(r, asOf)
	if f.SLADue.IsZero() {
		f.SLADue = f.Due
	}
	// A moved due date is an exception: honoured only with the owner's
	// approval, else the SLA date stands and the request is kept for the
	// exceptions register (never fail open).
	if !r.Due.IsZero() && !r.Due.Equal(f.Due) {
		if r.ApprovedBy != "" {
			f.Due = r.Due
			f.DueSource = "remediation"
		} else {
			requested = true
		}
	}
	switch r.Action {
	case remediation.Accept:
		if expired(r, asOf) {
			f.State = model.StateOpen
			return requested
		}
		if f.State != model.StateConfirm {
			f.State = model.StateAccepted
		}
		return requested
	case remediation.NotAffected:
		f.State = model.StateNotAffected
		return requested
	case remediation.Mitigate:
		if r.Stage == model.StageDone || r.Stage == model.StageImplement && !r.Completed.IsZero() {
			f.State = model.StateMitigated
		}
		return requested
	case remediation.Workaround:
		if r.Stage == model.StageDone {
			f.State = model.StateMitigated
		}
		return requested
	}
	if r.Stage == model.StageDone && f.State != model.StateConfirm {
		f.State = model.StateDone
	}
	return requested
}

// FutureDone reports whether r says stage done with a completion date
// after asOf; such a record does not count as done.
func FutureDone(r remediation.Record, asOf time.Time) bool {
	return r.Stage == model.StageDone && r.Completed.After(asOf)
}
