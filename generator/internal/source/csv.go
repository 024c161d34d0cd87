package source

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
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
func ReadCSV(name string, r io.Reader, opt CSVOptions, diags *Diagnostics, fn func(Record), bad func(Pos, string)) (CSVResult, error) {
	var res CSVResult
	dec, enc, err := decodeReader(r)
	if err != nil {
		return res, fmt.Errorf("reading %s: %w", name, err)
	}
	res.Encoding = enc
	cr := csv.NewReader(LimitLines(dec, MaxLineLength))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
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
	lastLine := 0
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if res.Rows >= MaxRecordsPerFile {
			line := 0
			if err == nil {
				line, _ = cr.FieldPos(0)
			}
			msg := fmt.Sprintf("more than %d records, the limit for one file: the rest of the file is not read", MaxRecordsPerFile)
			diags.Errorf(Pos{name, line, 0}, "%s", msg)
			return res, fmt.Errorf("%s: %s", name, msg)
		}
		if err != nil {
			var pe *csv.ParseError
			var tl *LineTooLongError
			if errors.As(err, &tl) {
				diags.Errorf(Pos{name, tl.Line, 1}, "%v: the rest of the file is not read", tl)
				res.Rows++
				bad(Pos{name, tl.Line, 1}, tl.Error())
				return res, nil
			}
			if !errors.As(err, &pe) {
				return res, fmt.Errorf("reading %s: %w", name, err)
			}
			if pe.Line <= lastLine && pe.StartLine <= lastLine {
				break // no progress; the reader is stuck at the end
			}
			lastLine = max(pe.Line, pe.StartLine)
			res.Rows++
			pos := Pos{name, pe.StartLine, 1}
			msg := fmt.Sprintf("row is not valid CSV (line %d, column %d): %v", pe.Line, pe.Column, pe.Err)
			diags.Errorf(pos, "%s", msg)
			bad(pos, msg)
			continue
		}
		line, _ := cr.FieldPos(0)
		lastLine = line
		res.Rows++
		pos := Pos{name, line, 1}
		if len(row) != len(header) {
			msg := fmt.Sprintf("row has %d fields, the header has %d", len(row), len(header))
			diags.Errorf(pos, "%s", msg)
			bad(pos, msg)
			continue
		}
		rec := NewRecord(pos)
		ok := true
		for i, cell := range row {
			if keys[i] == "" {
				continue
			}
			l, c := cr.FieldPos(i)
			if !utf8.ValidString(cell) {
				msg := fmt.Sprintf("column %q is not valid UTF-8 or Shift_JIS text", header[i])
				diags.Errorf(Pos{name, l, c}, "%s", msg)
				bad(pos, msg)
				ok = false
				break
			}
			cell = strings.TrimSpace(cell)
			rec.Set(keys[i], Value{Text: cell, Pos: Pos{name, l, c}})
		}
		if ok {
			fn(rec)
		}
	}
	return res, nil
}
