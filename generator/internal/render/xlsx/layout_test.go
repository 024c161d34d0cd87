package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/remediation"
	"vulnreport/generator/internal/report"
)

func TestLayout(t *testing.T) {
	f := open(t, renderBytes(t, fixture(), 0))
	names := map[string]map[string]bool{}
	for _, dn := range f.GetDefinedName() {
		if names[dn.Scope] == nil {
			names[dn.Scope] = map[string]bool{}
		}
		names[dn.Scope][dn.Name] = true
	}
	for _, key := range dataSheetKeys {
		sheet := i18n.T(i18n.JA, key)
		p, err := f.GetPanes(sheet)
		if err != nil || !p.Freeze || p.YSplit != 1 || p.TopLeftCell != "A2" {
			t.Errorf("%s: panes %+v (%v), want the header row frozen", sheet, p, err)
		}
		for _, n := range []string{"_xlnm._FilterDatabase", "_xlnm.Print_Titles"} {
			if !names[sheet][n] {
				t.Errorf("%s: no defined name %s (auto-filter / print titles)", sheet, n)
			}
		}
		if st, _ := f.GetCellStyle(sheet, "A1"); st == 0 {
			t.Errorf("%s: header row not styled", sheet)
		}
	}
	for _, sheet := range f.GetSheetList() {
		if sheet == remediation.MetaSheet {
			continue
		}
		hf, err := f.GetHeaderFooter(sheet)
		if err != nil || !strings.Contains(hf.OddHeader, "社外秘") || !strings.Contains(hf.OddFooter, "社外秘") ||
			!strings.Contains(hf.OddFooter, "&P / &N") {
			t.Errorf("%s: header %q footer %q (%v), want the classification and page x / y", sheet, hf.OddHeader, hf.OddFooter, err)
		}
		pl, err := f.GetPageLayout(sheet)
		wide := 1
		switch sheet {
		case "対策計画":
			wide = planPagesWide // about a dozen columns a printed page
		case "指摘一覧":
			wide = 2
		}
		if err != nil || *pl.Size != 9 || *pl.Orientation != "landscape" || *pl.FitToWidth != wide {
			t.Errorf("%s: page layout %v %v %v (%v), want A4 landscape fitted to width", sheet, *pl.Size, *pl.Orientation, *pl.FitToWidth, err)
		}
	}
	if vis, _ := f.GetColVisible("対策計画", "A"); vis {
		t.Error("the plan's action key column is visible")
	}
	if w, _ := f.GetColWidth("指摘一覧", "B"); w < 30 {
		t.Errorf("findings reasons column is %v wide", w)
	}
	for _, sheet := range []string{"データ品質", "算定方法"} {
		if tables, err := f.GetTables(sheet); err != nil || len(tables) < 4 {
			t.Errorf("%s: %d tables (%v), want one with filters per list", sheet, len(tables), err)
		}
	}
}

func TestHyperlinks(t *testing.T) {
	f := open(t, renderBytes(t, fixture(), 0))
	sheet := "脆弱性情報"
	col := find(t, f, sheet, "参考情報")
	ok, link, err := f.GetCellHyperLink(sheet, cell(col, 2))
	if err != nil || !ok || link != "https://jvndb.jvn.jp/ja/contents/2017/JVNDB-2017-001621.html" {
		t.Errorf("reference link = %v %q %v", ok, link, err)
	}
	for _, s := range f.GetSheetList() {
		rows, _ := f.GetRows(s)
		for r, row := range rows {
			for c := range row {
				if ok, l, _ := f.GetCellHyperLink(s, cell(c+1, r+1)); ok && !strings.HasPrefix(l, "https://") && !strings.HasPrefix(l, "http://") {
					t.Errorf("%s!%s links to %q", s, cell(c+1, r+1), l)
				}
			}
		}
	}
}

func TestConditionalFormats(t *testing.T) {
	f := open(t, renderBytes(t, fixture(), 0))
	cf, err := f.GetConditionalFormats("指摘一覧")
	if err != nil {
		t.Fatal(err)
	}
	rules := cf["A2:A6"]
	if len(rules) != 4 {
		t.Fatalf("priority rules %+v", cf)
	}
	fills := map[model.Priority]string{model.P1: "C62828", model.P2: "EF6C00", model.P3: "F9A825", model.P4: "78909C"}
	for i, p := range model.Priorities {
		if !strings.Contains(rules[i].Criteria, `"`+p.String()+`"`) || rules[i].Format == nil {
			t.Errorf("rule %d = %+v, want %s", i, rules[i], p)
			continue
		}
		st, err := f.GetConditionalStyle(*rules[i].Format)
		if err != nil || len(st.Fill.Color) == 0 || !strings.HasSuffix(strings.ToUpper(st.Fill.Color[0]), fills[p]) {
			t.Errorf("%s fill = %+v (%v), want %s", p, st.Fill, err, fills[p])
		}
	}
	if late := cf["A2:Y6"]; len(late) != 1 || late[0].Criteria != `$T2="はい"` {
		t.Errorf("overdue rule = %+v", late)
	}
}

// parts returns the workbook's zip entries.
func parts(t *testing.T, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", zf.Name, err)
		}
		out[zf.Name] = string(b)
	}
	return out
}

