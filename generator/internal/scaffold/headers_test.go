package scaffold

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/source"
)

var updateReadme = flag.Bool("update-readme", false, "rewrite the README's list of CSV headers from the alias tables")

const (
	readmePath   = "../../../README.md"
	headersBegin = "<!-- csv-headers:begin (generated from the alias tables: go test ./generator/internal/scaffold -run TestReadmeHeaders -update-readme) -->\n"
	headersEnd   = "<!-- csv-headers:end -->"
)

// TestReadmeHeaders: the README lists exactly the headers the alias tables
// accept, so that nobody has to read Go to write a CSV file.
func TestReadmeHeaders(t *testing.T) {
	data, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	i, j := strings.Index(text, headersBegin), strings.Index(text, headersEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md has no %q … %q block", headersBegin, headersEnd)
	}
	want := text[:i] + headersBegin + HeaderList(true) + text[j:]
	if *updateReadme {
		if err := os.WriteFile(readmePath, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if want != text {
		t.Errorf("README.md's CSV header list differs from the alias tables; run with -update-readme and review the diff")
	}
}

// TestHeaderListComplete: every alias of every table is listed, and what
// the list shows reads back as the field it is listed for.
func TestHeaderListComplete(t *testing.T) {
	md, txt := HeaderList(true), HeaderList(false)
	for _, f := range csvFiles {
		for _, c := range f.columns() {
			if !strings.Contains(md, "`"+c[0]+"`") || !strings.Contains(txt, "  "+c[0]) {
				t.Errorf("%s: field %s not listed", f.path, c[0])
			}
			if c[1] == "" {
				continue
			}
			for _, h := range strings.Split(c[1], ", ") {
				if got := f.aliases[source.NormalizeKey(h)]; got != c[0] {
					t.Errorf("%s: header %q listed for %s reads as %q", f.path, h, c[0], got)
				}
			}
		}
		for alias, field := range f.aliases {
			if alias != field && !strings.Contains(txt, displayHeader(alias)) {
				t.Errorf("%s: alias %q of %s not listed", f.path, alias, field)
			}
		}
	}
}

// TestInitWritesHeaderList: init's README.txt lists the Japanese headers,
// and a CSV written with them is read.
func TestInitWritesHeaderList(t *testing.T) {
	dir := t.TempDir()
	var out strings.Builder
	if err := Init(dir, &out); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "README.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range []string{"影響バージョン", "CVSSベクター", "脆弱性ID", "システムID", "保守期限", "CSV UTF-8 (コンマ区切り)"} {
		if !strings.Contains(string(data), h) {
			t.Errorf("README.txt does not list %q", h)
		}
	}
	// An advisory CSV written from the list alone.
	csv := "脆弱性ID,タイトル,影響製品,影響バージョン,CVSSベクター,公表日\nCVE-2026-0001,テスト,apache:httpd,<2.4.60,CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H,2026/1/5\n"
	var diags source.Diagnostics
	n := 0
	known := source.KnownFields(func(r source.Record, d *source.Diagnostics) *source.Decoder {
		_, dec := advisory.Decode(r, d)
		return dec
	}, "affected.product", "affected.versions")
	_, err = source.ReadCSV("advisories/a.csv", strings.NewReader(csv), source.CSVOptions{Aliases: advisory.Aliases, Known: known}, &diags,
		func(source.Record) { n++ }, func(source.Pos, string) { t.Error("row rejected") })
	if err != nil || n != 1 || diags.Len() != 0 {
		t.Errorf("err %v, %d rows, diagnostics %v", err, n, diags.Sorted())
	}
}
