package planimport

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"vulnreport/generator/internal/report"
)

const (
	struts = "web01/apache:struts@2.5.10"
	jre    = "pc-fleet/oracle:jre@8u201"
	office = "pc-fleet/microsoft:office@2016"
	evil   = `=HYPERLINK("http://evil","x")`
)

// editPlan makes the round trip's edits: on the Struts action (record R-1)
// stage, owner, planned date (a real Excel date) and notes; on the JRE
// action (no record) stage and action by their Japanese labels and a
// planned date typed as text; and it swaps two rows.
func editPlan(e *editor) {
	e.set(struts, "対処手順", "③対策作業計画")
	e.set(struts, "担当", "佐藤")
	e.set(struts, "予定日", day("2026-12-15"))
	e.set(struts, "備考", evil)
	e.set(jre, "対処手順", "①調査")
	e.set(jre, "対応方針", "回避策")
	e.set(jre, "予定日", "2026-12-20")
	e.swap(2, 3)
}

func TestRoundTrip(t *testing.T) {
	for _, csv := range []bool{false, true} {
		dir, file := snapshot(t, csv)
		book := workbook(t, planReport(file))
		e := openEditor(t, book)
		editPlan(e)
		e.save(book)
		var out bytes.Buffer
		if err := Run(book, dir, false, &out); err != nil {
			t.Fatalf("csv=%v: import: %v\n%s", csv, err, out.String())
		}
		recs := records(t, file)
		r1 := recs["R-1"]
		if r1.Stage != "plan" || r1.Action != "upgrade" || r1.Owner != "佐藤" || r1.Planned.Format("2006-01-02") != "2026-12-15" ||
			r1.Notes != evil || r1.System != "web01" || r1.Advisory != "*" {
			t.Errorf("csv=%v: R-1 = %+v", csv, r1)
		}
		n := recs["R-IMPORT-1"]
		if n.System != "pc-fleet" || n.Product != "oracle:jre" || n.Advisory != "*" || n.Stage != "investigate" ||
			n.Action != "workaround" || n.Planned.Format("2006-01-02") != "2026-12-20" || !n.Due.IsZero() {
			t.Errorf("csv=%v: new record = %+v", csv, n)
		}
		if r2 := recs["R-2"]; r2.Stage != "investigate" || r2.Advisory != "CVE-2017-5638" {
			t.Errorf("csv=%v: R-2 changed: %+v", csv, r2)
		}
		if len(recs) != 3 {
			t.Errorf("csv=%v: %d records, want 3 (office unchanged, so no record)", csv, len(recs))
		}
		for _, w := range []string{struts + ": update R-1", `: stage "assess" → "plan"`, `: owner "山田" → "佐藤"`,
			jre + ": add R-IMPORT-1", "対策計画!", "note: R-2, more specific, still decide(s)", "wrote remediation."} {
			if !strings.Contains(out.String(), w) {
				t.Errorf("csv=%v: output lacks %q:\n%s", csv, w, out.String())
			}
		}
		if strings.Contains(out.String(), office) {
			t.Errorf("csv=%v: unchanged action reported:\n%s", csv, out.String())
		}
		data, _ := os.ReadFile(file)
		if !csv {
			untouched := "  - id: R-2\n    system: web01\n    advisory: CVE-2017-5638\n    stage: investigate\n    notes: >\n" +
				"      個別の脆弱性についての記録。\n      取り込みでは変更しない。\n\n  - id: R-IMPORT-1\n"
			for _, w := range []string{"# 対策の記録 (テスト用のスナップショット)", "custom_field: keep me # not in the contract", untouched} {
				if !strings.Contains(string(data), w) {
					t.Errorf("remediation.yaml lacks %q:\n%s", w, data)
				}
			}
		} else if !bytes.HasPrefix(data, []byte("\xef\xbb\xbfID,システムID,脆弱性ID,製品,段階")) {
			t.Errorf("remediation.csv lost its BOM or header:\n%s", data)
		}
		// A second import of the same workbook finds everything recorded.
		out.Reset()
		if err := Run(book, dir, false, &out); err != nil || !strings.Contains(out.String(), "no changes") {
			t.Errorf("csv=%v: second import: %v\n%s", csv, err, out.String())
		}
		if after, _ := os.ReadFile(file); !bytes.Equal(after, data) {
			t.Errorf("csv=%v: the second import rewrote the file", csv)
		}
	}
}

