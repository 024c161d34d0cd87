package xlsx

import (
	"context"
	"fmt"
	"testing"
	"time"

	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/plan"
	"vulnreport/generator/internal/report"
	"vulnreport/generator/internal/source"
)

// Formula-like text that must be stored as text.
const (
	evilLink = `=HYPERLINK("http://evil","x")`
	evilSum  = `@SUM(A1)`
	evilCmd  = `+cmd|' /C calc'!A0`
	evilNeg  = `-2+3`
)

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// fixture returns a small report: two systems, three actions, five findings.
func fixture() *report.Report {
	asOf := date("2026-11-30")
	web := inventory.System{ID: "web01", Name: i18n.Text{JA: "公開ウェブ", EN: "Public web"}, Category: "website",
		Exposure: "internet", Data: []string{"personal"}, Criticality: "high", Owner: "営業部", Hosts: 2, Status: "active",
		LastInspection: date("2026-01-15")}
	pcs := inventory.System{ID: "pc-fleet", Name: i18n.Plain("クライアントPC"), Category: "client", Exposure: "intranet",
		Criticality: "medium", Owner: "情報システム部", Hosts: 120, Status: "active"}
	reasons := []model.Reason{{Code: "kev", Text: i18n.Text{JA: "KEV 掲載", EN: "in KEV"}},
		{Code: "internet", Text: i18n.Text{JA: "外部と接続", EN: "internet-facing"}}}
	f := func(key, sys, product, name, ver, vuln string, prio model.Priority) model.Finding {
		return model.Flat{Key: key, Kind: model.KindVulnerability, System: sys, Product: product, ProductName: name,
			Version: ver, Hosts: 1, VulnID: vuln, IDs: []string{vuln, "JVNDB-2017-001621"}, Clause: product + " <2.5.13",
			Priority: prio, Reasons: reasons, FirstSeen: date("2026-11-01"), Due: date("2026-11-08"), DueSource: "sla",
			State: model.StateOpen, Lifecycle: "supported", ActionKey: sys + "/" + product + "@" + ver}.Finding()
	}
	f1 := f("web01/apache:struts@2.5.10/CVE-2017-5638", "web01", "apache:struts", evilLink, "2.5.10", "CVE-2017-5638", model.P1)
	f1.HasCVSS, f1.CVSS, f1.KEV, f1.Exploited, f1.HasEPSS, f1.EPSS, f1.Overdue = true, 10, true, true, true, 0.97, true
	f1.Stage, f1.Action, f1.Owner = "assess", "upgrade", "山田"
	f2 := f("web01/apache:struts@2.5.10/CVE-2018-11776", "web01", "apache:struts", evilLink, "2.5.10", "CVE-2018-11776", model.P2)
	f2.HasCVSS, f2.CVSS = true, 8.1
	f3 := f("pc-fleet/oracle:jre@8u201/CVE-2019-2699", "pc-fleet", "oracle:jre", evilSum, "8u201", "CVE-2019-2699", model.P3)
	f3.Due = date("2027-01-30")
	f4 := f("pc-fleet/microsoft:office@2016/EOL", "pc-fleet", "microsoft:office", evilCmd, "2016", "", model.P3)
	f4.Kind, f4.IDs, f4.Reasons, f4.Lifecycle, f4.Clause = model.KindEOL, nil, nil, "eol", ""
	f5 := f("pc-fleet/oracle:jre@8u201/CVE-2019-2602", "pc-fleet", "oracle:jre", evilSum, "8u201", "CVE-2019-2602", model.P4)
	f5.NeedsConfirmation, f5.State = true, "confirm"
	actions := []report.Action{
		{Plan: &report.Plan{Key: f1.ActionKey, System: "web01", Product: "apache:struts", ProductName: evilLink, Version: "2.5.10",
			Fix: plan.NewFix(plan.Fix{Kind: "upgrade", Target: "2.5.33"}), Findings: []string{f1.Key, f2.Key}, TopPriority: model.P1,
			Due: date("2026-11-08"), Hosts: 2, Work: &plan.Work{Owner: "山田", Stage: "assess", Action: "upgrade", Notes: evilNeg},
			Overdue: true, Exploited: true},
			ActionSystem: &report.ActionSystem{Department: "営業部"}, RiskShare: 0.6},
		{Plan: &report.Plan{Key: f3.ActionKey, System: "pc-fleet", Product: "oracle:jre", ProductName: evilSum, Version: "8u201",
			Fix: plan.NewFix(plan.Fix{Kind: "confirm", TargetOpen: true}), Work: &plan.Work{}, Findings: []string{f3.Key, f5.Key},
			TopPriority: model.P3, Due: date("2027-01-30"), Hosts: 120},
			ActionSystem: &report.ActionSystem{Department: "情報システム部"}, RiskShare: 0.3},
		{Plan: &report.Plan{Key: f4.ActionKey, System: "pc-fleet", Product: "microsoft:office", ProductName: evilCmd, Version: "2016",
			Fix: plan.NewFix(plan.Fix{Kind: "replace"}), Findings: []string{f4.Key}, TopPriority: model.P3, Due: date("2027-01-30"), Hosts: 120,
			Work: &plan.Work{Planned: date("2026-12-20"), Stage: "plan", Action: "replace"}},
			ActionSystem: &report.ActionSystem{Department: "情報システム部"}, RiskShare: 0.1},
	}
	return &report.Report{
		SchemaVersion: report.SchemaVersion, ToolVersion: "test", AsOf: asOf, Previous: date("2026-10-31"),
		Languages: []i18n.Lang{i18n.JA, i18n.EN}, Organization: i18n.Text{JA: "みなと精機", EN: "Minato Seiki"},
		Title: i18n.Text{JA: evilLink, EN: evilLink}, Classification: i18n.Text{JA: "社外秘", EN: "Confidential"},
		Policy: report.Policy{SLADays: map[model.Priority]int{model.P1: 7, model.P2: 30, model.P3: 90, model.P4: 180}, P1CVSS: 9, P2CVSS: 7,
			P3CVSS: 4, P2EPSS: 0.1, EOLWarningDays: 180, StaleDays: 90, InspectionDays: 365, AckDays: 3},
		Systems: []report.System{
			{System: pcs, Open: map[model.Priority]int{model.P3: 2}, OpenTotal: 2, ContractGaps: []string{"inspection_included"}},
			{System: web, Open: map[model.Priority]int{model.P1: 1, model.P2: 1}, OpenTotal: 2, Overdue: 1, Exploited: 1},
		},
		Components: report.NewComponentStore([]report.Component{
			{System: "pc-fleet", ComponentFacts: &report.ComponentFacts{Product: "oracle:jre", ProductName: evilSum, Version: "8u201", Lifecycle: "supported"},
				Hosts: 120, Findings: 2, At: "components.csv:3"},
			{System: "web01", ComponentFacts: &report.ComponentFacts{Product: "apache:struts", ProductName: evilLink, Version: "2.5.10", Lifecycle: "eol", EOL: date("2022-01-01")},
				Hosts: 2, Findings: 2, At: "components.csv:2"},
		}),
		Findings: report.NewFindingStore([]model.Finding{f1, f2, f3, f4, f5}),
		Vulns: []report.Vuln{{ID: "CVE-2017-5638", IDs: []string{"CVE-2017-5638", "JVNDB-2017-001621"}, Title: i18n.Plain(evilLink),
			HasCVSS: true, CVSS: 10, Severity: "critical", KEV: true, Exploited: true, Published: date("2017-03-10"),
			References: []string{"javascript:alert(1)", "https://jvndb.jvn.jp/ja/contents/2017/JVNDB-2017-001621.html", "https://nvd.nist.gov/vuln/detail/CVE-2017-5638"},
			Systems:    []string{"web01"}, Findings: 1, Open: 1, TopPriority: model.P1}},
		Actions: actions,
		Lifecycle: []report.Line{{Product: "apache:struts", ProductName: "Struts", Cycle: "2.5", EOL: date("2022-01-01"),
			Status: "eol", Systems: []string{"web01"}, Hosts: 2}},
		Notifications: []report.Notification{{Notice: report.Notice{ID: "N-1", Received: date("2026-11-20"), From: "ipa", System: "web01",
			Summary: i18n.Plain(evilCmd), Status: "open"}, AckDays: 10, AckLate: true}},
		Acceptances: []report.Acceptance{{ID: "R-9", System: "pc-fleet", Advisory: "CVE-2019-0001", Justification: "closed network",
			ApprovedBy: "CISO", Expires: date("2026-12-15"), ExpiringSoon: true, Findings: 1, Notes: evilNeg}},
		Trends: report.Trends{Months: []report.MonthPoint{
			{Date: date("2026-10-31"), Open: 6, ByPriority: map[model.Priority]int{model.P1: 2, model.P2: 1, model.P3: 2, model.P4: 1}},
			{Date: asOf, Open: 4, ByPriority: map[model.Priority]int{model.P1: 1, model.P2: 1, model.P3: 2}},
		}},
		Posture: report.Posture{Matrix: []report.MatrixCell{{Category: "website", Exposure: "internet", Priority: model.P1, Count: 1},
			{Category: "website", Exposure: "internet", Priority: model.P2, Count: 1}, {Category: "client", Exposure: "intranet", Priority: model.P3, Count: 2}}},
		Summary: report.Summary{Open: map[model.Priority]int{model.P1: 1, model.P2: 1, model.P3: 2}, OpenTotal: 4, Overdue: 1,
			Headlines: []report.Headline{{Key: report.HeadP1P2, Label: i18n.Plain("未対応 P1・P2"), Value: 2, HasPrev: true, Prev: 3},
				{Key: report.HeadOpen, Label: i18n.Plain("未対応の指摘 (全件)"), Value: 4, Rule: report.TargetNoIncrease, Target: 6, HasPrev: true, Prev: 6, Met: true},
				{Key: report.HeadSLA, Label: i18n.Plain("SLA 遵守率 (%)"), Target: 90, Met: true}}},
		Sentences: []i18n.Text{{JA: "未対応の指摘は 4 件です。", EN: "4 findings are open."}},
		Quality: report.Quality{Read: 3, Accepted: 2, Rejected: 1,
			Files: []source.FileStat{{Path: "components.csv", Kind: "components", Read: 3, Accepted: 2, Rejected: 1}},
			Rejections: []source.Rejection{{Location: "components.csv:4:1", Kind: "components",
				Reasons: []string{"components.csv:4:5: field \"version\": is required"}}},
			Unmatched:   []report.Component{{System: "web01", ComponentFacts: &report.ComponentFacts{Product: "acme:thing", Version: "1"}, At: "components.csv:5"}},
			Diagnostics: []string{"components.csv:4:5: error: field \"version\": is required"}},
		Sources: report.Sources{Feeds: []feed.Info{{Kind: "kev", Path: "feeds/kev/known_exploited_vulnerabilities.json", Version: "2026.11.28", Date: "2026-11-28", Records: 1400}},
			Inputs: []source.FileStat{{Path: "remediation.yaml", Kind: "remediation", SHA256: "abc", Size: 10, Read: 1, Accepted: 1}}},
	}
}

