package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"hash/crc32"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// unescapeLike undoes Excel's _xHHHH_ escapes as excelize reads them.
func unescapeLike(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if len(s)-i >= 7 && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' && strings.Trim(s[i+2:i+6], "0123456789abcdefABCDEF") == "" {
			var r rune
			for _, c := range s[i+2 : i+6] {
				r = r<<4 | rune(strings.IndexRune("0123456789abcdef", c|0x20))
			}
			b.WriteRune(r)
			i += 7
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// TestAppendEscaped wants every text escaped into well-formed XML that
// reads back as the text, with what XML forbids as U+FFFD.
func TestAppendEscaped(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", " ", "\t", "\n", "\r", "&", "<", ">", "\"", "'", "_", "x", "0", "F", "5", "\x00", "\x1f",
		"\x7f", "\xff", "\xed\xa0\x80", "\uFFFE", "\uFFFD", "あ", "😀", "]]>", "_x005F_", "_x0041_", "&amp;", "_x1_", "_x12_", "_x123_"}
	texts := append([]string{}, nastyTexts...)
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		esc := appendEscaped(nil, s)
		if !utf8.Valid(esc) {
			t.Errorf("%q: escaped to invalid UTF-8 %q", s, esc)
		}
		var v struct {
			T string `xml:",chardata"`
		}
		if err := xml.Unmarshal(append(append([]byte("<t>"), esc...), "</t>"...), &v); err != nil {
			t.Errorf("%q: escaped to %q, not well-formed: %v", clip(s, 30), clip(string(esc), 30), err)
			continue
		}
		if got, want := unescapeLike(v.T), readBack(s, "…"); got != want && len(s) <= maxCellChars {
			t.Errorf("%q: escaped to %q, reads back as %q", s, esc, got)
		}
	}
}

// TestAppendEscapedMultiByte wants every sequence of a lead byte and two
// more bytes escaped as when each character is decoded on its own (the
// escaper passes valid three-byte characters without decoding them).
func TestAppendEscapedMultiByte(t *testing.T) {
	ref := func(s string) string {
		var b strings.Builder
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF:
				b.WriteString("\uFFFD")
			case r < utf8.RuneSelf:
				b.Write(appendEscaped(nil, s[i:i+1]))
			default:
				b.WriteString(s[i : i+n])
			}
			i += n
		}
		return b.String()
	}
	tails := []byte{0x00, 0x41, 0x7f, 0x80, 0x8f, 0x9f, 0xa0, 0xbd, 0xbe, 0xbf, 0xc0, 0xe3, 0xff}
	for lead := 0xc0; lead <= 0xff; lead++ {
		for _, c1 := range tails {
			for _, c2 := range tails {
				for _, s := range []string{string([]byte{byte(lead), c1, c2}), "a" + string([]byte{byte(lead), c1, c2}) + "&b",
					string([]byte{byte(lead), c1}), string([]byte{byte(lead)})} {
					if got, want := string(appendEscaped(nil, s)), ref(s); got != want {
						t.Errorf("%q: escaped to %q, want %q", s, got, want)
					}
				}
			}
		}
	}
}

func TestCapText(t *testing.T) {
	const mark = "…(truncated)"
	for _, tc := range []struct {
		s     string
		cut   bool
		units int
	}{
		{"short", false, 5},
		{strings.Repeat("a", maxCellChars), false, maxCellChars},
		{strings.Repeat("あ", maxCellChars), false, maxCellChars},
		{strings.Repeat("a", maxCellChars+1), true, maxCellChars},
		{strings.Repeat("😀", maxCellChars/2) + "a", false, maxCellChars},
		{strings.Repeat("😀", maxCellChars/2+1), true, maxCellChars - 1}, // a surrogate pair is never split
		{strings.Repeat("\xff", maxCellChars+5), true, maxCellChars},
	} {
		got := capText(tc.s, mark)
		if cut := got != tc.s; cut != tc.cut || utf16Len(got) != tc.units || cut && !strings.HasSuffix(got, mark) {
			t.Errorf("capText(%q…) = %q… (%d units, cut %v), want %d units, cut %v", clip(tc.s, 5), clip(got, 5),
				utf16Len(got), cut, tc.units, tc.cut)
		}
		if !utf8.ValidString(got) && utf8.ValidString(tc.s) {
			t.Errorf("capText split a character")
		}
	}
}

