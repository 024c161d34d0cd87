package report

import (
	"math"
	"strconv"

	"vulnreport/generator/internal/model"
)

// newScoreReasonLists returns the interner of score reason lists: an open
// finding's score has two to four terms that repeat across thousands of
// findings, kept once per distinct list (model.Lists); an action shares
// its best finding's list, and Action.Score copies it to append the
// further findings' term.
func newScoreReasonLists() *model.Lists[ScoreReason] {
	return &model.Lists[ScoreReason]{Key: func(b []byte, r ScoreReason) []byte {
		b = append(append(b, r.Code...), 0)
		b = append(append(b, r.Text.JA...), 0)
		b = append(append(b, r.Text.EN...), 0)
		return strconv.AppendUint(b, math.Float64bits(r.Points), 16)
	}}
}
