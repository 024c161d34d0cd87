package source

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

// TestYAMLSyntaxPositions: yaml.v3's errors are placed on the line of the
// problem, with a column, as file:line:col.
func TestYAMLSyntaxPositions(t *testing.T) {
	cases := map[string]string{
		"a:\n  b: 1\n c: 2\n":              "f.yaml:3:2: YAML syntax: did not find expected key",
		"- id: a\n  name: x\n - id: b\n":   "f.yaml:3:2: YAML syntax: did not find expected '-' indicator",
		"a: b: c\n":                        "f.yaml:1:1: YAML syntax: mapping values are not allowed in this context",
		"x: 1\na: 1\n\tb: 2\n":             "f.yaml:3:1: YAML syntax: found a tab character that violates indentation",
		"- id: 受注\n  名前: [あ\n  x: 1\n":     "f.yaml:2:3: YAML syntax: did not find expected ',' or ']'",
		"- id: a\n  name: 'unterminated\n": "f.yaml:2:3: YAML syntax: found unexpected end of stream",
	}
	for in, want := range cases {
		_, err := ParseYAML("f.yaml", []byte(in))
		if err == nil || err.Error() != want {
			t.Errorf("%q: error %v, want %s", in, err, want)
		}
		if pos, _ := ErrorAt("f.yaml", err); pos.Line == 0 || pos.Col == 0 {
			t.Errorf("%q: no position", in)
		}
	}
}

// TestYAMLEncodings: CP932 and UTF-16 YAML are read; UTF-8 with a bad
// byte is an error at that byte.
func TestYAMLEncodings(t *testing.T) {
	text := "systems:\n  - id: web-1\n    name: 受注サイト\n"
	sjis, _ := japanese.ShiftJIS.NewEncoder().Bytes([]byte(text))
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
	for enc, data := range map[string][]byte{EncCP932: sjis, EncUTF16LE: u16, EncUTF8: []byte(text)} {
		if got := TextEncoding(data); got != enc {
			t.Errorf("%s: TextEncoding = %s", enc, got)
		}
		var diags Diagnostics
		recs, err := YAMLRecords("s.yaml", data, "systems", &diags, func(Pos, string) {})
		if err != nil || len(recs) != 1 {
			t.Fatalf("%s: %v, %d records", enc, err, len(recs))
		}
		if v, _ := recs[0].Get("name"); v.Text != "受注サイト" || v.Pos.String() != "s.yaml:3:11" {
			t.Errorf("%s: name %q at %v", enc, v.Text, v.Pos)
		}
	}
	nobom, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(text))
	if _, err := ParseYAML("s.yaml", nobom); err == nil || !strings.HasPrefix(err.Error(), "s.yaml:1:1: the file is UTF-16 without a byte order mark") {
		t.Errorf("UTF-16 without BOM: %v", err)
	}
	bad := []byte("systems:\n  - id: web-1\n    name: 受注\xffサイト\n")
	_, err := ParseYAML("s.yaml", bad)
	if err == nil || !strings.HasPrefix(err.Error(), "s.yaml:3:13: a byte that is not valid UTF-8") {
		t.Errorf("bad byte: %v", err)
	}
	if got := (Diagnostic{Pos: Pos{File: "policy.yaml"}, Severity: Warning, Msg: "x"}).String(); got != "policy.yaml:1:1: warning: x" {
		t.Errorf("file-level diagnostic = %q", got)
	}
}
