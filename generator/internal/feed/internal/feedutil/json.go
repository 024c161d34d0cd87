// Package feedutil holds what the feed readers share: byte offsets turned
// into file positions, streaming of large JSON arrays with the position of
// every element, JSON errors that name line and column, CVSS data checked
// against its vector, and the conversion of NVD and CVE 5 version data into
// the contract's range expressions.
package feedutil

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"unicode/utf8"

	"vulnreport/generator/internal/source"
)

// Lines turns byte offsets of one file into 1-based positions. Offsets
// asked in increasing order cost only the distance between them, lines and
// columns alike, so a reader may ask for the position of every record of a
// large file, even one written on a single line (minified JSON).
type Lines struct {
	name      string
	data      []byte
	off       int // offset scanned up to: a character boundary of its line
	line      int // line of off
	lineStart int // offset where that line starts
	col       int // characters from lineStart to off
}

// NewLines returns a position finder for data, the contents of file name.
func NewLines(name string, data []byte) *Lines {
	return &Lines{name: name, data: data, line: 1}
}

// Name returns the file name positions carry.
func (l *Lines) Name() string { return l.name }

// LineCol returns the line and column (in characters) of byte offset off.
// The column is the number of characters (as utf8.RuneCount counts them)
// between the start of the line and off, plus one.
func (l *Lines) LineCol(off int) (line, col int) {
	off = max(0, min(off, len(l.data)))
	if off < l.off {
		l.off, l.line, l.lineStart, l.col = 0, 1, 0, 0
	}
	if i := bytes.LastIndexByte(l.data[l.off:off], '\n'); i >= 0 {
		l.line += bytes.Count(l.data[l.off:l.off+i+1], []byte{'\n'})
		l.lineStart = l.off + i + 1
		l.off, l.col = l.lineStart, 0
	}
	// Count whole characters up to off; a character that off cuts in two
	// counts, as utf8.RuneCount counts it, one per byte before off, and
	// is counted again from its start on the next call.
	for l.off < off {
		if l.data[l.off] < utf8.RuneSelf {
			l.off++
			l.col++
			continue
		}
		_, n := utf8.DecodeRune(l.data[l.off:])
		if l.off+n > off {
			break
		}
		l.off += n
		l.col++
	}
	return l.line, l.col + (off - l.off) + 1
}

// Pos returns the position of byte offset off.
func (l *Lines) Pos(off int) source.Pos {
	line, col := l.LineCol(off)
	return source.Pos{File: l.name, Line: line, Col: col}
}

// OffsetError is an error at a byte offset of the file being read.
type OffsetError struct {
	// Off is the byte offset of the problem; Msg says what it is.
	Off int
	Msg string
}

// Error returns the message with the byte offset; [FileError] turns the
// offset into line and column.
func (e *OffsetError) Error() string { return fmt.Sprintf("at byte %d: %s", e.Off, e.Msg) }

// TrailingError is an error found after the streamed array was read
// completely: every element was delivered, and only what follows the array
// is broken. Readers may keep the elements and report the error.
type TrailingError struct {
	*OffsetError
}

// Unwrap returns the *OffsetError.
func (e *TrailingError) Unwrap() error { return e.OffsetError }

// FileError describes an error that makes a whole file unreadable, naming
// the line and column where it was found and what was expected there.
// err may come from encoding/json (a syntax, type or end-of-input error),
// from Stream, or be an *OffsetError; expected says what the file should
// be ("a CISA KEV catalog").
func FileError(data []byte, err error, expected string) error {
	off := -1
	msg := err.Error()
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	var oe *OffsetError
	switch {
	case errors.As(err, &oe):
		off, msg = oe.Off, oe.Msg
	case errors.As(err, &se) && int(se.Offset) >= len(data) && strings.Contains(se.Error(), "end of JSON input"):
		off, msg = len(data), "unexpected end of file: the file is truncated"
	case errors.As(err, &se):
		// json.Unmarshal counts the offending byte as read.
		off = max(0, int(se.Offset)-1)
	case errors.As(err, &te):
		off = int(te.Offset)
		msg = typeMessage(te)
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		off, msg = len(data), "unexpected end of file: the file is truncated"
	}
	if off < 0 {
		return fmt.Errorf("%s; expected %s", msg, expected)
	}
	line, col := NewLines("", data).LineCol(off)
	return fmt.Errorf("not readable at %d:%d: %s; expected %s", line, col, msg, expected)
}

