package xlsx

import (
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/remediation"
	"vulnreport/generator/internal/report"
)

// TestPlanProtection checks that the plan sheet is protected, its
// editable columns (remediation.PlanFields) unlocked and every computed column locked,
// and that it prints about a dozen columns a page with headers repeated.
func TestPlanProtection(t *testing.T) {
	f := open(t, renderBytes(t, fixture(), 0))
	const sheet = "対策計画"
	ws := parts(t, renderBytes(t, fixture(), 0))
	part := ""
	for name, body := range ws {
		if strings.HasPrefix(name, "xl/worksheets/sheet") && strings.Contains(body, "sheetProtection") && strings.Contains(body, "dataValidation") {
			part = body
		}
	}
	if part == "" || !strings.Contains(part, `sheet="1"`) && !strings.Contains(part, `sheet="true"`) {
		t.Fatal("the plan sheet is not protected")
	}
	if i := strings.Index(part, "<sheetProtection"); i < 0 || strings.Contains(part[i:i+strings.Index(part[i:], ">")], "password") {
		t.Error("the plan sheet is protected with a password; it should only guard against mistakes")
	}
	editable := map[int]bool{}
	for i, c := range planColumns {
		if c.field != "" && c.field != remediation.KeyField {
			editable[i+1] = true
		}
	}
	for col := 1; col <= len(planColumns); col++ {
		id, err := f.GetCellStyle(sheet, cell(col, 2))
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		locked := st.Protection == nil || st.Protection.Locked
		if locked == editable[col] {
			t.Errorf("column %s (%s): locked %v, editable %v", colName(col), planColumns[col-1].col.key, locked, editable[col])
		}
	}
	for _, field := range []string{"ticket", "cost", "owner", "due", "stage", "notes"} {
		if !editable[planCol(field)] {
			t.Errorf("%s is not an editable plan column", field)
		}
	}
	if planCol("cost") > 0 && planCol("ticket") > 0 && !slices.Contains(remediation.PlanFields, "cost") {
		t.Error("cost is not a plan field")
	}
	var titles string
	for _, dn := range f.GetDefinedName() {
		if dn.Scope == sheet && dn.Name == "_xlnm.Print_Titles" {
			titles = dn.RefersTo
		}
	}
	if !strings.Contains(titles, "$A:$B") || !strings.Contains(titles, "$1:$1") {
		t.Errorf("print titles %q, want the header row and the first columns", titles)
	}
	if n := (len(planColumns) + planPagesWide - 1) / planPagesWide; n > 12 {
		t.Errorf("%d columns a printed page", n)
	}
}

