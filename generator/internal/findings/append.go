package findings

import (
	"math"
	"strconv"
	"unicode/utf8"

	"vulnreport/generator/internal/model"
)

// appendElement appends the encoding of f exactly as encoding/json writes
// it as an element of the findings list (an Encoder with SetIndent("    ",
// "  ") and SetEscapeHTML(false), without its final newline), an order of
// magnitude faster than by reflection. FuzzAppendElement checks it against
// encoding/json. ok is false for what it does not handle (a CVSS or EPSS
// that is not a finite number): the caller then uses encoding/json, which
// reports the error.
func appendElement(b []byte, f *Finding) ([]byte, bool) {
	e := element{b: append(b, '{')}
	e.str(`"key": `, f.Key)
	e.str(`"kind": `, string(f.Kind))
	e.str(`"system": `, f.System)
	e.str(`"product": `, f.Product)
	e.str(`"version": `, f.Version)
	e.name(`"hosts": `)
	e.b = strconv.AppendInt(e.b, int64(f.Hosts), 10)
	e.str(`"advisory": `, f.Advisory)
	e.name(`"aliases": `)
	e.list(len(f.Aliases), f.Aliases == nil, func(i int) { e.b = appendJSONString(e.b, f.Aliases[i]) })
	if f.Clause != "" {
		e.str(`"clause": `, f.Clause)
	}
	if f.Scheme != "" {
		e.str(`"scheme": `, f.Scheme)
	}
	if f.NeedsConfirmation {
		e.name(`"needs_confirmation": true`)
	}
	if f.Confirm != "" {
		e.str(`"confirm": `, f.Confirm)
	}
	if f.Note != "" {
		e.str(`"note": `, f.Note)
	}
	if len(f.Scanners) > 0 {
		e.name(`"scanners": `)
		e.list(len(f.Scanners), false, func(i int) { e.scanner(&f.Scanners[i]) })
	}
	if !e.number(`"cvss": `, f.CVSS) {
		return e.b, false
	}
	if f.CVSSVersion != "" {
		e.str(`"cvss_version": `, f.CVSSVersion)
	}
	e.str(`"severity": `, f.Severity)
	e.boolean(`"exploited": `, f.Exploited)
	e.boolean(`"kev": `, f.KEV)
	if f.KEVDue != "" {
		e.str(`"kev_due": `, f.KEVDue)
	}
	if !e.number(`"epss": `, f.EPSS) {
		return e.b, false
	}
	e.str(`"priority": `, f.Priority.String())
	e.name(`"reasons": `)
	e.list(len(f.Reasons), f.Reasons == nil, func(i int) { e.reason(&f.Reasons[i]) })
	e.str(`"first_seen": `, f.FirstSeen)
	e.str(`"due": `, f.Due)
	e.str(`"due_source": `, f.DueSource)
	e.str(`"stage": `, string(f.Stage))
	e.str(`"action": `, f.Action)
	if f.Owner != "" {
		e.str(`"owner": `, f.Owner)
	}
	e.str(`"state": `, string(f.State))
	e.boolean(`"overdue": `, f.Overdue)
	e.str(`"lifecycle": `, string(f.Lifecycle))
	return append(e.b, "\n    }"...), true
}

// Line starts at each depth inside a list element: the list's prefix
// "    " and two spaces a level.
const (
	depth1 = "\n      "
	depth2 = "\n        "
	depth3 = "\n          "
	depth4 = "\n            "
)

// element writes the members of one finding's object.
type element struct {
	b       []byte
	members int
}

// name starts a member: the comma after the previous one, the line and
// the quoted name with its colon.
func (e *element) name(name string) {
	if e.members > 0 {
		e.b = append(e.b, ',')
	}
	e.members++
	e.b = append(e.b, depth1...)
	e.b = append(e.b, name...)
}

func (e *element) str(name, v string) {
	e.name(name)
	e.b = appendJSONString(e.b, v)
}

func (e *element) boolean(name string, v bool) {
	e.name(name)
	e.b = strconv.AppendBool(e.b, v)
}

// number writes a number or null; false when it is not finite.
func (e *element) number(name string, p *float64) bool {
	e.name(name)
	var ok bool
	e.b, ok = appendNumber(e.b, p)
	return ok
}

// list writes a list member's value: null, [] or one item a line.
func (e *element) list(n int, null bool, item func(i int)) {
	switch {
	case null:
		e.b = append(e.b, "null"...)
	case n == 0:
		e.b = append(e.b, "[]"...)
	default:
		e.b = append(e.b, '[')
		for i := range n {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.b = append(e.b, depth2...)
			item(i)
		}
		e.b = append(e.b, depth1+"]"...)
	}
}

// reason writes one reason object: its code and its text in ja and en.
func (e *element) reason(r *model.Reason) {
	e.b = append(e.b, "{"+depth3+`"code": `...)
	e.b = appendJSONString(e.b, r.Code)
	e.b = append(e.b, ","+depth3+`"text": `...)
	if r.Text.JA == "" && r.Text.EN == "" {
		e.b = append(e.b, "{}"...)
	} else {
		e.b = append(e.b, '{')
		if r.Text.JA != "" {
			e.b = append(e.b, depth4+`"ja": `...)
			e.b = appendJSONString(e.b, r.Text.JA)
			if r.Text.EN != "" {
				e.b = append(e.b, ',')
			}
		}
		if r.Text.EN != "" {
			e.b = append(e.b, depth4+`"en": `...)
			e.b = appendJSONString(e.b, r.Text.EN)
		}
		e.b = append(e.b, depth3+"}"...)
	}
	e.b = append(e.b, depth2+"}"...)
}

// scanner writes one scanner object.
func (e *element) scanner(s *Scanner) {
	e.b = append(e.b, "{"+depth3+`"scanner": `...)
	e.b = appendJSONString(e.b, s.Scanner)
	e.b = append(e.b, ","+depth3+`"file": `...)
	e.b = appendJSONString(e.b, s.File)
	if s.Confidence != "" {
		e.b = append(e.b, ","+depth3+`"confidence": `...)
		e.b = appendJSONString(e.b, s.Confidence)
	}
	if s.LowConfidence {
		e.b = append(e.b, ","+depth3+`"low_confidence": true`...)
	}
	e.b = append(e.b, depth2+"}"...)
}

// appendNumber appends a float as encoding/json does, or null; false for
// NaN and infinities, which JSON cannot hold.
func appendNumber(b []byte, p *float64) ([]byte, bool) {
	if p == nil {
		return append(b, "null"...), true
	}
	f := *p
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return b, false
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9, as encoding/json does
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, true
}

// appendJSONString appends s quoted as encoding/json does without HTML
// escaping: invalid UTF-8 becomes U+FFFD, U+2028 and U+2029 are escaped.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