// typeMessage says which field held the wrong kind of JSON value.
func typeMessage(te *json.UnmarshalTypeError) string {
	want := "a value of another kind"
	if te.Type != nil {
		switch te.Type.Kind() {
		case reflect.String:
			want = "a string"
		case reflect.Bool:
			want = "true or false"
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8,
			reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
			want = "a number"
		case reflect.Slice, reflect.Array:
			want = "an array"
		case reflect.Struct, reflect.Map, reflect.Pointer:
			want = "an object"
		}
	}
	if te.Field == "" {
		return fmt.Sprintf("the record is JSON %s where %s was expected", te.Value, want)
	}
	return fmt.Sprintf("field %q is JSON %s where %s was expected", te.Field, te.Value, want)
}

// RecordError describes why one JSON record, at byte offset off of the
// file, could not be decoded. The position is the record's: the offsets
// encoding/json gives inside a record depend on how it was read.
func RecordError(lines *Lines, off int, err error) (source.Pos, string) {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te):
		return lines.Pos(off), typeMessage(te)
	case errors.As(err, &se):
		return lines.Pos(off + int(se.Offset) - 1), se.Error()
	}
	return lines.Pos(off), err.Error()
}

// Kind returns the first significant byte of data after white space and
// a UTF-8 byte order mark: '{', '[', '<', or another byte; 0 when empty.
func Kind(data []byte) byte {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.TrimLeft(data, " \t\r\n")
	if len(data) == 0 {
		return 0
	}
	return data[0]
}

// Stream reads data as JSON. When path is empty the document must be an
// array; otherwise it must be an object and path names the keys leading to
// the array to stream ("feed", "entry"). elem is called for each element of
// that array with its byte offset and raw bytes. The other members of the
// top-level object are returned in top; found reports whether the array
// was present. A syntax error or a value of the wrong kind along the path
// is returned as an *OffsetError, or as a *TrailingError when it comes
// after the array was read to its end.
func Stream(data []byte, path []string, elem func(off int, raw json.RawMessage)) (top map[string]json.RawMessage, found bool, err error) {
	return stream(data, path, func(off int, dec *json.Decoder) error {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return err
		}
		elem(off, raw)
		return nil
	})
}

// Each is like [Stream] but decodes every element straight into a new T,
// which avoids copying and scanning each element twice. fn gets the
// element's offset, the value and, when the element does not fit T, the
// *json.UnmarshalTypeError (its Offset relative to the element); the
// element is then to be rejected, and the stream goes on.
func Each[T any](data []byte, path []string, fn func(off int, v *T, err error)) (top map[string]json.RawMessage, found bool, err error) {
	return stream(data, path, func(off int, dec *json.Decoder) error {
		v := new(T)
		err := dec.Decode(v)
		var te *json.UnmarshalTypeError
		if err != nil && !errors.As(err, &te) {
			return err
		}
		fn(off, v, err)
		return nil
	})
}

func stream(data []byte, path []string, elem func(off int, dec *json.Decoder) error) (top map[string]json.RawMessage, found bool, err error) {
	base := 0
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		base = 3
	}
	s := &streamer{data: data[base:], base: base, dec: json.NewDecoder(bytes.NewReader(data[base:])), elem: elem}
	s.dec.UseNumber()
	top = map[string]json.RawMessage{}
	if len(path) == 0 {
		if err := s.expect('[', "a JSON array"); err != nil {
			return nil, false, err
		}
		return top, true, s.array()
	}
	found, err = s.object(path, top)
	if err == nil {
		if _, terr := s.dec.Token(); terr != io.EOF {
			err = &OffsetError{Off: s.skip(int(s.dec.InputOffset())), Msg: "unexpected data after the end of the JSON document"}
		}
	}
	var oe *OffsetError
	if err != nil && errors.As(err, &oe) {
		oe.Off += base
		if s.done {
			err = &TrailingError{oe}
		}
	}
	return top, found, err
}

