package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
)

// class is what kind of software a product is; it decides which systems
// install it.
type class int

const (
	clsOSServer class = iota
	clsOSClient
	clsClientApp
	clsServer
	clsLibrary
	clsNetwork
	clsBusiness
	numClasses
)

// product is one entry of the synthetic catalog.
type product struct {
	key    string // vendor:product
	vendor string
	name   string // display name, as asset tools report it
	cls    class
	sch    scheme
	part   byte   // CPE part: 'a' or 'o'
	purl   string // purl without version, for libraries
	kb     bool   // fixes are named by KB numbers
	kbBase int
	hint   []int
	vl     versionList
	// cve weighs how many advisories name the product; install how many
	// systems install it (within its class).
	cve, install float64
	installed    bool
}

// kbOf names the KB update that brings a product to version i.
func (p *product) kbOf(i int) string { return fmt.Sprintf("KB%d", p.kbBase+i) }

// seed is a real, well-known product at the head of the catalog.
type seed struct {
	key, name string
	cls       class
	sch       scheme
	cve       float64
	purl      string
	hint      []int // first version numbers (see genVersions)
}

// seeds lists real products, most installed first within each class.
var seeds = []seed{
	{"microsoft:windows_server_2019", "Windows Server 2019 Standard", clsOSServer, schWinBuild, 30, "", []int{17763, 1}},
	{"redhat:enterprise_linux", "Red Hat Enterprise Linux", clsOSServer, schTwoPart, 25, "", []int{7, 0}},
	{"microsoft:windows_server_2016", "Windows Server 2016 Standard", clsOSServer, schWinBuild, 30, "", []int{14393, 1}},
	{"microsoft:windows_server_2022", "Windows Server 2022 Standard", clsOSServer, schWinBuild, 25, "", []int{20348, 1}},
	{"canonical:ubuntu_linux", "Ubuntu Server", clsOSServer, schTwoPart, 20, "", []int{18, 4}},
	{"centos:centos", "CentOS Linux", clsOSServer, schTwoPart, 10, "", []int{6, 8}},
	{"oracle:linux", "Oracle Linux", clsOSServer, schTwoPart, 8, "", []int{7, 0}},
	{"debian:debian_linux", "Debian GNU/Linux", clsOSServer, schTwoPart, 15, "", []int{9, 0}},
	{"microsoft:windows_10", "Windows 10 Enterprise", clsOSClient, schWinBuild, 40, "", []int{19041, 5}},
	{"microsoft:windows_11", "Windows 11 Enterprise", clsOSClient, schWinBuild, 35, "", []int{22621, 3}},
	{"apple:macos", "macOS", clsOSClient, schSemver, 20, "", []int{12, 0, 0}},
	{"microsoft:windows_10_ltsc", "Windows 10 Enterprise LTSC", clsOSClient, schWinVer3, 10, "", []int{14393}},
	{"google:chrome", "Google Chrome", clsClientApp, schChrome, 35, "", []int{110}},
	{"microsoft:edge_chromium", "Microsoft Edge", clsClientApp, schChrome, 25, "", []int{110}},
	{"microsoft:365_apps", "Microsoft 365 Apps for enterprise", clsClientApp, schMSBuild, 25, "", []int{16, 0, 14000}},
	{"adobe:acrobat_reader_dc", "Adobe Acrobat Reader", clsClientApp, schYear, 20, "", []int{2019}},
	{"7-zip:7-zip", "7-Zip", clsClientApp, schTwoPart, 3, "", []int{19, 0}},
	{"mozilla:firefox", "Mozilla Firefox ESR", clsClientApp, schSemver, 25, "", []int{102, 0, 0}},
	{"zoom:zoom", "Zoom Workplace", clsClientApp, schSemver, 8, "", []int{5, 12, 0}},
	{"oracle:jre", "Java Runtime Environment", clsClientApp, schJava, 10, "", nil},
	{"rarlab:winrar", "WinRAR", clsClientApp, schTwoPart, 2, "", []int{5, 80}},
	{"justsystems:ichitaro", "一太郎", clsClientApp, schYear, 2, "", []int{2019}},
	{"sky:skysea_client_view", "SKYSEA Client View", clsClientApp, schTwoPart, 2, "", []int{16, 0}},
	{"trendmicro:apex_one", "Trend Micro Apex One", clsClientApp, schSemver, 4, "", []int{14, 0, 0}},
	{"simon_tatham:putty", "PuTTY", clsClientApp, schTwoPart, 2, "", []int{0, 70}},
	{"winscp:winscp", "WinSCP", clsClientApp, schSemver, 1, "", []int{5, 17, 0}},
	{"openssl:openssl", "OpenSSL", clsServer, schLetters, 10, "", []int{1, 0, 1}},
	{"openbsd:openssh", "OpenSSH", clsServer, schPatchP, 6, "", []int{7, 2}},
	{"haxx:curl", "curl", clsServer, schSemver, 8, "", []int{7, 60, 0}},
	{"apache:http_server", "Apache HTTP Server", clsServer, schSemver, 10, "", []int{2, 4, 41}},
	{"nginx:nginx", "nginx", clsServer, schSemver, 4, "", []int{1, 18, 0}},
	{"apache:tomcat", "Apache Tomcat", clsServer, schSemver, 8, "", []int{8, 5, 50}},
	{"oracle:jdk", "Java SE Development Kit", clsServer, schJava, 12, "", nil},
	{"php:php", "PHP", clsServer, schSemver, 8, "", []int{7, 4, 0}},
	{"oracle:mysql", "MySQL Community Server", clsServer, schSemver, 12, "", []int{5, 7, 30}},
	{"postgresql:postgresql", "PostgreSQL", clsServer, schTwoPart, 5, "", []int{11, 0}},
	{"microsoft:sql_server", "Microsoft SQL Server", clsServer, schMSBuild, 6, "", []int{15, 0, 2000}},
	{"microsoft:.net_framework", ".NET Framework", clsServer, schTwoPart, 6, "", []int{4, 6}},
	{"microsoft:internet_information_services", "IIS", clsServer, schTwoPart, 3, "", []int{8, 5}},
	{"microsoft:exchange_server", "Microsoft Exchange Server", clsServer, schMSBuild, 10, "", []int{15, 1, 2375}},
	{"oracle:database_server", "Oracle Database", clsServer, schFourPart, 8, "", []int{19, 3, 0}},
	{"samba:samba", "Samba", clsServer, schSemver, 5, "", []int{4, 13, 0}},
	{"isc:bind", "BIND 9", clsServer, schSemver, 5, "", []int{9, 16, 0}},
	{"vmware:vcenter_server", "VMware vCenter Server", clsServer, schSemver, 6, "", []int{7, 0, 0}},
	{"vmware:esxi", "VMware ESXi", clsServer, schSemver, 6, "", []int{7, 0, 0}},
	{"wordpress:wordpress", "WordPress", clsServer, schSemver, 6, "", []int{5, 8, 0}},
	{"apache:struts", "Apache Struts", clsServer, schFourPart, 4, "pkg:maven/org.apache.struts/struts2-core", []int{2, 3, 20}},
	{"nodejs:node.js", "Node.js", clsServer, schSemver, 6, "", []int{16, 0, 0}},
	{"python:python", "Python", clsServer, schSemver, 5, "", []int{3, 8, 0}},
	{"redis:redis", "Redis", clsServer, schSemver, 3, "", []int{6, 0, 0}},
	{"elastic:elasticsearch", "Elasticsearch", clsServer, schSemver, 3, "", []int{7, 10, 0}},
	{"jenkins:jenkins", "Jenkins", clsServer, schSemver, 6, "", []int{2, 300, 0}},
	{"gitlab:gitlab", "GitLab", clsServer, schSemver, 10, "", []int{15, 0, 0}},
	{"zabbix:zabbix", "Zabbix", clsServer, schSemver, 3, "", []int{5, 0, 0}},
	{"cybozu:garoon", "サイボウズ Garoon", clsServer, schSemver, 6, "", []int{5, 0, 0}},
	{"apache:log4j", "Apache Log4j", clsLibrary, schSemver, 3, "pkg:maven/org.apache.logging.log4j/log4j-core", []int{2, 0, 0}},
	{"vmware:spring_framework", "Spring Framework", clsLibrary, schSemver, 3, "pkg:maven/org.springframework/spring-core", []int{5, 2, 0}},
	{"fasterxml:jackson-databind", "jackson-databind", clsLibrary, schSemver, 6, "pkg:maven/com.fasterxml.jackson.core/jackson-databind", []int{2, 9, 0}},
	{"apache:commons_text", "Apache Commons Text", clsLibrary, schSemver, 1, "pkg:maven/org.apache.commons/commons-text", []int{1, 8, 0}},
	{"jquery:jquery", "jQuery", clsLibrary, schSemver, 2, "pkg:npm/jquery", []int{3, 0, 0}},
	{"lodash:lodash", "lodash", clsLibrary, schSemver, 2, "pkg:npm/lodash", []int{4, 17, 0}},
	{"djangoproject:django", "Django", clsLibrary, schSemver, 5, "pkg:pypi/django", []int{3, 2, 0}},
	{"palletsprojects:flask", "Flask", clsLibrary, schSemver, 1, "pkg:pypi/flask", []int{2, 0, 0}},
	{"newtonsoft:json.net", "Json.NET", clsLibrary, schSemver, 1, "pkg:nuget/newtonsoft.json", []int{12, 0, 0}},
	{"rubyonrails:rails", "Ruby on Rails", clsLibrary, schSemver, 4, "pkg:gem/rails", []int{6, 0, 0}},
	{"fortinet:fortios", "FortiOS", clsNetwork, schSemver, 10, "", []int{6, 4, 0}},
	{"cisco:ios_xe", "Cisco IOS XE", clsNetwork, schSemver, 10, "", []int{17, 3, 0}},
	{"paloaltonetworks:pan-os", "PAN-OS", clsNetwork, schSemver, 6, "", []int{10, 1, 0}},
	{"yamaha:rtx1220_firmware", "YAMAHA RTX1220", clsNetwork, schSemver, 1, "", []int{15, 4, 0}},
	{"buffalo:terastation_firmware", "BUFFALO TeraStation", clsNetwork, schTwoPart, 1, "", []int{4, 0}},
	{"sonicwall:sonicos", "SonicOS", clsNetwork, schSemver, 4, "", []int{7, 0, 0}},
}