// TestBoardSheets checks the sheets fed by the report model: decisions with
// their cost sum, the department scorecards and the exceptions register,
// and the findings sheet's department, system name, fix target and hosts.
func TestBoardSheets(t *testing.T) {
	r := fixture()
	r.Decisions = []report.Decision{{Kind: "service_stop", Text: i18n.Plain("停止の承認"), System: "web01", Department: "営業部",
		DepartmentName: i18n.Plain("営業部"), NeededBy: date("2026-12-10"), Reason: i18n.Plain("理由"), Findings: 2,
		Records: []string{"R1", "R2"}, Cost: 4800000, HasCost: true},
		{Kind: "overdue", Text: i18n.Plain("遅延"), System: "pc-fleet", DepartmentName: report.NoDepartment, Late: true,
			LateSince: date("2026-10-01"), NeededBy: date("2026-11-30")}}
	r.Scorecards = []report.Scorecard{{Department: "営業部", Name: i18n.Plain("営業部"), Systems: 1, Open: [4]int{1, 2, 0, 0}, OpenTotal: 3,
		OverdueFindings: 1, HasSLA: true, SLARate: 0.5}}
	r.Exceptions = []report.Exception{{ID: "R9", Kind: report.ExceptionDueMoved, DueMoved: true, System: "web01", SLADue: date("2026-10-01"),
		NewDue: date("2026-12-31"), ExtensionDays: 91, Honoured: false, Ticket: "CHG-1", Cost: "35万円", CostValue: 350000, HasCost: true}}
	f := open(t, renderBytes(t, r, 0))
	rows, err := f.GetRows("経営層の判断事項", excelize.Options{RawCellValue: true})
	if err != nil || len(rows) != 3 {
		t.Fatalf("decisions rows %d (%v)", len(rows), err)
	}
	cost := find(t, f, "経営層の判断事項", "費用合計 (円)")
	if got := rows[1][cost-1]; got != "4800000" {
		t.Errorf("decision cost %q", got)
	}
	if got := rows[2][find(t, f, "経営層の判断事項", "遅延 (この日から)")-1]; got == "" {
		t.Error("a late decision shows no 'late since' date")
	}
	if got := rows[2][find(t, f, "経営層の判断事項", "判断期限")-1]; got != "" {
		t.Errorf("a late decision shows a needed-by date %q", got)
	}
	if got := rows[2][find(t, f, "経営層の判断事項", "所管部署")-1]; got != report.NoDepartment.JA {
		t.Errorf("department %q", got)
	}
	sc, _ := f.GetRows("部門別スコアカード")
	if len(sc) != 2 || sc[1][0] != "営業部" {
		t.Errorf("scorecards %q", sc)
	}
	ex, _ := f.GetRows("例外登録簿", excelize.Options{RawCellValue: true})
	if len(ex) != 2 {
		t.Fatalf("exceptions %q", ex)
	}
	// Every sheet's header row names each column once: the decisions
	// sheet had two columns headed 判断事項 (the kind and the text).
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		if len(rows) == 0 {
			continue
		}
		seen := map[string]bool{}
		for _, h := range rows[0] {
			if h != "" && seen[h] {
				t.Errorf("sheet %s has two columns headed %q", sheet, h)
			}
			seen[h] = true
		}
	}
	for h, want := range map[string]string{i18n.T(i18n.JA, "xlsx.col.extension_days"): "91", "チケット": "CHG-1", "費用 (円)": "350000", "期限変更の適用": "不適用 (承認者なし)"} {
		if got := ex[1][find(t, f, "例外登録簿", h)-1]; got != want {
			t.Errorf("exceptions %s = %q, want %q", h, got, want)
		}
	}
	fr, _ := f.GetRows("指摘一覧")
	for h, want := range map[string]string{"システム名": "", "所管部署": "", "対策の更新先": "2.5.33 以降"} {
		c := find(t, f, "指摘一覧", h)
		if want != "" && fr[1][c-1] != want {
			t.Errorf("findings %s = %q, want %q", h, fr[1][c-1], want)
		}
		if fr[1][c-1] == "" {
			t.Errorf("findings %s is empty", h)
		}
	}
}

func TestHostsZeroMeansAll(t *testing.T) {
	r := fixture()
	fs := r.Findings.Slice()
	fs[0].Hosts = 0
	r.Findings = report.NewFindingStore(fs)
	comps := componentRows(r)
	comps[0].Hosts = 0
	r.Components = report.NewComponentStore(comps)
	f := open(t, renderBytes(t, r, 0))
	fr, _ := f.GetRows("指摘一覧")
	if got := fr[1][find(t, f, "指摘一覧", "台数")-1]; got != "全台" {
		t.Errorf("findings hosts %q, want 全台", got)
	}
	cr, _ := f.GetRows("構成ソフトウェア")
	if got := cr[1][find(t, f, "構成ソフトウェア", "台数")-1]; got != "全台" {
		t.Errorf("components hosts %q, want 全台", got)
	}
	en := fixture()
	en.Languages = []i18n.Lang{i18n.EN}
	fs = en.Findings.Slice()
	fs[0].Hosts = 0
	en.Findings = report.NewFindingStore(fs)
	fe := open(t, renderBytes(t, en, 0))
	rows, _ := fe.GetRows("Findings")
	if got := rows[1][find(t, fe, "Findings", "Hosts")-1]; got != "all hosts" {
		t.Errorf("English hosts %q", got)
	}
}

func TestSheetNamesAreTheWorkbooks(t *testing.T) {
	for _, lang := range i18n.Supported {
		r := fixture()
		r.Languages = []i18n.Lang{lang}
		f := open(t, renderBytes(t, r, 0))
		got := f.GetSheetList()
		if want := append(Sheets(lang), remediation.MetaSheet); !slices.Equal(got, want) {
			t.Errorf("%s: sheets %q, want %q", lang, got, want)
		}
		for _, n := range Sheets(lang) {
			if n == "" || len([]rune(n)) > maxSheetName || strings.ContainsAny(n, `:\/?*[]`) {
				t.Errorf("%s: bad sheet name %q", lang, n)
			}
		}
	}
	if SheetName(i18n.JA, "no such") != "" {
		t.Error("an unknown key names a sheet")
	}
}
