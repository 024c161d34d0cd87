package scheme

import "strings"

// gemScheme is RubyGems' Gem::Version: "1.2.3", "1.2.3.pre1",
// "2.0.0.rc.2", "1.0.0-beta" (a '-' means ".pre."). Segments are runs of
// digits or of letters; any letter makes a pre-release. Trailing zeros
// of the numeric part and of the pre-release part are dropped
// ("1.0" == "1"), then segments compare left to right, a missing one as
// 0, letters before numbers, letters alphabetically: 1.0.a < 1.0.b1 <
// 1.0.rc1 < 1.0 < 1.0.1.
type gemScheme struct{}

func (gemScheme) Name() string { return "gem" }

func (gemScheme) Parse(s string) (Version, error) {
	t, err := prepare("gem", s)
	if err != nil {
		return nil, err
	}
	body := t
	if i := strings.IndexByte(body, '-'); i >= 0 {
		body = body[:i] + ".pre." + strings.ReplaceAll(body[i+1:], "-", ".pre.")
	}
	if !isDigit(body[0]) {
		return nil, parseError("gem", s, "must start with a digit")
	}
	for _, seg := range strings.Split(body, ".") {
		if seg == "" {
			return nil, parseError("gem", s, "empty segment")
		}
		for i := 0; i < len(seg); i++ {
			if !isAlnum(seg[i]) {
				return nil, parseError("gem", s, "character %q; expected letters, digits, '.' and '-'", seg[i])
			}
		}
	}
	var segs []string
	for i := 0; i < len(body); {
		if !isAlnum(body[i]) {
			i++
			continue
		}
		j := i
		for j < len(body) && isAlnum(body[j]) && isDigit(body[j]) == isDigit(body[i]) {
			j++
		}
		seg := body[i:j]
		if isDigit(seg[0]) {
			seg = strings.TrimLeft(seg, "0")
			if seg == "" {
				seg = "0"
			}
		}
		segs = append(segs, seg)
		i = j
	}
	// canonical_segments: drop trailing zeros of the numeric part and of
	// the rest separately.
	k := 0
	for k < len(segs) && isDigit(segs[k][0]) {
		k++
	}
	num, rest := trimZeroSegs(segs[:k]), trimZeroSegs(segs[k:])
	return gemVersion{text: t, segs: append(num, rest...)}, nil
}

// trimZeroSegs drops trailing "0" segments.
func trimZeroSegs(s []string) []string {
	for len(s) > 0 && s[len(s)-1] == "0" {
		s = s[:len(s)-1]
	}
	return append([]string(nil), s...)
}

// gemVersion is a parsed RubyGems version: its canonical segments.
type gemVersion struct {
	text string
	segs []string
}

func (v gemVersion) String() string { return v.text }
func (gemVersion) Scheme() string   { return "gem" }

func (v gemVersion) Compare(w Version) int {
	o, ok := w.(gemVersion)
	if !ok {
		return crossCompare(v, w)
	}
	for i := range max(len(v.segs), len(o.segs)) {
		a, b := "0", "0"
		if i < len(v.segs) {
			a = v.segs[i]
		}
		if i < len(o.segs) {
			b = o.segs[i]
		}
		da, db := isDigit(a[0]), isDigit(b[0])
		var c int
		switch {
		case da && db:
			c = cmpNum(a, b)
		case da:
			c = 1
		case db:
			c = -1
		default:
			c = strings.Compare(a, b)
		}
		if c != 0 {
			return c
		}
	}
	return 0
}
