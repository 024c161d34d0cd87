package site

import (
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/report"
)

// attackRow is one correlated finding or one sign on attacks.html.
type attackRow struct {
	System                   string
	Advisory, Category, By   string
	Requests, Sources, Maybe int
	Period                   string
}

// attacksData is attacks.html, or a system page's section on its signs:
// the attacks on open vulnerabilities first, then every sign by system
// and kind, then the login signs.
type attacksData struct {
	Systems, Lines int
	Correlated     []attackRow
	Signs          []attackRow
	Auth           []attackRow
	// Months and Trend are the month-by-month requests per system and
	// kind (history), empty without earlier months.
	Months []string
	Trend  []trendRow
}

// trendRow is one system's requests of one kind, month by month: "—"
// where that month's logs were not handed over.
type trendRow struct {
	System, Category string
	Cells            []string
	Rising           bool
}

// trend fills the month-by-month rows of system sys, or of every system
// when sys is "".
func (d *attacksData) trend(lang i18n.Lang, tr report.AttackTrend, sys string) {
	for _, r := range tr.Rows {
		if sys != "" && r.System != sys {
			continue
		}
		row := trendRow{System: r.System, Category: i18n.T(lang, "attack.category."+string(r.Category)), Rising: r.Rising()}
		for _, n := range r.Requests {
			cell := "—"
			if n >= 0 {
				cell = num(n)
			}
			row.Cells = append(row.Cells, cell)
		}
		d.Trend = append(d.Trend, row)
	}
	if len(d.Trend) > 0 {
		for _, m := range tr.Months {
			d.Months = append(d.Months, m.Format("2006-01"))
		}
	}
}

func (b *builder) attacks(lang i18n.Lang, _ *Page) any {
	d := &attacksData{Systems: len(b.r.Attacks)}
	for i := range b.r.Attacks {
		d.add(lang, &b.r.Attacks[i])
	}
	d.trend(lang, b.r.AttackTrend, "")
	return d
}

// systemAttacks is the section of a system page on the system's signs of
// attack, nil when no logs of it were handed over.
func (b *builder) systemAttacks(lang i18n.Lang, id string) *attacksData {
	for i := range b.r.Attacks {
		if s := &b.r.Attacks[i]; s.System == id {
			d := &attacksData{Systems: 1}
			d.add(lang, s)
			d.trend(lang, b.r.AttackTrend, id)
			return d
		}
	}
	return nil
}

// add adds one system's correlated findings, signs and login signs.
func (d *attacksData) add(lang i18n.Lang, s *report.SystemSigns) {
	cat := func(c report.AttackCategory) string { return i18n.T(lang, "attack.category."+string(c)) }
	d.Lines += s.LinesRead
	for _, c := range s.Correlated {
		d.Correlated = append(d.Correlated, attackRow{System: s.System, Advisory: c.Advisory,
			Category: cat(c.Category), By: c.By, Requests: c.Requests})
	}
	for _, sg := range s.Signs {
		d.Signs = append(d.Signs, attackRow{System: s.System, Category: cat(sg.Category),
			Requests: sg.Requests, Sources: sg.Sources, Maybe: sg.MaybeSucceeded,
			Period: sg.First.Format("2006-01-02") + " – " + sg.Last.Format("2006-01-02")})
	}
	for _, a := range s.Auth {
		d.Auth = append(d.Auth, attackRow{System: s.System, Category: i18n.T(lang, "attack.auth."+a.Kind), By: a.Subject,
			Requests: a.Count, Period: a.First.Format("2006-01-02 15:04") + " – " + a.Last.Format("2006-01-02 15:04")})
	}
}
