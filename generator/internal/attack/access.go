package attack

import (
	"strings"
	"time"
)

// accessFields are the fields of an NCSA common or combined line: the
// optional virtual host ("" when absent), client, ident, user, time,
// request, status, bytes, Referer and User-Agent ("" when the line has
// no combined part), all as written.
type accessFields [10]string

// splitAccess splits a common or combined line, with an optional virtual
// host first and anything (%D, %T) after a space at the end, by hand: a
// regular expression per line was most of the time a month of logs took.
// It reads every line exactly as the expression
//
//	^(?:(\S+) )?(\S+) (\S+) (\S+) \[([^\]]+)\] "((?:[^"\\]|\\.)*)" (\d{3}|-) (\d+|-)(?: "((?:[^"\\]|\\.)*)" "((?:[^"\\]|\\.)*)")?(?: .*)?$
//
// would (its groups in order); FuzzSplitAccess holds it to that. The
// expression tries the virtual host first and, when the rest of the line
// does not fit, reads the line again without one; every other part of it
// has one reading at most, which the hand parser follows.
func splitAccess(s string) (accessFields, bool) {
	if f, ok := splitAccessFrom(s, true); ok {
		return f, true
	}
	return splitAccessFrom(s, false)
}

// isRegexpSpace is \s in Go's regular expressions: ASCII only, without \v.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func splitAccessFrom(s string, vhost bool) (f accessFields, ok bool) {
	i, first, n := 0, 1, 3
	if vhost {
		first, n = 0, 4
	}
	// space-separated tokens: each a whole run of non-space, then one ' '
	for k := range n {
		j := i
		for j < len(s) && !isRegexpSpace(s[j]) {
			j++
		}
		if j == i || j >= len(s) || s[j] != ' ' {
			return f, false
		}
		f[first+k] = s[i:j]
		i = j + 1
	}
	// [time]: up to the first ']', not empty
	if i >= len(s) || s[i] != '[' {
		return f, false
	}
	j := strings.IndexByte(s[i+1:], ']')
	if j <= 0 {
		return f, false
	}
	f[4] = s[i+1 : i+1+j]
	i += j + 2
	if !strings.HasPrefix(s[i:], ` "`) {
		return f, false
	}
	var q string
	if q, i, ok = quoted(s, i+2); !ok {
		return f, false
	}
	f[5] = q
	// status: three digits or "-"
	switch {
	case i+4 <= len(s) && s[i] == ' ' && isDigit(s[i+1]) && isDigit(s[i+2]) && isDigit(s[i+3]):
		f[6], i = s[i+1:i+4], i+4
	case i+2 <= len(s) && s[i] == ' ' && s[i+1] == '-':
		f[6], i = "-", i+2
	default:
		return f, false
	}
	// bytes: digits or "-"
	if i >= len(s) || s[i] != ' ' {
		return f, false
	}
	i++
	j = i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	switch {
	case j > i:
		f[7], i = s[i:j], j
	case i < len(s) && s[i] == '-':
		f[7], i = "-", i+1
	default:
		return f, false
	}
	// the rest: nothing, or a space and anything, with "referer" "agent"
	// read when they come first and are followed by the end or a space
	if i == len(s) {
		return f, true
	}
	if s[i] != ' ' {
		return f, false
	}
	if strings.HasPrefix(s[i:], ` "`) {
		if ref, k, ok := quoted(s, i+2); ok && strings.HasPrefix(s[k:], ` "`) {
			if ua, k2, ok := quoted(s, k+2); ok && (k2 == len(s) || s[k2] == ' ') {
				f[8], f[9] = ref, ua
			}
		}
	}
	return f, true
}

// quoted reads the text of a quoted field whose opening quote is before
// i: up to the first quote that no backslash escapes (a backslash takes
// the byte after it, whatever it is). next is the index after the
// closing quote.
func quoted(s string, i int) (text string, next int, ok bool) {
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '"':
			return s[i:j], j + 1, true
		case '\\':
			if j+1 >= len(s) || s[j+1] == '\n' {
				return "", 0, false
			}
			j++
		}
	}
	return "", 0, false
}

// accessTimeLayout is the time layout of common and combined logs.
const accessTimeLayout = "02/Jan/2006:15:04:05 -0700"

// months are the month abbreviations of accessTimeLayout.
var months = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// parseAccessTime is time.Parse(accessTimeLayout, s), with the same
// result, location included, and without its cost for the usual form
// ("03/Nov/2026:10:00:01 +0900"); anything else goes to time.Parse.
func parseAccessTime(s string) (time.Time, error) {
	if len(s) != 26 || s[2] != '/' || s[6] != '/' || s[11] != ':' || s[14] != ':' || s[17] != ':' || s[20] != ' ' ||
		(s[21] != '+' && s[21] != '-') {
		return time.Parse(accessTimeLayout, s)
	}
	num := func(a, b int) int {
		n := 0
		for k := a; k < b; k++ {
			if !isDigit(s[k]) {
				return -1
			}
			n = n*10 + int(s[k]-'0')
		}
		return n
	}
	day, year, hour, minute, sec := num(0, 2), num(7, 11), num(12, 14), num(15, 17), num(18, 20)
	zh, zm := num(22, 24), num(24, 26)
	month := 0
	for k, m := range months {
		if s[3:6] == m {
			month = k + 1
			break
		}
	}
	if month == 0 || day < 1 || day > daysIn(month, year) || year < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 ||
		sec < 0 || sec > 59 || zh < 0 || zh > 14 || zm < 0 || zm > 59 {
		return time.Parse(accessTimeLayout, s)
	}
	offset := (zh*60 + zm) * 60
	if s[21] == '-' {
		offset = -offset
	}
	// as time.Parse: the local zone when it has this offset at that
	// moment, otherwise an unnamed fixed zone
	t := time.Date(year, time.Month(month), day, hour, minute, sec, 0, time.UTC).Add(-time.Duration(offset) * time.Second)
	if lt := t.In(time.Local); zoneOffset(lt) == offset {
		return lt, nil
	}
	return t.In(time.FixedZone("", offset)), nil
}

// daysIn is the number of days of a month (1–12) of a year.
func daysIn(month, year int) int {
	if month == 2 {
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	}
	return 31 - (month-1)%7%2
}

func zoneOffset(t time.Time) int {
	_, off := t.Zone()
	return off
}
