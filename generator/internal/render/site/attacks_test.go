package site_test

import (
	"strings"
	"testing"
	"time"

	"vulnreport/generator/internal/attack"
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/render/site"
	"vulnreport/generator/internal/report"
)

// TestAttackSignsOnSystemPage gives the fixture signs of attack on
// web-shop, one aimed at its open CVE-2017-5638, and expects the
// navigation of every page in both languages to link attacks.html and
// web-shop's page to open with its signs, the correlated line first;
// pc-fleet, without logs, has no such section.
func TestAttackSignsOnSystemPage(t *testing.T) {
	r := fixture(t)
	at := time.Date(2026, 11, 21, 3, 40, 0, 0, time.UTC)
	r.Attacks = []attack.SystemSigns{{System: "web-shop", LinesRead: 3601,
		Signs:      []attack.Sign{{Category: attack.Java, Requests: 12, Sources: 1, First: at, Last: at}, {Category: attack.Scanner, Requests: 5, Sources: 1, First: at, Last: at}},
		Auth:       []attack.AuthSign{{Kind: "root_login", Subject: "root", Count: 1, First: at, Last: at}},
		Correlated: []attack.Correlation{{Key: "web-shop/x", Advisory: "CVE-2017-5638", Category: attack.Java, Requests: 12, By: "cwe:CWE-20"}}}}
	r.AttackTrend = report.AttackTrend{Months: []time.Time{time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC), r.AsOf},
		Rows: []report.AttackTrendRow{{System: "web-shop", Category: attack.Java, Requests: []int{4, 12}}}}
	mem := build(t, r, render.Deps{}, site.PageSize)
	checkSite(t, mem)
	for _, page := range []string{"attacks.html", "systems/web-shop.html", "en/attacks.html"} {
		b, _ := mem.Get(page)
		if !strings.Contains(string(b), `<th scope="col">2026-10</th>`) || !strings.Contains(string(b), "<td>4</td><td>12</td>") || !strings.Contains(string(b), `<span class="tag od">▲</span>`) {
			t.Errorf("%s lacks the month-by-month trend (4 → 12, rising)", page)
		}
	}
	for _, c := range []struct{ page, nav, section, correlated string }{
		{"systems/web-shop.html", `href="../attacks.html">攻撃の兆候</a>`, "このシステムへの攻撃の兆候", "未対策の脆弱性を狙う攻撃"},
		{"en/systems/web-shop.html", `href="../attacks.html">Attack signs</a>`, "Signs of attack on this system", "Attacks on open vulnerabilities"},
	} {
		b, ok := mem.Get(c.page)
		if !ok {
			t.Fatalf("%s not written", c.page)
		}
		page := string(b)
		for _, want := range []string{c.nav, c.section, c.correlated, `href="../advisories/CVE-2017-5638.html">CVE-2017-5638</a>`} {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %q", c.page, want)
			}
		}
		sec, corr, signs, attrs := strings.Index(page, `id="h-attacks"`), strings.Index(page, c.correlated), strings.Index(page, "<th scope=\"row\">"), strings.Index(page, `id="h-attrs"`)
		if !(sec >= 0 && sec < corr && corr < attrs && signs > corr) {
			t.Errorf("%s: the attack section (%d), its correlated line (%d) and the signs (%d) should come before the attributes (%d)", c.page, sec, corr, signs, attrs)
		}
	}
	for _, page := range []string{"index.html", "en/index.html", "findings/index.html"} {
		b, _ := mem.Get(page)
		if !strings.Contains(string(b), `attacks.html">`) {
			t.Errorf("%s: the navigation does not link attacks.html", page)
		}
	}
	b, _ := mem.Get("en/systems/pc-fleet.html")
	if strings.Contains(string(b), `id="h-attacks"`) {
		t.Error("pc-fleet has no logs, but its page has an attack section")
	}
	// without logs, no link to a page that is not written
	plain := build(t, fixture(t), render.Deps{}, site.PageSize)
	if b, _ := plain.Get("index.html"); strings.Contains(string(b), "attacks.html") {
		t.Error("without logs the navigation links attacks.html, which is not written")
	}
}