// memWriter collects rendered files.
type memWriter map[string][]byte

func (m memWriter) WriteFile(name string, data []byte) error {
	m[name] = data
	return nil
}

// renderBytes renders r with at most maxRows rows a sheet (0: Excel's limit).
func renderBytes(t testing.TB, r *report.Report, maxRows int) []byte {
	t.Helper()
	rd := New(rdDeps).(*renderer)
	if maxRows > 0 {
		rd.maxRows = maxRows
	}
	w := memWriter{}
	if err := rd.Render(context.Background(), r, w); err != nil {
		t.Fatalf("render: %v", err)
	}
	name := FileName(r.AsOf, r.Languages[0])
	data, ok := w[name]
	if !ok || len(w) != len(r.Languages) {
		t.Fatalf("rendered %v, want %s and one workbook per language", keys(w), name)
	}
	return data
}

func keys(m memWriter) []string {
	var out []string
	for k := range m {
		out = append(out, fmt.Sprint(k))
	}
	return out
}

// componentRows returns r's component rows as a slice, for a test to
// change before storing them again (report.NewComponentStore).
func componentRows(r *report.Report) []report.Component {
	out := make([]report.Component, 0, r.Components.Len())
	for _, c := range r.Components.All() {
		out = append(out, c)
	}
	return out
}
