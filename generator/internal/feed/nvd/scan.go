package nvd

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// scanner reads JSON text for the fast reader (fast.go): only what the
// reader uses is kept, the rest is checked and skipped. It gives up
// (failed) on anything where it could differ from encoding/json — a
// syntax or type error, a duplicate or case-folded key, a null inside an
// array — and the caller then reads the file with encoding/json.
type scanner struct {
	data   []byte
	i      int
	failed bool
	// interned holds one copy of the keys and of the values that records
	// repeat (languages, CVSS vectors, CPE names, version bounds), so
	// that reading them again costs no allocation; it is bounded.
	interned map[string]string
	floats   map[string]float64
}

// maxInterned bounds the strings a scanner keeps one copy of.
const maxInterned = 1 << 17

// maxDepth bounds the nesting the scanner follows (encoding/json allows
// 10,000 levels; deeper input goes to it and fails there).
const maxDepth = 1000

func (s *scanner) fail() bool {
	s.failed = true
	return false
}

func (s *scanner) ws() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\r', '\n':
			s.i++
		default:
			return
		}
	}
}

// peek returns the next significant byte, 0 at the end.
func (s *scanner) peek() byte {
	s.ws()
	if s.i < len(s.data) {
		return s.data[s.i]
	}
	return 0
}

// lit consumes the literal word (true, false, null).
func (s *scanner) lit(word string) bool {
	if s.i+len(word) <= len(s.data) && string(s.data[s.i:s.i+len(word)]) == word {
		s.i += len(word)
		return true
	}
	return s.fail()
}

// null consumes a null if one comes next.
func (s *scanner) null() bool {
	if s.peek() == 'n' {
		return s.lit("null")
	}
	return false
}

// str reads a string, unquoted exactly as encoding/json unquotes it.
func (s *scanner) str() (string, bool) {
	start, plain, ok := s.rawStr()
	if !ok {
		return "", false
	}
	if plain {
		return string(s.data[start+1 : s.i-1]), true
	}
	return s.unquote(start)
}

// istr is str for strings records repeat: a plain string is returned as
// the copy kept from before when there is one.
func (s *scanner) istr() (string, bool) {
	start, plain, ok := s.rawStr()
	if !ok {
		return "", false
	}
	if !plain {
		return s.unquote(start)
	}
	raw := s.data[start+1 : s.i-1]
	if v, ok := s.interned[string(raw)]; ok {
		return v, true
	}
	v := string(raw)
	if s.interned == nil {
		s.interned = make(map[string]string)
	}
	if len(s.interned) < maxInterned {
		s.interned[v] = v
	}
	return v, true
}

// rawStr reads a string, from its opening quote at start to the end of
// its closing quote at s.i; plain is set when the text between them is
// the string itself (valid UTF-8 without escapes).
func (s *scanner) rawStr() (start int, plain, ok bool) {
	if s.peek() != '"' {
		return 0, false, s.fail()
	}
	start = s.i
	s.i++
	plain = true
	for s.i < len(s.data) {
		c := s.data[s.i]
		switch {
		case c == '"':
			s.i++
			raw := s.data[start+1 : s.i-1]
			return start, plain || utf8.Valid(raw) && !hasBackslash(raw), true
		case c == '\\':
			plain = false
			s.i += 2
		case c < 0x20:
			return 0, false, s.fail()
		case c >= utf8.RuneSelf:
			plain = false
			s.i++
		default:
			s.i++
		}
	}
	return 0, false, s.fail()
}

// unquote unquotes the string from start to s.i, which has escapes or
// invalid UTF-8, by encoding/json's own rules.
func (s *scanner) unquote(start int) (string, bool) {
	var out string
	if json.Unmarshal(s.data[start:s.i], &out) != nil {
		return "", s.fail()
	}
	return out, true
}

func hasBackslash(b []byte) bool {
	for _, c := range b {
		if c == '\\' {
			return true
		}
	}
	return false
}

// stringField reads a string, or null (leaving *dst as it is).
func (s *scanner) stringField(dst *string) bool {
	if s.null() {
		return true
	}
	v, ok := s.str()
	*dst = v
	return ok
}

// istringField is stringField for strings records repeat (see istr).
func (s *scanner) istringField(dst *string) bool {
	if s.null() {
		return true
	}
	v, ok := s.istr()
	*dst = v
	return ok
}

// boolField reads true or false, or null (leaving *dst as it is).
func (s *scanner) boolField(dst *bool) bool {
	switch s.peek() {
	case 'n':
		return s.lit("null")
	case 't':
		*dst = true
		return s.lit("true")
	case 'f':
		*dst = false
		return s.lit("false")
	}
	return s.fail()
}