// TestNothingChanges checks that an invalid workbook, a conflict or a dry
// run leave the remediation file's bytes as they were, and that the error
// names the cell.
func TestNothingChanges(t *testing.T) {
	for _, tc := range []struct {
		name string
		// edit edits the plan and returns more text the error must hold.
		edit    func(e *editor) []string
		snap    func(t *testing.T, file string)
		dryRun  bool
		wantErr []string
		wantOut []string
	}{
		{name: "invalid date", edit: func(e *editor) []string {
			editPlan(e)
			e.set(office, "予定日", "2026-13-01")
			return []string{planSheet + "!" + e.cell(office, "予定日") + `: "2026-13-01" is not a date`}
		}, wantErr: []string{"nothing was changed"}},
		{name: "invalid stage", edit: func(e *editor) []string {
			e.set(jre, "対処手順", "そのうち")
			return []string{planSheet + "!" + e.cell(jre, "対処手順") + `: "そのうち" is not a stage: expected one of ①調査`}
		}},
		{name: "accept without justification", edit: func(e *editor) []string {
			e.set(jre, "対処手順", "②影響と対策の検討")
			e.set(jre, "対応方針", "リスク受容")
			e.set(jre, "承認者", "CISO")
			return []string{planSheet + "!" + e.cell(jre, "理由") + ": justification is required for action accept",
				planSheet + "!" + e.cell(jre, "有効期限") + ": expires is required for action accept"}
		}},
		{name: "no stage", edit: func(e *editor) []string {
			e.set(office, "担当", "鈴木")
			return []string{planSheet + "!" + e.cell(office, "対処手順") + ": choose a stage"}
		}},
		{name: "row added", edit: func(e *editor) []string {
			_ = e.f.SetCellStr(planSheet, "A9", "web01/evil:thing@1")
			_ = e.f.SetCellStr(planSheet, "L9", "x")
			return []string{`対策計画!A9: action key "web01/evil:thing@1" is not in this workbook`}
		}},
		{name: "conflict", edit: func(e *editor) []string { e.set(struts, "対処手順", "③対策作業計画"); return nil },
			snap: func(t *testing.T, file string) {
				data, _ := os.ReadFile(file)
				_ = os.WriteFile(file, bytes.Replace(data, []byte("stage: 検討"), []byte("stage: implement"), 1), 0o644)
			}, wantErr: []string{"conflict", `stage: the workbook was built with "assess" and now says "plan", but remediation.yaml:`, `now says "implement"`}},
		{name: "dry run", edit: func(e *editor) []string { editPlan(e); return nil }, dryRun: true, wantOut: []string{"dry run:", "1 record(s) updated, 1 added", "nothing written"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, file := snapshot(t, false)
			book := workbook(t, planReport(file))
			e := openEditor(t, book)
			wantErr := append(tc.edit(e), tc.wantErr...)
			e.save(book)
			if tc.snap != nil {
				tc.snap(t, file)
			}
			before, _ := os.ReadFile(file)
			var out bytes.Buffer
			err := Run(book, dir, tc.dryRun, &out)
			if after, _ := os.ReadFile(file); !bytes.Equal(before, after) {
				t.Errorf("the remediation file changed:\n%s", after)
			}
			for _, w := range wantErr {
				if err == nil || !strings.Contains(err.Error(), w) {
					t.Errorf("error %v, want it to contain %q", err, w)
				}
			}
			if len(wantErr) == 0 && err != nil {
				t.Errorf("unexpected error: %v", err)
			}
			for _, w := range tc.wantOut {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
		})
	}
}

// TestRoundTripEnglishWorkbook imports the English workbook (its own sheet
// names, headers and labels) with a ticket and a cost typed in.
func TestRoundTripEnglishWorkbook(t *testing.T) {
	dir, file := snapshot(t, false)
	r := planReport(file)
	book := workbookIn(t, r, "en")
	if !strings.HasSuffix(book, ".en.xlsx") {
		t.Fatalf("workbook %s", book)
	}
	e := openEditor(t, book)
	if e.sheet != "Remediation plan" {
		t.Fatalf("plan sheet %q", e.sheet)
	}
	e.set(struts, "Stage", "3 Plan the work")
	e.set(struts, "Ticket", "CHG-2026-0999")
	e.set(struts, "Cost (JPY)", "1,200,000")
	e.set(jre, "Stage", "investigate")
	e.set(jre, "Action", "Workaround")
	e.save(book)
	var out bytes.Buffer
	if err := Run(book, dir, false, &out); err != nil {
		t.Fatalf("import: %v\n%s", err, out.String())
	}
	recs := records(t, file)
	if r1 := recs["R-1"]; r1.Stage != "plan" || r1.Ticket != "CHG-2026-0999" || r1.Cost != "1,200,000" {
		t.Errorf("R-1 = %+v", r1)
	}
	if n := recs["R-IMPORT-1"]; n.Action != "workaround" || n.Product != "oracle:jre" {
		t.Errorf("new record = %+v", n)
	}
	if !strings.Contains(out.String(), "Remediation plan!") {
		t.Errorf("output does not name the English sheet:\n%s", out.String())
	}
}

// TestRoundTripKeepsTicketAndCost checks that a workbook showing a record's
// ticket and cost, imported unedited, changes nothing.
func TestRoundTripKeepsTicketAndCost(t *testing.T) {
	dir, file := snapshot(t, false)
	r := planReport(file)
	fs := r.Findings.Slice()
	fs[0].Own()
	fs[0].Ticket, fs[0].Cost = "SEC-1", "350000"
	r.Findings = report.NewFindingStore(fs)
	book := workbook(t, r)
	e := openEditor(t, book)
	if got, _ := e.f.GetCellValue(e.sheet, e.cell(struts, "チケット")); got != "SEC-1" {
		t.Fatalf("ticket cell = %q", got)
	}
	if got, _ := e.f.GetCellValue(e.sheet, e.cell(struts, "費用 (円)")); got != "350000" {
		t.Fatalf("cost cell = %q", got)
	}
	e.f.Close()
	var out bytes.Buffer
	if err := Run(book, dir, false, &out); err != nil {
		t.Fatalf("import: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "no changes to import") {
		t.Errorf("unedited workbook imported changes:\n%s", out.String())
	}
}
