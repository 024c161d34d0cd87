package advisory

import (
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"vulnreport/generator/internal/source"
)

// mergedCSV reads an advisory CSV file and merges its rows as the loader does.
func mergedCSV(t testing.TB, text string) []source.Record {
	var rows []source.Record
	var diags source.Diagnostics
	opt := source.CSVOptions{Aliases: Aliases}
	if _, err := source.ReadCSV("a.csv", strings.NewReader(text), opt, &diags, func(r source.Record) { rows = append(rows, r) }, func(source.Pos, string) {}); err != nil {
		return nil
	}
	recs, _, _ := MergeRows(rows, &diags)
	return recs
}

// decodedBoth decodes rec with DecodeWith and DecodeChecked, each with a
// cache of its own, and fails unless both give the same verdict, reasons,
// diagnostics and advisory but for the ranges DecodeChecked does not
// keep, and unless DecodeWith gives what Decode, without a cache, gives.
func decodedBoth(t testing.TB, rec source.Record, with, checked *Cache) Advisory {
	var dw, dc, dn source.Diagnostics
	a, d := DecodeWith(rec, &dw, with)
	okW, reasonsW := d.Finish(), slices.Clone(d.Reasons())
	d.Release()
	n, d := Decode(rec, &dn)
	if ok, reasons := d.Finish(), d.Reasons(); ok != okW || !slices.Equal(reasons, reasonsW) || !reflect.DeepEqual(dn.Sorted(), dw.Sorted()) || !reflect.DeepEqual(n, a) {
		t.Fatalf("%v: DecodeWith gave %v %q %+v, Decode %v %q %+v", rec.Pos, okW, reasonsW, a, ok, reasons, n)
	}
	d.Release()
	b, d := DecodeChecked(rec, &dc, checked)
	okC, reasonsC := d.Finish(), slices.Clone(d.Reasons())
	d.Release()
	if okW != okC || !slices.Equal(reasonsW, reasonsC) || !reflect.DeepEqual(dw.Sorted(), dc.Sorted()) {
		t.Fatalf("%v: DecodeWith gave %v %q %v, DecodeChecked %v %q %v", rec.Pos, okW, reasonsW, dw.Sorted(), okC, reasonsC, dc.Sorted())
	}
	if got := AffectedProducts(rec); okW && !slices.EqualFunc(got, a.Affected, func(p string, af Affected) bool { return p == af.Product }) {
		t.Fatalf("%v: AffectedProducts %q, affected %+v", rec.Pos, got, a.Affected)
	}
	for i := range b.Affected {
		if len(b.Affected[i].Range.Clauses) != 0 {
			t.Fatalf("%v: DecodeChecked kept the range of %q", rec.Pos, b.Affected[i].Versions)
		}
		b.Affected[i].Range = a.Affected[i].Range
	}
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("%v: DecodeWith %+v, DecodeChecked %+v", rec.Pos, a, b)
	}
	return a
}

const sample = "id,aliases,title.en,published,cvss.vector,cvss.score,affected.product,affected.versions,references\n" +
	"CVE-2024-0001,JVNDB-2024-000001,Two products,2024-01-02,CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H,9.8,apache:tomcat,>=9.0 <9.0.90,https://example.com/a\n" +
	"CVE-2024-0001,,,,,,apache:httpd,<2.4.60,\n" +
	"CVE-2024-0002,,Bad range,2024-01-02,,,acme:tool,=> 1,\n" +
	"CVE-2024-0003,,No versions,2024-13-01,,,acme:tool,,ftp://example.com/x\n" +
	"CVE-2024-0004,,Shares a range,2024-01-02,,5.0,acme:other,>=9.0 <9.0.90,\n" +
	"CVE-2024-0005,,No product,2024-01-02,,,,,\n" +
	"CVE-2024-0006,,Bad vector,,CVSS:3.1/AV:X,,acme:tool,*,\n" +
	"CVE-2024-0007,,Same vector,2024-01-02,CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H,7.5,acme:tool,*,\n" +
	"CVE-2024-0008,,Same bad vector,,CVSS:3.1/AV:X,,acme:tool,*,\n"

