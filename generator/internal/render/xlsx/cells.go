package xlsx

import (
	"fmt"
	"math"
	"strconv"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"vulnreport/generator/internal/i18n"
)

// maxCellChars is the most characters (UTF-16 code units) an Excel cell holds.
const maxCellChars = excelize.TotalCellChars

// truncMark returns the mark that ends a text cut to fit a cell, in lang
// (English for any language but Japanese); the whole text stays in the
// snapshot's files (and, for most finding fields, in findings.json and
// findings.csv).
func truncMark(lang i18n.Lang) string {
	if lang != i18n.JA {
		lang = i18n.EN
	}
	return i18n.T(lang, "xlsx.truncated")
}

// capText returns s cut to what a cell holds, ending in mark when cut:
// never cut silently.
func capText(s, mark string) string {
	if len(s) <= maxCellChars { // a UTF-16 code unit takes at least a byte
		return s
	}
	room := maxCellChars - utf16Len(mark)
	units, cut := 0, -1
	for i, r := range s {
		n := utf16.RuneLen(r)
		if units+n > room && cut < 0 {
			cut = i
		}
		if units += n; units > maxCellChars {
			return s[:cut] + mark
		}
	}
	return s
}

// utf16Len returns the UTF-16 code units of s, as Excel counts characters.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// rowEncoder writes the <row> elements of a table sheet byte for byte as
// excelize's StreamWriter writes them (every cell with its column's style,
// text as inline strings, numbers as <v>), without its reflection, regular
// expressions and allocations. It never writes a formula (<f>) nor a
// formula's cached string (t="str"): text from the snapshot stays text.
type rowEncoder struct {
	cols []colCode
	mark string
	// warmed is written by warm.
	warmed byte
}

// colCode is the fixed XML around one column's cells.
type colCode struct {
	ref  string // <c r="B
	num  string // " s="5"><v>
	text string // " s="3" t="inlineStr"><is><t
}

// newRowEncoder returns the encoder of a table whose column c has style
// styles[c]; mark ends cut texts.
func newRowEncoder(styles []int, mark string) *rowEncoder {
	e := &rowEncoder{cols: make([]colCode, len(styles)), mark: mark}
	for i, s := range styles {
		attr := ""
		if s != 0 {
			attr = ` s="` + strconv.Itoa(s) + `"`
		}
		e.cols[i] = colCode{ref: `<c r="` + colName(i+1), num: `"` + attr + `><v>`, text: `"` + attr + ` t="inlineStr"><is><t`}
	}
	return e
}

// appendRow appends row number row with vals, one per column: string
// ("" leaves the cell out), int, float64, time.Time (a date; zero leaves
// it out), a pointer to one of those (read as the value it points to: a
// field of the model, which boxes into an interface without allocating)
// or nil. A height > 0 sets the row's height in points (for
// wrapped text, which Excel and LibreOffice do not fit on opening). The
// caller warms the row first (see warm).
func (e *rowEncoder) appendRow(dst []byte, row int, vals []any, height float64) ([]byte, error) {
	var num [20]byte
	r := strconv.AppendInt(num[:0], int64(row), 10)
	dst = append(dst, `<row r="`...)
	dst = append(dst, r...)
	if height > 0 {
		dst = append(dst, `" ht="`...)
		dst = strconv.AppendFloat(dst, height, 'f', -1, 64)
		dst = append(dst, `" customHeight="1`...)
	}
	dst = append(dst, `">`...)
	for j, v := range vals {
		var f float64
		switch x := v.(type) {
		case nil:
			continue
		case string:
			if x == "" {
				continue
			}
			dst = e.appendText(dst, j, r, x)
			continue
		case *string:
			if *x == "" {
				continue
			}
			dst = e.appendText(dst, j, r, *x)
			continue
		case int:
			dst = e.appendInt(dst, j, r, x)
			continue
		case *int:
			dst = e.appendInt(dst, j, r, *x)
			continue
		case float64:
			f = x
		case *float64:
			f = *x
		case time.Time:
			if x.IsZero() {
				continue
			}
			f = days(x)
		case *time.Time:
			if x.IsZero() {
				continue
			}
			f = days(*x)
		default:
			return dst, fmt.Errorf("unsupported cell value %T", v)
		}
		if math.IsNaN(f) || math.IsInf(f, 0) { // as excelize: the number's name, as text
			dst = e.appendText(dst, j, r, fmt.Sprint(f))
			continue
		}
		c := &e.cols[j]
		dst = append(append(append(dst, c.ref...), r...), c.num...)
		dst = appendNumber(dst, f)
		dst = append(dst, `</v></c>`...)
	}
	return append(dst, `</row>`...), nil
}

