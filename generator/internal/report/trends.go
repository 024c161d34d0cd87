package report

import (
	"slices"

	"vulnreport/generator/internal/assess"
	"vulnreport/generator/internal/history"
	"vulnreport/generator/internal/model"
)

// Escalation is a finding that became more urgent since the last build,
// as assess judged it (assess.Escalate).
type Escalation = assess.Escalation

func trends(in Input, fs *FindingStore) Trends {
	var t Trends
	// One point per history month, then the current build.
	var prevOpen map[string]bool
	for i, m := range in.History {
		pt := MonthPoint{Date: m.Date, ByPriority: map[model.Priority]int{}}
		open := m.OpenKeys()
		for _, f := range m.Files.Findings {
			if history.IsOpen(f) {
				pt.Open++
				pt.ByPriority[f.Priority]++
				if f.Overdue {
					pt.Overdue++
				}
			}
		}
		if i > 0 {
			pt.New = countNew(open, prevOpen)
			cl := history.Closures(in.History[i-1], m.Date, func(k string) bool { return open[k] })
			pt.Resolved = len(cl)
		}
		prevOpen = open
		t.Months = append(t.Months, pt)
	}
	cur := MonthPoint{Date: in.AsOf, ByPriority: map[model.Priority]int{}}
	for i := range fs.Len() {
		if f := fs.At(i); f.IsOpen() {
			cur.Open++
			cur.ByPriority[f.Priority]++
			if f.Overdue {
				cur.Overdue++
			}
		}
	}
	var closedNow []history.Closure
	if n := len(in.History); n > 0 {
		last := in.History[n-1]
		for i := range fs.Len() {
			if fs.IsOpen(i) && !prevOpen[fs.Key(i)] {
				cur.New++
			}
		}
		closedNow = history.Closures(last, in.AsOf, fs.OpenKey)
		cur.Resolved = len(closedNow)
		t.New, t.Resolved = cur.New, cur.Resolved
		earlier := make([]map[string]bool, n-1)
		for i := range earlier {
			earlier[i] = in.History[i].OpenKeys()
		}
		for i := range fs.Len() {
			if !fs.IsOpen(i) {
				continue
			}
			if k := fs.Key(i); prevOpen[k] {
				t.Carried++
			} else if seenBefore(earlier, k) {
				t.Reopened++
			}
		}
		t.Escalated = assess.Escalations(last, fs, in.AsOf)
	} else {
		cur.New = cur.Open
		t.New = cur.Open
	}
	t.Months = append(t.Months, cur)
	t.MTTR, t.SLA = remediationStats(in, closedNow, fs)
	return t
}

func countNew(open, prev map[string]bool) int {
	n := 0
	for k := range open {
		if !prev[k] {
			n++
		}
	}
	return n
}

func seenBefore(open []map[string]bool, key string) bool {
	for _, m := range open {
		if m[key] {
			return true
		}
	}
	return false
}

// remediationStats computes time to remediate over the findings closed
// since the previous build and SLA compliance per priority: closed within
// target ÷ closed, beside the open items past due.
func remediationStats(in Input, closed []history.Closure, fs model.FindingList) ([]MTTRRow, []SLARow) {
	var mttr []MTTRRow
	var sla []SLARow
	for _, pr := range model.Priorities {
		var ds []float64
		row := SLARow{Priority: pr, TargetDays: in.Policy.SLADays[pr]}
		for _, c := range closed {
			if c.Priority != pr {
				continue
			}
			ds = append(ds, float64(c.Days()))
			row.Closed++
			if c.InTime() {
				row.ClosedInTime++
			}
		}
		var ageSum float64
		for i := range fs.Len() {
			f := fs.At(i)
			if f.IsOpen() && f.Priority == pr {
				row.OpenTotal++
				ageSum += in.AsOf.Sub(f.Known).Hours() / 24
				if f.Overdue {
					row.OpenPastDue++
				}
			}
		}
		if row.Closed > 0 {
			row.Rate, row.HasRate = float64(row.ClosedInTime)/float64(row.Closed), true
		}
		m := MTTRRow{Priority: pr, Count: len(ds), TargetDays: row.TargetDays}
		if len(ds) > 0 {
			m.MeanDays, m.MedianDays = mean(ds), median(ds)
		}
		if row.OpenTotal > 0 {
			m.OpenAgeMean = ageSum / float64(row.OpenTotal)
		}
		mttr = append(mttr, m)
		sla = append(sla, row)
	}
	return mttr, sla
}

func mean(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
