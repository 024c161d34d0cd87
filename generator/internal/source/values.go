package source

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxIDLength bounds ids, which become file names.
const MaxIDLength = 128

// MaxTextLength bounds one text field.
const MaxTextLength = 64 << 10

// CheckID returns an error unless s is a valid id.
func CheckID(s string) error {
	switch {
	case s == "":
		return fmt.Errorf("is empty")
	case len(s) > MaxIDLength:
		return fmt.Errorf("is %d characters long, more than %d", len(s), MaxIDLength)
	case !validID(s):
		return fmt.Errorf("%q is not a valid id: expected letters, digits, '.', '_' or '-', starting with a letter or digit", clip(s))
	}
	return nil
}

// validID applies the contract's rule for ids, which become file names:
// ^[A-Za-z0-9][A-Za-z0-9._-]*$ with no "..".
func validID(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case i > 0 && (c == '_' || c == '-'):
		case i > 0 && c == '.':
			if s[i-1] == '.' {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// DateLayout is the contract's date format.
const DateLayout = "2006-01-02"

// MinDateYear is the earliest year a date may name: earlier ones
// (0001-01-01 is Go's and many tools' "no date") are refused, never read as
// "not given".
const MinDateYear = 1900

// DateFormats describes the date forms ParseDate accepts, for messages.
const DateFormats = "YYYY-MM-DD, YYYY/M/D or YYYY-M-D"

// ParseDate parses a date as Japanese offices write it: YYYY-MM-DD (the
// contract's form), or with one-digit months and days and '/' or '-'
// (YYYY/M/D, YYYY/MM/DD, YYYY-M-D, as Excel re-saves dates). Impossible
// days and years before MinDateYear are errors.
func ParseDate(s string) (time.Time, error) {
	t, ok := fastDate(s)
	if !ok {
		t, ok = looseDate(s)
	}
	if !ok {
		return time.Time{}, fmt.Errorf("%q is not a date: expected %s", clip(s), DateFormats)
	}
	if t.Year() < MinDateYear {
		return time.Time{}, fmt.Errorf("%q is not a date: the year is before %d (a placeholder for \"no date\"? leave the field empty instead)", clip(s), MinDateYear)
	}
	return t, nil
}

// looseDate reads YYYY/M/D or YYYY-M-D (one or two digits for month and
// day, one separator throughout) naming a real day.
func looseDate(s string) (time.Time, bool) {
	if len(s) < 8 || len(s) > 10 || (s[4] != '/' && s[4] != '-') {
		return time.Time{}, false
	}
	sep := s[4]
	num := func(p string) (int, bool) {
		if len(p) == 0 || len(p) > 4 {
			return 0, false
		}
		n := 0
		for i := 0; i < len(p); i++ {
			if p[i] < '0' || p[i] > '9' {
				return 0, false
			}
			n = n*10 + int(p[i]-'0')
		}
		return n, true
	}
	year, ok := num(s[:4])
	if !ok {
		return time.Time{}, false
	}
	rest := s[5:]
	i := strings.IndexByte(rest, sep)
	if i < 1 || i > 2 || len(rest)-i-1 < 1 || len(rest)-i-1 > 2 {
		return time.Time{}, false
	}
	m, ok1 := num(rest[:i])
	day, ok2 := num(rest[i+1:])
	month := time.Month(m)
	if !ok1 || !ok2 || month < 1 || month > 12 || day < 1 || day > daysIn(month, year) {
		return time.Time{}, false
	}
	return time.Date(year, month, day, 0, 0, 0, 0, time.UTC), true
}

// fastDate reads the usual form of a date, ten ASCII characters
// "dddd-dd-dd" naming a real day, as time.Parse would; anything else is
// left to time.Parse.
func fastDate(s string) (time.Time, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return time.Time{}, false
	}
	n := 0
	for i := 0; i < 10; i++ {
		if i == 4 || i == 7 {
			continue
		}
		c := s[i]
		if c < '0' || c > '9' {
			return time.Time{}, false
		}
		n = n*10 + int(c-'0')
	}
	year, month, day := n/10000, time.Month(n/100%100), n%100
	if month < 1 || month > 12 || day < 1 || day > daysIn(month, year) {
		return time.Time{}, false
	}
	return time.Date(year, month, day, 0, 0, 0, 0, time.UTC), true
}

func daysIn(m time.Month, year int) int {
	if m == time.February {
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	}
	return 31 - int(m-1)%7%2
}

func clip(s string) string {
	if len(s) <= 60 {
		return s
	}
	cut := 60
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
