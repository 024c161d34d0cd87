package nvd

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"vulnreport/generator/internal/feed/internal/realdata"
	"vulnreport/generator/internal/source"
)

// sameAsGeneral reads data with Parse and with parseGeneral (encoding/json)
// and fails unless the results, errors and diagnostics are identical. It
// reports whether the fast reader read the file itself.
func sameAsGeneral(t *testing.T, name string, data []byte) (fast bool) {
	t.Helper()
	var d1, d2 source.Diagnostics
	r1, e1 := Parse(name, data, &d1)
	r2, e2 := parseGeneral(name, data, &d2, nil)
	if (e1 == nil) != (e2 == nil) || e1 != nil && e1.Error() != e2.Error() {
		t.Fatalf("%s: error %v, encoding/json %v", name, e1, e2)
	}
	if !reflect.DeepEqual(r1, r2) {
		for i := range min(len(r1.Advisories), len(r2.Advisories)) {
			if !reflect.DeepEqual(r1.Advisories[i], r2.Advisories[i]) {
				t.Fatalf("%s: advisory %d:\n%+v\nencoding/json:\n%+v", name, i, r1.Advisories[i], r2.Advisories[i])
			}
		}
		t.Fatalf("%s: results differ: read %d/%d accepted %d/%d advisories %d/%d info %+v / %+v", name, r1.Read, r2.Read,
			r1.Accepted, r2.Accepted, len(r1.Advisories), len(r2.Advisories), r1.Info, r2.Info)
	}
	if !reflect.DeepEqual(d1.Since(0), d2.Since(0)) {
		t.Fatalf("%s: diagnostics:\n%v\nencoding/json:\n%v", name, d1.Since(0), d2.Since(0))
	}
	var d3 source.Diagnostics
	_, fast = parseFast(name, data, &d3, nil)
	return fast
}

// TestFastMatchesGeneralRealData reads every NVD sample both ways: the
// same advisories and diagnostics, and every API 2.0 sample is read by the
// fast reader itself.
func TestFastMatchesGeneralRealData(t *testing.T) {
	dir := filepath.Join(realdata.Dir(t), "nvd-cve-api-2.0")
	var files []string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".json") {
			files = append(files, p)
		}
		return nil
	})
	legacy := realdata.Files(t, "nvd-legacy-1.1", ".json")
	if len(files) == 0 || len(legacy) == 0 {
		t.Fatal("no NVD samples")
	}
	for _, f := range append(files, legacy...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		fast := sameAsGeneral(t, filepath.Base(f), data)
		if want := !isLegacy(data); fast != want {
			t.Errorf("%s: read by the fast reader: %v, want %v", f, fast, want)
		}
		// minified and indented alike
		if min := minify(data); !bytes.Equal(min, data) {
			sameAsGeneral(t, filepath.Base(f)+"-min", min)
		}
	}
}

// minify removes the white space between JSON tokens.
func minify(data []byte) []byte {
	var b bytes.Buffer
	in := false
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case in && c == '\\' && i+1 < len(data):
			b.WriteByte(c)
			i++
			b.WriteByte(data[i])
			continue
		case c == '"':
			in = !in
		case !in && (c == ' ' || c == '\n' || c == '\r' || c == '\t'):
			continue
		}
		b.WriteByte(c)
	}
	return b.Bytes()
}

// TestFastMatchesGeneralSynthetic compares both ways on the benchmark's
// records, which the fast reader must read itself.
func TestFastMatchesGeneralSynthetic(t *testing.T) {
	if !sameAsGeneral(t, "synthetic.json", synthetic(300)) {
		t.Error("the fast reader gave up on the synthetic records")
	}
}

