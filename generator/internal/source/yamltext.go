package source

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
	"gopkg.in/yaml.v3"
)

// PosError is a problem at a position in an input file that stops the
// file from being read.
type PosError struct {
	Pos Pos
	Msg string
}

func (e *PosError) Error() string { return e.Pos.String() + ": " + e.Msg }

// ErrorAt returns where err happened and what it says without the place:
// the position of a *PosError, or line 1, column 1 of file for an error
// that names no place (its "file: " prefix removed).
func ErrorAt(file string, err error) (Pos, string) {
	var pe *PosError
	if errors.As(err, &pe) {
		return pe.Pos, pe.Msg
	}
	return Pos{file, 1, 1}, strings.TrimPrefix(err.Error(), file+": ")
}

// TextEncoding names the encoding of a YAML file as ParseYAML reads it:
// "utf-8", "utf-8-bom", "utf-16le", "utf-16be" or "cp932".
func TextEncoding(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return EncUTF8BOM
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		return EncUTF16LE
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return EncUTF16BE
	case utf8.Valid(data) || looksUTF8(data, false):
		return EncUTF8
	}
	return EncCP932
}

// yamlText returns the UTF-8 text of a YAML file. UTF-16 with a BOM and
// CP932 (Shift_JIS, as Japanese Windows editors save) are decoded; a file
// that is UTF-8 but for some bytes is an error at the first of them, as
// is a file valid in neither encoding.
func yamlText(name string, data []byte) ([]byte, error) {
	enc := TextEncoding(data)
	if enc != EncUTF16LE && enc != EncUTF16BE && utf16Name(data) != "" {
		return nil, &PosError{Pos{name, 1, 1}, "the file is UTF-16 without a byte order mark, which is not read: save it as UTF-8"}
	}
	switch enc {
	case EncUTF8BOM:
		return data[3:], nil
	case EncUTF16LE, EncUTF16BE:
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return nil, &PosError{Pos{name, 1, 1}, fmt.Sprintf("the file is %s and cannot be decoded: %v; save it as UTF-8", enc, err)}
		}
		return out, nil
	case EncUTF8:
		if utf8.Valid(data) {
			return data, nil
		}
		return nil, &PosError{firstBad(name, data), "a byte that is not valid UTF-8: the file is read as UTF-8; fix the character (or save the whole file as UTF-8)"}
	}
	out, err := japanese.ShiftJIS.NewDecoder().Bytes(data)
	if err == nil && !bytes.ContainsRune(out, utf8.RuneError) {
		return out, nil
	}
	// Report the place in the text as far as it decodes.
	pos := firstBad(name, out)
	if i := bytes.IndexRune(out, utf8.RuneError); i >= 0 {
		pos = posOf(name, out, i)
	}
	return nil, &PosError{pos, "the file is neither UTF-8 nor Shift_JIS (CP932): a byte sequence that is no character in either; save the file as UTF-8"}
}

// firstBad returns the position of the first invalid UTF-8 byte in data.
func firstBad(name string, data []byte) Pos {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return posOf(name, data, i)
		}
		i += n
	}
	return Pos{name, 1, 1}
}

// posOf returns the line and column (in characters) of byte offset i.
func posOf(name string, data []byte, i int) Pos {
	line := 1 + bytes.Count(data[:i], []byte("\n"))
	start := bytes.LastIndexByte(data[:i], '\n') + 1
	return Pos{name, line, 1 + utf8.RuneCount(data[start:i])}
}

// yamlLine matches yaml.v3's "line N: message".
var yamlLine = regexp.MustCompile(`^line (\d+): (.*)$`)

// yamlParserErrors are the messages of yaml.v3's parser (as opposed to
// its scanner), which it reports with 0-based line numbers.
var yamlParserErrors = []string{
	"did not find expected ',' or ']'", "did not find expected ',' or '}'", "did not find expected '-' indicator",
	"did not find expected <document start>", "did not find expected <stream-start>", "did not find expected key",
	"did not find expected node content", "found duplicate %TAG directive", "found duplicate %YAML directive",
	"found incompatible YAML document", "found undefined tag handle",
}

// yamlSyntaxError places a yaml.v3 error. yaml.v3 gives no column, and
// its line is often that of the enclosing block, counted from 0 by its
// parser: the line is found again as the shortest run of leading lines
// that fails with the same message, and the column is the line's first
// character that is not a space.
func yamlSyntaxError(name string, text []byte, err error) *PosError {
	line, msg := yamlMessage(err)
	starts := lineStarts(text)
	if len(text) <= maxReplace {
		fails := func(k int) bool {
			end := len(text)
			if k < len(starts) {
				end = starts[k]
			}
			var doc yaml.Node
			err := yaml.Unmarshal(text[:end], &doc)
			if err == nil {
				return false
			}
			_, m := yamlMessage(err)
			return m == msg
		}
		if k := sort.Search(len(starts), func(k int) bool { return fails(k + 1) }); k < len(starts) {
			line = k + 1
		}
	}
	line = min(max(line, 1), len(starts))
	l := text[starts[line-1]:]
	if i := bytes.IndexByte(l, '\n'); i >= 0 {
		l = l[:i]
	}
	col := 1 + utf8.RuneCount(l[:len(l)-len(bytes.TrimLeft(l, " "))])
	return &PosError{Pos{name, line, col}, "YAML syntax: " + msg}
}

// maxReplace bounds the YAML text whose syntax errors are placed by parsing
// it again; larger files keep yaml.v3's own line.
const maxReplace = 2 << 20

// yamlMessage splits a yaml.v3 error into its line (corrected for the
// parser's count from 0; 0 when absent) and message.
func yamlMessage(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	for _, p := range yamlParserErrors {
		if msg == p {
			line++
			break
		}
	}
	return line, msg
}

// lineStarts returns the offset where each line of text starts.
func lineStarts(text []byte) []int {
	starts := []int{0}
	for i, c := range text {
		if c == '\n' && i+1 < len(text) {
			starts = append(starts, i+1)
		}
	}
	return starts
}
