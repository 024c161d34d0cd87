package plan

import (
	"time"

	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/remediation"
	"vulnreport/generator/internal/source"
)

// Kinds of remediation records that change the picture wholesale and are
// listed for management's review.
const (
	// ReviewWholesale: a record with a wildcard system, or a wildcard
	// advisory without a product, that governs more findings than the
	// policy's wholesale_threshold.
	ReviewWholesale = "wholesale"
	// ReviewAcceptKEV: an acceptance that closes KEV-listed or P1 findings.
	ReviewAcceptKEV = "accept_kev_p1"
	// ReviewUndated: a record that closes findings as done without a
	// completion date on or before the as-of date.
	ReviewUndated = "closes_undated"
	// ReviewFutureDone: stage done with a completion date after the as-of
	// date; its findings are not counted as done.
	ReviewFutureDone = "future_done"
)

// Review is one remediation record listed for review.
type Review struct {
	Kind string
	// Record is the record's id, or its position when it has none.
	Record string
	Pos    source.Pos
	Action string
	// Findings counts the findings the record governs; Closed those it
	// closes (done, accepted, not affected); KEV and P1 those of them
	// listed in KEV or of priority P1.
	Findings, Closed, KEV, P1 int
	// Threshold is the policy's wholesale_threshold.
	Threshold int
}

// Wildcard reports whether r covers findings by wildcard rather than
// naming them: a wildcard or missing system, or a wildcard or missing
// advisory without a product. A record naming a system and a product
// addresses one fix action, however many advisories that closes.
func Wildcard(r remediation.Record) bool {
	anySystem := r.System == "" || r.System == remediation.Wildcard
	anyAdvisory := r.Advisory == "" || r.Advisory == remediation.Wildcard
	return anySystem || anyAdvisory && r.Product == ""
}

func closed(f *model.Finding) bool {
	switch f.State {
	case model.StateDone, model.StateAccepted, model.StateNotAffected:
		return true
	}
	return false
}

// Reviews lists the records to review, in the order of recs, after Apply
// has set every finding's RemediationID and state.
func Reviews(fs model.FindingList, recs []Resolved, asOf time.Time, threshold int) []Review {
	byID := make(map[string]int, len(recs))
	for j := len(recs) - 1; j >= 0; j-- {
		byID[RecordID(recs[j].Record)] = j
	}
	tally := make([]Review, len(recs))
	for i := range fs.Len() {
		f := fs.At(i)
		if f.RemediationID == "" {
			continue
		}
		j, ok := byID[f.RemediationID]
		if !ok {
			continue
		}
		t := &tally[j]
		t.Findings++
		if closed(&f) {
			t.Closed++
			if f.KEV {
				t.KEV++
			}
			if f.Priority == model.P1 {
				t.P1++
			}
		}
	}
	var out []Review
	for j, r := range recs {
		t := tally[j]
		if t.Findings == 0 {
			continue
		}
		t.Record, t.Pos, t.Action, t.Threshold = RecordID(r.Record), r.Pos, r.Action, threshold
		add := func(kind string) {
			t.Kind = kind
			out = append(out, t)
		}
		if Wildcard(r.Record) && t.Findings > threshold {
			add(ReviewWholesale)
		}
		if r.Action == remediation.Accept && t.KEV+t.P1 > 0 {
			add(ReviewAcceptKEV)
		}
		switch {
		case FutureDone(r.Record, asOf):
			add(ReviewFutureDone)
		case t.Closed > 0 && r.Stage == model.StageDone && r.Completed.IsZero() &&
			r.Action != remediation.Accept && r.Action != remediation.NotAffected:
			add(ReviewUndated)
		}
	}
	return out
}
