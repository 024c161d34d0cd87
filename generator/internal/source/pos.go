// Package source holds what every loader shares: positions in input files,
// diagnostics collected over a whole run, and the format-neutral Record that
// CSV rows and YAML mappings are both read into before an entity decoder
// turns them into typed values.
package source

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Pos is a 1-based position in an input file. Line or Col may be zero when
// unknown; String then leaves them out.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats the position as "file:line:col" (":col" left out when
// it is 0, ":line:col" when the line is).
func (p Pos) String() string {
	// strconv rather than fmt: a million findings each format a position.
	var b [24]byte
	return p.File + string(p.AppendSuffix(b[:0]))
}

// AppendSuffix appends what String writes after the file: ":line:col".
func (p Pos) AppendSuffix(b []byte) []byte {
	if p.Line == 0 {
		return b
	}
	b = strconv.AppendInt(append(b, ':'), int64(p.Line), 10)
	if p.Col != 0 {
		b = strconv.AppendInt(append(b, ':'), int64(p.Col), 10)
	}
	return b
}

// Compare orders positions by file, line and column.
func (p Pos) Compare(q Pos) int {
	return cmp.Or(strings.Compare(p.File, q.File), cmp.Compare(p.Line, q.Line), cmp.Compare(p.Col, q.Col))
}

// Severity says whether a diagnostic rejects a record or only warns.
type Severity int

// The severities, most serious first.
const (
	Error Severity = iota
	Warning
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem found in the input.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Msg      string
	// Cascade marks a summary of consequences, listed after the
	// diagnostics of the cause at the same position.
	Cascade bool
	// Key and Args, when Key is set, are the message's catalogue key and
	// arguments (see ErrorK); Msg is then their English text.
	Key  string
	Args []any
}

// String formats the diagnostic as "file:line:col: severity: message".
// A diagnostic about a whole file is placed at its line 1, column 1, so
// that every line has the one form editors and scripts read.
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s", d.where(), d.Severity, d.Msg)
}

// where is the diagnostic's position as printed: a whole file's at line 1,
// column 1.
func (d Diagnostic) where() Pos {
	p := d.Pos
	if p.File != "" {
		p.Line, p.Col = max(p.Line, 1), max(p.Col, 1)
	}
	return p
}

// Diagnostics collects the problems of a run. The zero value is ready to use.
type Diagnostics struct {
	list []Diagnostic
}

// Errorf records an error at pos.
func (d *Diagnostics) Errorf(pos Pos, format string, args ...any) {
	d.list = append(d.list, Diagnostic{Pos: pos, Severity: Error, Msg: fmt.Sprintf(format, args...)})
}

// Warnf records a warning at pos.
func (d *Diagnostics) Warnf(pos Pos, format string, args ...any) {
	d.list = append(d.list, Diagnostic{Pos: pos, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
}

// Cascadef records, at the position of a cause, an error summarising
// what it caused; it is listed after the cause.
func (d *Diagnostics) Cascadef(pos Pos, format string, args ...any) {
	d.list = append(d.list, Diagnostic{Pos: pos, Severity: Error, Msg: fmt.Sprintf(format, args...), Cascade: true})
}

// Add appends diagnostics collected elsewhere.
func (d *Diagnostics) Add(ds ...Diagnostic) { d.list = append(d.list, ds...) }

// Len returns the number of diagnostics collected.
func (d *Diagnostics) Len() int { return len(d.list) }

// Count returns how many diagnostics of severity s were collected.
func (d *Diagnostics) Count(s Severity) int {
	n := 0
	for _, x := range d.list {
		if x.Severity == s {
			n++
		}
	}
	return n
}

// Sorted returns the diagnostics ordered by position, severity and message.
func (d *Diagnostics) Sorted() []Diagnostic {
	out := slices.Clone(d.list)
	slices.SortStableFunc(out, func(a, b Diagnostic) int {
		return cmp.Or(a.Pos.Compare(b.Pos), compareBool(a.Cascade, b.Cascade), cmp.Compare(a.Severity, b.Severity), strings.Compare(a.Msg, b.Msg))
	})
	return out
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// Since returns the diagnostics added after the collector held n of them.
func (d *Diagnostics) Since(n int) []Diagnostic {
	if n >= len(d.list) {
		return nil
	}
	return d.list[n:]
}