// number reads a JSON number; its text is data[start:s.i].
func (s *scanner) number() (start int, ok bool) {
	start = s.i
	d := s.data
	if s.i < len(d) && d[s.i] == '-' {
		s.i++
	}
	digits := func() int {
		n := 0
		for s.i < len(d) && d[s.i] >= '0' && d[s.i] <= '9' {
			s.i++
			n++
		}
		return n
	}
	switch {
	case s.i < len(d) && d[s.i] == '0':
		s.i++
	case digits() == 0:
		return start, s.fail()
	}
	if s.i < len(d) && d[s.i] == '.' {
		s.i++
		if digits() == 0 {
			return start, s.fail()
		}
	}
	if s.i < len(d) && (d[s.i] == 'e' || d[s.i] == 'E') {
		s.i++
		if s.i < len(d) && (d[s.i] == '+' || d[s.i] == '-') {
			s.i++
		}
		if digits() == 0 {
			return start, s.fail()
		}
	}
	return start, true
}

// floatField reads a number into a new float64, or null (nil). The value
// of a number text read before is taken from floats.
func (s *scanner) floatField(dst **float64) bool {
	if s.null() {
		return true
	}
	if c := s.peek(); c != '-' && (c < '0' || c > '9') {
		return s.fail()
	}
	start, ok := s.number()
	if !ok {
		return false
	}
	f, seen := s.floats[string(s.data[start:s.i])]
	if !seen {
		var err error
		if f, err = strconv.ParseFloat(string(s.data[start:s.i]), 64); err != nil {
			return s.fail()
		}
		if s.floats == nil {
			s.floats = make(map[string]float64)
		}
		if len(s.floats) < maxInterned {
			s.floats[string(s.data[start:s.i])] = f
		}
	}
	*dst = &f
	return true
}

// object reads an object, calling member for each key with the scanner at
// its value; member must consume the value. seen guards against repeated
// keys among those member handles (it returns their bit, 0 for others).
func (s *scanner) object(member func(key string) (bit uint32, ok bool)) bool {
	if s.peek() != '{' {
		return s.fail()
	}
	s.i++
	var seen uint32
	if s.peek() == '}' {
		s.i++
		return true
	}
	for {
		key, ok := s.istr()
		if !ok {
			return false
		}
		if s.peek() != ':' {
			return s.fail()
		}
		s.i++
		s.ws()
		bit, ok := member(key)
		if !ok || s.failed {
			return s.fail()
		}
		if bit != 0 {
			if seen&bit != 0 {
				return s.fail()
			}
			seen |= bit
		}
		switch s.peek() {
		case ',':
			s.i++
		case '}':
			s.i++
			return true
		default:
			return s.fail()
		}
	}
}

// array reads an array or null, calling elem for each element (never for
// a null element: the scanner gives up on one).
func (s *scanner) array(elem func() bool) bool {
	if s.null() {
		return true
	}
	if s.peek() != '[' {
		return s.fail()
	}
	s.i++
	if s.peek() == ']' {
		s.i++
		return true
	}
	for {
		if s.peek() == 'n' || !elem() || s.failed {
			return s.fail()
		}
		switch s.peek() {
		case ',':
			s.i++
		case ']':
			s.i++
			return true
		default:
			return s.fail()
		}
	}
}

// skip checks and skips any value.
func (s *scanner) skip(depth int) bool {
	if depth > maxDepth {
		return s.fail()
	}
	switch c := s.peek(); {
	case c == '{':
		return s.object(func(string) (uint32, bool) { return 0, s.skip(depth + 1) })
	case c == '[':
		s.i++
		if s.peek() == ']' {
			s.i++
			return true
		}
		for {
			if !s.skip(depth + 1) {
				return false
			}
			switch s.peek() {
			case ',':
				s.i++
			case ']':
				s.i++
				return true
			default:
				return s.fail()
			}
		}
	case c == '"':
		start, plain, ok := s.rawStr()
		if ok && !plain {
			_, ok = s.unquote(start)
		}
		return ok
	case c == 't':
		return s.lit("true")
	case c == 'f':
		return s.lit("false")
	case c == 'n':
		return s.lit("null")
	case c == '-' || c >= '0' && c <= '9':
		_, ok := s.number()
		return ok
	}
	return s.fail()
}

// other skips the value of a key the reader does not use; a key that
// encoding/json would fold onto one of names gives up.
func (s *scanner) other(key string, names ...string) (uint32, bool) {
	for _, n := range names {
		if strings.EqualFold(key, n) {
			return 0, s.fail()
		}
	}
	for i := 0; i < len(key); i++ {
		if key[i] >= utf8.RuneSelf {
			return 0, s.fail()
		}
	}
	return 0, s.skip(0)
}