// TestFastMatchesGeneralEdges compares both ways on input where encoding/json
// has rules of its own: escapes, invalid UTF-8, keys in other cases,
// repeated keys, nulls, values of the wrong kind, trailing data.
func TestFastMatchesGeneralEdges(t *testing.T) {
	rec := func(cve string) string { return `{"cve":` + cve + `}` }
	const cfg = `"configurations":[{"nodes":[{"operator":"OR","cpeMatch":[{"vulnerable":true,"criteria":"cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*","versionStartIncluding":"2.0","versionEndExcluding":"2.15.0"}]}]}]`
	cases := map[string]string{
		"plain":          rec(`{"id":"CVE-2021-44228",` + cfg + `}`),
		"escapes":        rec(`{"id":"CVE-2021-\u0034\u00344228","descriptions":[{"lang":"en","value":"a \"quoted\" \\ \ud83d\ude00 \/ text\n"}],` + cfg + `}`),
		"bad surrogate":  rec(`{"id":"CVE-2021-44228","descriptions":[{"lang":"en","value":"\ud800 x"}]}`),
		"invalid utf8":   rec("{\"id\":\"CVE-2021-44228\",\"descriptions\":[{\"lang\":\"en\",\"value\":\"\xff\xfe caf\xc3\xa9\"}]}"),
		"upper key":      rec(`{"ID":"CVE-2021-44228"}`),
		"kelvin key":     rec("{\"id\":\"CVE-2021-44228\",\"\u212Aey\":1}"),
		"repeated key":   rec(`{"id":"CVE-2021-1","id":"CVE-2021-44228"}`),
		"null cve":       rec(`null`),
		"null element":   `null`,
		"string element": `"x"`,
		"null fields":    rec(`{"id":"CVE-2021-44228","descriptions":null,"metrics":null,"published":null,"configurations":[{"nodes":[{"negate":null,"cpeMatch":null}]}]}`),
		"number id":      rec(`{"id":5}`),
		"bool string":    rec(`{"id":"CVE-2021-44228","configurations":[{"nodes":[{"cpeMatch":[{"vulnerable":"yes"}]}]}]}`),
		"score string":   rec(`{"id":"CVE-2021-44228","metrics":{"cvssMetricV31":[{"type":"Primary","cvssData":{"version":"3.1","vectorString":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H","baseScore":"9.8"}}]}}`),
		"score huge":     rec(`{"id":"CVE-2021-44228","metrics":{"cvssMetricV31":[{"type":"Primary","cvssData":{"version":"3.1","vectorString":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H","baseScore":1e999}}]}}`),
		"score exp":      rec(`{"id":"CVE-2021-44228","metrics":{"cvssMetricV31":[{"type":"Primary","cvssData":{"version":"3.1","vectorString":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H","baseScore":0.98E+1}}]}}`),
		"metric repeat":  rec(`{"id":"CVE-2021-44228","metrics":{"cvssMetricV2":[],"cvssMetricV2":[{"type":"Primary","cvssData":{"version":"2.0","vectorString":"AV:N/AC:L/Au:N/C:P/I:P/A:P","baseScore":7.5}}]}}`),
		"unknown deep":   rec(`{"id":"CVE-2021-44228","x":{"a":[1,2,{"b":[true,false,null,-0.5e-3]}]},` + cfg + `}`),
		"bad number":     rec(`{"id":"CVE-2021-44228","x":01}`),
		"rejected":       rec(`{"id":"CVE-2021-44228","vulnStatus":"Rejected"}`),
		"children":       rec(`{"id":"CVE-2021-44228","configurations":[{"nodes":[{"children":[{"cpeMatch":[{"vulnerable":true,"criteria":"cpe:2.3:a:x:y:1.0:*:*:*:*:*:*:*"}]}]}]}]}`),
		"control char":   rec("{\"id\":\"CVE-2021-\t44228\"}"),
	}
	for name, elem := range cases {
		for _, doc := range []string{
			`{"version":"2.0","timestamp":"2025-01-01T00:00:00.000","vulnerabilities":[` + elem + `]}`,
			"\xef\xbb\xbf{\n  \"vulnerabilities\" : [ " + elem + " , " + rec(`{"id":"CVE-2020-0001"}`) + " ]\n}\n",
			`{"vulnerabilities":[` + elem + `],"vulnerabilities":[],"version":"2.0"}`,
			`{"vulnerabilities":[` + elem + `]} x`,
			`{"vulnerabilities":[` + elem + `]`,
			`{"vulnerabilities":null}`,
			`{"Vulnerabilities":[` + elem + `]}`,
		} {
			t.Run(name, func(t *testing.T) { sameAsGeneral(t, name+".json", []byte(doc)) })
		}
	}
}
