package source

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

// csvRun reads data with opt and returns what every test asserts: the
// records accepted, the rows rejected and the diagnostics, each as text.
type csvRun struct {
	recs  []Record
	bad   []string
	diags []string
	res   CSVResult
	err   error
}

func runCSV(t *testing.T, data []byte, opt CSVOptions) csvRun {
	t.Helper()
	var r csvRun
	var diags Diagnostics
	r.res, r.err = ReadCSV("f.csv", bytes.NewReader(data), opt, &diags,
		func(rec Record) { r.recs = append(r.recs, rec) }, func(p Pos, msg string) { r.bad = append(r.bad, p.String()+": "+msg) })
	for _, d := range diags.Sorted() {
		r.diags = append(r.diags, d.String())
	}
	if r.err == nil && r.res.Rows != len(r.recs)+len(r.bad) {
		t.Errorf("rows %d != accepted %d + rejected %d", r.res.Rows, len(r.recs), len(r.bad))
	}
	return r
}

func (r csvRun) ids(key string) string {
	var out []string
	for _, rec := range r.recs {
		v, _ := rec.Get(key)
		out = append(out, v.Text)
	}
	return strings.Join(out, ",")
}

func hasPrefix(list []string, prefix string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

// TestCSVStrayQuoteResumes: one stray quote costs its own row; every
// following row is read.
func TestCSVStrayQuoteResumes(t *testing.T) {
	data := "id,name\na,1\n\"b,2\nc,3\nd,4\ne,5\n"
	r := runCSV(t, []byte(data), CSVOptions{})
	if got := r.ids("id"); got != "a,c,d,e" {
		t.Errorf("accepted %q, want a,c,d,e", got)
	}
	if len(r.bad) != 1 || !strings.HasPrefix(r.bad[0], "f.csv:3:1: a quoted field is not closed") {
		t.Errorf("bad = %q", r.bad)
	}
	if r.res.Rows != 5 {
		t.Errorf("rows = %d, want 5 physical rows", r.res.Rows)
	}
}

// TestCSVStrayQuoteClosedLater: a stray quote closed by a quote lines
// later is still only its own line, and the closing line is judged alone.
func TestCSVStrayQuoteClosedLater(t *testing.T) {
	data := "id,name\n\"a,1\nb,2\nc,x\"y\nd,4\n"
	r := runCSV(t, []byte(data), CSVOptions{})
	if got := r.ids("id"); got != "b,d" {
		t.Errorf("accepted %q, want b,d", got)
	}
	if len(r.bad) != 2 || !strings.HasPrefix(r.bad[0], "f.csv:2:1:") || !strings.HasPrefix(r.bad[1], "f.csv:4:1:") {
		t.Errorf("bad = %q", r.bad)
	}
	if !hasPrefix(r.diags, `f.csv:4:4: error: a quote (") inside a field that is not quoted`) {
		t.Errorf("diags = %q", r.diags)
	}
}

// TestCSVMultiLineField: a quoted field over several lines is one row,
// positioned where it starts.
func TestCSVMultiLineField(t *testing.T) {
	data := "id,note,x\na,\"line one\r\nline \"\"two\"\"\",1\nb,c,2\n"
	r := runCSV(t, []byte(data), CSVOptions{})
	if len(r.recs) != 2 || len(r.bad) != 0 {
		t.Fatalf("recs %d bad %q", len(r.recs), r.bad)
	}
	v, _ := r.recs[0].Get("note")
	if v.Text != "line one\nline \"two\"" || v.Pos.String() != "f.csv:2:3" {
		t.Errorf("note = %q at %v", v.Text, v.Pos)
	}
	if v, _ := r.recs[1].Get("id"); v.Pos.String() != "f.csv:4:1" {
		t.Errorf("b at %v", v.Pos)
	}
}

// TestCSVLongLineResumes: a line over the limit is rejected with its
// line, and so is a multi-line row that runs into it; reading resumes.
func TestCSVLongLineResumes(t *testing.T) {
	long := strings.Repeat("x", MaxLineLength+1)
	data := "id,name\na,1\nb," + long + "\nc,3\n\"d,4\n" + long + "\ne,5\n"
	r := runCSV(t, []byte(data), CSVOptions{})
	if got := r.ids("id"); got != "a,c,e" {
		t.Errorf("accepted %q, want a,c,e", got)
	}
	want := []string{"f.csv:3:1: line 3 is longer than 1048576 bytes", "f.csv:5:1: a quoted field is not closed", "f.csv:6:1: line 6 is longer"}
	if len(r.bad) != len(want) {
		t.Fatalf("bad = %q", r.bad)
	}
	for i, w := range want {
		if !strings.HasPrefix(r.bad[i], w) {
			t.Errorf("bad[%d] = %.80q, want %q", i, r.bad[i], w)
		}
	}
}

// TestCSVColumnsInCharacters: columns count characters, not bytes.
func TestCSVColumnsInCharacters(t *testing.T) {
	data := "システム,製品,版\nウェブ,\"あ,い\",2.0\n"
	r := runCSV(t, []byte(data), CSVOptions{})
	if len(r.recs) != 1 {
		t.Fatalf("bad = %q", r.bad)
	}
	if v, _ := r.recs[0].Get("版"); v.Pos.String() != "f.csv:2:11" {
		t.Errorf("版 at %v, want f.csv:2:11", v.Pos)
	}
	if v, _ := r.recs[0].Get("製品"); v.Pos.String() != "f.csv:2:5" {
		t.Errorf("製品 at %v, want f.csv:2:5", v.Pos)
	}
}

// TestCSVBadUTF8Byte: a UTF-8 file with one bad byte stays UTF-8; the
// row holding it is rejected with the byte's line and column.
func TestCSVBadUTF8Byte(t *testing.T) {
	data := "id,名前\na,受注サイト\nb,勤怠\xffくん\nc,経理\n"
	r := runCSV(t, []byte(data), CSVOptions{})
	if r.res.Encoding != EncUTF8 {
		t.Errorf("encoding %q, want utf-8", r.res.Encoding)
	}
	if got := r.ids("名前"); got != "受注サイト,経理" {
		t.Errorf("accepted %q (mojibake?)", got)
	}
	if !hasPrefix(r.diags, "f.csv:3:5: error: a byte that is not valid UTF-8") || len(r.bad) != 1 || !strings.HasPrefix(r.bad[0], "f.csv:3:1:") {
		t.Errorf("diags %q bad %q", r.diags, r.bad)
	}
}

// TestCSVStrictCP932: a CP932 file is read as CP932, and a sequence with
// no character is an error at its position, not a silent U+FFFD.
func TestCSVStrictCP932(t *testing.T) {
	text, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte("id,名前\na,受注サイト\nb,勤怠くん\n"))
	if err != nil {
		t.Fatal(err)
	}
	// 0x85 0x40 is an unassigned CP932 code; put it after "勤怠" on line 3.
	i := bytes.Index(text, []byte("b,")) + 2 + 4
	data := append(append(append([]byte{}, text[:i]...), 0x85, 0x40), text[i:]...)
	r := runCSV(t, data, CSVOptions{})
	if r.res.Encoding != EncCP932 {
		t.Fatalf("encoding %q", r.res.Encoding)
	}
	if got := r.ids("名前"); got != "受注サイト" {
		t.Errorf("accepted %q", got)
	}
	if !hasPrefix(r.diags, "f.csv:3:5: error: a byte sequence that is not valid Shift_JIS (CP932)") {
		t.Errorf("diags %q", r.diags)
	}
}

