package source

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Encodings reported in FileStat.Encoding.
const (
	EncUTF8    = "utf-8"
	EncUTF8BOM = "utf-8-bom"
	EncCP932   = "cp932"
	// EncUTF16LE and EncUTF16BE name files that are refused.
	EncUTF16LE = "utf-16le"
	EncUTF16BE = "utf-16be"
)

// sniffSize is how much of a CSV file is examined to tell UTF-8 from CP932.
const sniffSize = 64 << 10

// MaxFieldsPerRow bounds the columns of one CSV row.
const MaxFieldsPerRow = 1000

// NormalizeKey folds a header or enum text for lookup: Unicode NFKC
// (full-width letters become ASCII), trimmed, lower case, inner spaces removed.
func NormalizeKey(s string) string {
	s = norm.NFKC.String(strings.TrimSpace(s))
	s = strings.ToLower(s)
	return strings.Join(strings.Fields(s), "")
}

// detectEncoding decides the encoding of a file once, from evidence in
// its first 64 KiB: a BOM names it (UTF-16 is refused with the fix); text
// that is valid UTF-8, or mostly so (more valid multi-byte characters than
// invalid bytes), is UTF-8 and each invalid byte is an error where it
// stands; anything else is CP932, the encoding Excel in Japan writes,
// decoded strictly.
//
// A file whose first 64 KiB are plain ASCII shows no evidence: it is
// undecided, read as UTF-8 until its first line that is not ASCII decides.
func detectEncoding(br *bufio.Reader) (enc string, undecided bool, err error) {
	head, err := br.Peek(sniffSize)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return "", false, err
	}
	if bytes.HasPrefix(head, []byte("\xef\xbb\xbf")) {
		_, _ = br.Discard(3)
		return EncUTF8BOM, false, nil
	}
	if enc := utf16Name(head); enc != "" {
		return enc, false, ErrUTF16
	}
	if len(head) == sniffSize && isASCII(string(head)) {
		return EncUTF8, true, nil
	}
	if looksUTF8(head, len(head) == sniffSize) {
		return EncUTF8, false, nil
	}
	return EncCP932, false, nil
}

// ErrUTF16 refuses a UTF-16 file, Excel's 「Unicode テキスト」.
var ErrUTF16 = errors.New("the file is UTF-16 (Excel's \"Unicode Text\"), which is not read: " +
	"save it as \"CSV UTF-8 (Comma delimited)\"")

// utf16Name returns the UTF-16 encoding head is in, by its BOM or by the
// zero bytes of ASCII text in UTF-16, or "".
func utf16Name(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte{0xff, 0xfe}):
		return EncUTF16LE
	case bytes.HasPrefix(head, []byte{0xfe, 0xff}):
		return EncUTF16BE
	}
	n := min(len(head), 512) &^ 1
	if n < 4 {
		return ""
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if head[i] == 0 {
			even++
		}
		if head[i+1] == 0 {
			odd++
		}
	}
	switch {
	case odd*2 > n/2 && even == 0:
		return EncUTF16LE
	case even*2 > n/2 && odd == 0:
		return EncUTF16BE
	}
	return ""
}

// looksUTF8 reports whether b is UTF-8 by the evidence: valid throughout
// (allowing a character cut off at the end of a full buffer), or holding
// more valid multi-byte characters than invalid bytes.
func looksUTF8(b []byte, full bool) bool {
	if utf8.Valid(b) {
		return true
	}
	if full {
		for i := 1; i < utf8.UTFMax && i < len(b); i++ {
			if utf8.Valid(b[:len(b)-i]) {
				return true
			}
		}
	}
	multi, invalid := 0, 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			invalid++
		case n > 1:
			multi++
		}
		i += n
	}
	return multi > invalid
}

// CSVOptions control ReadCSV.
type CSVOptions struct {
	// Aliases maps normalized header names (see NormalizeKey) to field keys.
	// Headers not in the table are used as written, lower-cased.
	Aliases map[string]string
	// Known reports whether a field key is part of the entity; unknown
	// headers give one warning each. Nil accepts every header.
	Known func(key string) bool
	// Transient promises that the callback keeps no Record it is given
	// (nor a copy) after it returns, so that the storage of a row's
	// fields is reused for the next; the texts of the fields are never
	// reused.
	Transient bool
	// Size, when known, is the file's length in bytes; Expect is then
	// told, early in a large file, how many data rows it is expected to
	// hold in all, so that the caller can make room for their records.
	Size   int64
	Expect func(rows int)
	// Required lists the field keys every row must have: a header
	// without one of them rejects every row of the file, with one error.
	Required []string
}

// CSVResult summarises a CSV file once read.
type CSVResult struct {
	Encoding string
	// Rows counts data rows seen, including rows rejected while parsing.
	Rows int
}

