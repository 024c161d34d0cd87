package realrecords

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"vulnreport/generator/internal/app"
	"vulnreport/generator/internal/feed/internal/realdata"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/source"
)

// Expected outcomes of a component for one CVE.
const (
	affected = "affected" // a finding
	confirm  = "confirm"  // a needs-confirmation (要確認) finding
	none     = ""         // no finding
)

// comp is one component row and what the CVE's records say of it.
type comp struct {
	product, version, scheme, want string
}

// products maps the names real records use to the keys components use,
// as an organisation's products.yaml does.
const products = `- {key: "paloaltonetworks:pan-os", name: PAN-OS, aliases: ["Palo Alto Networks PAN-OS", "palo_alto_networks:pan-os"]}
- {key: "tukaani:xz", name: xz, aliases: ["xz", "pkg:deb/debian/xz-utils", "pkg:rpm/fedora/xz"]}
- {key: "apache:log4j", name: Log4j, aliases: ["Apache Software Foundation Apache Log4j2"]}
`

// analyze runs the analysis of one snapshot holding the given real feed
// files and components, and returns each component row's outcome for cve
// by "product@version".
func analyze(t *testing.T, cve string, feeds map[string]string, comps []comp) map[string]model.Finding {
	t.Helper()
	dir := realdata.Dir(t)
	fsys := fstest.MapFS{
		"policy.yaml":   {Data: []byte("organization: {ja: 実データ, en: Real data}\n")},
		"systems.yaml":  {Data: []byte("- {id: s, name: S, category: internal, exposure: internet, owner: IT}\n")},
		"products.yaml": {Data: []byte(products)},
	}
	var csv strings.Builder
	csv.WriteString("system,product,version,scheme\n")
	for _, c := range comps {
		csv.WriteString("s," + c.product + "," + c.version + "," + c.scheme + "\n")
	}
	fsys["components.csv"] = &fstest.MapFile{Data: []byte(csv.String())}
	for dst, src := range feeds {
		data, err := os.ReadFile(filepath.Join(dir, src))
		if err != nil {
			t.Fatal(err)
		}
		fsys[dst] = &fstest.MapFile{Data: data}
	}
	var diags source.Diagnostics
	r, _, err := app.Analyze(app.Options{Data: fsys, AsOf: mustDate("2026-11-30")}, &diags, func(string, int) {})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags.Sorted() {
		if d.Severity == source.Error {
			t.Errorf("%s", d)
		}
	}
	out := map[string]model.Finding{}
	for _, f := range r.Findings.All() {
		if f.Kind == model.KindVulnerability && f.VulnID == cve {
			out[f.Product+"@"+f.Version] = f
		}
	}
	return out
}