// TestCSVUTF16Refused: Excel's 「Unicode テキスト」 is named, with the fix.
func TestCSVUTF16Refused(t *testing.T) {
	for _, enc := range []struct {
		name string
		e    unicode.BOMPolicy
		end  unicode.Endianness
	}{{"le-bom", unicode.UseBOM, unicode.LittleEndian}, {"be-bom", unicode.UseBOM, unicode.BigEndian}, {"le-nobom", unicode.IgnoreBOM, unicode.LittleEndian}} {
		t.Run(enc.name, func(t *testing.T) {
			data, err := unicode.UTF16(enc.end, enc.e).NewEncoder().Bytes([]byte("id\tname\r\nweb-1\tウェブ\r\n"))
			if err != nil {
				t.Fatal(err)
			}
			r := runCSV(t, data, CSVOptions{})
			if !errors.Is(r.err, ErrUTF16) || !strings.HasPrefix(r.err.Error(), "f.csv:1:1: the file is UTF-16") {
				t.Fatalf("err = %v", r.err)
			}
			if !hasPrefix(r.diags, "f.csv:1:1: error: the file is UTF-16") || !strings.Contains(r.diags[0], `"CSV UTF-8 (Comma delimited)"`) {
				t.Errorf("diags %q", r.diags)
			}
		})
	}
}

