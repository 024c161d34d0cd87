package xlsx

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/remediation"
	"vulnreport/generator/internal/render"
)

var rdDeps = render.Deps{}

func open(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// header returns row 1 of a sheet.
func header(t *testing.T, f *excelize.File, sheet string) []string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil || len(rows) == 0 {
		t.Fatalf("%s: no rows (%v)", sheet, err)
	}
	return rows[0]
}

// find returns the 1-based column of a header label.
func find(t *testing.T, f *excelize.File, sheet, label string) int {
	t.Helper()
	i := slices.Index(header(t, f, sheet), label)
	if i < 0 {
		t.Fatalf("%s: no column %q in %q", sheet, label, header(t, f, sheet))
	}
	return i + 1
}

var dataSheetKeys = []string{"xlsx.sheet.decisions", "xlsx.sheet.departments", "xlsx.sheet.plan", "xlsx.sheet.findings",
	"xlsx.sheet.exceptions", "xlsx.sheet.systems", "xlsx.sheet.components", "xlsx.sheet.lifecycle", "xlsx.sheet.advisories",
	"xlsx.sheet.notifications"}

func TestSheetsAndHeaders(t *testing.T) {
	for _, tc := range []struct {
		langs  []i18n.Lang
		sheets []string
		plan   []string
	}{
		{[]i18n.Lang{i18n.JA, i18n.EN}, []string{"サマリー", "経営層の判断事項", "部門別スコアカード", "対策計画", "指摘一覧", "例外登録簿",
			"システム一覧", "構成ソフトウェア", "ライフサイクル", "脆弱性情報", "第三者からの指摘", "データ品質", "算定方法", remediation.MetaSheet},
			[]string{"対策キー (編集不可)", "システム名", "製品", "導入バージョン", "種別", "更新先", "解消する指摘"}},
		{[]i18n.Lang{i18n.EN}, []string{"Summary", "Decisions for management", "Department scorecards", "Remediation plan", "Findings",
			"Exceptions register", "Systems", "Components", "Lifecycle", "Advisories", "Reports from outside", "Data quality", "Method", remediation.MetaSheet},
			[]string{"Action key (do not edit)", "System name", "Product", "Installed version", "Kind", "Target"}},
	} {
		r := fixture()
		r.Languages = tc.langs
		f := open(t, renderBytes(t, r, 0))
		if got := f.GetSheetList(); !slices.Equal(got, tc.sheets) {
			t.Errorf("%v: sheets %q, want %q", tc.langs, got, tc.sheets)
		}
		if got := header(t, f, tc.sheets[3]); !slices.Equal(got[:len(tc.plan)], tc.plan) {
			t.Errorf("%v: plan header %q, want prefix %q", tc.langs, got, tc.plan)
		}
		if v, _ := f.GetSheetVisible(remediation.MetaSheet); v {
			t.Errorf("%s is visible", remediation.MetaSheet)
		}
		lang := tc.langs[0]
		want := []string{i18n.T(lang, "priority"), i18n.T(lang, "reasons"), i18n.T(lang, "col.system_id"),
			i18n.T(lang, "xlsx.col.system_name"), i18n.T(lang, "xlsx.col.department"), i18n.T(lang, "col.product"),
			i18n.T(lang, "col.version"), i18n.T(lang, "col.hosts"), i18n.T(lang, "xlsx.col.fix_target"), i18n.T(lang, "col.ids"), "CVSS", "KEV", "EPSS"}
		if got := header(t, f, tc.sheets[4]); !slices.Equal(got[:len(want)], want) {
			t.Errorf("%v: findings header %q, want prefix %q", tc.langs, got, want)
		}
	}
}

func isNumber(ct excelize.CellType) bool {
	return ct == excelize.CellTypeUnset || ct == excelize.CellTypeNumber
}

func isText(ct excelize.CellType) bool {
	return ct == excelize.CellTypeInlineString || ct == excelize.CellTypeSharedString
}

// check asserts a cell's type: "text", "number", "date" (a number with a
// yyyy-mm-dd format) or "blank", and its raw value when want is not "".
func check(t *testing.T, f *excelize.File, sheet, ref, typ, want string) {
	t.Helper()
	ct, err := f.GetCellType(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
		t.Errorf("%s!%s has formula %q", sheet, ref, formula)
	}
	switch typ {
	case "text":
		if !isText(ct) {
			t.Errorf("%s!%s = %q: type %v, want text", sheet, ref, raw, ct)
		}
	case "number", "date":
		if _, err := strconv.ParseFloat(raw, 64); err != nil || !isNumber(ct) {
			t.Errorf("%s!%s = %q: type %v, want a number", sheet, ref, raw, ct)
		}
		if typ == "date" {
			id, _ := f.GetCellStyle(sheet, ref)
			st, err := f.GetStyle(id)
			if err != nil || st.CustomNumFmt == nil || *st.CustomNumFmt != "yyyy-mm-dd" {
				t.Errorf("%s!%s: style %d is not a yyyy-mm-dd date", sheet, ref, id)
			}
		}
	case "blank":
		if raw != "" {
			t.Errorf("%s!%s = %q, want blank", sheet, ref, raw)
		}
	}
	if want != "" && raw != want {
		t.Errorf("%s!%s = %q, want %q", sheet, ref, raw, want)
	}
}

