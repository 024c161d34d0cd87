package source

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("id,name\na,1\n"))
	f.Add([]byte("\xef\xbb\xbfシステムID,製品\r\nweb,apache:struts\r\n"))
	f.Add([]byte("id,name\n\"a,\"\"b\nc,d,e\n"))
	f.Add([]byte{0x83, 0x56, 0x83, 0x58, ',', 'a', '\n', '1', ',', '2', '\n'})
	// resynchronisation after bad rows, encodings, repeated headers
	f.Add([]byte("id,name\na,1\n\"b,2\nc,3\nd,x\"y\ne,\"multi\nline\",f\n"))
	f.Add([]byte("id,名前\na,受注\xffサイト\nb,経理\n"))
	f.Add([]byte("\xff\xfei\x00d\x00\n\x00"))
	f.Add([]byte("id,id,name\na,b,c\n"))
	f.Add([]byte("id,name\n\x85\x40,1\n\x81,2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var diags Diagnostics
		accepted, bad := 0, 0
		check := func(p Pos) {
			if p.Line < 1 || p.Col < 1 {
				t.Fatalf("position without line or column: %v", p)
			}
		}
		opt := CSVOptions{Required: []string{"id"}}
		res, err := ReadCSV("f.csv", bytes.NewReader(data), opt, &diags, func(r Record) {
			accepted++
			for _, k := range r.Keys() {
				v, _ := r.Get(k)
				check(v.Pos)
			}
		}, func(p Pos, _ string) { bad++; check(p) })
		for _, d := range diags.Sorted() {
			if d.Pos.Line != 0 {
				check(d.Pos)
			}
		}
		if err != nil {
			return
		}
		if res.Rows != accepted+bad {
			t.Fatalf("rows %d != accepted %d + rejected %d", res.Rows, accepted, bad)
		}
		// Every physical line is at most one row.
		if lines := bytes.Count(data, []byte("\n")) + 1; res.Rows > lines {
			t.Fatalf("%d rows from %d lines", res.Rows, lines)
		}
	})
}

func FuzzYAMLRecords(f *testing.F) {
	f.Add([]byte("- id: a\n  name: {ja: あ, en: a}\n"))
	f.Add([]byte("systems:\n  - id: a\n    data: [personal]\n"))
	f.Add([]byte("a: &x [1, 2]\nb: *x\n"))
	f.Add([]byte("- [1, [2, [3]]]\n"))
	// encodings and syntax errors placed by parsing leading lines again
	f.Add([]byte("- id: \x8e\xf3\x92\x8d\n"))
	f.Add([]byte("\xff\xfe-\x00 \x00a\x00\n\x00"))
	f.Add([]byte("a:\n  b: 1\n c: 2\n"))
	f.Add([]byte("- id: 受注\xff\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var diags Diagnostics
		_, err := YAMLRecords("f.yaml", data, "systems", &diags, func(Pos, string) {})
		var pe *PosError
		if errors.As(err, &pe) && (pe.Pos.Line < 1 || pe.Pos.Col < 1) {
			t.Fatalf("error without a position: %v", err)
		}
		_, _ = YAMLMap("f.yaml", data, &diags)
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-11-30", "2026/1/5", "2026-1-05", "0001-01-01", "2024/2/29", "2026/13/1", "２０２６/1/1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !strings.Contains(err.Error(), "is not a date") {
				t.Fatalf("error %q", err)
			}
			return
		}
		if d.Year() < MinDateYear || d != d.Truncate(24*time.Hour) {
			t.Fatalf("ParseDate(%q) = %v", s, d)
		}
		// The date reads back the same in the contract's form, and the
		// input names the same year, month and day.
		if back, err := ParseDate(d.Format(DateLayout)); err != nil || back != d {
			t.Fatalf("%q: %v reads back as %v, %v", s, d, back, err)
		}
		if want, err := time.Parse("2006-1-2", strings.ReplaceAll(s, "/", "-")); err != nil || want != d {
			t.Fatalf("ParseDate(%q) = %v, time.Parse = %v, %v", s, d, want, err)
		}
	})
}
