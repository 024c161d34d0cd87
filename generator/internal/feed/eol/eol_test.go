package eol

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/feed/internal/feedtest"
	"vulnreport/generator/internal/feed/internal/realdata"
	"vulnreport/generator/internal/lifecycle"
	"vulnreport/generator/internal/source"
)

func parse(t *testing.T, name string, data []byte) (feed.Result, *source.Diagnostics) {
	t.Helper()
	var diags source.Diagnostics
	res, err := Parse(name, data, &diags)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	feedtest.Check(t, res, &diags)
	return res, &diags
}

func cycle(t *testing.T, res feed.Result, name string) lifecycle.Cycle {
	t.Helper()
	for _, c := range res.Cycles {
		if c.Cycle == name {
			return c
		}
	}
	t.Fatalf("%s: no cycle %q", res.Info.Path, name)
	return lifecycle.Cycle{}
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(source.DateLayout)
}

// TestRealData reads every endoflife.date product page.
func TestRealData(t *testing.T) {
	files := realdata.Files(t, "endoflife-date/products", ".md")
	if len(files) != 464 {
		t.Errorf("%d product pages, want 464", len(files))
	}
	pages := map[string]feed.Result{}
	cycles := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res, diags := parse(t, filepath.Base(f), data)
		if res.Rejected != 0 || res.Read == 0 {
			t.Errorf("%s: read %d rejected %d: %v", f, res.Read, res.Rejected, diags.Sorted())
		}
		pages[strings.TrimSuffix(filepath.Base(f), ".md")] = res
		cycles += res.Read
	}
	if cycles != 8351 {
		t.Errorf("%d cycles, want 8351", cycles)
	}
	tomcat := pages["tomcat"]
	c := cycle(t, tomcat, "8.5")
	if c.Key != "apache:tomcat" || c.Product != "cpe:2.3:a:apache:tomcat" || day(c.EOL) != "2024-03-31" || day(c.Released) != "2016-03-17" || c.Latest != "8.5.100" || c.Origin != "endoflife.date" {
		t.Errorf("tomcat 8.5: %+v", c)
	}
	if c.Pos.Line != 59 {
		t.Errorf("tomcat 8.5 at %v, want line 59", c.Pos)
	}
	if c := cycle(t, tomcat, "11.0"); !c.EOL.IsZero() { // eol: false
		t.Errorf("tomcat 11.0: %+v", c)
	}
	if tomcat.Info.Version != "Apache Tomcat" || tomcat.Info.Date != "2026-08-13" {
		t.Errorf("tomcat info %+v", tomcat.Info)
	}
	struts := pages["apache-struts"]
	if c := cycle(t, struts, "1.2"); day(c.EOL) != "2006-03-23" { // eol: true → latestReleaseDate
		t.Errorf("struts 1.2: %+v", c)
	}
	if c := cycle(t, struts, "7"); !c.EOL.IsZero() || !c.ExtendedEnd.IsZero() { // eol: false, eoes: true
		t.Errorf("struts 7: %+v", c)
	}
	ws := cycle(t, pages["windows-server"], "2012-r2")
	if ws.Key != "endoflife:windows-server" || day(ws.SupportEnd) != "2018-10-09" || day(ws.EOL) != "2023-10-10" {
		t.Errorf("windows server 2012 R2: %+v", ws)
	}
	if c := cycle(t, pages["php"], "8.4"); c.Key != "php:php" { // a CPE is preferred to the earlier purls
		t.Errorf("php: %+v", c)
	}
	if c := cycle(t, pages["log4j"], "2.12"); c.Key != "apache:log4j" || day(c.EOL) != "2021-12-14" {
		t.Errorf("log4j: %+v", c)
	}
}