// classOfWord puts the synthetic product words that are not business
// applications into their class.
var classOfWord = map[string]class{
	"json_parser": clsLibrary, "xml_toolkit": clsLibrary, "http_client": clsLibrary, "template_engine": clsLibrary,
	"auth_library": clsLibrary, "crypto_lib": clsLibrary, "logging_lib": clsLibrary, "orm_framework": clsLibrary,
	"web_framework": clsLibrary, "ui_components": clsLibrary, "db_connector": clsLibrary, "pdf_toolkit": clsLibrary,
	"api_gateway": clsServer, "message_queue": clsServer, "cache_server": clsServer, "search_engine": clsServer,
	"mail_gateway": clsServer, "file_share": clsServer, "web_cms": clsServer, "chat_server": clsServer,
	"print_server": clsServer, "log_collector": clsServer, "sso_portal": clsServer,
	"vpn_client": clsClientApp, "edr_agent": clsClientApp, "backup_agent": clsClientApp, "image_viewer": clsClientApp,
	"archiver": clsClientApp, "remote_desktop": clsClientApp, "video_meeting": clsClientApp,
}

var editions = []string{"", "_enterprise", "_cloud", "_server", "_lite", "_mobile"}

// catalog is every product: the installed ones first, then those that only
// advisories name (the estate runs a small part of what advisories cover).
type catalog struct {
	products  []product
	installed int
	byClass   [numClasses]picker // installed products by install weight
	advPick   [2]picker          // [0]: installed, [1]: not installed, by cve weight
	byVendor  map[string][]int
}

