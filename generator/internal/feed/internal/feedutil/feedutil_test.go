package feedutil

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestLines(t *testing.T) {
	data := []byte("ab\nc日本d\n\nxyz")
	l := NewLines("f", data)
	for _, tt := range []struct{ off, line, col int }{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {4, 2, 2}, {10, 2, 4}, {12, 3, 1}, {13, 4, 1}, {16, 4, 4}, {1, 1, 2}, {99, 4, 4},
	} {
		line, col := l.LineCol(tt.off)
		if line != tt.line || col != tt.col {
			t.Errorf("LineCol(%d) = %d:%d, want %d:%d", tt.off, line, col, tt.line, tt.col)
		}
	}
}

func TestStream(t *testing.T) {
	data := []byte("\xef\xbb\xbf{\"version\": \"2.0\",\n \"vulnerabilities\": [\n  {\"a\": 1},\n  {\"a\": 2}\n ], \"after\": true}")
	var offs []int
	top, found, err := Stream(data, []string{"vulnerabilities"}, func(off int, raw json.RawMessage) {
		offs = append(offs, off)
		if data[off] != '{' {
			t.Errorf("offset %d points at %q", off, data[off])
		}
	})
	if err != nil || !found {
		t.Fatalf("Stream: found %v, err %v", found, err)
	}
	if len(offs) != 2 || string(top["version"]) != `"2.0"` || string(top["after"]) != "true" {
		t.Errorf("offsets %v, top %v", offs, top)
	}
	l := NewLines("f", data)
	if p := l.Pos(offs[1]); p.Line != 4 || p.Col != 3 {
		t.Errorf("second element at %v, want 4:3", p)
	}
	// nested path and missing path
	_, found, err = Stream([]byte(`{"feed": {"title": "x", "entry": [1, 2, 3]}}`), []string{"feed", "entry"}, func(int, json.RawMessage) {})
	if err != nil || !found {
		t.Errorf("nested: found %v, err %v", found, err)
	}
	_, found, err = Stream([]byte(`{"other": []}`), []string{"vulnerabilities"}, func(int, json.RawMessage) {})
	if err != nil || found {
		t.Errorf("missing: found %v, err %v", found, err)
	}
}

func TestStreamErrors(t *testing.T) {
	tests := []struct {
		name, data, want string
		trailing         bool
	}{
		{"truncated", "{\"vulnerabilities\": [\n {\"a\": 1},\n {\"a\"", "at 3:6: unexpected end of file", false},
		{"syntax", "{\"vulnerabilities\": [\n {\"a\": 1},\n {\"a\" 2}]}", "at 3:7: invalid character '2'", false},
		{"array expected", "{\"vulnerabilities\": {}}", "at 1:21: found an object where an array as the value of \"vulnerabilities\" was expected", false},
		{"object expected", "[1, 2]", "at 1:1: found an array where a JSON object was expected", false},
		{"broken after the array", "{\"vulnerabilities\": [1],\n \"status\": {\"retMax\": ,}}", "at 2:23: invalid character ','", true},
		{"garbage after the document", "{\"vulnerabilities\": []} x", "at 1:25: unexpected data after the end", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.data)
			_, _, err := Stream(data, []string{"vulnerabilities"}, func(int, json.RawMessage) {})
			if err == nil {
				t.Fatal("no error")
			}
			var te *TrailingError
			if errors.As(err, &te) != tt.trailing {
				t.Errorf("trailing = %v, want %v (%v)", !tt.trailing, tt.trailing, err)
			}
			msg := FileError(data, err, "a test file").Error()
			if !strings.Contains(msg, tt.want) || !strings.HasSuffix(msg, "expected a test file") {
				t.Errorf("error %q does not contain %q", msg, tt.want)
			}
		})
	}
}

func TestFileErrorUnmarshal(t *testing.T) {
	data := []byte("{\n  \"a\": [1,\n  2,,]}")
	var v any
	err := FileError(data, json.Unmarshal(data, &v), "x")
	if !strings.Contains(err.Error(), "not readable at 3:5: invalid character ','") {
		t.Errorf("got %v", err)
	}
	err = FileError([]byte(`{"a": 1`), json.Unmarshal([]byte(`{"a": 1`), &v), "x")
	if !strings.Contains(err.Error(), "at 1:8: unexpected end of file") {
		t.Errorf("got %v", err)
	}
	var s struct{ A string }
	err = FileError([]byte(`{"A": 12}`), json.Unmarshal([]byte(`{"A": 12}`), &s), "x")
	if !strings.Contains(err.Error(), `field "A" is JSON number where a string was expected`) {
		t.Errorf("got %v", err)
	}
}

func TestCVSS(t *testing.T) {
	c, w := CVSS("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10, true)
	if c == nil || c.Score != 10 || c.Given != 10 || len(w) != 0 {
		t.Errorf("v3.1: %+v %v", c, w)
	}
	c, w = CVSS("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.3, true)
	if c == nil || c.Score != 9.8 || c.Given != 9.3 || len(w) != 1 {
		t.Errorf("disagreement: %+v %v", c, w)
	}
	c, w = CVSS("2.0", "AV:N/AC:M/Au:N/C:N/I:P/A:N", 4.3, true)
	if c == nil || c.Score != 4.3 || c.Version != "2.0" || len(w) != 0 {
		t.Errorf("v2: %+v %v", c, w)
	}
	c, _ = CVSS("", "AV:N/AC:M/Au:N/C:N/I:P/A:N", 0, false)
	if c == nil || c.Score != 4.3 {
		t.Errorf("v2 computed: %+v", c)
	}
	c, w = CVSS("4.0", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3, true)
	if c == nil || c.Score != 9.3 || len(w) != 0 {
		t.Errorf("v4: %+v %v", c, w)
	}
	c, w = CVSS("3.1", "garbage", 7.5, true)
	if c == nil || c.Score != 7.5 || len(w) != 1 {
		t.Errorf("bad vector: %+v %v", c, w)
	}
	if c, w = CVSS("5.0", "x", 1, true); c != nil || len(w) != 1 {
		t.Errorf("unknown version: %+v %v", c, w)
	}
	if c, _ = CVSS("3.1", "", 0, false); c != nil {
		t.Errorf("nothing: %+v", c)
	}
}

func TestTextHelpers(t *testing.T) {
	long := strings.Repeat("word ", 40)
	if got := TitleFrom(long); len([]rune(got)) != TitleLen || !strings.HasSuffix(got, "…") {
		t.Errorf("TitleFrom: %q (%d)", got, len([]rune(got)))
	}
	if got := TitleFrom("a\n  b"); got != "a b" {
		t.Errorf("TitleFrom: %q", got)
	}
	if d := DateString("2022-08-30T21:15Z"); d != "2022-08-30" {
		t.Errorf("DateString: %q", d)
	}
	if _, ok := Date("2022-13-01"); ok {
		t.Error("Date accepted month 13")
	}
	if got := CVEsIn("CVE-2021-44228 and CVE-2021-45046, CVE-2021-44228"); len(got) != 2 {
		t.Errorf("CVEsIn: %v", got)
	}
	if !IsCWE("CWE-79") || IsCWE("CWE-noinfo") || IsCWE("NVD-CWE-Other") {
		t.Error("IsCWE")
	}
	if !IsHTTP("https://nvd.nist.gov/x") || IsHTTP("ftp://x/y") || IsHTTP("/relative") {
		t.Error("IsHTTP")
	}
}
