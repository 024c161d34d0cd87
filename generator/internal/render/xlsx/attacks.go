package xlsx

import (
	"context"
	"strconv"
	"strings"
)

// attacks writes the attack-signs sheet: the attacks on open
// vulnerabilities first, then every sign by system and kind with its
// month-by-month requests (from history), then the sshd signs. Samples
// are attacker-written text: like every text cell, they are inline
// strings, never formulas, whatever they start with.
func (b *book) attacks(ctx context.Context) error {
	// A row is one correlated finding, sign or sshd sign: j of system si.
	type row struct {
		kind  string
		si, j int
	}
	var rows []row
	for _, kind := range []string{"xlsx.attack.correlated", "xlsx.attack.sign", "xlsx.attack.auth"} {
		for si := range b.r.Attacks {
			s := &b.r.Attacks[si]
			n := map[string]int{"xlsx.attack.correlated": len(s.Correlated), "xlsx.attack.sign": len(s.Signs), "xlsx.attack.auth": len(s.Auth)}[kind]
			for j := range n {
				rows = append(rows, row{kind, si, j})
			}
		}
	}
	tr := b.r.AttackTrend
	trendOf := map[[2]string][]int{}
	for _, r := range tr.Rows {
		trendOf[[2]string{r.System, string(r.Category)}] = r.Requests
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
			s := &b.r.Attacks[r.si]
			o[0], o[1], o[2] = b.t(r.kind), s.System, sysName[s.System]
			switch r.kind {
			case "xlsx.attack.correlated":
				c := &s.Correlated[r.j]
				o[3], o[4], o[5], o[9] = b.t("attack.category."+string(c.Category)), c.Advisory, c.Requests, c.By
			case "xlsx.attack.sign":
				sg := &s.Signs[r.j]
				rules := make([]string, len(sg.Rules))
				for k, id := range sg.Rules {
					rules[k] = strconv.Itoa(id)
				}
				o[3], o[5], o[6], o[7] = b.t("attack.category."+string(sg.Category)), sg.Requests, sg.Sources, sg.MaybeSucceeded
				o[8], o[9], o[10] = stamp(sg.First, sg.Last), strings.Join(rules, ", "), strings.Join(sg.Samples, "\n")
				if t, ok := trendOf[[2]string{s.System, string(sg.Category)}]; ok {
					for k := 0; k < earlier && k < len(t); k++ {
						if t[k] >= 0 {
							o[11+k] = t[k]
						}
					}
				}
			case "xlsx.attack.auth":
				a := &s.Auth[r.j]
				o[3], o[4], o[5], o[8] = b.t("attack.auth."+a.Kind), a.Subject, a.Count, stamp(a.First, a.Last)
			}
		},
	})
	return err
}
