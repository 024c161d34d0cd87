package xlsx

import (
	"context"
	"strconv"
	"strings"

	"vulnreport/generator/internal/attack"
)

// attacks writes the attack-signs sheet: the attacks on open
// vulnerabilities first, then every sign by system and kind with its
// month-by-month requests (from history), then the sshd signs. Samples
// are attacker-written text: like every text cell, they are inline
// strings, never formulas, whatever they start with.
func (b *book) attacks(ctx context.Context) error {
	type row struct {
		kind     string
		sys      *attack.SystemSigns
		corr     *attack.Correlation
		sign     *attack.Sign
		auth     *attack.AuthSign
		trend    []int
		hasTrend bool
	}
	var rows []row
	for i := range b.r.Attacks {
		s := &b.r.Attacks[i]
		for j := range s.Correlated {
			rows = append(rows, row{kind: "xlsx.attack.correlated", sys: s, corr: &s.Correlated[j]})
		}
	}
	tr := b.r.AttackTrend
	trendOf := map[[2]string][]int{}
	for _, r := range tr.Rows {
		trendOf[[2]string{r.System, string(r.Category)}] = r.Requests
	}
	for i := range b.r.Attacks {
		s := &b.r.Attacks[i]
		for j := range s.Signs {
			t, ok := trendOf[[2]string{s.System, string(s.Signs[j].Category)}]
			rows = append(rows, row{kind: "xlsx.attack.sign", sys: s, sign: &s.Signs[j], trend: t, hasTrend: ok})
		}
	}
	for i := range b.r.Attacks {
		s := &b.r.Attacks[i]
		for j := range s.Auth {
			rows = append(rows, row{kind: "xlsx.attack.auth", sys: s, auth: &s.Auth[j]})
		}
	}
	cols := []column{
		{"xlsx.col.attack_row", 22, kText, false}, {"col.system_id", 14, kText, false}, {"xlsx.col.system_name", 20, kText, false},
		{"attacks.col.category", 24, kText, false}, {"col.ids", 18, kText, false}, {"attacks.col.requests", 9, kInt, false},
		{"attacks.col.sources", 9, kInt, false}, {"attacks.col.maybe", 10, kInt, false}, {"attacks.col.period", 30, kText, false},
		{"attacks.col.by", 24, kWrap, false}, {"xlsx.col.samples", 60, kWrap, false},
	}
	// Earlier months' requests, oldest first (this month is the requests column).
	earlier := 0
	if n := len(tr.Months); n > 1 {
		earlier = n - 1
		for _, m := range tr.Months[:earlier] {
			cols = append(cols, column{m.Format("2006-01"), 9, kInt, false})
		}
	}
	sysName := b.systemNames()
	stamp := func(a, z interface{ Format(string) string }) string {
		return a.Format("2006-01-02 15:04") + " – " + z.Format("2006-01-02 15:04")
	}
	_, err := b.writeTable(ctx, table{base: b.sheet(SheetAttacks), n: len(rows), cols: cols,
		row: func(i int, o []any) {
			r := &rows[i]
			o[0], o[1], o[2] = b.t(r.kind), r.sys.System, sysName[r.sys.System]
			switch {
			case r.corr != nil:
				o[3], o[4], o[5], o[9] = b.t("attack.category."+string(r.corr.Category)), r.corr.Advisory, r.corr.Requests, r.corr.By
			case r.sign != nil:
				sg := r.sign
				rules := make([]string, len(sg.Rules))
				for k, id := range sg.Rules {
					rules[k] = strconv.Itoa(id)
				}
				o[3], o[5], o[6], o[7] = b.t("attack.category."+string(sg.Category)), sg.Requests, sg.Sources, sg.MaybeSucceeded
				o[8], o[9], o[10] = stamp(sg.First, sg.Last), strings.Join(rules, ", "), strings.Join(sg.Samples, "\n")
				if r.hasTrend {
					for k := 0; k < earlier && k < len(r.trend); k++ {
						if r.trend[k] >= 0 {
							o[11+k] = r.trend[k]
						}
					}
				}
			case r.auth != nil:
				o[3], o[4], o[5], o[8] = b.t("attack.auth."+r.auth.Kind), r.auth.Subject, r.auth.Count, stamp(r.auth.First, r.auth.Last)
			}
		},
	})
	return err
}