// warm reads the first byte of every text of the row that points into
// the model, one after the other, before the row is measured (wrapHeight)
// and encoded. The model's
// texts are spread over a heap of a GiB: most are not in the processor's
// caches, and read as each cell is encoded, every one of them was a wait
// of its own (a third of the encoder's time at 10,000 systems). Read
// together, the waits overlap. The bytes read are kept in e.warmed only so
// that the reads are not optimized away.
func (e *rowEncoder) warm(vals []any) {
	var x byte
	for _, v := range vals {
		if p, ok := v.(*string); ok && len(*p) > 0 {
			x ^= (*p)[0]
		}
	}
	e.warmed = x
}

// appendInt appends a number cell of column j in row r.
func (e *rowEncoder) appendInt(dst []byte, j int, r []byte, n int) []byte {
	c := &e.cols[j]
	dst = append(append(append(dst, c.ref...), r...), c.num...)
	dst = strconv.AppendInt(dst, int64(n), 10)
	return append(dst, `</v></c>`...)
}

// appendTexts appends row number row with texts, one per column, as
// appendRow would with the same values as strings ("" leaves the cell
// out), without boxing each into an interface.
func (e *rowEncoder) appendTexts(dst []byte, row int, vals []string) []byte {
	var num [20]byte
	r := strconv.AppendInt(num[:0], int64(row), 10)
	dst = append(dst, `<row r="`...)
	dst = append(dst, r...)
	dst = append(dst, `">`...)
	var x byte // as warm does
	for _, s := range vals {
		if s != "" {
			x ^= s[0]
		}
	}
	e.warmed = x
	for j, s := range vals {
		if s != "" {
			dst = e.appendText(dst, j, r, s)
		}
	}
	return append(dst, `</row>`...)
}

// appendText appends a text cell of column j in row r.
func (e *rowEncoder) appendText(dst []byte, j int, r []byte, s string) []byte {
	c := &e.cols[j]
	s = capText(s, e.mark)
	dst = append(append(append(dst, c.ref...), r...), c.text...)
	if spaced(s[0]) || spaced(s[len(s)-1]) {
		dst = append(dst, ` xml:space="preserve">`...)
	} else {
		dst = append(dst, '>')
	}
	dst = appendEscaped(dst, s)
	return append(dst, `</t></is></c>`...)
}

// spaced says whether c, leading or trailing, needs xml:space="preserve".
func spaced(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// plain marks the ASCII bytes copied as they are (none past ASCII: a
// table of every byte value lets the escaper skip a run of them with one
// look-up a byte).
var plain = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = true
	}
	for _, c := range "&<>\"'_" {
		t[c] = false
	}
	t['\n'] = true
	return t
}()

// appendEscaped appends s escaped as excelize escapes cell text
// (encoding/xml's EscapeText, line feeds kept): markup characters become
// references; characters XML 1.0 does not allow (control characters other
// than tab, line feed and carriage return, U+FFFE, U+FFFF and invalid
// UTF-8 such as lone surrogates) become U+FFFD, so that the file stays
// well-formed; and an underscore starting "_xHHHH_", which Excel would
// read as an escaped character, is itself escaped as "_x005F_" (see
// escapeLike).
func appendEscaped(dst []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		for i < len(s) && plain[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c >= utf8.RuneSelf {
			// Most of a Japanese text: a valid three-byte sequence, not a
			// surrogate (ED), an overlong form (E0) nor U+FFFE or U+FFFF.
			if i+2 < len(s) && c >= 0xE1 && c <= 0xEF && c != 0xED {
				c1, c2 := s[i+1], s[i+2]
				if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 && (c != 0xEF || c1 != 0xBF || c2 < 0xBE) {
					i += 3
					continue
				}
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
				dst = append(append(dst, s[last:i]...), "\uFFFD"...)
				last = i + n
			}
			i += n
			continue
		}
		var esc string
		switch c {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '\t':
			esc = "&#x9;"
		case '\r':
			esc = "&#xD;"
		case '_':
			if !escapeLike(s[i:]) {
				i++
				continue
			}
			esc = "_x005F_"
		default:
			esc = "\uFFFD"
		}
		dst = append(append(dst, s[last:i]...), esc...)
		i++
		last = i
	}
	return append(dst, s[last:]...)
}

// escapeLike says whether s, which starts with an underscore, starts
// with what a reader could take for an escaped character: "_x", one to
// four hexadecimal digits and "_". Excel and excelize read "_xHHHH_";
// LibreOffice also reads "_xH_" and "_xHH_" (so excelize's own writer,
// which escapes "_xHHHH_" only, is not followed there). All of them read
// "_x005F_" as an underscore.
func escapeLike(s string) bool {
	if len(s) < 4 || s[1] != 'x' {
		return false
	}
	for i := 2; i < len(s) && i <= 6; i++ {
		switch c := s[i]; {
		case c == '_':
			return i > 2
		case !isHex(c):
			return false
		}
	}
	return false
}

// isHex says whether c is a hexadecimal digit.
func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

// deref returns the value v points to when it is a pointer a table row
// may hold (see rowEncoder.appendRow), else v.
func deref(v any) any {
	switch x := v.(type) {
	case *string:
		return *x
	case *int:
		return *x
	case *float64:
		return *x
	case *time.Time:
		return *x
	}
	return v
}
