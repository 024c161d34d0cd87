package site_test

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"vulnreport/generator/internal/heapbudget"
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/plan"
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/render/site"
	"vulnreport/generator/internal/report"
)

// counter is a Writer that keeps only counts.
type counter struct {
	files, bytes atomic.Int64
}

func (c *counter) WriteFile(name string, data []byte) error {
	c.files.Add(1)
	c.bytes.Add(int64(len(data)))
	return nil
}

// synthetic builds a report of nSys systems and nFind findings, shaped like
// a large enterprise: ten components a system, a pool of vulnerabilities,
// most findings P3/P4, a few exploited, some overdue, some closed.
func synthetic(nSys, nFind int) *report.Report {
	asOf := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	r := &report.Report{SchemaVersion: report.SchemaVersion, ToolVersion: "bench", AsOf: asOf, Previous: asOf.AddDate(0, -1, 0),
		Languages: []i18n.Lang{i18n.JA, i18n.EN}, Organization: i18n.Text{JA: "ベンチ株式会社", EN: "Bench Inc."},
		Title: i18n.Text{JA: "月次脆弱性対応状況報告", EN: "Monthly report"}, Classification: i18n.Plain("社外秘"),
		Policy: report.Policy{SLADays: map[model.Priority]int{model.P1: 7, model.P2: 30, model.P3: 90, model.P4: 180}, P1CVSS: 9, P2CVSS: 7, P3CVSS: 4, P2EPSS: 0.1, DueSoonDays: 14}}
	depts := make([]string, 50)
	for i := range depts {
		depts[i] = fmt.Sprintf("部門%02d", i)
	}
	for i := range nSys {
		s := report.System{System: inventory.System{ID: fmt.Sprintf("sys-%05d", i), Name: i18n.Text{JA: fmt.Sprintf("業務システム%05d", i), EN: fmt.Sprintf("System %05d", i)},
			Category: inventory.Categories[i%4], Exposure: inventory.Exposures[i%3], Owner: depts[i%len(depts)], Hosts: 1 + i%5, Status: "active",
			InventoryUpdated: asOf.AddDate(0, 0, -i%200)}, Open: map[model.Priority]int{model.P1: 0, model.P2: 0, model.P3: 0, model.P4: 0}}
		r.Systems = append(r.Systems, s)
	}
	nVuln := max(nFind/50, 1)
	for i := range nVuln {
		v := report.Vuln{ID: fmt.Sprintf("CVE-2025-%06d", i), IDs: []string{fmt.Sprintf("JVNDB-2025-%06d", i)},
			Title:   i18n.Text{JA: fmt.Sprintf("製品%d の脆弱性", i%500), EN: fmt.Sprintf("Flaw in product %d", i%500)},
			HasCVSS: i%10 != 0, CVSS: float64(i%100) / 10, CVSSVersion: "3.1", Severity: "high", Exploited: i%40 == 0, KEV: i%40 == 0,
			References: []string{"https://nvd.nist.gov/vuln/detail/CVE-2025-" + fmt.Sprint(i)}, Affected: []string{"vendor:prod <2.0"}}
		r.Vulns = append(r.Vulns, v)
	}
	reasons := []model.Reason{{Code: "cvss", Text: i18n.Text{JA: "CVSS 7.5 (7.0 以上)", EN: "CVSS 7.5 (≥ 7.0)"}}, {Code: "internet", Text: i18n.Text{JA: "インターネット公開", EN: "internet-facing"}}}
	prios := []model.Priority{model.P1, model.P2, model.P3, model.P4}
	states := []model.State{model.StateOpen, model.StateOpen, model.StateOpen, model.StateOpen, model.StateOpen, model.StateOpen, model.StateOpen, model.StateMitigated, model.StateAccepted, model.StateDone}
	stages := []model.Stage{model.StageNone, model.StageInvestigate, model.StageAssess, model.StagePlan, model.StageImplement}
	comps := 10
	fs := make([]model.Finding, nFind)
	for i := range fs {
		sys := (i / max(nFind/nSys, 1)) % nSys
		comp := i % comps
		v := &r.Vulns[(i*7919)%nVuln]
		p := prios[3]
		switch x := i % 100; {
		case x < 2:
			p = prios[0]
		case x < 20:
			p = prios[1]
		case x < 70:
			p = prios[2]
		}
		prod := fmt.Sprintf("vendor%d:product%d", comp, comp)
		f := model.Flat{Key: fmt.Sprintf("%s/%s@1.%d/%s", r.Systems[sys].ID, prod, comp, v.ID), Kind: model.KindVulnerability,
			System: r.Systems[sys].ID, Product: prod, ProductName: fmt.Sprintf("Product %d", comp), Version: fmt.Sprintf("1.%d", comp),
			VulnID: v.ID, IDs: append([]string{v.ID}, v.IDs...), HasCVSS: v.HasCVSS, CVSS: v.CVSS, CVSSVersion: "3.1", Exploited: v.Exploited, KEV: v.KEV,
			Priority: p, Reasons: reasons, FirstSeen: asOf.AddDate(0, 0, -i%120), State: states[i%len(states)], Stage: stages[i%len(stages)]}.Finding()
		f.Due = f.FirstSeen.AddDate(0, 0, r.Policy.SLADays[p])
		f.Overdue = f.IsOpen() && f.Due.Before(asOf)
		f.ActionKey = f.System + "/" + f.Product + "@" + f.Version
		fs[i] = f
	}
	slices.SortStableFunc(fs, func(a, b model.Finding) int {
		return cmp.Or(cmp.Compare(a.PriorityRank(), b.PriorityRank()), a.Due.Compare(b.Due), cmp.Compare(a.Key, b.Key))
	})
	byAction := map[string]*report.Action{}
	upgrade := plan.NewFix(plan.Fix{Kind: "upgrade", Target: "2.0"})
	var keys []string
	open := map[model.Priority]int{}
	s := &r.Summary
	s.Open = map[model.Priority]int{model.P1: 0, model.P2: 0, model.P3: 0, model.P4: 0}
	for i := range fs {
		f := &fs[i]
		if !f.IsOpen() {
			continue
		}
		open[f.Priority]++
		s.OpenTotal++
		if f.Overdue {
			s.Overdue++
		}
		a := byAction[f.ActionKey]
		if a == nil {
			a = &report.Action{Plan: &report.Plan{Key: f.ActionKey, System: f.System, Product: f.Product, ProductName: f.ProductName, Version: f.Version,
				Fix: upgrade, TopPriority: f.Priority, Due: f.Due, Work: &plan.Work{Stage: f.Stage}},
				ActionSystem: &report.ActionSystem{Department: depts[len(f.System)%len(depts)], SystemName: i18n.Plain(f.System)}}
			byAction[f.ActionKey] = a
			keys = append(keys, f.ActionKey)
		}
		a.Findings = append(a.Findings, f.Key)
	}
	for _, k := range keys {
		r.Actions = append(r.Actions, *byAction[k])
	}
	for i := range r.Actions {
		r.Actions[i].Department = r.Systems[i%nSys].Owner
	}
	s.Open = open
	s.Headlines = []report.Headline{
		{Key: report.HeadP1P2, Label: i18n.Text{JA: "未対応 P1・P2", EN: "Open P1 and P2"}, Value: open[model.P1] + open[model.P2], Link: "priority=P1,P2"},
		{Key: report.HeadOverdue, Label: i18n.Text{JA: "期限超過", EN: "Overdue"}, Value: s.Overdue, Link: "overdue=1"},
		{Key: report.HeadOpen, Label: i18n.Text{JA: "未対応の指摘 (全件)", EN: "Open findings"}, Value: s.OpenTotal, Rule: report.TargetNoIncrease, Target: -1, Link: "state=open"},
	}
	for _, p := range model.Priorities {
		r.Posture.Age = append(r.Posture.Age, report.AgeRow{Priority: p})
		r.Trends.SLA = append(r.Trends.SLA, report.SLARow{Priority: p, TargetDays: r.Policy.SLADays[p]})
		r.Trends.MTTR = append(r.Trends.MTTR, report.MTTRRow{Priority: p})
	}
	for m := range 12 {
		r.Trends.Months = append(r.Trends.Months, report.MonthPoint{Date: asOf.AddDate(0, m-11, 0), Open: s.OpenTotal - m*100, ByPriority: open})
	}
	for i := 0; i < len(fs) && len(r.Posture.DueSoon) < 5000; i += 97 {
		r.Posture.DueSoon = append(r.Posture.DueSoon, fs[i].Key)
	}
	r.Findings = report.NewFindingStore(fs)
	return r
}

