package source

import (
	"fmt"
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

// ParseDate parses a YYYY-MM-DD date, rejecting impossible days.
func ParseDate(s string) (time.Time, error) {
	if t, ok := fastDate(s); ok {
		return t, nil
	}
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date: expected YYYY-MM-DD", clip(s))
	}
	return t, nil
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
