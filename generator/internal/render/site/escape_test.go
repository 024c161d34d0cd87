package site_test

import (
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/report"
)

// Payloads that must show as text. Those that would run set
// window.__pwned, which the browser test checks.
const (
	xScript = `<script>window.__pwned=1;alert(1)</script>`
	xImg    = `<img src=x onerror="window.__pwned=2;alert(1)">`
	xSVG    = `"><svg onload="window.__pwned=3;alert(1)">`
	xJS     = `javascript:window.__pwned=4;alert(1)`
)

// hostile is the fixture with payloads in every free-text field a user
// writes: names, contacts, owners, product names, advisory text and
// references, remediation notes and reports received.
func hostile(t testing.TB) *report.Report {
	t.Helper()
	q := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
	systems := `- id: web-x
  name: {ja: ` + q("受注"+xScript) + `, en: ` + q("Shop"+xSVG) + `}
  category: website
  exposure: internet
  data: [personal]
  owner: ` + q("営業部"+xImg) + `
  contact: ` + q(xJS) + `
  contractor: ` + q(xSVG) + `
  contract: {post_delivery_fixes: none}
  inventory_updated: 2026-11-20
  tags: [` + q(xScript) + `]
`
	comps := "system,product,name,version\nweb-x,apache:struts," + csvQ("Struts"+xImg) + ",2.5.10\nweb-x,php:php," + csvQ(xSVG) + ",7.4.33\n"
	advs := `- id: JVNDB-2017-001621
  aliases: [CVE-2017-5638]
  title: {ja: ` + q("Struts"+xScript) + `, en: ` + q(xSVG) + `}
  summary: ` + q(xImg) + `
  cvss: {version: "3.1", vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}
  affected: [{product: "apache:struts", versions: ">=2.5.0 <2.5.10.1"}]
  fixed: ` + q(xScript) + `
  workaround: ` + q(xImg) + `
  exploited: {kev: true, date_added: 2021-11-03, due_date: 2022-05-03}
  references: [` + q(xJS) + `, "JAVASCRIPT:alert(1)", "https://example.jp/a?b=<script>alert(1)</script>"]
`
	rem := `- system: web-x
  advisory: JVNDB-2017-001621
  stage: assess
  action: accept
  justification: ` + q(xScript) + `
  approved_by: ` + q(xImg) + `
  expires: 2026-12-10
  notes: ` + q(xSVG) + `
`
	notes := "id,received,from,system,summary,status\nN-1,2026-11-01,finder,web-x," + csvQ(xScript+xJS) + ",open\n"
	r := analyze(t, snapshot(map[string]string{
		"systems.yaml": systems, "components.csv": comps, "advisories/x.yaml": advs,
		"remediation.yaml": rem, "notifications.csv": notes, "lifecycle.yaml": lifecycleYAML,
	}), day("2026-11-30"))
	// Fields the loaders already clean are set directly, so that the
	// renderer's own escaping is tested too.
	for i := range r.Vulns {
		r.Vulns[i].References = append(r.Vulns[i].References, xJS, " javascript:alert(1)", "data:text/html,<script>alert(1)</script>")
		r.Vulns[i].Provenance = map[string]string{"title": xScript}
	}
	for i := range r.Lifecycle {
		r.Lifecycle[i].ProductName = "PHP" + xSVG
	}
	r.Decisions = append(r.Decisions, report.Decision{Kind: "overdue", Text: i18n.Plain(xScript), System: "web-x", Owner: xImg, Due: day("2026-12-01")})
	r.KEVUnmatched = append(r.KEVUnmatched, report.KEVUnmatched{KEVEntry: report.KEVEntry{CVE: "CVE-2099-0001", Vendor: xScript, Product: xImg}, Installed: true})
	r.Quality.Diagnostics = append(r.Quality.Diagnostics, "systems.yaml:1:1: error: "+xSVG)
	r.Sentences = append(r.Sentences, i18n.Plain(xScript))
	r.Organization = i18n.Plain(xImg)
	return r
}

func csvQ(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

var (
	rawPayload = regexp.MustCompile(`(?i)<script>|<img src=x|<svg onload|href="\s*(javascript:|vbscript:|data:text)`)
	scriptTag  = regexp.MustCompile(`(?i)<script\b[^>]*>`)
)

// TestHostileTextIsEscaped renders the hostile fixture and checks that no
// payload appears as markup and that each appears as text.
func TestHostileTextIsEscaped(t *testing.T) {
	mem := build(t, hostile(t), render.Deps{}, 500)
	seen := map[string]bool{}
	for _, name := range htmlFiles(mem) {
		data, _ := mem.Get(name)
		s := string(data)
		if m := rawPayload.FindString(s); m != "" {
			i := strings.Index(s, m)
			t.Errorf("%s: raw payload %q near %q", name, m, s[max(0, i-80):min(len(s), i+80)])
		}
		checkPage(t, name, data) // no on* attributes, no inline script
		for _, tag := range scriptTag.FindAllString(s, -1) {
			if !strings.Contains(tag, `src="`) || !strings.Contains(tag, `assets/site.js"`) && !strings.Contains(tag, `assets/systems.js"`) {
				t.Errorf("%s: unexpected script tag %s", name, tag)
			}
		}
		for _, esc := range []string{"&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=&#34;window.__pwned=2", "&#34;&gt;&lt;svg onload=", "javascript:window.__pwned=4"} {
			if strings.Contains(s, esc) {
				seen[esc] = true
			}
		}
	}
	// The systems' filter values are a script: whatever the ids hold,
	// it is one assignment of a JSON list, with no markup in it.
	js, ok := mem.Get("assets/systems.js")
	if !ok {
		t.Fatal("assets/systems.js is missing")
	}
	states, body, found := strings.Cut(strings.TrimSuffix(string(js), ";\n"), ";\nwindow.vulnreportSystems = ")
	states, found2 := strings.CutPrefix(states, "window.vulnreportOpenStates = ")
	var list [][3]string
	var open []string
	if err := errors.Join(json.Unmarshal([]byte(body), &list), json.Unmarshal([]byte(states), &open)); !found || !found2 || err != nil || len(list) == 0 || len(open) == 0 {
		t.Errorf("assets/systems.js is not two assignments, of the open states and of a list of systems: %v\n%s", err, js)
	}
	if strings.ContainsAny(body, "<>&\u2028\u2029") {
		t.Errorf("assets/systems.js holds markup characters unescaped: %s", js)
	}
	for _, esc := range []string{"&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=&#34;window.__pwned=2", "&#34;&gt;&lt;svg onload=", "javascript:window.__pwned=4"} {
		if !seen[esc] {
			t.Errorf("payload never shown as text: %s", esc)
		}
	}
	adv, _ := mem.Get("advisories/CVE-2017-5638.html")
	if !strings.Contains(string(adv), `<span class="text-ref">javascript:window.__pwned=4;alert(1)</span>`) {
		t.Errorf("javascript: reference not shown as plain text")
	}
}