func mustDate(s string) time.Time {
	t, err := source.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

// score compares the outcomes with the expected ones: a finding of the
// wrong kind (confirmed where confirmation was expected, or the reverse)
// counts as both a false positive and a false negative.
func score(t *testing.T, cve string, comps []comp, got map[string]model.Finding, keyOf func(comp) string) {
	t.Helper()
	tp, fp, fn := 0, 0, 0
	for _, c := range comps {
		f, found := got[keyOf(c)]
		kind := none
		if found {
			kind = affected
			if f.NeedsConfirmation {
				kind = confirm
			}
		}
		switch {
		case kind == c.want && kind != none:
			tp++
		case kind != c.want:
			if kind != none {
				fp++
			}
			if c.want != none {
				fn++
			}
			t.Errorf("%s: %s %s (%s) is %q, want %q (clause %q, scheme %q, note %q)", cve, c.product, c.version, c.scheme, kind, c.want, f.Clause, f.Scheme, f.Note)
		}
	}
	precision, recall := 1.0, 1.0
	if tp+fp > 0 {
		precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		recall = float64(tp) / float64(tp+fn)
	}
	t.Logf("%s: %d components, %d expected findings: precision %.2f, recall %.2f", cve, len(comps), tp+fn, precision, recall)
}

func byProduct(resolve map[string]string) func(comp) string {
	return func(c comp) string {
		k := c.product
		if r, ok := resolve[k]; ok {
			k = r
		}
		return k + "@" + c.version
	}
}

// TestPANOS: CVE-2024-3400 and CVE-2022-0028 (CVE 5 records with a CNA
// and a CISA ADP container, KEV) against PAN-OS just inside and outside
// every hotfix bound, in the panos scheme the vendor table chooses.
func TestPANOS(t *testing.T) {
	pan := func(v, want string) comp { return comp{"paloaltonetworks:pan-os", v, "", want} }
	key := byProduct(nil)
	cases := []struct {
		cve, file string
		comps     []comp
	}{
		{"CVE-2024-3400", "cve-json5/cisa-vulnrichment/2024/3xxx/CVE-2024-3400.json", []comp{
			pan("10.1.14-h8", none), pan("10.2.0", affected), pan("10.2.8-h3", affected), pan("10.2.9", affected),
			pan("10.2.9-h1", none), pan("10.2.10", none), pan("11.0.0", affected), pan("11.0.4", affected),
			pan("11.0.4-h1", none), pan("11.0.5", none), pan("11.1.0", affected), pan("11.1.2", affected),
			pan("11.1.2-h2", affected), pan("11.1.2-h3", none), pan("11.1.3", none), pan("9.1.17", none),
		}},
		{"CVE-2022-0028", "cve-json5/cisa-vulnrichment/2022/0xxx/CVE-2022-0028.json", []comp{
			pan("8.0.20", none), pan("8.1.0", affected), pan("8.1.23", affected), pan("8.1.23-h1", none), pan("8.1.24", none),
			pan("9.0.0", affected), pan("9.0.16-h2", affected), pan("9.0.16-h3", none), pan("9.0.17", none),
			pan("9.1.0", affected), pan("9.1.14-h3", affected), pan("9.1.14-h4", none), pan("9.1.15", none),
			pan("10.0.0", affected), pan("10.0.11", affected), pan("10.0.11-h1", none), pan("10.0.12", none),
			pan("10.1.6-h5", affected), pan("10.1.6-h6", none), pan("10.1.7", none),
			pan("10.2.2-h1", affected), pan("10.2.2-h2", none), pan("10.2.3", none), pan("11.0.0", none),
		}},
	}
	for _, tc := range cases {
		got := analyze(t, tc.cve, map[string]string{"feeds/cve5/" + tc.cve + ".json": tc.file}, tc.comps)
		for _, f := range got {
			if f.Scheme != "panos" || !f.KEV {
				t.Errorf("%s %s: scheme %q, KEV %v", tc.cve, f.Version, f.Scheme, f.KEV)
			}
		}
		score(t, tc.cve, tc.comps, got, key)
	}
}

// TestXZ: CVE-2024-3094 (the CVE 5 record and NVD's) against Debian and
// Fedora xz packages, compared on their upstream version and 要確認
// (backports), Debian's revert 5.6.1+really5.4.5-1 not affected, and the
// upstream release itself decided.
func TestXZ(t *testing.T) {
	cases := []comp{
		{"pkg:deb/debian/xz-utils", "5.6.1-1", "", confirm},
		{"pkg:deb/debian/xz-utils", "5.6.0-0.2", "", confirm},
		{"pkg:deb/debian/xz-utils", "5.6.1+really5.4.5-1", "", none},
		{"pkg:deb/debian/xz-utils", "5.4.5-0.3", "", none},
		{"pkg:deb/debian/xz-utils", "5.4.1-0.2", "", none},
		{"pkg:rpm/fedora/xz", "5.6.0-1.fc40", "", confirm},
		{"pkg:rpm/fedora/xz", "5.6.0-2.fc40", "", confirm},
		{"pkg:rpm/fedora/xz", "5.4.6-3.fc40", "", none},
		{"pkg:rpm/fedora/xz", "1:5.4.6-1.fc40", "", none},
		{"tukaani:xz", "5.6.1", "", affected},
		{"tukaani:xz", "5.6.0", "", affected},
		{"tukaani:xz", "5.4.6", "", none},
		{"tukaani:xz", "5.6.2", "", none},
	}
	for _, feeds := range []map[string]string{
		{"feeds/cve5/CVE-2024-3094.json": "cve-json5/osv-dev-fixtures/cvelistV5/CVE-2024-3094.json"},
		{"feeds/nvd/CVE-2024-3094.json": "nvd-cve-api-2.0/osv-dev-fixtures/CVE-2024-3094.json"},
		{"feeds/cve5/CVE-2024-3094.json": "cve-json5/osv-dev-fixtures/cvelistV5/CVE-2024-3094.json",
			"feeds/nvd/CVE-2024-3094.json": "nvd-cve-api-2.0/osv-dev-fixtures/CVE-2024-3094.json"},
	} {
		got := analyze(t, "CVE-2024-3094", feeds, cases)
		for k, f := range got {
			if f.Confirm != "" && f.Confirm != model.ConfirmBackport {
				t.Errorf("%s: confirm %q", k, f.Confirm)
			}
		}
		score(t, "CVE-2024-3094", cases, got, byProduct(map[string]string{"pkg:deb/debian/xz-utils": "tukaani:xz", "pkg:rpm/fedora/xz": "tukaani:xz"}))
	}
}

// TestJava: CVE-2023-21930 (Oracle's CVE 5 record, whose CISA ADP writes
// Java 8 Update 361 as cpe:2.3:a:oracle:jdk:1.8.0:update361) against JDK
// versions as inventories write them, in the java scheme.
func TestJava(t *testing.T) {
	jdk := func(v, want string) comp { return comp{"oracle:jdk", v, "", want} }
	cases := []comp{
		jdk("1.8.0_361", affected), jdk("8u361", affected), jdk("1.8.0_371", none), jdk("11.0.18", affected),
		jdk("17.0.7", none), jdk("17.0.6", affected), jdk("20", affected), jdk("21", none),
	}
	got := analyze(t, "CVE-2023-21930", map[string]string{"feeds/cve5/CVE-2023-21930.json": "cve-json5/cisa-vulnrichment/2023/21xxx/CVE-2023-21930.json"}, cases)
	for _, f := range got {
		if f.Scheme != "java" {
			t.Errorf("%s: scheme %q", f.Version, f.Scheme)
		}
	}
	score(t, "CVE-2023-21930", cases, got, byProduct(nil))
}

// TestUnchanged: Log4Shell (a CVE 5 range with changes) and CVE-2023-4863
// (NVD) match exactly as they did before schemes: generic ordering, the
// same clauses and fix targets.
func TestUnchanged(t *testing.T) {
	l4j := func(v, want, clause string) comp { return comp{"apache:log4j", v, clause, want} }
	log4shell := []comp{
		l4j("2.0-beta9", affected, ">=2.0-beta9 <2.3.1"), l4j("2.0-beta8", none, ""), l4j("2.3", affected, ">=2.0-beta9 <2.3.1"),
		l4j("2.3.1", none, ""), l4j("2.4", affected, ">=2.4 <2.12.2"), l4j("2.12.1", affected, ">=2.4 <2.12.2"),
		l4j("2.12.2", none, ""), l4j("2.13.0", affected, ">=2.13.0 <2.15.0"), l4j("2.14.1", affected, ">=2.13.0 <2.15.0"),
		l4j("2.15.0", none, ""), l4j("2.17.1", none, ""), l4j("1.2.17", none, ""),
	}
	check := func(cve string, cases []comp, got map[string]model.Finding) {
		t.Helper()
		for _, c := range cases {
			f, ok := got[c.product+"@"+c.version]
			if ok && (f.Scheme != "generic" || f.Clause != c.product+" "+c.scheme) {
				t.Errorf("%s %s %s: clause %q scheme %q, want %q generic", cve, c.product, c.version, f.Clause, f.Scheme, c.product+" "+c.scheme)
			}
		}
		for i := range cases {
			cases[i].scheme = ""
		}
		score(t, cve, cases, got, byProduct(nil))
	}
	check("CVE-2021-44228", log4shell, analyze(t, "CVE-2021-44228", map[string]string{
		"feeds/cve5/CVE-2021-44228.json": "cve-json5/osv-dev-fixtures/cvelistV5/CVE-2021-44228.json"}, withoutClause(log4shell)))
	webp := []comp{
		{"google:chrome", "116.0.5845.186", "<116.0.5845.187", affected}, {"google:chrome", "116.0.5845.187", "", none},
		{"webmproject:libwebp", "1.3.1", "<1.3.2", affected}, {"webmproject:libwebp", "1.3.2", "", none},
		{"mozilla:firefox", "117.0", "<117.0.1", affected}, {"mozilla:firefox", "117.0.1", "", none},
		{"mozilla:firefox_esr", "115.2.0", ">=115.0 <115.2.1", affected}, {"mozilla:firefox_esr", "115.2.1", "", none},
		{"mozilla:firefox_esr", "102.15.0", "<102.15.1", affected}, {"mozilla:firefox_esr", "102.15.1", "", none},
		{"mozilla:thunderbird", "115.2.1", ">=115.0 <115.2.2", affected}, {"microsoft:edge", "117.0.2045.31", "", none},
	}
	check("CVE-2023-4863", webp, analyze(t, "CVE-2023-4863", map[string]string{
		"feeds/nvd/CVE-2023-4863.json": "nvd-cve-api-2.0/osv-dev-fixtures/CVE-2023-4863.json"}, withoutClause(webp)))
}

// withoutClause drops the expected clauses kept in the scheme field.
func withoutClause(cs []comp) []comp {
	out := make([]comp, len(cs))
	for i, c := range cs {
		out[i] = comp{c.product, c.version, "", c.want}
	}
	return out
}
