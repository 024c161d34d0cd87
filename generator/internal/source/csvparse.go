package source

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
)

// The CSV parser works on physical lines, so that one broken row costs
// that row and no more: a row that cannot be parsed (a stray quote that
// never closes, a line over MaxLineLength, a multi-line row of the wrong
// width) is rejected at the line where it starts, and reading resumes at
// the next physical line. Columns are counted in characters (runes), as a
// person counts them in an editor.

// physLine is one physical line of a CSV file, decoded to UTF-8, without
// its line break.
type physLine struct {
	text    string
	num     int
	tooLong bool
	// bad lists the columns of bytes that are not valid in the file's
	// encoding (invalid UTF-8, or a CP932 sequence with no character).
	bad []int
}

// lineReader yields the physical lines of a file, lines given back by
// the parser first.
type lineReader struct {
	br  *bufio.Reader
	num int
	dec *encoding.Decoder // CP932, nil for UTF-8
	enc string
	// undecided is set while the file has shown no evidence of its
	// encoding: its first 64 KiB were plain ASCII. The first line that
	// is not decides, with the 64 KiB that follow it.
	undecided bool
	pending   []physLine
	buf       []byte
	eof       bool
}

// next returns the next physical line; ok is false at the end.
func (lr *lineReader) next() (l physLine, ok bool, err error) {
	if len(lr.pending) > 0 {
		l = lr.pending[0]
		lr.pending = lr.pending[1:]
		return l, true, nil
	}
	if lr.eof {
		return physLine{}, false, nil
	}
	lr.buf = lr.buf[:0]
	tooLong, empty := false, true
	for {
		chunk, err := lr.br.ReadSlice('\n')
		if len(chunk) > 0 {
			empty = false
		}
		if !tooLong {
			if len(lr.buf)+len(chunk) > MaxLineLength+2 {
				tooLong, lr.buf = true, lr.buf[:0]
			} else {
				lr.buf = append(lr.buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if errors.Is(err, io.EOF) {
			lr.eof = true
			if empty {
				return physLine{}, false, nil
			}
			break
		}
		if err != nil {
			return physLine{}, false, err
		}
		break
	}
	lr.num++
	b := lr.buf
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
	}
	if n := len(b); n > 0 && b[n-1] == '\r' {
		b = b[:n-1]
	}
	if tooLong || len(b) > MaxLineLength {
		return physLine{num: lr.num, tooLong: true}, true, nil
	}
	l = physLine{num: lr.num}
	if lr.undecided && !isASCII(string(b)) {
		lr.undecided = false
		ahead, _ := lr.br.Peek(sniffSize)
		if !looksUTF8(append(slices.Clone(b), ahead...), len(ahead) == sniffSize) {
			lr.enc, lr.dec = EncCP932, japanese.ShiftJIS.NewDecoder()
		}
	}
	if lr.dec != nil {
		out, err := lr.dec.Bytes(b)
		if err != nil {
			return physLine{}, false, err
		}
		// CP932 has no U+FFFD: each one marks a sequence that is no
		// character.
		l.text = string(out)
		if strings.ContainsRune(l.text, utf8.RuneError) {
			col := 0
			for _, r := range l.text {
				col++
				if r == utf8.RuneError {
					l.bad = append(l.bad, col)
				}
			}
		}
		return l, true, nil
	}
	l.text = string(b)
	if !utf8.Valid(b) {
		col := 0
		for i := 0; i < len(b); {
			r, n := utf8.DecodeRune(b[i:])
			col++
			if r == utf8.RuneError && n == 1 {
				l.bad = append(l.bad, col)
			}
			i += n
		}
	}
	return l, true, nil
}

// rowError is a row that was not parsed; the row starting at line is
// rejected, with a diagnostic at each of at.
type rowError struct {
	line int
	at   []Pos // Pos.File unset
	msgs []string
}

func (e *rowError) Error() string {
	return fmt.Sprintf("line %d: %s", e.line, strings.Join(e.msgs, "; "))
}

// csvParser parses rows out of physical lines.
type csvParser struct {
	lr     *lineReader
	want   int // fields per row once the header is read; 0 before
	fields []string
	pos    [][2]int
	lines  []physLine
	sb     []byte
	// headerBad holds the bad bytes of the header row.
	headerBad *rowError
}

func newCSVParser(br *bufio.Reader, enc string, undecided bool) *csvParser {
	lr := &lineReader{br: br, enc: enc, undecided: undecided}
	if enc == EncCP932 {
		lr.dec = japanese.ShiftJIS.NewDecoder()
	}
	return &csvParser{lr: lr}
}

// Encoding returns the encoding the file was read in.
func (p *csvParser) Encoding() string { return p.lr.enc }

// FieldPos returns the line and column (in characters) where field i of
// the row last read starts.
func (p *csvParser) FieldPos(i int) (line, col int) { return p.pos[i][0], p.pos[i][1] }

// Read returns the next row, io.EOF at the end, a *rowError for a row
// rejected, or another error when the file cannot be read.
func (p *csvParser) Read() ([]string, error) {
	for {
		first, ok, err := p.lr.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, io.EOF
		}
		if first.tooLong {
			return nil, &rowError{line: first.num, at: []Pos{{Line: first.num, Col: 1}},
				msgs: []string{(&LineTooLongError{Line: first.num, Limit: MaxLineLength}).Error()}}
		}
		if first.text == "" {
			continue // blank lines are no rows
		}
		return p.row(first)
	}
}

// fail rejects the row at its first line and gives its other lines back,
// so that reading resumes at the line after the one it started on.
func (p *csvParser) fail(line, col int, msg string) error {
	start := p.lines[0].num
	if len(p.lines) > 1 {
		p.lr.pending = append(slices.Clone(p.lines[1:]), p.lr.pending...)
	}
	if len(p.lines) > 1 && p.want > 0 {
		msg += fmt.Sprintf(" (the row would run from line %d to %d: the row at line %d is rejected and reading resumes at line %d)",
			start, p.lines[len(p.lines)-1].num, start, start+1)
	}
	return &rowError{line: start, at: []Pos{{Line: line, Col: col}}, msgs: []string{msg}}
}

// row parses the row starting at first.
func (p *csvParser) row(first physLine) ([]string, error) {
	p.fields, p.pos, p.lines = p.fields[:0], p.pos[:0], append(p.lines[:0], first)
	cur := first
	s, i, col := cur.text, 0, 1
	ascii := isASCII(s)
	size := len(s)
	// advance moves i to j, counting the characters passed.
	advance := func(j int) {
		if ascii {
			col += j - i
		} else {
			col += utf8.RuneCountInString(s[i:j])
		}
		i = j
	}
	for {
		if len(p.fields) >= MaxFieldsPerRow {
			return nil, p.fail(cur.num, col, fmt.Sprintf("more than the %d accepted fields in one row", MaxFieldsPerRow))
		}
		fline, fcol := cur.num, col
		if i < len(s) && s[i] == '"' {
			sb := p.sb[:0]
			advance(i + 1)
			closed := false
			for !closed {
				k := strings.IndexByte(s[i:], '"')
				if k < 0 {
					sb = append(sb, s[i:]...)
					sb = append(sb, '\n')
					next, ok, err := p.lr.next()
					if err != nil {
						return nil, err
					}
					if ok {
						p.lines = append(p.lines, next)
						size += len(next.text) + 1
					}
					if !ok || next.tooLong || size > MaxLineLength {
						p.sb = sb
						return nil, p.fail(fline, fcol, `a quoted field is not closed (a stray "?)`)
					}
					cur, s, i, col, ascii = next, next.text, 0, 1, isASCII(next.text)
					continue
				}
				sb = append(sb, s[i:i+k]...)
				advance(i + k + 1)
				if i < len(s) && s[i] == '"' {
					sb = append(sb, '"')
					advance(i + 1)
					continue
				}
				closed = true
			}
			p.sb = sb
			p.fields = append(p.fields, string(sb))
			p.pos = append(p.pos, [2]int{fline, fcol})
			if i == len(s) {
				break
			}
			if s[i] != ',' {
				return nil, p.fail(cur.num, col, `text after the closing quote of a quoted field (a stray "?)`)
			}
			advance(i + 1)
			continue
		}
		end := len(s)
		if k := strings.IndexByte(s[i:], ','); k >= 0 {
			end = i + k
		}
		if q := strings.IndexByte(s[i:end], '"'); q >= 0 {
			advance(i + q)
			return nil, p.fail(cur.num, col, `a quote (") inside a field that is not quoted`)
		}
		p.fields = append(p.fields, s[i:end])
		p.pos = append(p.pos, [2]int{fline, fcol})
		if end == len(s) {
			break
		}
		advance(end + 1)
	}
	if p.want > 0 && len(p.fields) != p.want {
		msg := fmt.Sprintf("row has %d fields, the header has %d", len(p.fields), p.want)
		if len(p.lines) > 1 {
			return nil, p.fail(first.num, 1, msg)
		}
		return nil, &rowError{line: first.num, at: []Pos{{Line: first.num, Col: 1}}, msgs: []string{msg}}
	}
	var bad *rowError
	for _, l := range p.lines {
		for _, c := range l.bad {
			if bad == nil {
				bad = &rowError{line: first.num}
			}
			bad.at = append(bad.at, Pos{Line: l.num, Col: c})
			bad.msgs = append(bad.msgs, p.badByte())
		}
	}
	if bad != nil && p.want == 0 {
		// A header with a bad byte is read: the column it names is
		// unknown, and a required one then missing rejects the rows.
		p.headerBad = bad
		return p.fields, nil
	}
	if bad != nil {
		return nil, bad
	}
	return p.fields, nil
}

// badByte describes a byte that is not valid in the file's encoding.
func (p *csvParser) badByte() string {
	if p.lr.dec != nil {
		return "a byte sequence that is not valid Shift_JIS (CP932): the file is read as CP932; fix the character, or save the file as CSV UTF-8"
	}
	return "a byte that is not valid UTF-8: the file is read as UTF-8; fix the character"
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