type streamer struct {
	data []byte
	base int // bytes skipped before data (a byte order mark)
	dec  *json.Decoder
	elem func(int, *json.Decoder) error
	done bool // the streamed array was read to its end
}

// skip returns the offset of the next value after white space and commas.
func (s *streamer) skip(off int) int {
	for off < len(s.data) {
		switch s.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

// wrap turns a decoder error into an *OffsetError.
func (s *streamer) wrap(err error) error {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		// The decoder's offsets depend on its buffering; scanning the
		// whole input again finds the same first error at its exact place.
		var raw json.RawMessage
		var exact *json.SyntaxError
		if e := json.Unmarshal(s.data, &raw); errors.As(e, &exact) {
			if int(exact.Offset) >= len(s.data) && strings.Contains(exact.Error(), "end of JSON input") {
				return &OffsetError{Off: len(s.data), Msg: "unexpected end of file: the file is truncated"}
			}
			return &OffsetError{Off: max(0, int(exact.Offset)-1), Msg: exact.Error()}
		}
		return &OffsetError{Off: int(se.Offset), Msg: se.Error()}
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return &OffsetError{Off: len(s.data), Msg: "unexpected end of file: the file is truncated"}
	}
	return &OffsetError{Off: int(s.dec.InputOffset()), Msg: err.Error()}
}

func (s *streamer) expect(d json.Delim, what string) error {
	off := s.skip(int(s.dec.InputOffset()))
	tok, err := s.dec.Token()
	if err != nil {
		return s.wrap(err)
	}
	if got, ok := tok.(json.Delim); !ok || got != d {
		return &OffsetError{Off: off, Msg: fmt.Sprintf("found %s where %s was expected", describe(tok), what)}
	}
	return nil
}

func describe(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			return "an object"
		case '[':
			return "an array"
		}
		return fmt.Sprintf("%q", string(t))
	case string:
		return "a string"
	case json.Number, float64:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return "a value"
}

func (s *streamer) object(path []string, top map[string]json.RawMessage) (bool, error) {
	what := "a JSON object"
	if top == nil {
		what = fmt.Sprintf("an object as the value of %q", path[0])
	}
	if err := s.expect('{', what); err != nil {
		return false, err
	}
	found := false
	for s.dec.More() {
		tok, err := s.dec.Token()
		if err != nil {
			return found, s.wrap(err)
		}
		key, _ := tok.(string)
		switch {
		case key == path[0] && !found && len(path) == 1:
			found = true
			if err := s.expect('[', fmt.Sprintf("an array as the value of %q", key)); err != nil {
				return found, err
			}
			if err := s.array(); err != nil {
				return found, err
			}
		case key == path[0] && !found:
			f, err := s.object(path[1:], nil)
			if err != nil {
				return f, err
			}
			found = f
		default:
			var raw json.RawMessage
			if err := s.dec.Decode(&raw); err != nil {
				return found, s.wrap(err)
			}
			if top != nil {
				top[key] = raw
			}
		}
	}
	_, err := s.dec.Token() // '}'
	if err != nil {
		return found, s.wrap(err)
	}
	return found, nil
}

func (s *streamer) array() error {
	for s.dec.More() {
		off := s.skip(int(s.dec.InputOffset()))
		if err := s.elem(s.base+off, s.dec); err != nil {
			return s.wrap(err)
		}
	}
	if _, err := s.dec.Token(); err != nil { // ']'
		return s.wrap(err)
	}
	s.done = true
	return nil
}