// newCatalog builds installed + extra products deterministically.
func newCatalog(r *rand.Rand, installed, extra int) *catalog {
	c := &catalog{installed: installed, byVendor: map[string][]int{}}
	total := installed + extra
	for i := 0; i < len(seeds) && i < installed; i++ {
		s := seeds[i]
		p := product{key: s.key, name: s.name, cls: s.cls, sch: s.sch, cve: s.cve, purl: s.purl, part: 'a', hint: s.hint}
		p.vendor = s.key[:strings.IndexByte(s.key, ':')]
		if s.cls == clsOSServer || s.cls == clsOSClient || s.cls == clsNetwork {
			p.part = 'o'
		}
		p.kb = p.vendor == "microsoft" && (s.cls == clsOSServer || s.cls == clsOSClient || s.sch == schMSBuild)
		c.products = append(c.products, p)
	}
	for k := 0; len(c.products) < total; k++ {
		c.products = append(c.products, synthProduct(r, k))
	}
	var rank [numClasses]int
	for i := range c.products {
		p := &c.products[i]
		p.installed = i < installed
		n := 5 + r.IntN(36)
		if p.sch == schWinVer3 {
			n = 5 + r.IntN(4) // few feature builds
		}
		p.vl = genVersions(r, p.sch, n, p.hint...)
		p.kbBase = 5000000 + 64*i
		if p.installed {
			// Zipf-like popularity within the class; seeds are the head.
			p.install = 1 / math.Pow(float64(rank[p.cls]+1), 0.9)
			rank[p.cls]++
		}
		c.byVendor[p.vendor] = append(c.byVendor[p.vendor], i)
	}
	for cl := range numClasses {
		c.byClass[cl] = newPicker(len(c.products), func(i int) float64 {
			if p := &c.products[i]; p.installed && p.cls == cl {
				return p.install
			}
			return 0
		})
	}
	for k := range 2 {
		c.advPick[k] = newPicker(len(c.products), func(i int) float64 {
			if c.products[i].installed == (k == 0) {
				return c.products[i].cve
			}
			return 0
		})
	}
	return c
}

