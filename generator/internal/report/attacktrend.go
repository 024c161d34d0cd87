package report

import (
	"cmp"
	"slices"
	"time"

	"vulnreport/generator/internal/attack"
)

// AttackMonth is an earlier month's attack-signs.json, as read from
// history/<date>/.
type AttackMonth struct {
	Date    time.Time
	Systems []attack.SystemSigns
}

// MaxTrendMonths bounds the months the attack-sign trend shows, this
// month included.
const MaxTrendMonths = 6

// AttackTrend is the month-by-month count of requests per system and kind
// of attack: the earlier months' attack-signs.json kept in history, then
// this month.
type AttackTrend struct {
	// Months are the months shown, oldest first; the last is the as-of date.
	Months []time.Time
	// Rows are by system, then by this month's requests (most first),
	// then by category.
	Rows []AttackTrendRow
}

// AttackTrendRow is one system's requests of one kind, month by month.
type AttackTrendRow struct {
	System   string
	Category attack.Category
	// Requests holds one count per month of AttackTrend.Months; -1 where
	// no logs of the system were handed over that month (unknown, not 0).
	Requests []int
}

// Rising reports whether this month's count is above the previous known
// month's.
func (r AttackTrendRow) Rising() bool {
	n := len(r.Requests)
	for i := n - 2; i >= 0; i-- {
		if r.Requests[i] >= 0 {
			return r.Requests[n-1] > r.Requests[i]
		}
	}
	return false
}

// attackTrend builds the trend; empty when there are no logs this month
// or no earlier month to compare with.
func attackTrend(in Input) AttackTrend {
	var hist []AttackMonth
	for _, m := range in.AttackHistory {
		if m.Date.Before(in.AsOf) {
			hist = append(hist, m)
		}
	}
	if len(in.Attacks) == 0 || len(hist) == 0 {
		return AttackTrend{}
	}
	slices.SortFunc(hist, func(a, b AttackMonth) int { return a.Date.Compare(b.Date) })
	if len(hist) > MaxTrendMonths-1 {
		hist = hist[len(hist)-(MaxTrendMonths-1):]
	}
	months := append(hist, AttackMonth{Date: in.AsOf, Systems: in.Attacks})
	var t AttackTrend
	type key struct {
		sys string
		cat attack.Category
	}
	rows := map[key]*AttackTrendRow{}
	logged := map[string][]bool{}
	for mi, m := range months {
		t.Months = append(t.Months, m.Date)
		for _, s := range m.Systems {
			if logged[s.System] == nil {
				logged[s.System] = make([]bool, len(months))
			}
			logged[s.System][mi] = true
			for _, sg := range s.Signs {
				k := key{s.System, sg.Category}
				if rows[k] == nil {
					rows[k] = &AttackTrendRow{System: s.System, Category: sg.Category, Requests: make([]int, len(months))}
				}
				rows[k].Requests[mi] += sg.Requests
			}
		}
	}
	for _, r := range rows {
		for mi := range r.Requests {
			if !logged[r.System][mi] {
				r.Requests[mi] = -1
			}
		}
		t.Rows = append(t.Rows, *r)
	}
	last := len(months) - 1
	slices.SortFunc(t.Rows, func(a, b AttackTrendRow) int {
		return cmp.Or(cmp.Compare(a.System, b.System), cmp.Compare(b.Requests[last], a.Requests[last]), cmp.Compare(a.Category, b.Category))
	})
	return t
}