// peak samples the live heap while f runs and returns its maximum.
func peak(f func()) uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var max uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > max {
				max = v
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	})
	f()
	close(done)
	wg.Wait()
	return max
}

// BenchmarkSite renders a synthetic enterprise of 10,000 systems and
// 1,000,000 findings in both languages and reports pages per second,
// milliseconds per page and the peak live heap (report included).
func BenchmarkSite(b *testing.B) {
	if n, err := strconv.Atoi(os.Getenv("VULNREPORT_BENCH_FINDINGS")); err == nil && n > 0 {
		benchSystems, benchFindings = max(n/100, 1), n
	}
	r := synthetic(benchSystems, benchFindings)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	live := ms.HeapAlloc
	// As vulnreport build does before rendering (unless GOMEMLIMIT is set).
	_, userLimit := os.LookupEnv("GOMEMLIMIT")
	limit, restore := heapbudget.Set(heapbudget.Headroom, userLimit)
	defer restore()
	b.ResetTimer()
	var pages, bytes int64
	var heap uint64
	cpu0 := cpuTime()
	for b.Loop() {
		c := &counter{}
		heap = max(heap, peak(func() {
			if err := site.New(render.Deps{}).Render(context.Background(), r, c); err != nil {
				b.Fatal(err)
			}
		}))
		pages, bytes = c.files.Load(), c.bytes.Load()
	}
	secs := b.Elapsed().Seconds() / float64(b.N)
	cpu := (cpuTime() - cpu0).Seconds() / float64(b.N)
	b.ReportMetric(cpu*1000/float64(pages), "cpu-ms/page")
	b.ReportMetric(float64(pages), "pages/op")
	b.ReportMetric(float64(pages)/secs, "pages/s")
	b.ReportMetric(secs*1000/float64(pages), "ms/page")
	b.ReportMetric(float64(bytes)/(1<<20), "MiB-written/op")
	b.ReportMetric(float64(heap)/(1<<20), "MiB-peak-heap")
	b.ReportMetric(float64(live)/(1<<20), "MiB-report")
	b.ReportMetric(float64(limit)/(1<<20), "MiB-limit")
}

// The benchmark's size; VULNREPORT_BENCH_FINDINGS=n shrinks it (n findings
// on n/100 systems) for profiling.
var benchSystems, benchFindings = 10_000, 1_000_000

// cpuTime is the process's user and system time so far; on a shared
// machine it measures the work better than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
