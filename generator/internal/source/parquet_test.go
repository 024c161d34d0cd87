package source

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readParquetFile reads a fixture and returns each record as
// "pos key=value@pos …", the rejected rows as "pos: msg", the diagnostics
// and the error.
func readParquetFile(t *testing.T, file string, known func(string) bool) (recs, bads []string, diags []Diagnostic, rows int, err error) {
	t.Helper()
	data, rerr := os.ReadFile(filepath.Join("testdata", "parquet", file))
	if rerr != nil {
		t.Fatal(rerr)
	}
	var d Diagnostics
	rows, err = ReadParquet(file, bytes.NewReader(data), int64(len(data)), ParquetOptions{Known: known}, &d, func(r Record) {
		var b strings.Builder
		b.WriteString(r.Pos.String())
		for _, k := range r.Keys() {
			v, _ := r.Get(k)
			b.WriteString(" " + k + "=" + v.Text + "@" + v.Pos.String())
		}
		recs = append(recs, b.String())
	}, func(p Pos, msg string) { bads = append(bads, p.String()+": "+msg) })
	return recs, bads, d.Sorted(), rows, err
}

// TestReadParquetReduced reads the file DuckDB wrote from the repository's
// reduction query (docs/sql/reduce-endpoint-inventory.sql): one record per
// row, positions file:row:column, nulls as empty fields, BIGINT counts as
// decimal text.
func TestReadParquetReduced(t *testing.T) {
	recs, bads, diags, rows, err := readParquetFile(t, "components.parquet", nil)
	if err != nil || len(bads) > 0 || len(diags) > 0 {
		t.Fatalf("err %v, bad %v, diags %v", err, bads, diags)
	}
	want := []string{
		"components.parquet:1 system=db-1@components.parquet:1:1 product=openssl:openssl@components.parquet:1:2 version=3.0.1@components.parquet:1:3 name=OpenSSL@components.parquet:1:4 hosts=1@components.parquet:1:5",
		"components.parquet:2 system=db-1@components.parquet:2:1 product=openssl:openssl@components.parquet:2:2 version=@components.parquet:2:3 name=OpenSSL@components.parquet:2:4 hosts=1@components.parquet:2:5",
		"components.parquet:3 system=db-1@components.parquet:3:1 product=oracle:mysql@components.parquet:3:2 version=8.0.30@components.parquet:3:3 name=MySQL@components.parquet:3:4 hosts=2@components.parquet:3:5",
		"components.parquet:4 system=ghost@components.parquet:4:1 product=openssl:openssl@components.parquet:4:2 version=3.0.1@components.parquet:4:3 name=OpenSSL@components.parquet:4:4 hosts=1@components.parquet:4:5",
		"components.parquet:5 system=web-1@components.parquet:5:1 product=apache:struts@components.parquet:5:2 version=2.5.10@components.parquet:5:3 name=Apache Struts@components.parquet:5:4 hosts=2@components.parquet:5:5",
		"components.parquet:6 system=web-1@components.parquet:6:1 product=apache:struts@components.parquet:6:2 version=2.5.33@components.parquet:6:3 name=Apache Struts@components.parquet:6:4 hosts=1@components.parquet:6:5",
		"components.parquet:7 system=web-1@components.parquet:7:1 product=apache:tomcat@components.parquet:7:2 version=9.0.50@components.parquet:7:3 name=Apache Tomcat@components.parquet:7:4 hosts=2@components.parquet:7:5",
	}
	if rows != len(want) || strings.Join(recs, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows %d, records:\n%s\nwant:\n%s", rows, strings.Join(recs, "\n"), strings.Join(want, "\n"))
	}
}