// TestDecodeCheckedAgreesWithDecodeWith: checking an advisory for a stub
// finds what decoding it in full finds, and keeps no range.
func TestDecodeCheckedAgreesWithDecodeWith(t *testing.T) {
	with, checked := NewCache(), NewCache()
	var ids []string
	for _, rec := range mergedCSV(t, sample) {
		if a := decodedBoth(t, rec, with, checked); a.ID != "" {
			ids = append(ids, a.ID)
		}
	}
	if len(ids) != 8 {
		t.Fatalf("decoded %q, want 8 advisories", ids)
	}
	if len(with.v3) != 2 {
		t.Errorf("vectors cached: %v, want the good one and the bad one", with.v3)
	}
	if n := len(checked.m); n == 0 || slices.ContainsFunc(slices.Collect(maps.Values(checked.m)), func(p parsedRange) bool { return p.kept }) {
		t.Errorf("checked cache: %d entries, some with a range kept: %+v", n, checked.m)
	}
}

// TestCacheKeepsRangeOnceWanted: an expression checked first and
// wanted in full later is parsed again and kept; one kept is shared.
func TestCacheKeepsRangeOnceWanted(t *testing.T) {
	c := NewCache()
	if _, r, err := c.parse(">=1.0 <2.0", false); err != nil || len(r.Clauses) != 0 {
		t.Fatalf("checked: %v %v", r, err)
	}
	e1, r1, err := c.parse(">=1.0 <2.0", true)
	if err != nil || len(r1.Clauses) != 1 {
		t.Fatalf("wanted: %v %v", r1, err)
	}
	e2, r2, _ := c.parse(">=1.0 <2.0", true)
	if e1 != e2 || &r1.Clauses[0] != &r2.Clauses[0] {
		t.Errorf("the range kept is not shared")
	}
	if _, r, _ := c.parse(">=1.0 <2.0", false); len(r.Clauses) != 1 {
		t.Errorf("a range kept is returned to a check too (shared, never modified): %v", r)
	}
	if _, _, err := c.parse("=> 1", false); err == nil {
		t.Errorf("a bad range checked gave no error")
	}
	if _, _, err := c.parse("=> 1", true); err == nil {
		t.Errorf("a bad range wanted gave no error")
	}
}

// TestMergerRelease: a row for an advisory released is not merged, and
// its index tells the caller so.
func TestMergerRelease(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,title,affected.product,affected.versions\n")
	for i := range mergeBlock + 2 {
		b.WriteString("ID-" + strconv.Itoa(i) + ",T,acme:p,*\n")
	}
	var rows []source.Record
	var diags source.Diagnostics
	if _, err := source.ReadCSV("a.csv", strings.NewReader(b.String()), source.CSVOptions{}, &diags, func(r source.Record) { rows = append(rows, r) }, nil); err != nil {
		t.Fatal(err)
	}
	m := NewMerger(&diags)
	for i, r := range rows {
		if j := m.Add(r); j != i {
			t.Fatalf("row %d joined %d", i, j)
		}
		if i > 0 {
			m.Take(i - 1)
			m.Release(i)
		}
	}
	if m.recs[0] != nil || m.recs[1] == nil {
		t.Fatalf("blocks: first released %v, second kept %v", m.recs[0] == nil, m.recs[1] != nil)
	}
	if j := m.Add(rows[3]); j != 3 {
		t.Fatalf("a row of a released advisory joined %d, want 3", j)
	}
	rec, n, _ := m.Take(len(rows) - 1)
	if n != 1 || len(rec.Group("affected")) != 1 {
		t.Errorf("last advisory: %d rows, %d affected", n, len(rec.Group("affected")))
	}
}

// FuzzDecodeChecked decodes the advisories of any CSV file both ways.
func FuzzDecodeChecked(f *testing.F) {
	f.Add(sample)
	f.Add("id,title,affected.product,affected.versions\nA-1,T,acme:a,<1||>=2 <3\nA-1,,acme:b,\nA-2,T,\"acme:c\",1.0\n")
	f.Add("脆弱性ID,タイトル,影響製品,影響バージョン,CVSSベクター\nA-1,T,acme:a,*,AV:N/AC:L/Au:N/C:P/I:P/A:P\n")
	f.Fuzz(func(t *testing.T, text string) {
		with, checked := NewCache(), NewCache()
		for _, rec := range mergedCSV(t, text) {
			decodedBoth(t, rec, with, checked)
		}
	})
}