// TestAppendNumber wants numbers written as excelize writes them.
func TestAppendNumber(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	rng := rand.New(rand.NewPCG(3, 4))
	nums := append([]float64{0, 1, -1, 10, 46327, 999_999_999_999_999, -999_999_999_999_999, 1e15, -1e15, 1e15 + 1,
		1 << 53, -(1 << 63), 1 << 63, 0.5, -0.5, 46327.000001, 0.00043, 0.97, 7.5, 1e-5, -1e-5, 1e-6, 999_999_999.99999,
		1e9 + 0.5, 123456.78901, 0.1 + 0.7, 2.675, 1.00001, 99_999.99999, math.Nextafter(0.3, 1), math.Nextafter(7.5, 8),
		math.Nextafter(0.00043, 0), math.Nextafter(-0.97, 0), 1442.7250999999999, -2738.7828799999997, 4076.0874200000003}, nastyNumbers...)
	for range 2000 {
		nums = append(nums, math.Float64frombits(rng.Uint64()), rng.Float64()*math.Pow(10, float64(rng.IntN(40)-20)),
			float64(rng.IntN(1000))/10, float64(rng.Int64()),
			// Decimals of a few places, some past what appendDecimal takes.
			float64(rng.Int64N(2e14)-1e14)/math.Pow(10, float64(rng.IntN(8))), float64(rng.IntN(100_000))/100_000)
	}
	for _, v := range nums {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		if err := f.SetCellFloat("Sheet1", "A1", v, -1, 64); err != nil {
			t.Fatal(err)
		}
		want, _ := f.GetCellValue("Sheet1", "A1", excelize.Options{RawCellValue: true})
		if got := string(appendNumber(nil, v)); got != want {
			t.Errorf("%v: wrote %s, excelize writes %s", v, got, want)
		}
	}
}

func TestCRC32Combine(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, n := range [][2]int{{0, 0}, {0, 5}, {5, 0}, {1, 1}, {100, 3000}, {chunkSize, 12345}, {3, chunkSize + 7}} {
		a, b := make([]byte, n[0]), make([]byte, n[1])
		for i := range a {
			a[i] = byte(rng.Uint32())
		}
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		want := crc32.ChecksumIEEE(append(append([]byte{}, a...), b...))
		if got := crc32Combine(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), int64(len(b))); got != want {
			t.Errorf("%v: %08x, want %08x", n, got, want)
		}
	}
}

// TestZipWriter writes parts through a zipWriter, one with rows spliced
// in across several chunks, and reads them back; every part's recorded
// offset is its local header, which patchZip64 marks.
func TestZipWriter(t *testing.T) {
	c := newCompressor()
	rows := &stream{c: c}
	var want strings.Builder
	want.WriteString("<worksheet><sheetData><row r=\"1\"/>")
	for i := range 200000 {
		s := "<row r=\"" + string(rune('a'+i%26)) + "\"/>"
		rows.buf = append(rows.buf, s...)
		want.WriteString(s)
		rows.full()
	}
	rows.cut(false)
	want.WriteString("</sheetData><tail/></worksheet>")
	var buf bytes.Buffer
	buf.WriteString("prefix")
	z := newZipWriter(&buf, c, map[string]*stream{"xl/worksheets/sheet2.xml": rows}, nil)
	for _, p := range [][2]string{{"z.xml", "last"}, {"xl/worksheets/sheet2.xml", "<worksheet><sheetData><row r=\"1\"/></sheetData><tail/></worksheet>"}, {"a.xml", ""}} {
		w, err := z.Create(p[0])
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.WriteString(w, p[1])
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()[len("prefix"):]
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc) // checks the CRC
		if err != nil {
			t.Fatalf("%s: %v", zf.Name, err)
		}
		got[zf.Name] = string(b)
	}
	if got["xl/worksheets/sheet2.xml"] != want.String() || got["z.xml"] != "last" || len(got) != 3 {
		t.Errorf("parts %d, sheet %d bytes, want %d", len(got), len(got["xl/worksheets/sheet2.xml"]), want.Len())
	}
	for _, p := range z.parts {
		o := p.offset
		if binary.LittleEndian.Uint32(buf.Bytes()[o:]) != 0x04034b50 || string(buf.Bytes()[o+30:o+30+int64(len(p.name))]) != p.name {
			t.Errorf("%s: no local header at %d", p.name, o)
		}
		p.size = math.MaxUint32 + 1
	}
	if err := patchZip64(buf.Bytes(), z.parts); err != nil {
		t.Fatal(err)
	}
	for _, p := range z.parts {
		if v := binary.LittleEndian.Uint16(buf.Bytes()[p.offset+4:]); v != 45 {
			t.Errorf("%s: version %d, want 45", p.name, v)
		}
	}
	z = newZipWriter(&bytes.Buffer{}, newCompressor(), map[string]*stream{"xl/worksheets/sheet9.xml": {}}, nil)
	if err := z.Close(); err == nil {
		t.Error("rows without their sheet were not reported")
	}
}

