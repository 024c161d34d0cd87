package inventory

import (
	"testing"
	"time"

	"vulnreport/generator/internal/source"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestPartsShareEqualRows: rows that give equal facts and dates share
// their parts, and every row reads back exactly as written.
func TestPartsShareEqualRows(t *testing.T) {
	var p Parts
	flats := []Flat{
		{System: "a", Product: "apache:struts", Name: "Struts", Version: "2.5.10", Hosts: 2, Patches: []string{"S2-045"}, Installed: day("2024-01-02"), Source: "inventory", Pos: source.Pos{File: "c.csv", Line: 2}},
		{System: "b", Product: "apache:struts", Name: "Struts", Version: "2.5.12", Patches: []string{"S2-045"}, Installed: day("2024-01-02"), Updated: day("2025-03-04"), Source: "inventory", Pos: source.Pos{File: "c.csv", Line: 3}},
		{System: "b", Product: "apache:struts", Name: "Struts", Version: "2.5.12", Patches: []string{}, Source: "inventory"},
		{System: "b", Product: "apache:struts", Name: "Struts", Version: "2.5.12", Source: "inventory"},
		{System: "c", Product: "apache:struts", Name: "Struts", Version: "2.5.12", Source: "sbom:x.json"},
		{System: "c", Product: "apache:struts", Name: "Struts", Version: "2.5.12", Patches: []string{"S2-046"}, Source: "inventory"},
		{System: "d", Product: "apache:struts", Name: "Struts", Version: "2.5.10", Hosts: 2, Patches: []string{"S2-045"}, Installed: day("2024-01-02"), Source: "inventory"},
	}
	rows := make([]Component, len(flats))
	for i, f := range flats {
		rows[i] = p.Component(f)
	}
	for i, c := range rows {
		got := c.Flat()
		if got.System != flats[i].System || got.Product != flats[i].Product || got.Name != flats[i].Name ||
			got.Version != flats[i].Version || got.Hosts != flats[i].Hosts || !samePatches(got.Patches, flats[i].Patches) ||
			got.Installed != flats[i].Installed || got.Updated != flats[i].Updated || got.Source != flats[i].Source || got.Pos != flats[i].Pos {
			t.Errorf("row %d reads %+v, want %+v", i, got, flats[i])
		}
	}
	if rows[0].Facts != rows[1].Facts || rows[0].Facts != rows[6].Facts || rows[0].InstallDate != rows[1].InstallDate {
		t.Error("rows with equal facts or dates do not share them")
	}
	if rows[0].UpdateDate != rows[2].UpdateDate || rows[1].UpdateDate == rows[0].UpdateDate {
		t.Error("update dates shared wrongly")
	}
	for _, pair := range [][2]int{{2, 3}, {3, 4}, {3, 5}, {1, 5}} {
		if rows[pair[0]].Facts == rows[pair[1]].Facts {
			t.Errorf("rows %d and %d share facts that differ (%+v, %+v)", pair[0], pair[1], *rows[pair[0]].Facts, *rows[pair[1]].Facts)
		}
	}
	if rows[2].Patches == nil || rows[3].Patches != nil {
		t.Error("an empty patch list and none must stay apart")
	}
}

// TestEditChangesOneRow: giving one row another key or scheme leaves the
// rows it shared its facts with, and the shared part, as they were.
func TestEditChangesOneRow(t *testing.T) {
	var p Parts
	f := Flat{System: "a", Product: "Apache Struts", Version: "2.5.10", Source: "inventory"}
	a, b := p.Component(f), p.Component(f)
	if a.Facts != b.Facts {
		t.Fatal("equal rows do not share their facts")
	}
	shared := a.Facts
	p.Edit(&a, func(f *Facts) { f.Key, f.Scheme = "apache:struts", "maven" })
	if a.Key != "apache:struts" || a.Scheme != "maven" {
		t.Errorf("edited row reads key %q scheme %q", a.Key, a.Scheme)
	}
	if b.Key != "" || b.Scheme != "" || shared.Key != "" || b.Facts != shared {
		t.Errorf("editing one row changed another: key %q scheme %q", b.Key, b.Scheme)
	}
	p.Edit(&b, func(f *Facts) { f.Key, f.Scheme = "apache:struts", "maven" })
	if a.Facts != b.Facts {
		t.Error("rows edited alike do not share their new facts")
	}
}

// TestEditSharedOnce: rows sharing facts are edited once and share the
// result; a row with other facts gets its own edit.
func TestEditSharedOnce(t *testing.T) {
	var p Parts
	f := Flat{System: "a", Product: "Apache Struts", Version: "2.5.10", Source: "inventory"}
	rows := []Component{p.Component(f), p.Component(f), p.Component(Flat{System: "b", Product: "nginx", Version: "1.0"})}
	shared, memo, calls := rows[0].Facts, map[*Facts]*Facts{}, 0
	for i := range rows {
		p.EditShared(memo, &rows[i], func(f *Facts) { calls++; f.Key = "k:" + f.Product })
	}
	if calls != 2 || rows[0].Facts != rows[1].Facts || rows[0].Key != "k:Apache Struts" || rows[2].Key != "k:nginx" {
		t.Errorf("%d edits; keys %q %q %q", calls, rows[0].Key, rows[1].Key, rows[2].Key)
	}
	if shared.Key != "" {
		t.Error("the edit wrote into the shared part")
	}
}

// TestOwn: a row given parts of its own may be written through without
// changing the rows it shared them with, patches included.
func TestOwn(t *testing.T) {
	var p Parts
	f := Flat{System: "a", Product: "p", Patches: []string{"KB1"}, Installed: day("2024-01-02"), Source: "inventory"}
	a, b := p.Component(f), p.Component(f)
	a.Own()
	a.Key, a.Installed, a.Patches[0] = "k", day("2025-01-01"), "KB2"
	if b.Key != "" || !b.Installed.Equal(day("2024-01-02")) || b.Patches[0] != "KB1" {
		t.Errorf("writing an owned row changed another: %+v", b.Flat())
	}
	var z Component
	z.Own()
	if z.Key != "" || !z.Installed.IsZero() || z.Patches != nil {
		t.Errorf("a zero row owned reads %+v", z.Flat())
	}
}
