package attack

import (
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// accessRe is the expression splitAccess replaced, kept as its oracle:
// the NCSA common and combined formats, with an optional virtual host
// first and response times (%D, %T) after.
var accessRe = regexp.MustCompile(`^(?:(\S+) )?(\S+) (\S+) (\S+) \[([^\]]+)\] "((?:[^"\\]|\\.)*)" (\d{3}|-) (\d+|-)(?: "((?:[^"\\]|\\.)*)" "((?:[^"\\]|\\.)*)")?(?: .*)?$`)

// accessSeeds are lines of every shape the formats take, and broken ones.
var accessSeeds = []string{
	`203.0.113.5 - - [03/Nov/2026:10:00:01 +0900] "GET /search?q=%E6%9D%B1%E4%BA%AC HTTP/1.1" 200 5120 "https://www.google.com/" "Mozilla/5.0 (Windows NT 10.0) Chrome/120.0"`,
	`203.0.113.9 - alice [03/Nov/2026:10:00:02 +0900] "POST /login HTTP/1.1" 302 - "-" "curl/8.4.0"`,
	`www.example.jp:443 203.0.113.5 - - [03/Nov/2026:10:00:01 +0900] "GET / HTTP/2.0" 200 512 "-" "Mozilla/5.0 (X11)" 1234`,
	`198.51.100.1 - - [03/Nov/2026:10:00:01 +0000] "GET /index.html HTTP/1.0" 200 1043`,
	`198.51.100.1 - - [03/Nov/2026:10:00:01 +0000] "GET /index.html HTTP/1.0" 200 1043 0.002`,
	`198.51.100.1 - - [03/Nov/2026:10:00:01 +0000] "GET /a\"b HTTP/1.0" 200 1043 "r\\" "u\x41\"x" 12 34`,
	`198.51.100.1 - - [03/Nov/2026:10:00:01 +0000] "GET / HTTP/1.0" 200 10 "ref" "ua"x`,
	`198.51.100.1 - - [03/Nov/2026:10:00:01 +0000] "GET / HTTP/1.0" 200 10 "ref"`,
	`198.51.100.1 - - [03/Nov/2026:10:00:01 +0000] "GET / HTTP/1.0" 200 10 "ref" "ua`,
	`198.51.100.1 - - [03/Nov/2026:10:00:01 +0000] "GET / HTTP/1.0" 200 10x`,
	`198.51.100.1 - - [03/Nov/2026:10:00:01 +0000] "GET / HTTP/1.0" 2000 10`,
	`198.51.100.1 - - [03/Nov/2026:10:00:01 +0000] "GET / HTTP/1.0" - -`,
	`198.51.100.1 - - [03/Nov/2026:10:00:01 +0000] "GET / HTTP/1.0" -- -`,
	`198.51.100.1 - - [03/Nov/2026:10:00:01 +0000] "\x16\x03\x01" 400 0 "-" "-"`,
	`198.51.100.1 - - [03/Nov/2026:10:00:01 +0000] "" 408 -`,
	`198.51.100.1 - - [] "GET / HTTP/1.0" 200 1`,
	`198.51.100.1  - - [03/Nov/2026:10:00:01 +0000] "GET / HTTP/1.0" 200 1`,
	"198.51.100.1\t- - [03/Nov/2026:10:00:01 +0000] \"GET / HTTP/1.0\" 200 1",
	"198.51.100.1 - -\v [03/Nov/2026:10:00:01 +0000] \"GET / HTTP/1.0\" 200 1",
	`a b c d [x] "y" 200 1`,
	`a b c [d] [x] "y" 200 1`,
	`a b [c] [x] "y" 200 1`,
	`a b c [x] "y" 200 1 "p" "q" "r"`,
	`a b c [x] "y\" 200 1`,
	`a b c [x] "y\`,
	"a b c [x] \"\xe3\x81\" 200 1 \"\xff\" \"\\\xe3\x81\x82\"",
	"a b c [x] \"y\r\" 200 1 \"a\\\r\" \"b\"",
	`a b c [x]] "y" 200 1`,
	`- - - [x] "y" - -`,
	``,
	` `,
	`garbage line`,
}

// TestSplitAccessOracle: the hand parser reads every seed, and many
// mutations of them, exactly as the regular expression does.
func TestSplitAccessOracle(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte(" \t\v\r\"\\[]-0123456789aZ/:.\xe3\x81\x82\xff")
	for _, seed := range accessSeeds {
		checkSplitAccess(t, seed)
		for range 3000 {
			b := []byte(seed)
			for range 1 + rng.IntN(3) {
				switch op := rng.IntN(3); {
				case op == 0 && len(b) > 0: // delete a byte
					k := rng.IntN(len(b))
					b = append(b[:k], b[k+1:]...)
				case op == 1: // insert a byte
					k := rng.IntN(len(b) + 1)
					b = append(b[:k], append([]byte{alphabet[rng.IntN(len(alphabet))]}, b[k:]...)...)
				case len(b) > 0: // replace a byte
					b[rng.IntN(len(b))] = alphabet[rng.IntN(len(alphabet))]
				}
			}
			checkSplitAccess(t, string(b))
		}
	}
}

func checkSplitAccess(t *testing.T, s string) {
	t.Helper()
	m := accessRe.FindStringSubmatch(s)
	f, ok := splitAccess(s)
	if ok != (m != nil) {
		t.Fatalf("%q: hand parser ok=%v, expression matched=%v", s, ok, m != nil)
	}
	var p, q lineParser
	got, gok := p.access(s, 7)
	want, wok := q.oracleAccess(s, 7)
	if gok != wok || gok && (!got.Time.Equal(want.Time) || got.Time.Location().String() != want.Time.Location().String() ||
		got.Remote != want.Remote || got.Method != want.Method || got.URI != want.URI || got.Proto != want.Proto ||
		got.Status != want.Status || got.Bytes != want.Bytes || got.UserAgent != want.UserAgent ||
		got.Referer != want.Referer || got.Line != want.Line) || p.combined != q.combined {
		t.Fatalf("%q: read as %+v (%v), the expression's reader gives %+v (%v)", s, got, gok, want, wok)
	}
	if !ok {
		return
	}
	for k := range f {
		if f[k] != m[k+1] {
			t.Fatalf("%q: field %d is %q, the expression's group is %q", s, k+1, f[k], m[k+1])
		}
	}
}

// FuzzSplitAccess holds the hand parser to the regular expression on any
// input, malformed lines included.
func FuzzSplitAccess(f *testing.F) {
	for _, s := range accessSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsRune(s, '\n') {
			return // lines never hold one
		}
		checkSplitAccess(t, s)
	})
}

// timeSeeds are access-log times, usual and not.
var timeSeeds = []string{
	"03/Nov/2026:10:00:01 +0900", "29/Feb/2024:23:59:59 -0700", "29/Feb/2026:00:00:00 +0000",
	"31/Apr/2026:00:00:00 +0000", "31/Dec/2026:23:59:59 +1400", "01/Jan/0000:00:00:00 +0000",
	"03/nov/2026:10:00:01 +0900", "03/Nov/2026:24:00:00 +0900", "03/Nov/2026:10:60:01 +0900",
	"03/Nov/2026:10:00:60 +0900", "03/Nov/2026:10:00:01 +2400", "03/Nov/2026:10:00:01 +0960",
	"03/Nov/2026:10:00:01 +0530", "03/Nov/2026:10:00:01.250 +0900", "3/Nov/2026:10:00:01 +0900",
	"00/Nov/2026:10:00:01 +0900", "03/Nov/2026:10:00:01 0900", "03/Nov/2026:10:00:01 +09:00",
	"03/Nov/20x6:10:00:01 +0900", "03/Nov/2026:10:00:01 +0900 ", "",
}

// TestAccessTimeOracle: the hand-read time is time.Parse's, zone included,
// in UTC and in a local zone with its own offset.
func TestAccessTimeOracle(t *testing.T) {
	for _, loc := range []*time.Location{time.UTC, time.FixedZone("JST", 9*3600)} {
		saved := time.Local
		time.Local = loc
		for _, s := range timeSeeds {
			checkAccessTime(t, s)
		}
		time.Local = saved
	}
}

func checkAccessTime(t *testing.T, s string) {
	t.Helper()
	want, werr := time.Parse(accessTimeLayout, s)
	got, gerr := parseAccessTime(s)
	if (werr == nil) != (gerr == nil) {
		t.Fatalf("%q: error %v, time.Parse's %v", s, gerr, werr)
	}
	wn, wo := want.Zone()
	gn, goff := got.Zone()
	if !got.Equal(want) || wn != gn || wo != goff || got.Location().String() != want.Location().String() ||
		got.Format(time.RFC3339Nano+" MST") != want.Format(time.RFC3339Nano+" MST") {
		t.Fatalf("%q: %v (%s), time.Parse's %v (%s)", s, got, got.Location(), want, want.Location())
	}
}

// FuzzAccessTime holds the hand-read time to time.Parse.
func FuzzAccessTime(f *testing.F) {
	for _, s := range timeSeeds {
		f.Add(s)
	}
	f.Fuzz(checkAccessTime)
}

// oracleAccess is the line reader as it was with accessRe, time.Parse and
// strings.Split, for TestSplitAccessOracle.
func (p *lineParser) oracleAccess(s string, line int) (Request, bool) {
	m := accessRe.FindStringSubmatch(s)
	if m == nil {
		return Request{}, false
	}
	t, err := time.Parse("02/Jan/2006:15:04:05 -0700", m[5])
	if err != nil {
		return Request{}, false
	}
	r := Request{Time: t, Remote: m[2], Line: line, Bytes: -1}
	if m[1] != "" && strings.Contains(m[1], ".") && !looksLikeIP(m[2]) && looksLikeIP(m[1]) {
		return Request{}, false
	}
	req := unescapeLog(m[6])
	parts := strings.Split(req, " ")
	switch {
	case len(parts) >= 3:
		r.Method, r.Proto = parts[0], parts[len(parts)-1]
		r.URI = strings.Join(parts[1:len(parts)-1], " ")
	case len(parts) == 2:
		r.Method, r.URI = parts[0], parts[1]
	default:
		r.URI = req
	}
	r.Status, _ = strconv.Atoi(m[7])
	if m[8] != "-" {
		r.Bytes, _ = strconv.ParseInt(m[8], 10, 64)
	}
	if m[9] != "" || m[10] != "" || strings.Contains(s, `" "`) {
		p.combined = true
	}
	r.Referer, r.UserAgent = dash(unescapeLog(m[9])), dash(unescapeLog(m[10]))
	return r, true
}