func TestBooleans(t *testing.T) {
	page := func(rel string) string {
		return "---\ntitle: Example\npermalink: /example\nidentifiers:\n  - purl: pkg:generic/example\nreleases:\n" + rel + "---\n\nbody ignored: {{ liquid }}\n"
	}
	tests := []struct {
		name, rel              string
		eol, support, extended string
		warn                   bool
	}{
		{"dates", "  - releaseCycle: \"1\"\n    releaseDate: 2020-01-01\n    eoas: 2021-01-01\n    eol: 2022-01-01 # a comment\n    eoes: 2023-01-01\n", "2022-01-01", "2021-01-01", "2023-01-01", false},
		{"eol false", "  - releaseCycle: \"1\"\n    releaseDate: 2020-01-01\n    eol: false\n", "", "", "", false},
		{"eol true uses latest release date", "  - releaseCycle: \"1\"\n    releaseDate: 2020-01-01\n    latestReleaseDate: 2020-06-30\n    eol: true\n", "2020-06-30", "", "", true},
		{"eol true uses release date", "  - releaseCycle: \"1\"\n    releaseDate: 2020-01-01\n    eol: true\n    eoas: true\n", "2020-01-01", "2020-01-01", "", true},
		{"eol true without dates", "  - releaseCycle: \"1\"\n    eol: true\n", "", "", "", true},
		{"eoes booleans ignored", "  - releaseCycle: \"1\"\n    releaseDate: 2020-01-01\n    eol: 2021-01-01\n    eoes: true\n", "2021-01-01", "", "", false},
		{"api sense of support", "  - releaseCycle: \"1\"\n    releaseDate: 2020-01-01\n    support: false\n    extendedSupport: 2030-01-01\n    eol: 2025-01-01\n", "2025-01-01", "2020-01-01", "2030-01-01", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, diags := parse(t, "example.md", []byte(page(tt.rel)))
			if res.Accepted != 1 {
				t.Fatalf("accepted %d: %v", res.Accepted, diags.Sorted())
			}
			c := res.Cycles[0]
			if day(c.EOL) != tt.eol || day(c.SupportEnd) != tt.support || day(c.ExtendedEnd) != tt.extended {
				t.Errorf("eol %q support %q extended %q, want %q %q %q", day(c.EOL), day(c.SupportEnd), day(c.ExtendedEnd), tt.eol, tt.support, tt.extended)
			}
			if c.Key != "pkg:generic/example" || c.Pos.Line != 7 {
				t.Errorf("key %q pos %v", c.Key, c.Pos)
			}
			if got := diags.Count(source.Warning) > 0; got != tt.warn {
				t.Errorf("warnings %v, want %v", diags.Sorted(), tt.warn)
			}
		})
	}
}

func TestRejectsAndErrors(t *testing.T) {
	data := "---\ntitle: X\npermalink: /x-product\nreleases:\n" +
		"  - releaseCycle: \"2\"\n    eol: soon\n" +
		"  - releaseDate: 2020-01-01\n" +
		"  - releaseCycle: \"1\"\n    releaseDate: 2020-02-30\n" +
		"  - just text\n" +
		"  - releaseCycle: 3.10\n    eol: 2030-01-01\n---\n"
	res, _ := parse(t, "x.md", []byte(data))
	if res.Read != 5 || res.Accepted != 1 || res.Rejected != 4 {
		t.Fatalf("read %d accepted %d rejected %d", res.Read, res.Accepted, res.Rejected)
	}
	for i, want := range []string{`"eol" must be a date (YYYY-MM-DD) or true/false, not "soon"`, `"releaseCycle" is missing`, `"releaseDate": "2020-02-30" is not a date`, "must be a mapping"} {
		if r := res.Rejections[i]; !strings.Contains(strings.Join(r.Reasons, "; "), want) {
			t.Errorf("rejection %d: %+v, want %q", i, r, want)
		}
	}
	if c := res.Cycles[0]; c.Cycle != "3.10" || c.Key != "endoflife:x-product" || c.Pos.Line != 11 {
		t.Errorf("cycle %+v", c)
	}
	for _, tt := range []struct{ name, data, want string }{
		{"yaml syntax", "---\ntitle: X\nreleases:\n  - releaseCycle: \"1\n---\n", "not readable at 4:1: YAML: found unexpected end of stream"},
		{"no closing line", "---\ntitle: X\nreleases: []\n", `no closing "---" line`},
		{"no releases", "---\ntitle: X\n---\n", `no "releases" list`},
		{"empty", "", "the file is empty"},
		{"scalar", "just text", "not a mapping or a list"},
	} {
		var diags source.Diagnostics
		if _, err := Parse(tt.name, []byte(tt.data), &diags); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestAPIForm(t *testing.T) {
	data := `[
  {"cycle": "9.0", "releaseDate": "2017-09-27", "eol": "2027-03-31", "latest": "9.0.121", "support": true},
  {"cycle": "8.5", "releaseDate": "2016-03-17", "eol": true, "support": false, "latestReleaseDate": "2024-03-19"}
]`
	res, _ := parse(t, "feeds/endoflife/tomcat.json", []byte(data))
	if res.Accepted != 2 {
		t.Fatalf("accepted %d", res.Accepted)
	}
	a, b := res.Cycles[0], res.Cycles[1]
	if a.Key != "endoflife:tomcat" || day(a.EOL) != "2027-03-31" || !a.SupportEnd.IsZero() || a.Latest != "9.0.121" || a.Pos.Line != 2 {
		t.Errorf("9.0: %+v", a)
	}
	if day(b.EOL) != "2024-03-19" || day(b.SupportEnd) != "2024-03-19" {
		t.Errorf("8.5: %+v", b)
	}
}