func TestCellTypes(t *testing.T) {
	f := open(t, renderBytes(t, fixture(), 0))
	fs, plan := "指摘一覧", "対策計画"
	for _, c := range []struct{ sheet, ref, typ, want string }{
		{fs, "A2", "text", "P1 直ちに対応"},
		{fs, "B2", "text", "P1: KEV 掲載 + 外部と接続"},
		{fs, "J2", "text", "JVNDB-2017-001621, CVE-2017-5638"},
		{fs, "K2", "number", "10"},
		{fs, "L2", "text", "はい"},
		{fs, "M2", "number", "0.97"},
		{fs, "N2", "date", "46327"}, // 2026-11-01
		{fs, "O2", "date", "46334"},
		{fs, "K4", "blank", ""}, // no CVSS: blank, never 0
		{fs, "M4", "blank", ""},
		{plan, "G2", "number", "2"},
		{plan, "U2", "number", "0.6"},
		{plan, "K2", "date", "46334"},
		{plan, "F3", "text", "修正版未特定 (要確認)"},
		{plan, "F2", "text", "2.5.33 以降"},
		{plan, "N2", "text", "②影響と対策の検討"},
		{plan, "N3", "blank", ""},
		{"システム一覧", "I2", "number", "120"},
		{"サマリー", "B2", "date", "46356"},
	} {
		check(t, f, c.sheet, c.ref, c.typ, c.want)
	}
}

func TestFormulaLikeTextIsText(t *testing.T) {
	f := open(t, renderBytes(t, fixture(), 0))
	seen := map[string]int{}
	evil := []string{evilLink, evilSum, evilCmd, evilNeg}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				ref := cell(c+1, r+1)
				if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
					t.Errorf("%s!%s: formula %q", sheet, ref, formula)
				}
				for _, e := range evil {
					if strings.Contains(v, e) {
						seen[e]++
						if ct, _ := f.GetCellType(sheet, ref); !isText(ct) {
							t.Errorf("%s!%s = %q: type %v, want text", sheet, ref, v, ct)
						}
					}
				}
			}
		}
	}
	for _, e := range evil {
		if seen[e] == 0 {
			t.Errorf("%q not found in any cell", e)
		}
	}
	// Product name, title and notes, where a person would look.
	check(t, f, "指摘一覧", "F2", "text", evilLink)
	check(t, f, "対策計画", "C3", "text", evilSum)
	check(t, f, "対策計画", "Y2", "text", evilNeg)
	check(t, f, "脆弱性情報", "C2", "text", evilLink)
	check(t, f, "サマリー", "A1", "text", "みなと精機 "+evilLink)
}

func TestPlanValidation(t *testing.T) {
	for _, tc := range []struct {
		langs         []i18n.Lang
		stage, action string
	}{
		{[]i18n.Lang{i18n.JA}, `"①調査,②影響と対策の検討,③対策作業計画,④対策の実施,完了"`,
			`"修正プログラム適用,バージョンアップ,回避策,一時的防御 (IPS/WAF),リプレース,リスク受容,影響なし"`},
		{[]i18n.Lang{i18n.EN}, `"1 Investigate,2 Assess impact and response,3 Plan the work,4 Implement,Done"`,
			`"Patch,Upgrade,Workaround,Mitigate (IPS/WAF; temporary),Replace,Accept risk,Not affected"`},
	} {
		r := fixture()
		r.Languages = tc.langs
		f := open(t, renderBytes(t, r, 0))
		plan := SheetName(tc.langs[0], SheetPlan)
		dvs, err := f.GetDataValidations(plan)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		dates := 0
		for _, dv := range dvs {
			switch dv.Type {
			case "list":
				got[dv.Sqref] = dv.Formula1
			case "date":
				dates++
			}
		}
		want := map[string]string{"N2:N4": tc.stage, "O2:O4": tc.action}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%v: list on %s = %s, want %s", tc.langs, k, got[k], v)
			}
		}
		if dates != 4 {
			t.Errorf("%v: %d date validations, want 4 (due, planned, completed, expires)", tc.langs, dates)
		}
	}
}
