package source

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Encodings reported in FileStat.Encoding.
const (
	EncUTF8    = "utf-8"
	EncUTF8BOM = "utf-8-bom"
	EncCP932   = "cp932"
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

// decodeReader detects the encoding of a CSV stream and returns a UTF-8
// reader over it. A leading BOM means UTF-8; otherwise the first 64 KiB
// decide: valid UTF-8 stays UTF-8, anything else is read as CP932, the
// encoding Excel in Japan writes.
func decodeReader(r io.Reader) (io.Reader, string, error) {
	br := bufio.NewReaderSize(r, sniffSize)
	head, err := br.Peek(sniffSize)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, "", err
	}
	if bytes.HasPrefix(head, []byte("\xef\xbb\xbf")) {
		_, _ = br.Discard(3)
		return br, EncUTF8BOM, nil
	}
	if validUTF8Prefix(head, len(head) == sniffSize) {
		return br, EncUTF8, nil
	}
	return transform.NewReader(br, japanese.ShiftJIS.NewDecoder()), EncCP932, nil
}

// validUTF8Prefix reports whether b is valid UTF-8, allowing a rune cut off
// at the end when the buffer was full.
func validUTF8Prefix(b []byte, full bool) bool {
	if utf8.Valid(b) {
		return true
	}
	if !full {
		return false
	}
	for i := 1; i < utf8.UTFMax && i < len(b); i++ {
		if utf8.Valid(b[:len(b)-i]) {
			return true
		}
	}
	return false
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
}

// CSVResult summarises a CSV file once read.
type CSVResult struct {
	Encoding string
	// Rows counts data rows seen, including rows rejected while parsing.
	Rows int
}

// ReadCSV streams a CSV file, calling fn for each data row as a Record.
// Rows that cannot be parsed (unbalanced quotes, ragged rows, invalid
// text) are reported as errors and passed to bad instead, so that the caller
// can count them as rejected. Only an I/O failure stops the read.
//
// The rows are parsed on a goroutine of its own, ahead of fn; fn, bad,
// opt.Known, opt.Expect and the diagnostics all take effect on the
// caller's goroutine, in the order of the file, as if it were read there.
func ReadCSV(name string, r io.Reader, opt CSVOptions, diags *Diagnostics, fn func(Record), bad func(Pos, string)) (CSVResult, error) {
	var res CSVResult
	counter := &countReader{r: r}
	dec, enc, err := decodeReader(counter)
	if err != nil {
		return res, fmt.Errorf("reading %s: %w", name, err)
	}
	res.Encoding = enc
	cr := csv.NewReader(LimitLines(dec, MaxLineLength))
	cr.FieldsPerRecord = -1
	// Rows are copied into records (the field strings themselves are not
	// reused), so the reader may reuse its slice.
	cr.ReuseRecord = true
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
		var pe *csv.ParseError
		var tl *LineTooLongError
		if errors.As(err, &tl) {
			return unreadable(Pos{name, tl.Line, 1}, tl.Error())
		}
		if errors.As(err, &pe) {
			return unreadable(Pos{name, pe.Line, pe.Column}, pe.Err.Error())
		}
		return res, fmt.Errorf("reading %s: %w", name, err)
	}
	if len(header) > MaxFieldsPerRow {
		return unreadable(Pos{name, 1, 1}, fmt.Sprintf("%d columns, more than the %d accepted", len(header), MaxFieldsPerRow))
	}
	keys := make([]string, len(header))
	seen := map[string]int{}
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
			diags.Errorf(pos, "header %q repeats column %d: the later column is ignored", h, seen[k])
			keys[i] = ""
		case opt.Known != nil && !opt.Known(k):
			diags.Warnf(pos, "unknown column %q: ignored", h)
			keys[i] = ""
		}
		if keys[i] != "" {
			seen[k] = i + 1
		}
	}
	// The records of the file share one key table over the columns read.
	rr := &rowReader{name: name, cr: cr, header: slices.Clone(header), transient: opt.Transient}
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
	res.Rows = rows
	return res, err
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
