package report

import (
	"math"
	"slices"
	"strconv"
)

// scoreReasonLists hands out one shared copy of each distinct list of
// score reasons: an open finding's score has two to four terms that
// repeat across thousands of findings. The lists are clipped, so an
// append (an action's "findings" term) copies; nothing writes into them
// in place.
type scoreReasonLists struct {
	seen map[string][]ScoreReason
	buf  []byte
}

// intern returns the shared copy of rs; nil and empty lists are returned as they are.
func (l *scoreReasonLists) intern(rs []ScoreReason) []ScoreReason {
	if len(rs) == 0 {
		return rs
	}
	if l.seen == nil {
		l.seen = map[string][]ScoreReason{}
	}
	b := l.buf[:0]
	for _, r := range rs {
		b = append(b, r.Code...)
		b = append(b, 0)
		b = append(b, r.Text.JA...)
		b = append(b, 0)
		b = append(b, r.Text.EN...)
		b = append(b, 0)
		b = strconv.AppendUint(b, math.Float64bits(r.Points), 16)
		b = append(b, 0)
	}
	l.buf = b
	if s, ok := l.seen[string(b)]; ok {
		return s
	}
	s := slices.Clip(slices.Clone(rs))
	l.seen[string(b)] = s
	return s
}
