package attack

import (
	"bytes"
	"compress/gzip"
	"errors"
	"strings"
	"testing"
	"time"
)

var asOf = time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)

func read(t *testing.T, name, text string) *File {
	t.Helper()
	f, err := ReadFile(name, strings.NewReader(text), asOf, 0)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return f
}

// TestFormats: each format is detected from its lines and read field by field.
func TestFormats(t *testing.T) {
	combined := `203.0.113.5 - - [03/Nov/2026:10:00:01 +0900] "GET /search?q=%E6%9D%B1%E4%BA%AC HTTP/1.1" 200 5120 "https://www.google.com/" "Mozilla/5.0 (Windows NT 10.0) Chrome/120.0"
203.0.113.9 - alice [03/Nov/2026:10:00:02 +0900] "POST /login HTTP/1.1" 302 - "-" "curl/8.4.0"
`
	f := read(t, "access.log", combined)
	if f.Format != FormatCombined || len(f.Requests) != 2 || f.Rejected != 0 {
		t.Fatalf("combined: %s %d requests %d rejected", f.Format, len(f.Requests), f.Rejected)
	}
	r := f.Requests[0]
	if r.Method != "GET" || r.URI != "/search?q=%E6%9D%B1%E4%BA%AC" || r.Status != 200 || r.Bytes != 5120 ||
		r.Referer != "https://www.google.com/" || !strings.HasPrefix(r.UserAgent, "Mozilla") || r.Time.UTC().Hour() != 1 {
		t.Errorf("combined fields: %+v", r)
	}
	if f.Requests[1].Bytes != -1 || f.Requests[1].Referer != "" {
		t.Errorf("dashes: %+v", f.Requests[1])
	}
	// virtual host first, %D last; common format
	vh := `www.example.jp:443 203.0.113.5 - - [03/Nov/2026:10:00:01 +0900] "GET / HTTP/2.0" 200 512 "-" "Mozilla/5.0 (X11)" 1234` + "\n"
	if f := read(t, "vhost.log", vh); f.Format != FormatCombined || len(f.Requests) != 1 || f.Requests[0].Remote != "203.0.113.5" {
		t.Errorf("vhost: %+v", f)
	}
	common := `198.51.100.1 - - [03/Nov/2026:10:00:01 +0000] "GET /index.html HTTP/1.0" 200 1043` + "\n"
	if f := read(t, "common.log", common); f.Format != FormatCommon || len(f.Requests) != 1 {
		t.Errorf("common: %+v", f)
	}
	iis := `#Software: Microsoft Internet Information Services 10.0
#Version: 1.0
#Date: 2026-11-03 00:00:00
#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status sc-bytes time-taken
2026-11-03 01:02:03 10.0.0.5 GET /default.aspx id=1%27+or+1%3D1 443 - 203.0.113.7 Mozilla/5.0+(Windows+NT+10.0) - 200 0 0 2048 15
`
	f = read(t, "u_ex261103.log", iis)
	if f.Format != FormatIIS || len(f.Requests) != 1 {
		t.Fatalf("iis: %+v", f)
	}
	if r := f.Requests[0]; r.URI != "/default.aspx?id=1%27+or+1%3D1" || r.Remote != "203.0.113.7" || r.Bytes != 2048 || r.UserAgent != "Mozilla/5.0 (Windows NT 10.0)" {
		t.Errorf("iis fields: %+v", r)
	}
	auth := `Nov  3 02:14:07 web1 sshd[1234]: Failed password for invalid user admin from 203.0.113.50 port 51234 ssh2
Nov  3 02:14:09 web1 sshd[1234]: Failed password for root from 203.0.113.50 port 51236 ssh2
Nov  3 09:30:00 web1 sshd[1240]: Accepted publickey for deploy from 10.0.0.8 port 40000 ssh2
Nov  3 09:30:01 web1 systemd[1]: Started Session 5 of user deploy.
`
	f = read(t, "auth.log", auth)
	if f.Format != FormatSSHD || len(f.Auths) != 3 || f.Rejected != 0 {
		t.Fatalf("auth.log: %s %+v rejected %d", f.Format, f.Auths, f.Rejected)
	}
	if a := f.Auths[0]; !a.Invalid || a.User != "admin" || a.Remote != "203.0.113.50" || a.Time.Year() != 2026 {
		t.Errorf("failed: %+v", a)
	}
	if a := f.Auths[2]; !a.OK || a.User != "deploy" {
		t.Errorf("accepted: %+v", a)
	}
	rfc := `<38>1 2026-11-03T02:14:07.123+09:00 web1 sshd 1234 - - Failed password for root from 203.0.113.50 port 51234 ssh2` + "\n"
	if f := read(t, "secure", rfc); f.Format != FormatSSHD || len(f.Auths) != 1 || f.Auths[0].Time.UTC().Hour() != 17 {
		t.Errorf("RFC 5424: %+v", f)
	}
	// a December line read with an as-of date in January is last year's
	jan := time.Date(2027, 1, 5, 0, 0, 0, 0, time.UTC)
	g, _ := ReadFile("auth.log", strings.NewReader("Dec 30 23:00:00 h sshd[1]: Accepted password for a from 192.0.2.1 port 1 ssh2\n"), jan, 0)
	if g.Auths[0].Time.Year() != 2026 {
		t.Errorf("year rollover: %v", g.Auths[0].Time)
	}
}

