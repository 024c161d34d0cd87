package version

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxLen is the longest version text Parse accepts, in bytes.
const maxLen = 256

// segment is one release segment in normalised form.
type segment struct {
	// num is the leading number without leading zeros; "" is zero.
	num string
	// suffix holds the rest of the segment as alternating runs, starting
	// with letters: letter runs in lower case, digit runs without
	// leading zeros. Both kinds compare shortest first, then bytewise.
	suffix []string
}

// ident is one pre-release identifier in normalised form.
type ident struct {
	s       string // lower-case letters, or digits without leading zeros
	numeric bool
}

// parseError formats the error for text that is not a version.
func parseError(s, format string, args ...any) error {
	return fmt.Errorf("%s: not a version: %s", quote(s), fmt.Sprintf(format, args...))
}

// quote quotes s for an error message, shortening long text.
func quote(s string) string {
	const limit = 64
	if len(s) > limit {
		return strconv.Quote(s[:limit]) + "..."
	}
	return strconv.Quote(s)
}

func isDigit(b byte) bool  { return '0' <= b && b <= '9' }
func isLetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }
func isAlnum(b byte) bool  { return isDigit(b) || isLetter(b) }

// allDigits reports whether s is non-empty and only digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// trimZeros strips leading zeros from a digit string; "0" becomes "".
func trimZeros(s string) string { return strings.TrimLeft(s, "0") }

// isPreWord reports whether w (lower case) is a word that starts a
// pre-release when it appears in a release segment.
func isPreWord(w string) bool {
	switch w {
	case "alpha", "beta", "rc", "cr", "pre", "preview", "dev", "snapshot", "milestone":
		return true
	}
	return false
}

// isReleaseWord reports whether w (lower case) marks a final release.
func isReleaseWord(w string) bool {
	return w == "release" || w == "final" || w == "ga"
}

// checkChars rejects white space, control characters, non-ASCII and
// punctuation that can never be part of a version. It returns a reason,
// or "" when t is acceptable.
func checkChars(t string) string {
	for i := 0; i < len(t); i++ {
		b := t[i]
		switch {
		case b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\v' || b == '\f':
			return fmt.Sprintf(`white space at byte %d; a version is a single word such as "1.2.3"`, i)
		case b < 0x20 || b == 0x7f:
			return fmt.Sprintf("control character %U at byte %d", rune(b), i)
		case b >= utf8.RuneSelf:
			r, _ := utf8.DecodeRuneInString(t[i:])
			if r == utf8.RuneError {
				return fmt.Sprintf("invalid UTF-8 byte %#x at byte %d; expected ASCII letters, digits and . _ - ~ + :", b, i)
			}
			return fmt.Sprintf("non-ASCII character %q at byte %d; expected ASCII letters, digits and . _ - ~ + :", r, i)
		case isAlnum(b) || strings.IndexByte("._-~+:*", b) >= 0:
		default:
			return fmt.Sprintf("unexpected character %q at byte %d; expected letters, digits and . _ - ~ + :", b, i)
		}
	}
	return ""
}

// parse implements Parse.
func parse(s string) (Version, error) {
	if len(s) > maxLen {
		return Version{}, parseError(s, "%d characters, longer than the limit of %d", len(s), maxLen)
	}
	t := strings.TrimSpace(s)
	if t == "" {
		return Version{}, parseError(s, `empty; expected a version such as "1.2.3"`)
	}
	if msg := checkChars(t); msg != "" {
		return Version{}, parseError(t, "%s", msg)
	}
	v := Version{text: t, valid: true}
	core := t
	if i := strings.IndexByte(core, '+'); i >= 0 {
		build := core[i+1:]
		if build == "" {
			return Version{}, parseError(t, `nothing after '+'; build metadata looks like "1.0+build5"`)
		}
		for j := 0; j < len(build); j++ {
			if !isAlnum(build[j]) && strings.IndexByte(".-_+", build[j]) < 0 {
				return Version{}, parseError(t, "build metadata %q has unexpected character %q; expected letters, digits and . _ - +", build, build[j])
			}
		}
		core = core[:i]
	}
	if i := strings.IndexByte(core, ':'); i >= 0 {
		if !allDigits(core[:i]) {
			return Version{}, parseError(t, `epoch %q before ':' is not a number; an epoch looks like "1:2.3"`, core[:i])
		}
		v.epoch = trimZeros(core[:i])
		core = core[i+1:]
		if strings.IndexByte(core, ':') >= 0 {
			return Version{}, parseError(t, `more than one ':'; only an epoch such as "1:" may precede the version`)
		}
	}
	if len(core) >= 2 && (core[0] == 'v' || core[0] == 'V') && isDigit(core[1]) {
		core = core[1:]
	}
	core = numericBuilds(core)
	rel, preText, hasPre, sep := core, "", false, byte(0)
	if i := strings.IndexAny(core, "-~"); i >= 0 {
		rel, preText, hasPre, sep = core[:i], core[i+1:], true, core[i]
	}
	segs, attached, msg := parseRelease(rel)
	if msg != "" {
		return Version{}, parseError(t, "%s", msg)
	}
	if attached >= 0 {
		// A pre-release word inside the release starts the pre-release,
		// which then runs to the end of the core, separators included.
		preText, hasPre, sep = core[attached:], true, 0
	}
	v.rel = segs
	if hasPre {
		if preText == "" {
			return Version{}, parseError(t, `nothing after %q; a pre-release looks like "2.0.0-rc1"`, sep)
		}
		if !isReleaseWord(strings.ToLower(preText)) {
			ids, msg := parsePre(preText)
			if msg != "" {
				return Version{}, parseError(t, "%s", msg)
			}
			v.pre = ids
		}
	}
	return v, nil
}

