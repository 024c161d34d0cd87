package pdf_test

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
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/render/pdf"
	"vulnreport/generator/internal/report"
	"vulnreport/generator/internal/source"
)

// synthetic builds the model of a large enterprise: nSys systems and
// nFind findings, with every list the sections read filled in.
func synthetic(nSys, nFind int) *report.Report {
	asOf := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	prios := []model.Priority{model.P1, model.P2, model.P3, model.P4}
	cats, exps := inventory.Categories, inventory.Exposures
	r := &report.Report{
		SchemaVersion: report.SchemaVersion, ToolVersion: "0.1.0", AsOf: asOf, Previous: asOf.AddDate(0, -1, 0),
		Languages:      []i18n.Lang{i18n.JA, i18n.EN},
		Organization:   i18n.Text{JA: "株式会社合成データ", EN: "Synthetic Data Inc."},
		Title:          i18n.Text{JA: "月次脆弱性対応状況報告", EN: "Monthly Vulnerability Status Report"},
		Classification: i18n.Text{JA: "社外秘", EN: "Confidential"},
		Policy: report.Policy{SLADays: map[model.Priority]int{model.P1: 7, model.P2: 30, model.P3: 90, model.P4: 180}, P1CVSS: 9, P2CVSS: 7, P3CVSS: 4,
			P2EPSS: 0.1, EOLWarningDays: 180, StaleDays: 90, InspectionDays: 365, AckDays: 3, AcceptanceDays: 30, DueSoonDays: 14},
	}
	depts := make([]string, 200)
	for i := range depts {
		depts[i] = fmt.Sprintf("事業部%03d", i)
	}
	for i := 0; i < nSys; i++ {
		s := report.System{System: inventory.System{ID: fmt.Sprintf("sys-%05d", i),
			Name:     i18n.Text{JA: fmt.Sprintf("業務システム%05d", i), EN: fmt.Sprintf("Business system %05d", i)},
			Category: cats[i%len(cats)], Exposure: exps[i%len(exps)], Owner: depts[i%len(depts)], Status: "active", Hosts: 1 + i%50,
			Contractor: "株式会社委託先", LastInspection: asOf.AddDate(-2, 0, 0)},
			Open: map[model.Priority]int{model.P1: i % 3, model.P2: i % 5, model.P3: i % 7, model.P4: i % 2}, OpenTotal: i%3 + i%5 + i%7 + i%2, Overdue: i % 4}
		r.Systems = append(r.Systems, s)
		if i%50 == 0 {
			r.Posture.ContractIssues = append(r.Posture.ContractIssues, report.ContractIssue{System: s.ID, Contractor: s.Contractor,
				Gaps: []string{"maintenance_expired", "inspection_included"}})
			r.Posture.InspectionOverdue = append(r.Posture.InspectionOverdue, s.ID)
			r.Posture.StaleInventory = append(r.Posture.StaleInventory, s.ID)
		}
	}
	reasons := []model.Reason{{Code: "kev", Text: i18n.Text{JA: "KEV 掲載", EN: "listed in CISA KEV"}},
		{Code: "internet", Text: i18n.Text{JA: "インターネット公開", EN: "internet-facing"}}}
	nVuln := 5000
	for v := 0; v < nVuln; v++ {
		id := fmt.Sprintf("CVE-2025-%05d", v)
		r.Vulns = append(r.Vulns, report.Vuln{ID: id, IDs: []string{id, fmt.Sprintf("JVNDB-2025-%06d", v)},
			Title: i18n.Text{JA: "合成の脆弱性", EN: "Synthetic vulnerability"}, CVSS: 9.8, HasCVSS: true})
	}
	fs := make([]model.Finding, nFind)
	counts := map[model.Priority]int{}
	for i := range fs {
		p := prios[min(i*4/nFind, 3)]
		v := r.Vulns[i%nVuln]
		sys := r.Systems[i%nSys].ID
		fs[i] = model.Flat{Key: fmt.Sprintf("%s/vendor:product@1.%d/%s", sys, i%97, v.ID), Kind: model.KindVulnerability,
			System: sys, Product: "vendor:product", ProductName: "Product", Version: "1.0", VulnID: v.ID, IDs: v.IDs,
			HasCVSS: true, CVSS: 9.8, Exploited: i%10 == 0, KEV: i%10 == 0, KEVDue: asOf.AddDate(0, -1, 0), Priority: p,
			Reasons: reasons, FirstSeen: asOf.AddDate(0, 0, -(i % 120)), Due: asOf.AddDate(0, 0, 7-(i%120)), DueSource: "sla",
			State: model.StateOpen, Overdue: i%3 == 0}.Finding()
		counts[p]++
	}
	r.Findings = report.NewFindingStore(fs)
	s := &r.Summary
	s.Systems, s.SystemsActive, s.SystemsCurrent, s.Hosts, s.Components = nSys, nSys, nSys*9/10, nSys*25, nSys*30
	s.Open, s.OpenTotal, s.Overdue, s.ExploitedInternet, s.ExploitedOpen = counts, nFind, nFind/3, nFind/30, nFind/10
	s.KEVOldestDays, s.KEVPastDue, s.EOLInUse, s.EOLSoon = 120, nFind/10, 4000, [3]int{100, 300, 900}
	s.HasSLARate, s.SLARate = true, 0.82
	s.Prev = &report.Previous{Date: r.Previous, Open: counts, OpenTotal: nFind - 1000, Overdue: nFind / 3, ExploitedInternet: nFind/30 + 5, EOLInUse: 3900}
	s.Headlines = []report.Headline{
		{Key: report.HeadP1P2, Label: i18n.Text{JA: "未対応 P1・P2", EN: "Open P1 and P2"}, Value: counts[model.P1] + counts[model.P2], HasPrev: true, Prev: counts[model.P1] + counts[model.P2] + 10},
		{Key: report.HeadOverdue, Label: i18n.Text{JA: "期限超過", EN: "Overdue"}, Value: nFind / 3, HasPrev: true, Prev: nFind / 3},
		{Key: report.HeadExploited, Label: i18n.Text{JA: "外部公開システムの悪用済み脆弱性", EN: "Exploited on internet-facing systems"}, Value: nFind / 30, HasPrev: true, Prev: nFind/30 + 5},
		{Key: report.HeadEOL, Label: i18n.Text{JA: "サポート終了ソフトウェア", EN: "End-of-life software in use"}, Value: 4000, HasPrev: true, Prev: 3900},
		{Key: report.HeadOpen, Label: i18n.Text{JA: "未対応の指摘 (全件)", EN: "Open findings (all)"}, Value: nFind, Rule: report.TargetNoIncrease, Target: nFind - 1000, HasPrev: true, Prev: nFind - 1000},
		{Key: report.HeadSLA, Label: i18n.Text{JA: "SLA 遵守率 (%)", EN: "SLA compliance (%)"}, Value: 82, Target: 90},
	}
	for i := 0; i < 5; i++ {
		r.Sentences = append(r.Sentences, i18n.Text{JA: fmt.Sprintf("合成データの %d 文目です。未対応の指摘は %d 件です。", i+1, nFind),
			EN: fmt.Sprintf("Sentence %d of the synthetic data: %d findings are open.", i+1, nFind)})
	}
	upgrade := plan.NewFix(plan.Fix{Kind: "upgrade", Target: "2.0"})
	for i := 0; i < nFind/10; i++ {
		f := fs[i*10]
		keys := make([]string, 10)
		for j := range keys {
			keys[j] = fs[i*10+j].Key
		}
		r.Actions = append(r.Actions, report.Action{Plan: &report.Plan{Key: f.Key, System: f.System, Product: f.Product, ProductName: "Product",
			Version: "1.0", Fix: upgrade, Findings: keys, TopPriority: f.Priority, Due: f.Due, Hosts: 3,
			Work: &plan.Work{Stage: []model.Stage{model.StageNone, model.StageInvestigate, model.StageAssess, model.StagePlan, model.StageImplement}[i%5]}, Overdue: f.Overdue},
			ActionSystem: &report.ActionSystem{Department: depts[i%len(depts)], SystemName: i18n.Plain(f.System)}, RiskShare: 1 / float64(nFind/10)})
	}
	for i := 0; i < 500; i++ {
		eol := asOf.AddDate(0, i%24-12, 0)
		r.Lifecycle = append(r.Lifecycle, report.Line{Product: "vendor:product", ProductName: "Product", Cycle: fmt.Sprintf("%d", i),
			Released: eol.AddDate(-5, 0, 0), SupportEnd: eol.AddDate(-1, 0, 0), EOL: eol, Status: "eol", Systems: []string{r.Systems[i%nSys].ID}, Hosts: 10})
	}
	for i := 0; i < 5000; i++ {
		r.Decisions = append(r.Decisions, report.Decision{Kind: []model.DecisionKind{model.DecisionOverdue, model.DecisionNoPlan, model.DecisionEOLReplacement, model.DecisionAcceptExpiring}[i%4],
			Text: i18n.Text{JA: "判断が必要な事項です", EN: "A decision is needed"}, Due: asOf.AddDate(0, 0, i%30), System: r.Systems[i%nSys].ID})
		r.Acceptances = append(r.Acceptances, report.Acceptance{ID: fmt.Sprintf("A-%d", i), System: r.Systems[i%nSys].ID, Advisory: "CVE-2025-00001",
			Justification: "影響が限定的", ApprovedBy: "部長", Expires: asOf.AddDate(0, 0, i%60), ExpiringSoon: i%60 < 30, Findings: 1})
		r.Notifications = append(r.Notifications, report.Notification{Notice: report.Notice{ID: fmt.Sprintf("N-%d", i), Received: asOf.AddDate(0, 0, -i%90), From: "ipa",
			System: r.Systems[i%nSys].ID, Summary: i18n.Text{JA: "外部からの指摘", EN: "A report"}, Status: "open"}, AckDays: i % 10, AckLate: i%10 > 3})
		r.Posture.DueSoon = append(r.Posture.DueSoon, fs[i*7].Key)
		r.Trends.Escalated = append(r.Trends.Escalated, report.Escalation{Finding: fs[i*11].Key, Kind: "newly_overdue", Date: asOf})
		r.Quality.Rejections = append(r.Quality.Rejections, source.Rejection{Location: fmt.Sprintf("components.csv:%d:1", i+2), Kind: "components", Reasons: []string{"field \"version\": is required"}})
	}
	for _, d := range depts {
		r.Posture.ByOwner = append(r.Posture.ByOwner, report.OwnerRow{Owner: d, Open: nFind / len(depts), Overdue: nFind / len(depts) / 3, P1: 100, P2: 200, Actions: 500})
	}
	for _, p := range prios {
		r.Posture.Age = append(r.Posture.Age, report.AgeRow{Priority: p, Buckets: [4]int{counts[p] / 4, counts[p] / 4, counts[p] / 4, counts[p] / 4}})
		r.Trends.SLA = append(r.Trends.SLA, report.SLARow{Priority: p, Closed: 1000, ClosedInTime: 820, OpenPastDue: counts[p] / 3, OpenTotal: counts[p], TargetDays: r.Policy.SLADays[p], Rate: 0.82, HasRate: true})
		r.Trends.MTTR = append(r.Trends.MTTR, report.MTTRRow{Priority: p, Count: 1000, MeanDays: 12.5, MedianDays: 9, OpenAgeMean: 40, TargetDays: r.Policy.SLADays[p]})
		for _, c := range cats {
			for _, e := range exps {
				r.Posture.Matrix = append(r.Posture.Matrix, report.MatrixCell{Category: c, Exposure: e, Priority: p, Count: counts[p] / 12})
			}
		}
	}
	for m := 23; m >= 0; m-- {
		r.Trends.Months = append(r.Trends.Months, report.MonthPoint{Date: asOf.AddDate(0, -m, 0), Open: nFind - m*1000,
			ByPriority: map[model.Priority]int{model.P1: counts[model.P1] - m*10, model.P2: counts[model.P2], model.P3: counts[model.P3], model.P4: counts[model.P4]}, New: 5000 + m*10, Resolved: 4000 + m*20})
	}
	r.Trends.New, r.Trends.Resolved, r.Trends.Carried, r.Trends.Reopened = 5000, 4000, nFind-5000, 120
	r.Quality.Read, r.Quality.Accepted, r.Quality.Rejected = nSys*31+5000, nSys*31, 5000
	for i := 0; i < 20; i++ {
		r.Sources.Inputs = append(r.Sources.Inputs, source.FileStat{Path: fmt.Sprintf("advisories/part-%02d.csv", i), Kind: "advisories",
			SHA256: fmt.Sprintf("%064x", i*7919), Read: 1000, Accepted: 1000})
	}
	r.Sources.Feeds = []feed.Info{{Kind: "kev", Path: "feeds/kev/known_exploited_vulnerabilities.json", Version: "2026.11.28", Date: "2026-11-28", Records: 1400},
		{Kind: "epss", Path: "feeds/epss/epss_scores-2026-11-29.csv", Version: "v2025.03.14", Date: "2026-11-29", Records: 290000}}
	return r
}

// TestSyntheticScale renders a large model and checks that it stays a
// readable report: a bounded number of pages, whatever the data.
func TestSyntheticScale(t *testing.T) {
	r := synthetic(2000, 100_000)
	var lines []pdf.Placed
	files := renderPDF(t, r, func(p pdf.Placed) { lines = append(lines, p) })
	checkPlaced(t, lines)
	for name, data := range files {
		writePNGs(t, "synthetic-"+name, data)
		if n := pageCount(t, run(t, "pdfinfo", data)); n > 30 {
			t.Errorf("%s: %d pages for a large model, want at most 30", name, n)
		}
	}
}

// BenchmarkPDF renders both languages of a report of 1,000,000 findings
// on 10,000 systems. Besides ns/op it reports ms/op, and cpu-ms/op (user
// and system CPU time of the process), which a busy machine inflates less.
func BenchmarkPDF(b *testing.B) {
	r := synthetic(10_000, 1_000_000)
	rd := pdf.New(render.Deps{})
	start, cpu := time.Now(), cpuTime()
	n := 0
	for b.Loop() {
		var w memWriter
		if err := rd.Render(context.Background(), r, &w); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(time.Since(start).Milliseconds())/float64(n), "ms/op")
	b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(n), "cpu-ms/op")
}
