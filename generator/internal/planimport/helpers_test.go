package planimport

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/plan"
	"vulnreport/generator/internal/remediation"
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/render/xlsx"
	"vulnreport/generator/internal/report"
	"vulnreport/generator/internal/source"
)

const planSheet = "対策計画"

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// snapshot copies a test snapshot to a temporary folder: its
// remediation.yaml, or the CSV variant when csv is set.
func snapshot(t *testing.T, csv bool) (dir, file string) {
	t.Helper()
	dir = t.TempDir()
	src, name := "testdata/snapshot/remediation.yaml", "remediation.yaml"
	if csv {
		src, name = "testdata/remediation.csv", "remediation.csv"
	}
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	file = filepath.Join(dir, name)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, file
}

// planReport is a small month matching the test snapshot: three fix
// actions, the first driven by record R-1.
func planReport(remediationFile string) *report.Report {
	data, _ := os.ReadFile(remediationFile)
	sum := sha256.Sum256(data)
	sys := func(id, name string) report.System {
		return report.System{System: inventory.System{ID: id, Name: i18n.Plain(name), Status: "active", Owner: "情報システム部"}}
	}
	act := func(system, product, version string, prio model.Priority) report.Action {
		return report.Action{Plan: &report.Plan{Key: system + "/" + product + "@" + version, System: system, Product: product, ProductName: product,
			Version: version, Fix: plan.NewFix(plan.Fix{Kind: "upgrade", Target: "9.9"}), Work: &plan.Work{}, Findings: []string{"f"},
			TopPriority: prio, Due: day("2026-12-07"), Hosts: 1}, ActionSystem: &report.ActionSystem{Department: "情報システム部"}}
	}
	a1 := act("web01", "apache:struts", "2.5.10", model.P1)
	a1.Stage, a1.Action, a1.Owner, a1.Remediations = "assess", "upgrade", "山田", []string{"R-1", "R-2"}
	a2 := act("pc-fleet", "oracle:jre", "8u201", model.P3)
	a3 := act("pc-fleet", "microsoft:office", "2016", model.P3)
	return &report.Report{
		AsOf: day("2026-11-30"), Languages: []i18n.Lang{i18n.JA, i18n.EN}, Title: i18n.Plain("月次報告"),
		Classification: i18n.Plain("社外秘"), Systems: []report.System{sys("pc-fleet", "クライアントPC"), sys("web01", "公開ウェブ")},
		Actions:  []report.Action{a1, a2, a3},
		Findings: report.NewFindingStore(model.Findings(model.Flat{Key: "f", System: "web01", Product: "apache:struts", Version: "2.5.10", Priority: model.P1, ActionKey: a1.Key})),
		Summary:  report.Summary{Open: map[model.Priority]int{model.P1: 1, model.P3: 2}},
		Sources: report.Sources{Inputs: []source.FileStat{{Path: filepath.Base(remediationFile), Kind: "remediation",
			SHA256: hex.EncodeToString(sum[:])}}},
	}
}

type memWriter map[string][]byte

func (m memWriter) WriteFile(name string, data []byte) error {
	m[name] = data
	return nil
}

// workbook renders r and returns the path of its primary language's workbook.
func workbook(t *testing.T, r *report.Report) string {
	t.Helper()
	return workbookIn(t, r, r.Languages[0])
}

// workbookIn renders r and returns the path of the workbook in lang.
func workbookIn(t *testing.T, r *report.Report, lang i18n.Lang) string {
	t.Helper()
	w := memWriter{}
	if err := xlsx.New(render.Deps{}).Render(context.Background(), r, w); err != nil {
		t.Fatal(err)
	}
	name := xlsx.FileName(r.AsOf, lang)
	data, ok := w[name]
	if !ok {
		t.Fatalf("no %s among %d workbooks", name, len(w))
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// editor changes cells of the plan sheet by action key and header.
type editor struct {
	t     *testing.T
	f     *excelize.File
	sheet string
	rows  [][]string
}

func openEditor(t *testing.T, path string) *editor {
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sheet := planSheet
	if lang, _ := f.GetCellValue(remediation.MetaSheet, "B3"); lang != "" {
		sheet = xlsx.SheetName(i18n.Lang(lang), xlsx.SheetPlan)
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return &editor{t: t, f: f, sheet: sheet, rows: rows}
}

// cell returns the plan sheet cell of an action key and a header.
func (e *editor) cell(key, header string) string {
	col := slices.Index(e.rows[0], header)
	for r, row := range e.rows {
		if len(row) > 0 && row[0] == key && col >= 0 {
			c, _ := excelize.CoordinatesToCellName(col+1, r+1)
			return c
		}
	}
	e.t.Fatalf("no cell for %s / %s", key, header)
	return ""
}

func (e *editor) set(key, header string, v any) {
	c := e.cell(key, header)
	var err error
	if s, ok := v.(string); ok {
		err = e.f.SetCellStr(e.sheet, c, s)
	} else {
		err = e.f.SetCellValue(e.sheet, c, v)
	}
	if err != nil {
		e.t.Fatal(err)
	}
}

// swap exchanges two rows' values, as sorting the sheet would.
func (e *editor) swap(r1, r2 int) {
	for c := 1; c <= len(e.rows[0]); c++ {
		a, _ := excelize.CoordinatesToCellName(c, r1)
		b, _ := excelize.CoordinatesToCellName(c, r2)
		va, _ := e.f.GetCellValue(e.sheet, a, excelize.Options{RawCellValue: true})
		vb, _ := e.f.GetCellValue(e.sheet, b, excelize.Options{RawCellValue: true})
		ta, _ := e.f.GetCellType(e.sheet, a)
		tb, _ := e.f.GetCellType(e.sheet, b)
		put := func(ref, v string, ct excelize.CellType) {
			if v == "" {
				_ = e.f.SetCellValue(e.sheet, ref, nil)
			} else if ct == excelize.CellTypeUnset || ct == excelize.CellTypeNumber {
				_ = e.f.SetCellDefault(e.sheet, ref, v)
			} else {
				_ = e.f.SetCellStr(e.sheet, ref, v)
			}
		}
		put(a, vb, tb)
		put(b, va, ta)
	}
	e.rows[r1-1], e.rows[r2-1] = e.rows[r2-1], e.rows[r1-1]
}

func (e *editor) save(path string) {
	if err := e.f.SaveAs(path); err != nil {
		e.t.Fatal(err)
	}
	e.f.Close()
}

// records decodes a remediation file as the build does.
func records(t *testing.T, path string) map[string]remediation.Record {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var diags source.Diagnostics
	var recs []source.Record
	name := filepath.Base(path)
	if strings.HasSuffix(name, ".csv") {
		_, err = source.ReadCSV(name, bytes.NewReader(data), source.CSVOptions{Aliases: remediation.Aliases}, &diags,
			func(r source.Record) { recs = append(recs, r) }, func(source.Pos, string) {})
	} else {
		recs, err = source.YAMLRecords(name, data, "remediation", &diags, func(source.Pos, string) {})
	}
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]remediation.Record{}
	for _, rec := range recs {
		r, d := remediation.Decode(rec, &diags)
		if d.Failed() {
			t.Errorf("%s: record %s rejected: %v", name, r.ID, d.Reasons())
		}
		out[r.ID] = r
	}
	return out
}
