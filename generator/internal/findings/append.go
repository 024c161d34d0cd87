package findings

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// appendElement appends the encoding of f exactly as encoding/json writes
// it as an element of the findings list (an Encoder with SetIndent("    ",
// "  ") and SetEscapeHTML(false), without its final newline), an order of
// magnitude faster than by reflection. FuzzAppendElement checks it against
// encoding/json. ok is false for what it does not handle (a CVSS or EPSS
// that is not a finite number): the caller then uses encoding/json, which
// reports the error.
func appendElement(b []byte, f *Finding) (_ []byte, ok bool) {
	const in1, in2, in3, in4 = "\n      ", "\n        ", "\n          ", "\n            "
	str := func(b []byte, name, v string) []byte {
		b = append(b, in1...)
		b = append(b, name...)
		return appendJSONString(b, v)
	}
	boolean := func(b []byte, name string, v bool) []byte {
		b = append(b, in1...)
		b = append(b, name...)
		return strconv.AppendBool(b, v)
	}
	b = append(b, '{')
	b = str(b, `"key": `, f.Key)
	b = append(b, ',')
	b = str(b, `"kind": `, f.Kind)
	b = append(b, ',')
	b = str(b, `"system": `, f.System)
	b = append(b, ',')
	b = str(b, `"product": `, f.Product)
	b = append(b, ',')
	b = str(b, `"version": `, f.Version)
	b = append(b, ","+in1+`"hosts": `...)
	b = strconv.AppendInt(b, int64(f.Hosts), 10)
	b = append(b, ',')
	b = str(b, `"advisory": `, f.Advisory)
	b = append(b, ","+in1+`"aliases": `...)
	switch {
	case f.Aliases == nil:
		b = append(b, "null"...)
	case len(f.Aliases) == 0:
		b = append(b, "[]"...)
	default:
		b = append(b, '[')
		for i, a := range f.Aliases {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, in2...)
			b = appendJSONString(b, a)
		}
		b = append(b, in1+"]"...)
	}
	b = append(b, ',')
	if f.Clause != "" {
		b = str(b, `"clause": `, f.Clause)
		b = append(b, ',')
	}
	if f.NeedsConfirmation {
		b = boolean(b, `"needs_confirmation": `, true)
		b = append(b, ',')
	}
	if b, ok = appendNumber(append(b, in1+`"cvss": `...), f.CVSS); !ok {
		return b, false
	}
	b = append(b, ',')
	if f.CVSSVersion != "" {
		b = str(b, `"cvss_version": `, f.CVSSVersion)
		b = append(b, ',')
	}
	b = str(b, `"severity": `, f.Severity)
	b = append(b, ',')
	b = boolean(b, `"exploited": `, f.Exploited)
	b = append(b, ',')
	b = boolean(b, `"kev": `, f.KEV)
	b = append(b, ',')
	if f.KEVDue != "" {
		b = str(b, `"kev_due": `, f.KEVDue)
		b = append(b, ',')
	}
	if b, ok = appendNumber(append(b, in1+`"epss": `...), f.EPSS); !ok {
		return b, false
	}
	b = append(b, ',')
	b = str(b, `"priority": `, f.Priority)
	b = append(b, ","+in1+`"reasons": `...)
	switch {
	case f.Reasons == nil:
		b = append(b, "null"...)
	case len(f.Reasons) == 0:
		b = append(b, "[]"...)
	default:
		b = append(b, '[')
		for i, r := range f.Reasons {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, in2+"{"+in3+`"code": `...)
			b = appendJSONString(b, r.Code)
			b = append(b, ","+in3+`"text": `...)
			if r.Text.JA == "" && r.Text.EN == "" {
				b = append(b, "{}"...)
			} else {
				b = append(b, '{')
				if r.Text.JA != "" {
					b = append(b, in4+`"ja": `...)
					b = appendJSONString(b, r.Text.JA)
					if r.Text.EN != "" {
						b = append(b, ',')
					}
				}
				if r.Text.EN != "" {
					b = append(b, in4+`"en": `...)
					b = appendJSONString(b, r.Text.EN)
				}
				b = append(b, in3+"}"...)
			}
			b = append(b, in2+"}"...)
		}
		b = append(b, in1+"]"...)
	}
	b = append(b, ',')
	b = str(b, `"first_seen": `, f.FirstSeen)
	b = append(b, ',')
	b = str(b, `"due": `, f.Due)
	b = append(b, ',')
	b = str(b, `"due_source": `, f.DueSource)
	b = append(b, ',')
	b = str(b, `"stage": `, f.Stage)
	b = append(b, ',')
	b = str(b, `"action": `, f.Action)
	b = append(b, ',')
	if f.Owner != "" {
		b = str(b, `"owner": `, f.Owner)
		b = append(b, ',')
	}
	b = str(b, `"state": `, f.State)
	b = append(b, ',')
	b = boolean(b, `"overdue": `, f.Overdue)
	b = append(b, ',')
	b = str(b, `"lifecycle": `, f.Lifecycle)
	return append(b, "\n    }"...), true
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
