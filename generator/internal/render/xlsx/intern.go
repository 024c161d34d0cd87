package xlsx

import (
	"strings"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
)

// maxInterned bounds the texts an interner keeps.
const maxInterned = 1 << 16

// interner boxes texts a table computes for its rows (a finding's
// reasons, joined lists), once each: most rows repeat a few of them, and
// boxing a new string for every row of a million-row sheet is garbage the
// collector pays for, marking the whole model each time. The text is
// built in buf and looked up without allocating.
//
// A finding's lists (reasons, ids, scanner results) are shared between
// findings (the findings store keeps each distinct list once), so their
// texts are also kept by the list's identity, its first element and
// length: a row finds them without building the text and hashing it.
type interner struct {
	m   map[string]any
	buf []byte
	// byReasons, byIDs and byScanners hold the texts of lists by identity.
	byReasons  map[reasonsKey]any
	byIDs      map[listKey[string]]any
	byScanners map[listKey[model.ScanSource]][2]any
}

// listKey identifies a list: its first element and its length.
type listKey[T any] struct {
	first *T
	n     int
}

// reasonsKey identifies the text of a finding's reasons.
type reasonsKey struct {
	list listKey[model.Reason]
	prio model.Priority
	lang i18n.Lang
}

func newInterner() *interner {
	return &interner{m: map[string]any{}, byReasons: map[reasonsKey]any{}, byIDs: map[listKey[string]]any{},
		byScanners: map[listKey[model.ScanSource]][2]any{}}
}

// keep stores x in m under k, unless m holds maxInterned texts already,
// and returns x.
func keep[K comparable, V any](m map[K]V, k K, x V) V {
	if len(m) < maxInterned {
		m[k] = x
	}
	return x
}

// text returns the boxed text in buf ("" as nil).
func (in *interner) text() any {
	if len(in.buf) == 0 {
		return nil
	}
	if x, ok := in.m[string(in.buf)]; ok {
		return x
	}
	s := string(in.buf)
	return keep(in.m, s, any(s))
}

// join returns list joined by sep, boxed: the one element itself (no
// copy) when there is one.
func (in *interner) join(list []string, sep string) any {
	switch len(list) {
	case 0:
		return nil
	case 1:
		return &list[0]
	}
	in.buf = in.buf[:0]
	for i, s := range list {
		if i > 0 {
			in.buf = append(in.buf, sep...)
		}
		in.buf = append(in.buf, s...)
	}
	return in.text()
}

// reasons is book.reasons, interned.
func (in *interner) reasons(f *model.Finding, lang i18n.Lang) any {
	if len(f.Reasons) == 0 {
		in.buf = append(in.buf[:0], f.Priority.String()...)
		return in.text()
	}
	key := reasonsKey{listKey[model.Reason]{&f.Reasons[0], len(f.Reasons)}, f.Priority, lang}
	if x, ok := in.byReasons[key]; ok {
		return x
	}
	in.buf = append(append(in.buf[:0], f.Priority.String()...), ": "...)
	for i, r := range f.Reasons {
		if i > 0 {
			in.buf = append(in.buf, " + "...)
		}
		in.buf = append(in.buf, r.Text.Get(lang)...)
	}
	return keep(in.byReasons, key, in.text())
}

// ids is ids (JVN first, then CVE, then the rest), interned.
func (in *interner) ids(list []string) any {
	if len(list) <= 1 {
		return in.join(list, "")
	}
	key := listKey[string]{&list[0], len(list)}
	if x, ok := in.byIDs[key]; ok {
		return x
	}
	in.buf = in.buf[:0]
	n := 0
	for pass := range 3 {
		for _, id := range list {
			p := 2
			switch {
			case strings.HasPrefix(id, "JVN"):
				p = 0
			case strings.HasPrefix(id, "CVE-"):
				p = 1
			}
			if p != pass {
				continue
			}
			if n++; n > 1 {
				in.buf = append(in.buf, ", "...)
			}
			in.buf = append(in.buf, id...)
		}
	}
	return keep(in.byIDs, key, in.text())
}

// scanners is scanCells, each interned.
func (in *interner) scanners(ss []model.ScanSource) (sources, confidence any) {
	if len(ss) == 0 {
		return nil, nil
	}
	key := listKey[model.ScanSource]{&ss[0], len(ss)}
	if x, ok := in.byScanners[key]; ok {
		return x[0], x[1]
	}
	in.buf = in.buf[:0]
	for i, s := range ss {
		if i > 0 {
			in.buf = append(in.buf, "; "...)
		}
		in.buf = append(append(append(in.buf, s.Scanner...), ": "...), s.File...)
	}
	sources = in.text()
	in.buf = in.buf[:0]
	for i, s := range ss {
		if i > 0 {
			in.buf = append(in.buf, "; "...)
		}
		in.buf = append(append(in.buf, s.Scanner...), ": "...)
		if s.Confidence == "" {
			in.buf = append(in.buf, '-')
		} else {
			in.buf = append(in.buf, s.Confidence...)
		}
		if s.Low {
			in.buf = append(in.buf, " (low)"...)
		}
	}
	confidence = in.text()
	keep(in.byScanners, key, [2]any{sources, confidence})
	return sources, confidence
}

// labeler returns the labels of an enum's values in the primary
// language, each boxed once: the findings sheet asks for millions.
type labeler struct {
	b      *book
	prefix string
	// empty says whether "" has a label of its own ("stage." 未着手).
	empty bool
	m     map[string]any
}

func (b *book) labeler(prefix string, empty bool) *labeler {
	return &labeler{b: b, prefix: prefix, empty: empty, m: map[string]any{}}
}

func (l *labeler) of(v string) any {
	if x, ok := l.m[v]; ok {
		return x
	}
	var x any
	if v != "" || l.empty {
		if s := l.b.t(l.prefix + "." + v); s != "" {
			x = s
		}
	}
	l.m[v] = x
	return x
}
