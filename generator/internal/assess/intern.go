package assess

import (
	"slices"

	"vulnreport/generator/internal/model"
)

// reasonLists hands out one shared copy of each distinct list of reasons.
// Findings carry two or three reasons that repeat across thousands of
// findings ("CVSS 9.8 (9.0 以上)", "インターネット公開"): one copy per
// distinct list instead of one per finding. The lists are clipped, so
// a later append (the attack stage's reason) copies instead of writing
// into a list other findings share; nothing writes into them in place.
type reasonLists struct {
	seen map[string][]model.Reason
	buf  []byte
}

// intern returns the shared copy of rs; nil and empty lists are returned as they are.
func (l *reasonLists) intern(rs []model.Reason) []model.Reason {
	if len(rs) == 0 {
		return rs
	}
	if l.seen == nil {
		l.seen = map[string][]model.Reason{}
	}
	b := l.buf[:0]
	for _, r := range rs {
		b = append(b, r.Code...)
		b = append(b, 0)
		b = append(b, r.Text.JA...)
		b = append(b, 0)
		b = append(b, r.Text.EN...)
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