// onlyWriter hides a bytes.Buffer behind io.Writer, as a file would be.
type onlyWriter struct{ w io.Writer }

func (o onlyWriter) Write(p []byte) (int, error) { return o.w.Write(p) }

// TestZipWriterToFile wants the archive written straight to a writer (a
// file) byte for byte as the one written to a buffer, rows written as the
// part is saved (later) included, and parts past 4 GiB marked as ZIP64 in
// both.
func TestZipWriterToFile(t *testing.T) {
	write := func(out io.Writer, huge bool) {
		c := newCompressor()
		later := map[string]func(io.Writer) error{"xl/worksheets/sheet3.xml": func(w io.Writer) error {
			for i := range 300000 {
				if _, err := io.WriteString(w, "<row r=\""+strconv.Itoa(i)+"\"/>"); err != nil {
					return err
				}
			}
			return nil
		}}
		z := newZipWriter(out, c, nil, later)
		for _, p := range [][2]string{{"z.xml", "last"}, {"xl/worksheets/sheet3.xml", "<worksheet><sheetData></sheetData></worksheet>"}, {"a.xml", "first"}} {
			w, err := z.Create(p[0])
			if err != nil {
				t.Fatal(err)
			}
			_, _ = io.WriteString(w, p[1])
		}
		if huge { // as if the sheet were past 4 GiB
			if err := z.finish(); err != nil {
				t.Fatal(err)
			}
			z.parts[1].size += math.MaxUint32
		}
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
	}
	for _, huge := range []bool{false, true} {
		var a, b bytes.Buffer
		write(&a, huge)
		write(onlyWriter{&b}, huge)
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("huge %v: the archive written to a file differs from the one written to a buffer", huge)
		}
		if huge {
			i := bytes.Index(b.Bytes(), []byte("xl/worksheets/sheet3.xml")) - localHeaderLen
			if v := binary.LittleEndian.Uint16(b.Bytes()[i+4:]); v != 45 {
				t.Errorf("sheet3.xml: version %d, want 45", v)
			}
		} else {
			zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
			if err != nil {
				t.Fatal(err)
			}
			for _, zf := range zr.File {
				rc, err := zf.Open()
				if err != nil {
					t.Fatal(err)
				}
				data, err := io.ReadAll(rc)
				if err != nil {
					t.Fatalf("%s: %v", zf.Name, err)
				}
				if zf.Name == "xl/worksheets/sheet3.xml" && (!strings.HasSuffix(string(data), "<row r=\"299999\"/></sheetData></worksheet>") || len(data) < 300000*10) {
					t.Errorf("sheet3.xml: %d bytes, ends %q", len(data), data[max(0, len(data)-60):])
				}
			}
		}
	}
}

// TestWrapHeight wants wrapHeight as it was with strings.Split: lines of
// East Asian width counted twice, invalid UTF-8 as U+FFFD.
func TestWrapHeight(t *testing.T) {
	old := func(cols []column, vals []any) float64 {
		lines := 1
		for i, c := range cols {
			s, _ := vals[i].(string)
			if c.kind != kWrap || s == "" {
				continue
			}
			per := max(1, int(c.width*0.95))
			n := 0
			for _, l := range strings.Split(s, "\n") {
				w := 0
				for _, r := range l {
					w++
					if r >= 0x1100 {
						w++
					}
				}
				n += max(1, (w+per-1)/per)
			}
			lines = max(lines, min(n, 6))
		}
		if lines == 1 {
			return 0
		}
		return float64(lines)*13.5 + 2
	}
	cols := []column{{"a", 10, kWrap, false}, {"b", 4, kWrap, false}, {"c", 30, kText, false}}
	for _, s := range append([]string{"", "a", "a\n", "\n\n", "0123456789abc", "漢字漢字漢字", "x\xffy\xed\xa0\x80", "a\nb\nc\nd\ne\nf\ng\nh",
		strings.Repeat("あい", 30), "trailing\n", strings.Repeat("\n", 9), strings.Repeat("0123456789", 9) + "\nb",
		"a\nb\nc\nd\ne\n" + strings.Repeat("x", 40), "é\n😀\n\u10ff\u1100"}, nastyTexts[:24]...) {
		for _, vals := range [][]any{{s, "", s}, {"", s, ""}, {s, s + "\n" + s, nil}} {
			if got, want := wrapHeight(cols, vals), old(cols, vals); got != want {
				t.Errorf("wrapHeight %q = %v, want %v", vals, got, want)
			}
		}
	}
}
