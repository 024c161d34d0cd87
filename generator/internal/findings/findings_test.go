package findings

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
)

func sample() File {
	fs := FromModel(model.Findings(
		model.Flat{Key: "web/apache:struts@2.5.10/CVE-2017-5638", Kind: "vulnerability", System: "web", Product: "apache:struts", Version: "2.5.10",
			VulnID: "CVE-2017-5638", IDs: []string{"CVE-2017-5638", "JVNDB-2017-001621"}, HasCVSS: true, CVSS: 10, CVSSVersion: "3.0",
			Severity: "critical", Exploited: true, KEV: true, Priority: model.P1,
			Reasons:   []model.Reason{{Code: "kev", Text: i18n.Text{JA: "KEV 掲載", EN: "listed in CISA KEV"}}},
			FirstSeen: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC), Due: time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC), State: "open"},
		model.Flat{Key: "x/=cmd|' /C calc'!A0@1/V-1", Kind: "vulnerability", System: "x", Product: "=HYPERLINK(\"http://evil\")", Version: "@SUM(1)",
			VulnID: "V-1", IDs: []string{"V-1"}, Priority: model.P3, State: "open"},
	))
	return File{ToolVersion: "test", AsOf: "2026-11-30", Organization: i18n.Plain("<b>Org</b>"), Findings: fs}
}

func TestRoundTrip(t *testing.T) {
	a, err := Encode(sample())
	if err != nil {
		t.Fatal(err)
	}
	f, err := Decode(a)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Encode(f)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatalf("encode → decode → encode differs:\n%s\n%s", a, b)
	}
	if !strings.Contains(string(a), `"cvss": null`) || !strings.Contains(string(a), "<b>Org</b>") {
		t.Errorf("no-data must be null and HTML not escaped:\n%s", a)
	}
}

func TestDecodeRejects(t *testing.T) {
	for _, in := range []string{`{}`, `{"schema":"vulnreport/findings","schema_version":"2.0"}`, `{"schema":"vulnreport/findings","schema_version":"1.0","count":3,"findings":[]}`, `[`} {
		if _, err := Decode([]byte(in)); err == nil {
			t.Errorf("accepted %s", in)
		}
	}
}

func TestCSVNeutralisesFormulas(t *testing.T) {
	b, err := EncodeCSV(sample().Findings)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if !strings.HasPrefix(s, "\ufeffkey,kind,") {
		t.Errorf("missing BOM or header: %q", s[:20])
	}
	for _, want := range []string{`"'=HYPERLINK(""http://evil"")"`, `'@SUM(1)`, `P1: KEV 掲載`} {
		if !strings.Contains(s, want) {
			t.Errorf("csv lacks %s:\n%s", want, s)
		}
	}
	for _, bad := range []string{",=HYPERLINK", ",@SUM", ",+", ",-"} {
		if strings.Contains(s, bad) {
			t.Errorf("csv has an unneutralised cell %q", bad)
		}
	}
	if !strings.Contains(s, "\r\n") {
		t.Error("csv lines must end in CRLF")
	}
}

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{"＝1+1": "'＝1+1", "=1+1": "'=1+1", "+cmd": "'+cmd", "-2": "'-2", "@x": "'@x", "\tx": "'\tx", "ok": "ok", "": ""} {
		if got := SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestEncoderMatchesWholeFile checks that streaming gives exactly the bytes
// of encoding the whole File at once, for no, one and several findings,
// and that a count that does not hold is an error.
func TestEncoderMatchesWholeFile(t *testing.T) {
	all := sample()
	for n := 0; n <= len(all.Findings); n++ {
		f := all
		f.Findings = all.Findings[:n]
		got, err := Encode(f)
		if err != nil {
			t.Fatal(err)
		}
		f.Schema, f.SchemaVersion, f.Count = "vulnreport/findings", SchemaVersion, n
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(f); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			want.Reset()
			f.Findings = []Finding{}
			if err := enc.Encode(f); err != nil {
				t.Fatal(err)
			}
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%d findings: streamed\n%s\nwant\n%s", n, got, want.Bytes())
		}
	}
	var buf bytes.Buffer
	e := NewEncoder(&buf, all, 1)
	if err := e.Add(all.Findings[0]); err != nil {
		t.Fatal(err)
	}
	if err := e.Add(all.Findings[1]); err == nil {
		t.Error("a finding past the count was accepted")
	}
	e = NewEncoder(&buf, all, 3)
	if err := e.Close(); err == nil {
		t.Error("fewer findings than announced were accepted")
	}
}
