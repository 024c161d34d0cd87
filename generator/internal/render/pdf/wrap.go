package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Line breaking for mixed Japanese and Latin text. fpdf's own MultiCell
// breaks only at spaces, which leaves Japanese (written without spaces)
// overflowing its cell; wrap breaks between Japanese characters, keeps
// Latin words, ids and version strings whole, and follows the basic
// kinsoku rules (禁則処理): closing punctuation never starts a line and
// opening brackets never end one.

// noLineStart holds characters that must not begin a line: closing
// brackets, punctuation, the prolonged sound mark, small kana and the
// Latin closing punctuation that can follow Japanese text directly.
const noLineStart = "）)]｝}〕〉》」』】〙〗〟’”｠»、。，．,.・：:；;？?！!‼⁇⁈⁉ー―…‥ヽヾゝゞ々〻ァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ%％"

// noLineEnd holds characters that must not end a line: opening brackets.
const noLineEnd = "（([｛{〔〈《「『【〘〖〝‘“｟«"

// unit is an unbreakable piece of text: a Latin word, one Japanese
// character, or those joined by the kinsoku rules. gap is the white space
// before it, dropped when a line breaks there.
type unit struct {
	gap  string
	text string
}

// wrap breaks text into lines no wider than width as measured by measure.
// Newlines in text start new lines. A single unit wider than width is
// broken between characters, so no returned line is wider than width
// unless one character is. Empty text gives no lines.
func wrap(measure func(string) float64, text string, width float64) []string {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	var out []string
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		units := split(para)
		if len(units) == 0 {
			out = append(out, "")
			continue
		}
		out = append(out, fill(measure, units, width)...)
	}
	return out
}

// fill places units greedily on lines.
func fill(measure func(string) float64, units []unit, width float64) []string {
	var lines []string
	var cur strings.Builder
	curW := 0.0
	flush := func() {
		lines = append(lines, cur.String())
		cur.Reset()
		curW = 0
	}
	for _, u := range units {
		w := measure(u.text)
		if cur.Len() > 0 {
			gw := measure(u.gap)
			if curW+gw+w <= width {
				cur.WriteString(u.gap)
				cur.WriteString(u.text)
				curW += gw + w
				continue
			}
			flush()
		}
		if w <= width {
			cur.WriteString(u.text)
			curW = w
			continue
		}
		// A unit wider than the line: break it between characters.
		for _, r := range u.text {
			s := string(r)
			rw := measure(s)
			if cur.Len() > 0 && curW+rw > width {
				flush()
			}
			cur.WriteString(s)
			curW += rw
		}
	}
	if cur.Len() > 0 {
		flush()
	}
	return lines
}

// split cuts a paragraph into units and joins them where a break would
// break a kinsoku rule.
func split(para string) []unit {
	var units []unit
	var gap strings.Builder
	var word strings.Builder
	endWord := func() {
		if word.Len() > 0 {
			units = append(units, unit{gap: gap.String(), text: word.String()})
			gap.Reset()
			word.Reset()
		}
	}
	for _, r := range para {
		switch {
		case r == '\t' || r == ' ' || r == '\u3000' || (unicode.IsSpace(r) && r != '\n'):
			endWord()
			if r == '\t' {
				r = ' '
			}
			gap.WriteRune(r)
		case breaksAround(r):
			endWord()
			units = append(units, unit{gap: gap.String(), text: string(r)})
			gap.Reset()
		default:
			word.WriteRune(r)
		}
	}
	endWord()
	// Join units across forbidden breaks, white space included: a unit
	// starting with a closing mark joins the one before it, and a unit
	// ending with an opening bracket joins the one after it.
	var out []unit
	for _, u := range units {
		if n := len(out); n > 0 && (startsWithAny(u.text, noLineStart) || endsWithAny(out[n-1].text, noLineEnd)) {
			out[n-1].text += u.gap + u.text
			continue
		}
		out = append(out, u)
	}
	return out
}

// breaksAround reports whether a line may break before and after r (apart
// from kinsoku): CJK ideographs, kana, full-width forms and CJK punctuation.
func breaksAround(r rune) bool {
	switch {
	case r >= 0x2460 && r <= 0x24FF: // enclosed alphanumerics (①)
		return true
	case r < 0x2E80:
		// Latin, Greek, Cyrillic and general punctuation belong to words;
		// the Japanese ellipsis and dash below this range do not.
		return strings.ContainsRune("…‥―", r)
	}
	// CJK radicals, symbols, kana, ideographs, full-width forms and beyond.
	return true
}

func startsWithAny(s, set string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n > 0 && strings.ContainsRune(set, r)
}

func endsWithAny(s, set string) bool {
	r, n := utf8.DecodeLastRuneInString(s)
	return n > 0 && strings.ContainsRune(set, r)
}
