package scheme

import (
	"strings"
	"unicode/utf8"
)

// Normalize prepares version text copied from documents and spreadsheets:
// it removes invisible characters (zero-width space U+200B, zero-width
// joiners, word joiner, soft hyphen, byte-order mark U+FEFF, bidi
// marks), turns non-ASCII spaces (NBSP U+00A0, U+2000–U+200A, U+202F,
// ideographic space U+3000) into ASCII spaces, folds full-width ASCII
// (U+FF01–U+FF5E, so "３" is "3") and Unicode hyphens and minus signs
// to ASCII, and trims surrounding white space.
//
// changed reports whether anything other than surrounding ASCII white
// space was changed; the caller then warns, showing the raw bytes.
// Invalid UTF-8 is kept as is (Parse then rejects it).
func Normalize(s string) (norm string, changed bool) {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.TrimSpace(s), false
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteByte(s[i])
			i++
			continue
		}
		i += size
		switch {
		case isInvisible(r):
			changed = true
		case r == 0x00A0 || r >= 0x2000 && r <= 0x200A || r == 0x202F || r == 0x205F || r == 0x3000:
			b.WriteByte(' ')
			changed = true
		case r >= 0xFF01 && r <= 0xFF5E:
			b.WriteRune(r - 0xFEE0)
			changed = true
		case r >= 0x2010 && r <= 0x2015 || r == 0x2212 || r == 0xFE63:
			b.WriteByte('-')
			changed = true
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String()), changed
}

// isInvisible reports whether r is a character that shows nothing and
// carries no meaning in a version.
func isInvisible(r rune) bool {
	switch {
	case r == 0x00AD, r == 0x180E, r == 0xFEFF, r == 0x034F:
		return true
	case r >= 0x200B && r <= 0x200F: // ZWSP, ZWNJ, ZWJ, LRM, RLM
		return true
	case r >= 0x202A && r <= 0x202E: // bidi embeddings
		return true
	case r >= 0x2060 && r <= 0x2064, r >= 0x2066 && r <= 0x2069: // word joiner, invisible operators, isolates
		return true
	case r >= 0xFE00 && r <= 0xFE0F: // variation selectors
		return true
	}
	return false
}
