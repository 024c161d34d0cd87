package i18n

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// Diagnostics are written in English with fmt format strings, and those
// format strings are their message ids (gettext style): diagMessages maps
// each to its Japanese text. A message that was formatted before it
// reached the printer (a parser's reason inside a field's error, an error
// returned through several layers) is translated by matching it against
// the formats: the arguments are recovered from the English text and put
// into the Japanese one, nested messages translated in turn.

// diagPattern is one diagnostic format compiled for matching.
type diagPattern struct {
	format string
	// ja is the format's Japanese text.
	ja string
	re *regexp.Regexp
	// verbs are the format's verbs in argument order ('q', 's', 'd' …).
	verbs []byte
	// prefix is the literal text before the first verb.
	prefix string
}

var (
	patternsOnce sync.Once
	patterns     []diagPattern
)

// verbRE matches a fmt verb: flags, width, precision, an explicit
// argument index and the verb letter.
var verbRE = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

func compilePatterns() {
	for format, ja := range allDiagMessages() {
		if format == "%s" || format == "%v" {
			continue
		}
		var re strings.Builder
		re.WriteString(`^`)
		var verbs []byte
		last := 0
		locs := verbRE.FindAllStringIndex(format, -1)
		prefix := format
		if len(locs) > 0 {
			prefix = format[:locs[0][0]]
		}
		for i, loc := range locs {
			re.WriteString(regexp.QuoteMeta(format[last:loc[0]]))
			v := format[loc[1]-1]
			last = loc[1]
			switch v {
			case '%':
				re.WriteString(`%`)
				continue
			case 'q':
				re.WriteString(`("(?:[^"\\]|\\.)*"(?:\.\.\.)?|'(?:[^'\\]|\\.)*')`)
			case 'd':
				re.WriteString(`(-?\d+)`)
			case 'f', 'g', 'e':
				re.WriteString(`([-+0-9.eE]+|NaN|[-+]Inf)`)
			default: // s, v, x and the rest
				if i == len(locs)-1 && loc[1] == len(format) {
					re.WriteString(`(.*)`)
				} else {
					re.WriteString(`(.*?)`)
				}
			}
			verbs = append(verbs, v)
		}
		re.WriteString(regexp.QuoteMeta(format[last:]))
		re.WriteString(`$`)
		patterns = append(patterns, diagPattern{format: format, ja: ja, re: regexp.MustCompile("(?s)" + re.String()), verbs: verbs, prefix: prefix})
	}
	// Longer literal prefixes first: the most specific format wins.
	sortPatterns(patterns)
}

// allDiagMessages returns the catalogued diagnostics: those about the
// input's records and feeds, and those about the folder's entries.
func allDiagMessages() map[string]string {
	all := make(map[string]string, len(diagMessages)+len(fileMessages))
	for _, m := range []map[string]string{diagMessages, fileMessages} {
		for k, v := range m {
			all[k] = v
		}
	}
	return all
}

func sortPatterns(ps []diagPattern) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && less(ps[j], ps[j-1]); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

func less(a, b diagPattern) bool {
	if len(a.prefix) != len(b.prefix) {
		return len(a.prefix) > len(b.prefix)
	}
	if len(a.format) != len(b.format) {
		return len(a.format) > len(b.format)
	}
	return a.format < b.format
}

// Translate returns the diagnostic message s, formatted in English, in
// lang: ok is false when s matches no format of the catalogue (it is then
// returned as it is).
func Translate(lang Lang, s string) (string, bool) {
	if lang == EN {
		return s, true
	}
	return translate(lang, s, 0)
}

func translate(lang Lang, s string, depth int) (string, bool) {
	if depth > 8 {
		return s, false
	}
	patternsOnce.Do(compilePatterns)
	for _, p := range patterns {
		if !strings.HasPrefix(s, p.prefix) {
			continue
		}
		m := p.re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		args := m[1:]
		for i, v := range p.verbs {
			if v == 's' || v == 'v' {
				if t, ok := translate(lang, args[i], depth+1); ok {
					args[i] = t
				}
			}
		}
		return fill(p.ja, args), true
	}
	return s, false
}

// fill puts the recovered arguments, already formatted, into the
// translated format, following its explicit argument indexes.
func fill(format string, args []string) string {
	var b strings.Builder
	next := 0
	last := 0
	for _, loc := range verbRE.FindAllStringSubmatchIndex(format, -1) {
		b.WriteString(format[last:loc[0]])
		last = loc[1]
		if format[loc[1]-1] == '%' {
			b.WriteByte('%')
			continue
		}
		if loc[2] >= 0 {
			n, _ := strconv.Atoi(format[loc[2]+1 : loc[3]-1])
			next = n - 1
		}
		if next >= 0 && next < len(args) {
			b.WriteString(args[next])
		}
		next++
	}
	b.WriteString(format[last:])
	return b.String()
}

// diag turns the English → Japanese table into catalogue entries.
func diag(m map[string]string) map[string]Text {
	out := make(map[string]Text, len(m))
	for en, ja := range m {
		out[en] = Text{JA: ja, EN: en}
	}
	return out
}

// TranslateLine translates a diagnostic line or a rejection reason printed
// in English ("file:line:col: severity: message" or "file:line:col:
// message") into lang, keeping its position and severity; a line whose
// message matches no catalogue format is returned as it is.
func TranslateLine(lang Lang, line string) string {
	if lang == EN {
		return line
	}
	for _, sep := range []string{": error: ", ": warning: "} {
		if i := strings.Index(line, sep); i >= 0 {
			if t, ok := Translate(lang, line[i+len(sep):]); ok {
				return line[:i+len(sep)] + t
			}
			return line
		}
	}
	// A reason: the position is the text before the first ": " that
	// follows a digit (file:line:col).
	for i := 0; i+2 < len(line); i++ {
		if line[i] == ':' && line[i+1] == ' ' && i > 0 && line[i-1] >= '0' && line[i-1] <= '9' {
			if t, ok := Translate(lang, line[i+2:]); ok {
				return line[:i+2] + t
			}
			break
		}
	}
	if t, ok := Translate(lang, line); ok {
		return t
	}
	return line
}