// TestRejectedLines: lines no format parses are counted with their line
// numbers (the first ten listed); a file that is mostly not a log says so.
func TestRejectedLines(t *testing.T) {
	var b strings.Builder
	b.WriteString(`203.0.113.5 - - [03/Nov/2026:10:00:01 +0900] "GET / HTTP/1.1" 200 10 "-" "x"` + "\n")
	for i := 0; i < 12; i++ {
		b.WriteString("garbage line\n")
	}
	f := read(t, "access.log", b.String())
	if f.Read != 13 || f.Rejected != 12 || len(f.RejectedLines) != 10 || f.RejectedLines[0] != 2 || !f.MostlyNotLog {
		t.Errorf("read %d rejected %d lines %v mostly %v", f.Read, f.Rejected, f.RejectedLines, f.MostlyNotLog)
	}
	if f := read(t, "notes.txt", "hello\nworld\n"); f.Format != FormatUnknown || !f.MostlyNotLog || f.Rejected != 2 {
		t.Errorf("not a log: %+v", f)
	}
}

// TestLimits: a line one byte over the limit is rejected, one at the
// limit is read; a gzip log past the ratio limit fails.
func TestLimits(t *testing.T) {
	pre := `203.0.113.5 - - [03/Nov/2026:10:00:01 +0900] "GET /?a=`
	post := ` HTTP/1.1" 200 10 "-" "x"`
	at := pre + strings.Repeat("a", MaxLineLength-len(pre)-len(post)) + post
	over := pre + strings.Repeat("a", MaxLineLength-len(pre)-len(post)+1) + post
	f := read(t, "access.log", at+"\n"+over+"\n"+at+"\n")
	if len(f.Requests) != 2 || f.Rejected != 1 || f.RejectedLines[0] != 2 {
		t.Errorf("line limit: %d requests, rejected %v", len(f.Requests), f.RejectedLines)
	}
	// a gzip log decompressing to its limit reads; one byte more fails
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(at + "\n"))
	zw.Close()
	limit := int64(len(at) + 1)
	if _, err := readFile("edge.log.gz", bytes.NewReader(buf.Bytes()), asOf, limit); err != nil {
		t.Errorf("gzip at the limit: %v", err)
	}
	if _, err := readFile("bomb.log.gz", bytes.NewReader(buf.Bytes()), asOf, limit-1); !errors.Is(err, ErrLimit) {
		t.Errorf("gzip one past the limit: %v", err)
	}
	if GzipLimit(1<<30) != MaxDecompressed || GzipLimit(1000) != 64<<20 || GzipLimit(1<<20) != 200<<20 {
		t.Errorf("GzipLimit: %d %d %d", GzipLimit(1<<30), GzipLimit(1000), GzipLimit(1<<20))
	}
	// a gzip log within the ratio reads as the plain one
	if f, err := ReadFile("access.log.gz", bytes.NewReader(buf.Bytes()), asOf, int64(buf.Len())); err != nil || len(f.Requests) != 1 {
		t.Errorf("gzip: %v %+v", err, f)
	}
}
