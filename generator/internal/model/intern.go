package model

import "slices"

// Lists hands out one shared copy of each distinct list of T: lists that
// repeat across thousands of findings (their reasons, their score terms)
// are kept once instead of once per finding. Key appends a list element's
// identity to a key. The lists handed out are clipped, so a later append
// copies instead of writing into a list others share; nothing may write
// into them in place.
type Lists[T any] struct {
	Key  func(key []byte, t T) []byte
	seen map[string][]T
	buf  []byte
}

// Intern returns the shared copy of ts; nil and empty lists are returned
// as they are.
func (l *Lists[T]) Intern(ts []T) []T {
	if len(ts) == 0 {
		return ts
	}
	if l.seen == nil {
		l.seen = map[string][]T{}
	}
	b := l.buf[:0]
	for _, t := range ts {
		b = append(l.Key(b, t), 0)
	}
	l.buf = b
	if s, ok := l.seen[string(b)]; ok {
		return s
	}
	s := slices.Clip(slices.Clone(ts))
	l.seen[string(b)] = s
	return s
}
