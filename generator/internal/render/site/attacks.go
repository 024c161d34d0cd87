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
}

func (b *builder) attacks(lang i18n.Lang, _ *Page) any {
	d := &attacksData{Systems: len(b.r.Attacks)}
	for i := range b.r.Attacks {
		d.add(lang, &b.r.Attacks[i])
	}
	return d
}

// systemAttacks is the section of a system page on the system's signs of
// attack, nil when no logs of it were handed over.
func (b *builder) systemAttacks(lang i18n.Lang, id string) *attacksData {
	for i := range b.r.Attacks {
		if s := &b.r.Attacks[i]; s.System == id {
			d := &attacksData{Systems: 1}
			d.add(lang, s)
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