// parseRelease splits the release part into segments. When a segment
// holds a pre-release word, parsing stops there and attached is the byte
// offset in rel where the pre-release begins; otherwise attached is -1.
// A non-empty msg explains why rel is not a release.
func parseRelease(rel string) (segs []segment, attached int, msg string) {
	start, last := 0, ""
	for i := 0; i <= len(rel); i++ {
		if i < len(rel) && rel[i] != '.' && rel[i] != '_' {
			continue
		}
		seg := rel[start:i]
		switch {
		case seg == "x" || seg == "X" || seg == "*":
			return nil, -1, wildcard(seg, rel[:start])
		case start == 0 && (seg == "" || !isDigit(seg[0])):
			return nil, -1, `must start with a digit (optionally after "v"), as in "1.2.3"`
		case seg == "":
			return nil, -1, fmt.Sprintf("empty segment at byte %d; segments are separated by single '.' or '_'", start)
		}
		for j := 0; j < len(seg); j++ {
			if !isAlnum(seg[j]) {
				return nil, -1, fmt.Sprintf("segment %q has unexpected character %q; a segment is a number optionally followed by letters, as in \"2k\"", seg, seg[j])
			}
		}
		if d, ok := preWordSegment(seg); ok {
			if d != "" {
				segs = append(segs, segment{num: trimZeros(d)})
			}
			return segs, start + len(d), ""
		}
		segs = append(segs, parseSegment(seg))
		start, last = i+1, seg
	}
	if len(segs) > 1 && isReleaseWord(strings.ToLower(last)) {
		segs = segs[:len(segs)-1]
	}
	return segs, -1, ""
}

// wildcard explains that seg is a wildcard, suggesting a range for the
// release line given by prefix (the release text before the wildcard,
// ending in a separator, or "").
func wildcard(seg, prefix string) string {
	line := strings.TrimRight(prefix, "._")
	suggest := `"*"`
	if i := strings.LastIndexAny(line, "._"); allDigits(line[i+1:]) {
		next := line[:i+1] + increment(line[i+1:])
		suggest = strconv.Quote(">=" + line + " <" + next)
	}
	return fmt.Sprintf("segment %q is a wildcard; write a range such as %s instead", seg, suggest)
}

// increment adds one to a decimal digit string.
func increment(d string) string {
	b := []byte(d)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < '9' {
			b[i]++
			return string(b)
		}
		b[i] = '0'
	}
	return "1" + string(b)
}

// preWordSegment reports whether seg is an optional number followed by a
// pre-release word and optional digits, or "m" followed by digits, and
// returns the number's digits.
func preWordSegment(seg string) (digits string, ok bool) {
	i := 0
	for i < len(seg) && isDigit(seg[i]) {
		i++
	}
	j := i
	for j < len(seg) && isLetter(seg[j]) {
		j++
	}
	if j == i || (j < len(seg) && !allDigits(seg[j:])) {
		return "", false
	}
	w := strings.ToLower(seg[i:j])
	if isPreWord(w) || (w == "m" && i == 0 && j < len(seg)) {
		return seg[:i], true
	}
	return "", false
}

// parseSegment normalises a release segment of letters and digits.
func parseSegment(seg string) segment {
	i := 0
	for i < len(seg) && isDigit(seg[i]) {
		i++
	}
	s := segment{num: trimZeros(seg[:i])}
	for i < len(seg) {
		j := i
		if isLetter(seg[i]) {
			for j < len(seg) && isLetter(seg[j]) {
				j++
			}
			s.suffix = append(s.suffix, strings.ToLower(seg[i:j]))
		} else {
			for j < len(seg) && isDigit(seg[j]) {
				j++
			}
			s.suffix = append(s.suffix, trimZeros(seg[i:j]))
		}
		i = j
	}
	return s
}

// parsePre splits a pre-release tag into identifiers, or explains why it
// is malformed.
func parsePre(text string) ([]ident, string) {
	var ids []ident
	start := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) && strings.IndexByte(".-_~", text[i]) < 0 {
			continue
		}
		part := text[start:i]
		if part == "" {
			return nil, fmt.Sprintf("empty identifier in pre-release %q; identifiers are separated by single '.', '-', '_' or '~'", text)
		}
		for k := 0; k < len(part); {
			if !isAlnum(part[k]) {
				return nil, fmt.Sprintf("pre-release %q has unexpected character %q; expected letters and digits as in \"rc.1\"", text, part[k])
			}
			j := k
			if isDigit(part[k]) {
				for j < len(part) && isDigit(part[j]) {
					j++
				}
				ids = append(ids, ident{s: trimZeros(part[k:j]), numeric: true})
			} else {
				for j < len(part) && isLetter(part[j]) {
					j++
				}
				ids = append(ids, ident{s: strings.ToLower(part[k:j])})
			}
			k = j
		}
		start = i + 1
	}
	return ids, ""
}

// numericBuilds turns each '-' that is directly followed by a digit into
// '.', before the pre-release is split off: "13.1-37.176" is Citrix build
// 37.176 of 13.1, a later version, not a pre-release. It stops at the
// first '-' or '~' that starts a real pre-release.
func numericBuilds(core string) string {
	b := []byte(core)
	for i := 0; i < len(b); i++ {
		if b[i] == '~' || b[i] == '-' && (i+1 >= len(b) || !isDigit(b[i+1])) {
			break
		}
		if b[i] == '-' && i > 0 && isDigit(b[i-1]) {
			b[i] = '.'
		}
	}
	return string(b)
}
