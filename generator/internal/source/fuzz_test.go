package source

import (
	"bytes"
	"testing"
)

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("id,name\na,1\n"))
	f.Add([]byte("\xef\xbb\xbfシステムID,製品\r\nweb,apache:struts\r\n"))
	f.Add([]byte("id,name\n\"a,\"\"b\nc,d,e\n"))
	f.Add([]byte{0x83, 0x56, 0x83, 0x58, ',', 'a', '\n', '1', ',', '2', '\n'})
	f.Fuzz(func(t *testing.T, data []byte) {
		var diags Diagnostics
		accepted, bad := 0, 0
		res, err := ReadCSV("f.csv", bytes.NewReader(data), CSVOptions{}, &diags, func(Record) { accepted++ }, func(Pos, string) { bad++ })
		if err != nil {
			return
		}
		if res.Rows != accepted+bad {
			t.Fatalf("rows %d != accepted %d + rejected %d", res.Rows, accepted, bad)
		}
	})
}

func FuzzYAMLRecords(f *testing.F) {
	f.Add([]byte("- id: a\n  name: {ja: あ, en: a}\n"))
	f.Add([]byte("systems:\n  - id: a\n    data: [personal]\n"))
	f.Add([]byte("a: &x [1, 2]\nb: *x\n"))
	f.Add([]byte("- [1, [2, [3]]]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var diags Diagnostics
		_, _ = YAMLRecords("f.yaml", data, "systems", &diags, func(Pos, string) {})
		_, _ = YAMLMap("f.yaml", data, &diags)
	})
}