// ReadCSV streams a CSV file, calling fn for each data row as a Record.
// Rows that cannot be parsed (unbalanced quotes, ragged rows, a line over
// MaxLineLength, a byte invalid in the file's encoding) are reported as
// errors and passed to bad instead, so that the caller can count them as
// rejected; reading resumes at the next physical line. Every row of a file
// whose header repeats a field or lacks one of opt.Required is passed to
// bad. Only an I/O failure, a UTF-16 file or a header row that cannot be
// parsed stops the read.
//
// The rows are parsed on a goroutine of its own, ahead of fn; fn, bad,
// opt.Known, opt.Expect and the diagnostics all take effect on the
// caller's goroutine, in the order of the file, as if it were read there.
func ReadCSV(name string, r io.Reader, opt CSVOptions, diags *Diagnostics, fn func(Record), bad func(Pos, string)) (CSVResult, error) {
	var res CSVResult
	counter := &countReader{r: r}
	br := bufio.NewReaderSize(counter, sniffSize)
	enc, undecided, err := detectEncoding(br)
	res.Encoding = enc
	if errors.Is(err, ErrUTF16) {
		diags.Errorf(Pos{name, 1, 1}, "%v", err)
		return res, fmt.Errorf("%s:1:1: %w", name, err)
	}
	if err != nil {
		return res, fmt.Errorf("reading %s: %w", name, err)
	}
	cr := newCSVParser(br, enc, undecided)
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return res, nil
	}
	// A header that cannot be read leaves the whole file unreadable: an
	// error that stops the build, not rows dropped silently.
	unreadable := func(pos Pos, msg string) (CSVResult, error) {
		diags.Errorf(pos, "header row: %s: the file is not read", msg)
		return res, fmt.Errorf("%s: header row: %s: the file is not read", pos, msg)
	}
	if err != nil {
		var re *rowError
		if errors.As(err, &re) {
			at := re.at[0]
			return unreadable(Pos{name, at.Line, at.Col}, re.msgs[0])
		}
		return res, fmt.Errorf("reading %s: %w", name, err)
	}
	if hb := cr.headerBad; hb != nil {
		for i, at := range hb.at {
			at.File = name
			diags.Errorf(at, "header row: %s", hb.msgs[i])
		}
	}
	if len(header) > MaxFieldsPerRow {
		return unreadable(Pos{name, 1, 1}, fmt.Sprintf("%d columns, more than the %d accepted", len(header), MaxFieldsPerRow))
	}
	keys := make([]string, len(header))
	seen := map[string]int{}
	var unknown []string
	var headerErrs []Diagnostic
	for i, h := range header {
		line, col := cr.FieldPos(i)
		k := NormalizeKey(h)
		if a, ok := opt.Aliases[k]; ok {
			k = a
		}
		keys[i] = k
		pos := Pos{name, line, col}
		switch {
		case k == "":
			diags.Warnf(pos, "empty header in column %d: the column is ignored", i+1)
		case seen[k] > 0:
			// Which of the two the user meant cannot be known: neither
			// is read, and the file's rows are rejected.
			headerErrs = append(headerErrs, Diagnostic{Pos: pos, Severity: Error, Msg: fmt.Sprintf(
				"header %q in column %d names the same field %q as column %d: the header is invalid and every data row of the file is rejected; rename or delete one of the columns",
				h, i+1, k, seen[k])})
			keys[seen[k]-1], keys[i] = "", ""
		case opt.Known != nil && !opt.Known(k):
			diags.Warnf(pos, "unknown column %q: ignored", h)
			unknown = append(unknown, fmt.Sprintf("%q", h))
			keys[i] = ""
		}
		if k != "" && seen[k] == 0 {
			seen[k] = i + 1
		}
	}
	for _, k := range opt.Required {
		if seen[k] > 0 || seen[k+".ja"] > 0 || seen[k+".en"] > 0 {
			continue
		}
		msg := fmt.Sprintf("required column %q is missing (headers accepted for it: %s): every data row of the file is rejected", k, strings.Join(HeadersFor(opt.Aliases, k), ", "))
		if len(unknown) > 0 {
			msg += fmt.Sprintf("; the unknown column %s may be meant for it", strings.Join(unknown, ", "))
		}
		headerErrs = append(headerErrs, Diagnostic{Pos: Pos{name, 1, 1}, Severity: Error, Msg: msg})
	}
	diags.Add(headerErrs...)
	cr.want = len(header)
	// The records of the file share one key table over the columns read.
	rr := &rowReader{name: name, cr: cr, header: slices.Clone(header), transient: opt.Transient}
	if len(headerErrs) > 0 {
		rr.headerBad = fmt.Sprintf("not read: the header of the file is invalid (%s)", headerErrs[0].Pos)
	}
	var hkeys []string
	for i, k := range keys {
		if k != "" {
			hkeys = append(hkeys, k)
			rr.cols = append(rr.cols, i)
		}
	}
	rr.hdr = newHeader(hkeys, identity(len(rr.cols)))
	if opt.Size > 0 && opt.Expect != nil {
		rr.size, rr.read, rr.expect = opt.Size, counter, opt.Expect
	}
	rows, err := rr.run(diags, fn, bad)
	res.Rows, res.Encoding = rows, cr.Encoding()
	return res, err
}

// HeadersFor lists the headers that name field key: the key itself and
// every alias of it, sorted.
func HeadersFor(aliases map[string]string, key string) []string {
	out := []string{key}
	for a, k := range aliases {
		if k == key && a != key {
			out = append(out, a)
		}
	}
	slices.Sort(out[1:])
	return out
}

// identity returns 0, 1, …, n-1.
func identity(n int) []int {
	at := make([]int, n)
	for i := range at {
		at[i] = i
	}
	return at
}

// countReader counts the bytes read through it; the count may be read
// from another goroutine.
type countReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}
