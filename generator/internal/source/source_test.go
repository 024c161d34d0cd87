package source

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"
)

func readCSV(t *testing.T, data []byte, aliases map[string]string) ([]Record, []string, *Diagnostics, CSVResult) {
	t.Helper()
	var diags Diagnostics
	var recs []Record
	var bad []string
	res, err := ReadCSV("f.csv", bytes.NewReader(data), CSVOptions{Aliases: aliases}, &diags,
		func(r Record) { recs = append(recs, r) }, func(p Pos, msg string) { bad = append(bad, p.String()+": "+msg) })
	if err != nil {
		t.Fatal(err)
	}
	return recs, bad, &diags, res
}

func TestReadCSVEncodings(t *testing.T) {
	aliases := map[string]string{"システムid": "system", "製品": "product", "バージョン": "version"}
	text := "システムID,製品,バージョン\r\nweb-1,apache:struts,2.5.10\r\nweb-2,\"株式会社みなと:勤怠くん\",1.0\r\n"
	sjis, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		data []byte
		enc  string
	}{
		{"utf-8", []byte(text), EncUTF8},
		{"utf-8 with BOM", append([]byte("\xef\xbb\xbf"), text...), EncUTF8BOM},
		{"cp932 with CRLF", sjis, EncCP932},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			recs, bad, diags, res := readCSV(t, tc.data, aliases)
			if res.Encoding != tc.enc {
				t.Errorf("encoding = %q, want %q", res.Encoding, tc.enc)
			}
			if len(bad) != 0 || diags.Len() != 0 {
				t.Fatalf("bad = %v, diags = %v", bad, diags.Sorted())
			}
			if len(recs) != 2 {
				t.Fatalf("got %d records", len(recs))
			}
			v, _ := recs[1].Get("product")
			if v.Text != "株式会社みなと:勤怠くん" || v.Pos.Line != 3 || v.Pos.Col != 7 {
				t.Errorf("product = %q at %v", v.Text, v.Pos)
			}
			if s, _ := recs[0].Get("system"); s.Text != "web-1" || s.Pos.String() != "f.csv:2:1" {
				t.Errorf("system = %+v", s)
			}
		})
	}
}

func TestReadCSVBadRows(t *testing.T) {
	data := "id,name\na,1\nb,2,extra\nc\n\"d,unterminated\ne,5\n"
	recs, bad, diags, res := readCSV(t, []byte(data), nil)
	// The unterminated quote costs its own row only: e is read again.
	if len(recs) != 2 {
		t.Errorf("accepted %d records, want 2 (rows a and e)", len(recs))
	}
	if res.Rows != len(recs)+len(bad) {
		t.Errorf("rows %d != accepted %d + bad %d", res.Rows, len(recs), len(bad))
	}
	want := []string{"f.csv:3:1: row has 3 fields, the header has 2", "f.csv:4:1: row has 1 fields, the header has 2"}
	for i, w := range want {
		if i >= len(bad) || bad[i] != w {
			t.Errorf("bad[%d] = %q, want %q", i, get(bad, i), w)
		}
	}
	if len(bad) != 3 || !strings.Contains(bad[2], "f.csv:5:1: a quoted field is not closed") {
		t.Errorf("want the unterminated quote reported at line 5, got %q", bad)
	}
	if diags.Count(Error) != 3 {
		t.Errorf("errors = %d", diags.Count(Error))
	}
}

func get(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return "<none>"
}

func TestReadCSVLongLine(t *testing.T) {
	data := "id,name\na," + strings.Repeat("x", MaxLineLength+10) + "\nb,2\n"
	recs, bad, _, _ := readCSV(t, []byte(data), nil)
	// The long line is rejected; reading resumes at the next line.
	if len(recs) != 1 || len(bad) != 1 || !strings.HasPrefix(bad[0], "f.csv:2:1: line 2 is longer than") {
		t.Errorf("recs %d, bad %q", len(recs), bad)
	}
}

func TestYAMLRecords(t *testing.T) {
	data := []byte(`systems:
  - id: web-1
    name: {ja: 受注サイト, en: Order site}
    data: [personal, entrusted]
    contract:
      maintenance_until: 2027-03-31
  - just a string
  - id: web-2
    affected:
      - {product: "apache:struts", versions: ">=2.5 <2.5.10.1"}
`)
	var diags Diagnostics
	var bad []string
	recs, err := YAMLRecords("s.yaml", data, "systems", &diags, func(p Pos, m string) { bad = append(bad, p.String()) })
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || len(bad) != 1 || bad[0] != "s.yaml:7:5" {
		t.Fatalf("recs %d bad %v", len(recs), bad)
	}
	if v, _ := recs[0].Get("name.ja"); v.Text != "受注サイト" || v.Pos.Line != 3 {
		t.Errorf("name.ja = %+v", v)
	}
	if v, _ := recs[0].Get("contract.maintenance_until"); v.Text != "2027-03-31" {
		t.Errorf("contract = %+v", v)
	}
	if v, _ := recs[0].Get("data"); !v.IsList || len(v.List) != 2 {
		t.Errorf("data = %+v", v)
	}
	if g := recs[1].Group("affected"); len(g) != 1 {
		t.Errorf("affected groups = %v", g)
	}
}

func TestYAMLAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 9; i++ {
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	var diags Diagnostics
	_, err := YAMLMap("bomb.yaml", []byte(b.String()), &diags)
	if err == nil {
		t.Fatal("alias bomb accepted")
	}
}

func TestDecoder(t *testing.T) {
	rec := NewRecord(Pos{"x.csv", 2, 1})
	set := func(k, v string, col int) { rec.Set(k, Value{Text: v, Pos: Pos{"x.csv", 2, col}}) }
	set("id", "../etc", 1)
	set("date", "2026-02-30", 2)
	set("kind", "公開ウェブサイト", 3)
	set("flag", "はい", 4)
	set("extra", "?", 5)
	var diags Diagnostics
	d := NewDecoder("systems", rec, &diags)
	d.ID("id", true)
	d.Date("date", false)
	if got := d.Enum("kind", true, []string{"website"}, map[string]string{"公開ウェブサイト": "website"}); got != "website" {
		t.Errorf("enum = %q", got)
	}
	if v, ok := d.Bool("flag"); !v || !ok {
		t.Errorf("bool = %v %v", v, ok)
	}
	d.String("name", true)
	if d.Finish() {
		t.Fatal("record with errors accepted")
	}
	got := []string{}
	for _, x := range diags.Sorted() {
		got = append(got, x.String())
	}
	want := []string{
		`x.csv:2:1: error: field "id": "../etc" is not a valid id: expected letters, digits, '.', '_' or '-', starting with a letter or digit`,
		`x.csv:2:1: error: field "name": is required`,
		`x.csv:2:2: error: field "date": "2026-02-30" is not a date: expected YYYY-MM-DD, YYYY/M/D or YYYY-M-D`,
		`x.csv:2:5: warning: systems: unknown field "extra": ignored`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