// synthProduct makes the k-th fictional product.
func synthProduct(r *rand.Rand, k int) product {
	nv, np := len(synthVendors), len(synthProducts)
	vendor := synthVendors[k%nv]
	word := synthProducts[(k/nv)%np]
	ed := editions[(k/(nv*np))%len(editions)]
	if g := k / (nv * np * len(editions)); g > 0 {
		ed += fmt.Sprintf("%d", g+1)
	}
	p := product{key: vendor + ":" + word + ed, vendor: vendor, part: 'a', cls: clsBusiness}
	p.name = title(vendor) + " " + title(word+ed)
	if cl, ok := classOfWord[word]; ok {
		p.cls = cl
	}
	switch p.cls {
	case clsBusiness:
		p.cve = 0.2 + r.Float64()*1.2
	case clsLibrary:
		p.cve = 0.5 + r.Float64()*3
		p.purl = synthPurl(vendor, word+ed, k)
	default:
		p.cve = 0.5 + r.Float64()*2.5
	}
	p.sch = []scheme{schSemver, schSemver, schSemver, schFourPart, schYear, schTwoPart, schMSBuild}[r.IntN(7)]
	return p
}

func synthPurl(vendor, name string, k int) string {
	dash := strings.ReplaceAll(name, "_", "-")
	v := strings.ReplaceAll(vendor, "_", "")
	switch purlGroups[k%len(purlGroups)] {
	case "maven":
		return "pkg:maven/jp.co." + v + "/" + dash
	case "npm":
		return "pkg:npm/%40" + v + "/" + dash
	case "pypi":
		return "pkg:pypi/" + v + "-" + dash
	case "nuget":
		return "pkg:nuget/" + v + "." + strings.ReplaceAll(name, "_", ".")
	case "gem":
		return "pkg:gem/" + v + "_" + name
	}
	return "pkg:golang/github.com/" + v + "/" + dash
}

// title turns "nihon_soft" into "Nihon Soft".
func title(s string) string {
	parts := strings.Split(s, "_")
	for i, w := range parts {
		if w != "" {
			parts[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.TrimSpace(strings.Join(parts, " "))
}

// picker draws an index with probability proportional to its weight.
type picker struct{ cum []float64 }

func newPicker(n int, weight func(int) float64) picker {
	p := picker{cum: make([]float64, n)}
	sum := 0.0
	for i := range n {
		sum += weight(i)
		p.cum[i] = sum
	}
	return p
}

// empty reports whether every weight is zero.
func (p picker) empty() bool { return len(p.cum) == 0 || p.cum[len(p.cum)-1] == 0 }

func (p picker) pick(r *rand.Rand) int {
	x := r.Float64() * p.cum[len(p.cum)-1]
	i, _ := slices.BinarySearch(p.cum, x)
	for i < len(p.cum)-1 && p.cum[i] <= x { // skip zero-weight entries
		i++
	}
	return i
}
