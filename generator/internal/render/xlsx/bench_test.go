package xlsx

import (
	"context"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/plan"
	"vulnreport/generator/internal/report"
)

// synthetic returns a report with n findings over 1,000 systems, 20
// components each and 5,000 vulnerabilities, shaped like a real month.
func synthetic(n int) *report.Report {
	r := fixture()
	const systems, perSystem, vulns = 1000, 20, 5000
	r.Systems = r.Systems[:0]
	for s := range systems {
		id := "sys-" + strconv.Itoa(s)
		r.Systems = append(r.Systems, report.System{System: inventory.System{ID: id, Name: i18n.Plain("システム " + id),
			Category: inventory.Categories[s%4], Exposure: inventory.Exposures[s%3], Owner: "部署" + strconv.Itoa(s%40),
			Hosts: 1 + s%50, Status: "active"}, Open: map[model.Priority]int{model.P1: 1}})
	}
	products := []string{"apache:struts", "apache:tomcat", "oracle:jre", "microsoft:windows", "openssl:openssl"}
	var comps []report.Component
	for s := range systems {
		for c := range perSystem {
			p := products[c%len(products)]
			comps = append(comps, report.Component{System: r.Systems[s].ID,
				ComponentFacts: &report.ComponentFacts{Product: p, ProductName: p, Version: "2." + strconv.Itoa(c), Lifecycle: "supported"},
				Hosts:          1 + c, Findings: n / (systems * perSystem),
				At: "components.csv:" + strconv.Itoa(s*perSystem+c+2)})
		}
	}
	r.Components = report.NewComponentStore(comps)
	ids := make([]string, vulns)
	r.Vulns = r.Vulns[:0]
	for v := range vulns {
		ids[v] = "CVE-2024-" + strconv.Itoa(10000+v)
		r.Vulns = append(r.Vulns, report.Vuln{ID: ids[v], IDs: []string{ids[v]}, Title: i18n.Plain("脆弱性 " + ids[v]),
			HasCVSS: true, CVSS: float64(v%100) / 10, Severity: "high", References: []string{"https://nvd.nist.gov/vuln/detail/" + ids[v]},
			TopPriority: model.P2, Findings: n / vulns})
	}
	reasons := [][]model.Reason{
		{{Code: "kev", Text: i18n.Text{JA: "KEV 掲載", EN: "in KEV"}}, {Code: "internet", Text: i18n.Text{JA: "外部と接続", EN: "internet-facing"}}},
		{{Code: "cvss", Text: i18n.Text{JA: "CVSS 7.0 以上", EN: "CVSS >= 7.0"}}},
	}
	first, due := date("2026-10-01"), date("2026-11-15")
	fs := make([]model.Finding, n)
	actions := map[string]bool{}
	upgrade, planned := plan.NewFix(plan.Fix{Kind: "upgrade", Target: "3.0"}), &plan.Work{Stage: "plan", Action: "upgrade"}
	dept := &report.ActionSystem{Department: "部署"}
	r.Actions = r.Actions[:0]
	for i := range fs {
		c := &comps[i%len(comps)]
		v := ids[(i/len(comps))%vulns]
		akey := c.System + "/" + c.Product + "@" + c.Version
		f := &fs[i]
		*f = model.Flat{Key: akey + "/" + v, Kind: model.KindVulnerability, System: c.System, Product: c.Product,
			ProductName: c.ProductName, Version: c.Version, Hosts: c.Hosts, VulnID: v, IDs: []string{v},
			Clause: c.Product + " <3.0", HasCVSS: i%7 != 0, CVSS: float64(i%100) / 10, KEV: i%50 == 0, HasEPSS: i%3 == 0,
			EPSS: float64(i%1000) / 1000, Priority: model.Priorities[i%4], Reasons: reasons[i%2], FirstSeen: first, Due: due,
			DueSource: "sla", Stage: "plan", Action: "upgrade", State: model.StateOpen, Lifecycle: "supported",
			Overdue: i%5 == 0, ActionKey: akey}.Finding()
		if !actions[akey] {
			actions[akey] = true
			r.Actions = append(r.Actions, report.Action{Plan: &report.Plan{Key: akey, System: c.System, Product: c.Product, ProductName: c.ProductName,
				Version: c.Version, Fix: upgrade, Findings: []string{f.Key}, TopPriority: f.Priority, Due: due,
				Hosts: c.Hosts, Work: planned}, ActionSystem: dept, RiskShare: 0.001})
		}
	}
	r.Findings = report.NewFindingStore(fs)
	return r
}

// BenchmarkWorkbook renders a month with 1,000,000 findings. Besides
// ns/op it reports the highest heap in use while rendering (sampled every
// 10 ms), that peak above the heap the model itself takes (garbage
// included: the collector lets the heap grow to twice the live model), the
// highest live heap after a collection above the model's, the memory the
// process obtained from the system, the workbook's size and the CPU time
// (user + system, all threads), which is steadier than the wall time on a
// shared machine.
func BenchmarkWorkbook(b *testing.B) {
	n := benchN()
	r := synthetic(n)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	liveSample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(liveSample)
	baseLive := liveSample[0].Value.Uint64()
	var peak, live atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		// runtime/metrics reads without stopping the world, unlike ReadMemStats.
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/unused:bytes"},
			{Name: "/gc/heap/live:bytes"}}
		for {
			metrics.Read(sample)
			if inuse := sample[0].Value.Uint64() + sample[1].Value.Uint64(); inuse > peak.Load() {
				peak.Store(inuse)
			}
			if l := sample[2].Value.Uint64(); l > live.Load() {
				live.Store(l)
			}
			select {
			case <-stop:
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}()
	rd := New(rdDeps).(*renderer)
	size := 0
	cpu0 := cpuTime()
	b.ResetTimer()
	for range b.N {
		data, err := rd.workbook(context.Background(), r, r.Languages[0])
		if err != nil {
			b.Fatal(err)
		}
		size = len(data)
	}
	b.StopTimer()
	cpu := cpuTime() - cpu0
	close(stop)
	<-done
	runtime.ReadMemStats(&ms)
	const mib = 1 << 20
	b.ReportMetric(float64(peak.Load())/mib, "peak-heap-MiB")
	b.ReportMetric(float64(peak.Load()-min(base, peak.Load()))/mib, "render-heap-MiB")
	b.ReportMetric(float64(live.Load()-min(baseLive, live.Load()))/mib, "render-live-MiB")
	b.ReportMetric(float64(base)/mib, "model-heap-MiB")
	b.ReportMetric(float64(ms.Sys)/mib, "sys-MiB")
	b.ReportMetric(float64(size)/mib, "xlsx-MiB")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// benchN is the findings in BenchmarkWorkbook: 1,000,000 unless
// VULNREPORT_BENCH_N says otherwise (for profiling).
func benchN() int {
	if n, err := strconv.Atoi(os.Getenv("VULNREPORT_BENCH_N")); err == nil && n > 0 {
		return n
	}
	return 1_000_000
}
