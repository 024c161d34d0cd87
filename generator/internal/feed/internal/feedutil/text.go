package feedutil

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"vulnreport/generator/internal/source"
)

// cveID matches a CVE identifier.
var cveID = regexp.MustCompile(`^CVE-[0-9]{4}-[0-9]{4,}$`)

// cveInText finds CVE identifiers inside text.
var cveInText = regexp.MustCompile(`CVE-[0-9]{4}-[0-9]{4,}`)

// cweID matches a CWE identifier.
var cweID = regexp.MustCompile(`^CWE-[0-9]+$`)

// IsCWE reports whether s is a CWE identifier such as CWE-79 (not
// "CWE-noinfo" or NVD's "NVD-CWE-Other").
func IsCWE(s string) bool { return cweID.MatchString(s) }

// IsCVE reports whether s is a CVE identifier such as CVE-2021-44228.
func IsCVE(s string) bool { return cveID.MatchString(s) }

// CVEsIn returns the CVE identifiers found in s, in order, without repeats.
func CVEsIn(s string) []string {
	return Dedup(cveInText.FindAllString(s, -1))
}

// Dedup returns list without empty strings and repeats, in first-seen
// order, reusing its storage. Readers append freely and call it once, so
// that a record with very many references costs linear time.
func Dedup(list []string) []string {
	out := list[:0]
	if len(list) <= 8 {
		for _, s := range list {
			if s != "" && !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
		return out
	}
	seen := make(map[string]bool, len(list))
	for _, s := range list {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// Date reads the date at the start of a feed timestamp ("2023-10-12",
// "2023-10-12T19:15:11.747", "2022-08-30T21:15Z", "2025-04-04T14:45:58+09:00").
// The calendar date is taken as written, in the feed's own time zone. ok is
// false for empty or unreadable text.
func Date(s string) (t time.Time, ok bool) {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return time.Time{}, false
	}
	if len(s) > 10 && s[10] != 'T' && s[10] != 't' && s[10] != ' ' {
		return time.Time{}, false
	}
	t, err := source.ParseDate(s[:10])
	return t, err == nil
}

// DateString returns the YYYY-MM-DD date at the start of s, or "".
func DateString(s string) string {
	if t, ok := Date(s); ok {
		return t.Format(source.DateLayout)
	}
	return ""
}

// IsHTTP reports whether s is an absolute http or https URL.
func IsHTTP(s string) bool {
	if plainHTTP(s) {
		return true
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// plainHTTP reports, without url.Parse's cost, the usual case of a URL
// url.Parse reads as http(s) with a host: "http://" or "https://", a
// host name of letters, digits, dots and hyphens, and after it no
// percent sign, control character or non-ASCII byte (TestIsHTTPFast).
func plainHTTP(s string) bool {
	rest, ok := strings.CutPrefix(s, "https://")
	if !ok {
		if rest, ok = strings.CutPrefix(s, "http://"); !ok {
			return false
		}
	}
	host := 0
	for host < len(rest) && rest[host] != '/' && rest[host] != '?' && rest[host] != '#' {
		c := rest[host]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-') {
			return false
		}
		host++
	}
	if host == 0 {
		return false
	}
	for i := host; i < len(rest); i++ {
		if c := rest[i]; c <= ' ' || c >= 0x7f || c == '%' {
			return false
		}
	}
	return true
}

// TitleLen is the length, in characters, of titles made from descriptions.
const TitleLen = 120

// TitleFrom makes a one-line title from a description: white space runs
// become one space and text longer than TitleLen characters is cut, with
// "…" as its last character.
func TitleFrom(desc string) string {
	s := desc
	if !singleSpaced(desc) {
		s = strings.Join(strings.Fields(desc), " ")
	}
	if utf8.RuneCountInString(s) <= TitleLen {
		return s
	}
	n := 0
	for i := range s {
		if n == TitleLen-1 {
			return strings.TrimRight(s[:i], " ") + "…"
		}
		n++
	}
	return s
}

// singleSpaced reports whether s is ASCII text whose words are already
// joined by single spaces, as strings.Fields and strings.Join would leave
// it (the usual description, which then costs no copy).
func singleSpaced(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return false
		case c == ' ' && s[i+1] == ' ':
			return false
		}
	}
	return true
}

// clip shortens text quoted in messages.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= 80 {
		return s
	}
	n := 0
	for i := range s {
		if n == 79 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// Clip shortens text quoted in messages to 80 characters.
func Clip(s string) string { return clip(s) }
