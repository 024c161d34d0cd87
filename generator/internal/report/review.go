package report

import (
	"fmt"

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
			r.Text = i18n.Text{
				JA: fmt.Sprintf("一括指定 (*) の対応記録 %s (%s) が %d 件の指摘事項に適用され、うち %d 件を完了・受容・影響なしとしています (しきい値 %d 件)。範囲が意図どおりか確認が必要", x.Record, at, x.Findings, x.Closed, x.Threshold),
				EN: fmt.Sprintf("Remediation record %s (%s) uses wildcards and governs %d findings, closing %d of them (threshold %d). Confirm the scope is intended", x.Record, at, x.Findings, x.Closed, x.Threshold),
			}
		case plan.ReviewAcceptKEV:
			r.Text = i18n.Text{
				JA: fmt.Sprintf("悪用が確認された (KEV) または P1 の指摘事項のリスク受容: %s (%s)、KEV %d 件・P1 %d 件。受容の妥当性を経営層が判断", x.Record, at, x.KEV, x.P1),
				EN: fmt.Sprintf("Risk acceptance of known-exploited (KEV) or P1 findings: %s (%s), KEV %d, P1 %d. Management to confirm the acceptance", x.Record, at, x.KEV, x.P1),
			}
		case plan.ReviewUndated:
			r.Text = i18n.Text{
				JA: fmt.Sprintf("完了日のない完了記録 %s (%s) が %d 件の指摘事項を完了としています。実施の証跡を確認", x.Record, at, x.Closed),
				EN: fmt.Sprintf("Record %s (%s) closes %d findings as done without a completion date. Check the evidence of the work", x.Record, at, x.Closed),
			}
		case plan.ReviewFutureDone:
			r.Text = i18n.Text{
				JA: fmt.Sprintf("完了日が基準日より後の完了記録 %s (%s): %d 件の指摘事項は完了とせず ④対策の実施 として扱っています", x.Record, at, x.Findings),
				EN: fmt.Sprintf("Record %s (%s) says done with a completion date after the as-of date: its %d findings are not counted as done (shown as 4 Implement)", x.Record, at, x.Findings),
			}
		}
		out = append(out, r)
	}
	return out
}
