package report

import (
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/plan"
)

// RemediationReview is a remediation record listed in the data-quality
// section and as a decision for management because it changes the
// picture wholesale: wildcards governing more findings than the policy's
// wholesale_threshold ("wholesale"), an acceptance of KEV-listed or P1
// findings ("accept_kev_p1"), findings closed as done without a completion
// date ("closes_undated"), or stage done with a completion date after the
// as-of date, not counted as done ("future_done").
type RemediationReview struct {
	Kind string
	// Record is the record's id, or its position when it has none; At
	// is its position as file:line:col.
	Record string
	At     string
	Action string
	// Findings counts the findings the record governs, Closed those it
	// closes, KEV and P1 those closed that are KEV-listed or P1.
	Findings, Closed, KEV, P1 int
	Text                      i18n.Text
}

// reviews describes the remediation records that assessment listed for review.
func reviews(rv []plan.Review) []RemediationReview {
	out := make([]RemediationReview, 0, len(rv))
	for _, x := range rv {
		at := x.Pos.String()
		r := RemediationReview{Kind: x.Kind, Record: x.Record, At: at, Action: x.Action,
			Findings: x.Findings, Closed: x.Closed, KEV: x.KEV, P1: x.P1}
		switch x.Kind {
		case plan.ReviewWholesale:
			r.Text = i18n.Sentencef("decide.review.wholesale", x.Record, at, x.Findings, x.Closed, x.Threshold)
		case plan.ReviewAcceptKEV:
			r.Text = i18n.Sentencef("decide.review.accept_kev", x.Record, at, x.KEV, x.P1)
		case plan.ReviewUndated:
			r.Text = i18n.Sentencef("decide.review.undated", x.Record, at, x.Closed)
		case plan.ReviewFutureDone:
			r.Text = i18n.Sentencef("decide.review.future_done", x.Record, at, x.Findings)
		}
		out = append(out, r)
	}
	return out
}