// TestCSVRepeatedHeader: a repeated field rejects every row, with one
// error at the repeated header; neither column is read.
func TestCSVRepeatedHeader(t *testing.T) {
	aliases := map[string]string{"製品名": "product", "バージョン": "version", "システムid": "system"}
	data := "システムID,バージョン,バージョン\nweb,apache:httpd,2.4.1\napp,nginx,1.2\n"
	r := runCSV(t, []byte(data), CSVOptions{Aliases: aliases, Required: []string{"system", "product"}})
	if len(r.recs) != 0 || len(r.bad) != 2 {
		t.Fatalf("recs %d bad %q", len(r.recs), r.bad)
	}
	if r.bad[0] != "f.csv:2:1: not read: the header of the file is invalid (f.csv:1:14)" {
		t.Errorf("bad[0] = %q", r.bad[0])
	}
	want := []string{
		`f.csv:1:1: error: required column "product" is missing (headers accepted for it: product, 製品名): every data row of the file is rejected`,
		`f.csv:1:14: error: header "バージョン" in column 3 names the same field "version" as column 2: the header is invalid and every data row of the file is rejected; rename or delete one of the columns`,
	}
	if strings.Join(r.diags, "\n") != strings.Join(want, "\n") {
		t.Errorf("diags:\n%s\nwant:\n%s", strings.Join(r.diags, "\n"), strings.Join(want, "\n"))
	}
}

// TestCSVMissingRequiredNamesUnknown: an unknown header where a required
// one is missing is named in the error.
func TestCSVMissingRequiredNamesUnknown(t *testing.T) {
	data := "system,prodcut,version\nweb,apache:httpd,2.4\n"
	known := func(k string) bool { return k == "system" || k == "product" || k == "version" }
	r := runCSV(t, []byte(data), CSVOptions{Known: known, Required: []string{"system", "product"}})
	if len(r.recs) != 0 || len(r.bad) != 1 {
		t.Fatalf("recs %d bad %q", len(r.recs), r.bad)
	}
	if !hasPrefix(r.diags, `f.csv:1:1: error: required column "product" is missing (headers accepted for it: product): every data row of the file is rejected; the unknown column "prodcut" may be meant for it`) {
		t.Errorf("diags %q", r.diags)
	}
}