// TestReadParquetTypes reads typed columns as text and warns about an
// unknown column once.
func TestReadParquetTypes(t *testing.T) {
	known := func(k string) bool { return k != "score" }
	recs, bads, diags, _, err := readParquetFile(t, "typed.parquet", known)
	if err != nil || len(bads) > 0 {
		t.Fatalf("err %v, bad %v", err, bads)
	}
	want := []string{
		"typed.parquet:1 system=web-1@typed.parquet:1:1 product=apache:struts@typed.parquet:1:2 version=2.5.10@typed.parquet:1:3 hosts=3@typed.parquet:1:4 installed=2024-04-01@typed.parquet:1:5 active=true@typed.parquet:1:7",
		"typed.parquet:2 system=web-1@typed.parquet:2:1 product=apache:tomcat@typed.parquet:2:2 version=@typed.parquet:2:3 hosts=0@typed.parquet:2:4 installed=@typed.parquet:2:5 active=false@typed.parquet:2:7",
		"typed.parquet:3 system=db-1@typed.parquet:3:1 product=oracle:mysql@typed.parquet:3:2 version=8.0.30@typed.parquet:3:3 hosts=12@typed.parquet:3:4 installed=1999-12-31@typed.parquet:3:5 active=@typed.parquet:3:7",
	}
	if strings.Join(recs, "\n") != strings.Join(want, "\n") {
		t.Errorf("records:\n%s\nwant:\n%s", strings.Join(recs, "\n"), strings.Join(want, "\n"))
	}
	if len(diags) != 1 || diags[0].Severity != Warning || !strings.Contains(diags[0].Msg, `unknown column "score"`) {
		t.Errorf("diags %v", diags)
	}
}

// TestReadParquetBadText rejects a row whose text is not UTF-8, naming
// the row and the field, and reads the next row.
func TestReadParquetBadText(t *testing.T) {
	recs, bads, diags, rows, err := readParquetFile(t, "binary.parquet", nil)
	if err != nil {
		t.Fatal(err)
	}
	if rows != 2 || len(recs) != 1 || len(bads) != 1 {
		t.Fatalf("rows %d, records %v, bad %v", rows, recs, bads)
	}
	if bads[0] != `binary.parquet:1: column "version" is not valid UTF-8 text` {
		t.Errorf("bad %q", bads[0])
	}
	if len(diags) != 1 || diags[0].Pos.String() != "binary.parquet:1:3" || diags[0].Severity != Error {
		t.Errorf("diags %v", diags)
	}
}

// TestReadParquetUnreadable stops on a file that is no Parquet and on a
// nested column, naming the file and the column.
func TestReadParquetUnreadable(t *testing.T) {
	_, _, diags, _, err := readParquetFile(t, "list.parquet", nil)
	if err == nil || !strings.Contains(err.Error(), `list.parquet: schema: column "patches": a nested column`) || len(diags) != 1 {
		t.Errorf("err %v, diags %v", err, diags)
	}
	var d Diagnostics
	_, err = ReadParquet("x.parquet", strings.NewReader("system,version\n"), 15, ParquetOptions{}, &d, func(Record) { t.Error("a record") }, func(Pos, string) { t.Error("a bad row") })
	if err == nil || !strings.HasPrefix(err.Error(), "x.parquet: not a readable Parquet file") || d.Len() != 1 {
		t.Errorf("err %v, diags %v", err, d.Sorted())
	}
}

// FuzzReadParquet checks that no input makes the reader panic and that
// every row it counts is delivered or rejected.
func FuzzReadParquet(f *testing.F) {
	for _, name := range []string{"components.parquet", "typed.parquet", "binary.parquet", "list.parquet"} {
		data, err := os.ReadFile(filepath.Join("testdata", "parquet", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("PAR1PAR1"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var d Diagnostics
		n := 0
		rows, err := ReadParquet("f.parquet", bytes.NewReader(data), int64(len(data)), ParquetOptions{}, &d, func(Record) { n++ }, func(Pos, string) { n++ })
		if n != rows {
			t.Errorf("%d rows counted, %d delivered or rejected", rows, n)
		}
		if err != nil && d.Count(Error) == 0 {
			t.Errorf("error %v without a diagnostic", err)
		}
	})
}