func TestCharts(t *testing.T) {
	p := parts(t, renderBytes(t, fixture(), 0))
	for name, want := range map[string][]string{
		"xl/charts/chart1.xml": {"barChart", `<barDir val="col">`, "未対応の指摘 (優先度別)", "C62828"},
		"xl/charts/chart2.xml": {"barChart", `<grouping val="stacked">`, "区分 × 優先度", "EF6C00"},
		"xl/charts/chart3.xml": {"lineChart", "未対応の指摘の推移", "&#39;サマリー&#39;!$A$"},
	} {
		for _, w := range want {
			if !strings.Contains(p[name], w) {
				t.Errorf("%s lacks %q", name, w)
			}
		}
	}
}

func TestNothingOpen(t *testing.T) {
	r := &report.Report{AsOf: date("2026-11-30"), Languages: []i18n.Lang{i18n.JA}, Title: i18n.Plain("月次報告"),
		Classification: i18n.Plain("社外秘"), Summary: report.Summary{Open: map[model.Priority]int{}}}
	f := open(t, renderBytes(t, r, 0))
	if n := len(f.GetSheetList()); n != len(SheetKeys)+1 {
		t.Errorf("%d sheets, want %d", n, len(SheetKeys)+1)
	}
	rows, err := f.GetRows("指摘一覧")
	if err != nil || len(rows) != 1 {
		t.Errorf("findings rows %d (%v), want the header only", len(rows), err)
	}
}

func TestRowLimitContinuesOnNumberedSheets(t *testing.T) {
	r := fixture()
	base := r.Findings.Slice()
	fs := slices.Clone(base)
	for i := 0; len(fs) < 9; i++ {
		f := base[i%len(base)]
		f.Key = fmt.Sprintf("%s-%d", f.Key, i)
		fs = append(fs, f)
	}
	r.Findings = report.NewFindingStore(fs)
	f := open(t, renderBytes(t, r, 5))
	want := map[string]int{"指摘一覧": 5, "指摘一覧 (2)": 5, "指摘一覧 (3)": 2}
	for sheet, n := range want {
		rows, err := f.GetRows(sheet)
		if err != nil || len(rows) != n || rows[0][0] != "優先度" {
			t.Errorf("%s: %d rows (%v), want %d with the header", sheet, len(rows), err, n)
		}
	}
	list := f.GetSheetList()
	if i := slices.Index(list, "指摘一覧"); i < 0 || list[i+1] != "指摘一覧 (2)" || list[i+2] != "指摘一覧 (3)" {
		t.Errorf("sheets %q", list)
	}
	found := false
	rows, _ := f.GetRows("サマリー")
	for _, row := range rows {
		for _, c := range row {
			found = found || strings.Contains(c, "「指摘一覧」は 9 件") && strings.Contains(c, "「指摘一覧 (2)」")
		}
	}
	if !found {
		t.Error("the summary does not say the findings continue on 指摘一覧 (2)")
	}
}

func TestDeterministic(t *testing.T) {
	a, b := renderBytes(t, fixture(), 0), renderBytes(t, fixture(), 0)
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same report differ")
	}
	p := parts(t, a)
	stamp := regexp.MustCompile(`\d{4}-\d{2}-\d{2}T[0-9:]+Z?`)
	for _, name := range []string{"docProps/core.xml", "docProps/app.xml"} {
		for _, s := range stamp.FindAllString(p[name], -1) {
			if s != "2026-11-30T00:00:00Z" {
				t.Errorf("%s has timestamp %s", name, s)
			}
		}
	}
	for _, w := range []string{"<dc:creator>vulnreport</dc:creator>", "2026-11-30T00:00:00Z", "<dc:title>みなと精機"} {
		if !strings.Contains(p["docProps/core.xml"], w) {
			t.Errorf("core.xml lacks %q", w)
		}
	}
	zr, _ := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	for _, zf := range zr.File {
		if !zf.Modified.IsZero() && zf.Modified.Year() > 1980 {
			t.Errorf("%s carries a time %v", zf.Name, zf.Modified)
		}
	}
}

func TestMetaSheet(t *testing.T) {
	f := open(t, renderBytes(t, fixture(), 0))
	rows, err := f.GetRows(remediation.MetaSheet)
	if err != nil || len(rows) < 2 || rows[0][1] != remediation.MetaFormat {
		t.Fatalf("meta rows %q (%v)", rows, err)
	}
	var head []string
	byKey := map[string][]string{}
	for _, row := range rows {
		switch {
		case len(row) > 0 && row[0] == remediation.KeyField:
			head = row
		case head != nil && len(row) > 0:
			byKey[row[0]] = row
		}
	}
	want := map[string]string{"owner": "山田", "due": "2026-11-08", "stage": "assess", "action": "upgrade", "notes": evilNeg}
	row := byKey["web01/apache:struts@2.5.10"]
	for field, v := range want {
		i := slices.Index(head, field)
		if i < 0 || i >= len(row) || row[i] != v {
			t.Errorf("meta %s = %q, want %q (row %q)", field, row, v, head)
		}
	}
	if len(byKey) != 3 {
		t.Errorf("meta has %d actions, want 3", len(byKey))
	}
	if !slices.ContainsFunc(rows, func(r []string) bool { return len(r) == 3 && r[0] == "input" && r[1] == "remediation.yaml" }) {
		t.Error("meta lacks the remediation input and its digest")
	}
}