// TestParseDateOfficeForms: the forms Japanese offices and Excel write
// are dates; anything else, and placeholder years, are not.
func TestParseDateOfficeForms(t *testing.T) {
	good := map[string]string{
		"2026-11-30": "2026-11-30", "2026/11/30": "2026-11-30", "2026/1/5": "2026-01-05",
		"2026-1-5": "2026-01-05", "2024/02/29": "2024-02-29", "2026/01/5": "2026-01-05", "1900-01-01": "1900-01-01",
	}
	for in, want := range good {
		got, err := ParseDate(in)
		if err != nil || got.Format(DateLayout) != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	bad := map[string]string{
		"0001-01-01": "the year is before 1900", "0000-01-01": "the year is before 1900", "0001/1/1": "the year is before 1900",
		"2026/11-30": "expected YYYY-MM-DD, YYYY/M/D or YYYY-M-D", "2026/2/30": "is not a date", "2023/2/29": "is not a date",
		"26/11/30": "is not a date", "2026/13/1": "is not a date", "2026/11/300": "is not a date", "2026/1/": "is not a date",
		"2026//1": "is not a date", "2026.11.30": "is not a date", "2026年11月30日": "is not a date", "2026/+1/1": "is not a date",
	}
	for in, want := range bad {
		if _, err := ParseDate(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseDate(%q) error = %v, want %q", in, err, want)
		}
	}
}

// TestOptionalDateDropped: a wrong optional date warns and keeps the
// record; a wrong date read with Date rejects it.
func TestOptionalDateDropped(t *testing.T) {
	rec := NewRecord(Pos{"s.csv", 2, 1})
	rec.Set("inspected", Value{Text: "2026/13/1", Pos: Pos{"s.csv", 2, 9}})
	rec.Set("until", Value{Text: "0001-01-01", Pos: Pos{"s.csv", 2, 19}})
	var diags Diagnostics
	d := NewDecoder("systems", rec, &diags)
	if got := d.OptionalDate("inspected"); !got.IsZero() {
		t.Errorf("got %v", got)
	}
	if !d.Finish() {
		t.Fatalf("record rejected for an optional date: %v", d.Reasons())
	}
	want := `s.csv:2:9: warning: field "inspected": "2026/13/1" is not a date: expected YYYY-MM-DD, YYYY/M/D or YYYY-M-D: the field is dropped and the record kept`
	if ds := diags.Sorted(); len(ds) != 2 || ds[0].String() != want {
		t.Errorf("diags = %v", ds)
	}
	diags = Diagnostics{}
	d = NewDecoder("remediation", rec, &diags)
	d.Date("until", false)
	d.OptionalDate("inspected")
	if d.Finish() || diags.Count(Error) != 1 || !strings.Contains(diags.Sorted()[1].String(), "s.csv:2:19: error: field \"until\": \"0001-01-01\" is not a date: the year is before 1900") {
		t.Errorf("0001-01-01 accepted as no date: %v", diags.Sorted())
	}
}

// TestCSVLateEvidence: a CP932 file whose first 64 KiB are ASCII is
// decided by its first line that is not, not read as UTF-8 for want of
// evidence.
func TestCSVLateEvidence(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,name\n")
	for i := 0; b.Len() < sniffSize+100; i++ {
		b.WriteString("web,apache-struts\n")
	}
	b.WriteString("hr,人事給与\n")
	sjis, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	r := runCSV(t, sjis, CSVOptions{})
	if r.res.Encoding != EncCP932 || len(r.bad) != 0 {
		t.Fatalf("encoding %q, bad %q", r.res.Encoding, r.bad)
	}
	if v, _ := r.recs[len(r.recs)-1].Get("name"); v.Text != "人事給与" {
		t.Errorf("last name %q", v.Text)
	}
	// The same text in UTF-8 stays UTF-8.
	r = runCSV(t, []byte(b.String()), CSVOptions{})
	if r.res.Encoding != EncUTF8 || len(r.bad) != 0 {
		t.Errorf("utf-8: encoding %q, bad %q", r.res.Encoding, r.bad)
	}
}

// TestKeepOnOptional: under KeepOnOptional, every wrong optional field
// is dropped with a warning; required ones still reject the record.
func TestKeepOnOptional(t *testing.T) {
	rec := NewRecord(Pos{"s.csv", 2, 1})
	for i, kv := range [][2]string{{"hosts", "3台"}, {"flag", "たぶん"}, {"crit", "最高"}, {"tags", "a;z"}, {"when", "R8/1/1"}, {"kind", "謎"}} {
		rec.Set(kv[0], Value{Text: kv[1], Pos: Pos{"s.csv", 2, 10 * (i + 1)}})
	}
	var diags Diagnostics
	d := NewDecoder("systems", rec, &diags)
	d.KeepOnOptional()
	if d.Int("hosts", 1) != 1 || d.Date("when", false) != (time.Time{}) || d.Enum("crit", false, []string{"high"}, nil) != "" ||
		len(d.EnumList("tags", []string{"a"}, nil)) != 1 {
		t.Error("a wrong optional field was kept")
	}
	if _, ok := d.Bool("flag"); ok {
		t.Error("bool kept")
	}
	d.String("kind", false)
	if !d.Finish() || diags.Count(Warning) != 5 || diags.Count(Error) != 0 {
		t.Fatalf("record rejected or warnings wrong: %v", diags.Sorted())
	}
	for _, w := range diags.Sorted() {
		if !strings.HasSuffix(w.Msg, "the field is dropped and the record kept") {
			t.Errorf("%s", w)
		}
	}
	d = NewDecoder("systems", rec, &diags)
	d.KeepOnOptional()
	d.Enum("kind", true, []string{"website"}, nil)
	if d.Finish() {
		t.Error("a wrong required field was dropped, not rejected")
	}
}
