package pdf

import "vulnreport/generator/internal/i18n"

// attacks prints the signs of attack on the systems whose logs were
// handed over: the attacks on open vulnerabilities first (each a
// decision: check for compromise), then every sign by system and kind,
// and the authentication signs.
func (d *doc) attacks() {
	as := d.r.Attacks
	if len(as) == 0 {
		d.lead(d.t("attacks.none"))
		return
	}
	lines, corr := 0, 0
	for _, s := range as {
		lines += s.LinesRead
		corr += len(s.Correlated)
	}
	d.lead(d.tf("attacks.lead", num(len(as)), num(lines), num(corr)))
	if corr > 0 {
		d.sub(d.t("attacks.correlated"), 15)
		t := table{cols: []col{
			{head: d.t("col.system"), w: 40}, {head: d.t("col.ids"), w: 40}, {head: d.t("attacks.col.category"), w: 50},
			{head: d.t("attacks.col.requests"), w: 18, align: 'R'}, {head: d.t("attacks.col.by"), w: 28},
		}, maxLines: 2, size: sizeSmall}
		for _, s := range as {
			for _, c := range s.Correlated {
				t.rows = append(t.rows, []string{d.sysName(s.System), c.Advisory, d.t("attack.category." + string(c.Category)), num(c.Requests), c.By})
			}
		}
		d.table(t)
	}
	if d.attackTrend() {
		// The trend table has a row for every sign of this month with its
		// "may have succeeded" count: sources and periods are in the
		// workbook's sheet, not in a second table of the same rows.
		d.attackAuth()
		sp := " "
		if d.lang == i18n.JA {
			sp = ""
		}
		d.note(d.t("attacks.note") + sp + d.tf("pdf.attacks_detail", d.sheetName("section.attacks")))
		return
	}
	d.sub(d.t("attacks.by_category"), 15)
	t := table{cols: []col{
		{head: d.t("col.system"), w: 40}, {head: d.t("attacks.col.category"), w: 50}, {head: d.t("attacks.col.requests"), w: 18, align: 'R'},
		{head: d.t("attacks.col.sources"), w: 18, align: 'R'}, {head: d.t("attacks.col.maybe"), w: 20, align: 'R'}, {head: d.t("attacks.col.period"), w: 30, align: 'C'},
	}, maxLines: 2, size: sizeSmall}
	for _, s := range as {
		for _, sg := range s.Signs {
			t.rows = append(t.rows, []string{d.sysName(s.System), d.t("attack.category." + string(sg.Category)), num(sg.Requests),
				num(sg.Sources), num(sg.MaybeSucceeded), sg.First.Format("01/02") + "–" + sg.Last.Format("01/02")})
		}
	}
	d.table(t)
	d.attackAuth()
	d.note(d.t("attacks.note"))
}

// attackAuth prints one line per system on its authentication signs.
func (d *doc) attackAuth() {
	for _, s := range d.r.Attacks {
		counts := map[string]int{}
		for _, a := range s.Auth {
			counts[a.Kind]++
		}
		if len(s.Auth) > 0 {
			d.para(d.tf("attacks.auth", d.sysName(s.System), num(counts["failed_burst_source"]+counts["failed_burst_user"]),
				num(counts["off_hours_login"]), num(counts["root_login"])), 0)
		}
	}
}

// attackTrend prints the requests per system and kind, month by month,
// from the earlier months' attack-signs.json kept in history: "—" where
// a month's logs were not handed over, ▲ where this month is up; and this
// month's requests that may have succeeded. It reports whether the table
// holds every sign of this month (then no second table repeats them).
func (d *doc) attackTrend() bool {
	tr := d.r.AttackTrend
	if len(tr.Rows) == 0 {
		return false
	}
	type key struct{ system, category string }
	maybe := map[key]int{}
	for _, s := range d.r.Attacks {
		for _, sg := range s.Signs {
			maybe[key{s.System, string(sg.Category)}] += sg.MaybeSucceeded
		}
	}
	signs := len(maybe)
	d.sub(d.t("attacks.trend"), 15)
	w := (contentW - 110) / float64(len(tr.Months))
	cols := []col{{head: d.t("col.system"), w: 40}, {head: d.t("attacks.col.category"), w: 50}}
	for _, m := range tr.Months {
		cols = append(cols, col{head: m.Format("2006-01"), w: w, align: 'R'})
	}
	cols = append(cols, col{head: d.t("attacks.col.maybe"), w: 20, align: 'R'})
	t := table{cols: cols, maxLines: 2, size: sizeSmall}
	for _, r := range tr.Rows {
		k := key{r.System, string(r.Category)}
		n, seen := maybe[k]
		if seen {
			signs--
			delete(maybe, k)
		}
		row := []string{d.sysName(r.System), d.t("attack.category." + string(r.Category))}
		for i, n := range r.Requests {
			cell := "—"
			if n >= 0 {
				cell = num(n)
			}
			if i == len(r.Requests)-1 && r.Rising() {
				cell = "▲ " + cell
			}
			row = append(row, cell)
		}
		maybeCell := "—"
		if seen {
			maybeCell = num(n)
		}
		t.rows = append(t.rows, append(row, maybeCell))
	}
	d.table(t)
	d.note(d.t("attacks.trend_note"))
	return signs == 0
}
