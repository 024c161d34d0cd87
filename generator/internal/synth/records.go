package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

func (g *gen) writePolicy() error {
	text := `# 合成データ (ベンチマーク用) / synthetic enterprise for benchmarks — written by package synth
organization:
  ja: 株式会社サンプル重工 (合成データ)
  en: Sample Heavy Industries (synthetic)
report_title:
  ja: 月次脆弱性対応状況報告
  en: Monthly Vulnerability Status Report
as_of: ` + g.cfg.AsOf.Format("2006-01-02") + `
languages: [ja, en]
classification:
  ja: 社外秘
  en: Confidential
sla_days: {P1: 7, P2: 30, P3: 90, P4: 180}
horizons:
  eol_warning_days: 180
  stale_inventory_days: 90
  inspection_interval_days: 365
  notification_ack_days: 3
  acceptance_expiry_days: 30
  due_soon_days: 14
thresholds:
  p1_cvss: 9.0
  p2_cvss: 7.0
  p2_epss: 0.1
  p3_cvss: 4.0
`
	if err := os.WriteFile(filepath.Join(g.dir, "policy.yaml"), []byte(text), 0o644); err != nil {
		return err
	}
	g.st.Bytes += int64(len(text))
	return nil
}

// writeProducts lists the products that need a table entry: libraries
// known by purl, and the well-known products with their display names.
func (g *gen) writeProducts() error {
	f, err := g.create("products.csv", false, "key", "name.ja", "name.en", "aliases", "scheme")
	if err != nil {
		return err
	}
	for i := range g.cfg.Products {
		p := &g.cat.products[i]
		if p.purl == "" && i >= len(seeds) {
			continue
		}
		aliases := []string{p.name}
		if p.purl != "" {
			aliases = append(aliases, p.purl)
		}
		f.row(p.key, p.name, p.name, strings.Join(aliases, ";"), "")
	}
	g.st.ProductRecords = f.rows
	return f.close()
}

// writeLifecycle writes the release lines of the installed products with
// more than one line, the most installed first: old lines past their end
// of life, the newest supported.
func (g *gen) writeLifecycle() error {
	r := g.rng(5)
	f, err := g.create("lifecycle.csv", false, "product", "cycle", "released", "support_end", "eol", "extended_end", "latest")
	if err != nil {
		return err
	}
	for i := 0; i < g.cfg.Products && f.rows < g.cfg.Lifecycle; i++ {
		p := &g.cat.products[i]
		vl := &p.vl
		k := len(vl.lines)
		if k < 2 {
			continue
		}
		for j := 0; j < k && f.rows < g.cfg.Lifecycle; j++ {
			age := k - 1 - j // 0 for the newest line
			released := -age*420 - 200 - r.IntN(200)
			var eol int
			switch {
			case age == 0:
				eol = 400 + r.IntN(1200)
			case age == 1 && chance(r, 0.3):
				eol = 10 + r.IntN(170) // ending soon
			default:
				eol = released + 600 + r.IntN(500)
				if eol >= 0 {
					eol = -1 - r.IntN(300)
				}
			}
			supportEnd := eol - r.IntN(700)
			if supportEnd <= released {
				supportEnd = released + 1
			}
			extended := ""
			if age > 0 && chance(r, 0.15) {
				extended = g.date(eol + 365 + r.IntN(730))
			}
			latest := vl.v[vl.lineEnd(j)-1]
			f.row(p.key, vl.lines[j], g.date(released), g.date(supportEnd), g.date(eol), extended, latest)
		}
	}
	g.st.Lifecycle = f.rows
	return f.close()
}

// remediation scenarios: stage, action and how often.
var scenarios = []struct {
	stage, action string
	weight        float64
}{
	{"done", "patch", 25}, {"done", "upgrade", 10}, {"implement", "patch", 15}, {"plan", "upgrade", 9},
	{"plan", "replace", 6}, {"assess", "", 10}, {"investigate", "", 8}, {"implement", "mitigate", 7},
	{"assess", "accept", 5}, {"done", "not_affected", 5},
}

func (g *gen) writeRemediation() error {
	r := g.rng(6)
	f, err := g.create("remediation.csv", false, "id", "system", "advisory", "product", "stage", "action", "owner",
		"planned", "completed", "due", "service_stop_hours", "tested", "approved_by", "justification", "expires",
		"ticket", "cost", "notes")
	if err != nil {
		return err
	}
	sc := newPicker(len(scenarios), func(i int) float64 { return scenarios[i].weight })
	for i := range g.cfg.Remediations {
		if len(g.compSample) == 0 {
			break
		}
		c := oneOf(r, g.compSample)
		sys, p := g.sys[c.sys].id, &g.cat.products[c.prod]
		adv := g.advisoryFor(r, c)
		product := ""
		switch u := r.Float64(); {
		case u < 0.80:
			if chance(r, 0.2) {
				product = p.key
			}
		case u < 0.88:
			sys = "*"
		case u < 0.95:
			adv, product = "*", p.key
		default:
			adv, product = "", p.key
		}
		if adv == "" && product == "" {
			product = p.key
		}
		s := scenarios[sc.pick(r)]
		d := oneOf(r, departments)
		owner := d.ja + " " + oneOf(r, surnames)
		var planned, completed, due, stop, tested, approved, justification, expires, cost, notes string
		switch s.stage {
		case "done":
			at := -1 - r.IntN(200)
			planned, completed = g.date(at-r.IntN(30)), g.date(at)
		case "implement", "plan":
			planned = g.date(-10 + r.IntN(120))
		}
		if s.action == "patch" || s.action == "upgrade" {
			stop = oneOf(r, []string{"0.5", "1", "2", "4", ""})
			tested = boolText(chance(r, 0.7))
		}
		switch s.action {
		case "accept":
			justification = "インターネットから到達できず、代替の監視策があるため。"
			approved = d.ja + "長"
			expires = g.date(-30 + r.IntN(300))
		case "not_affected":
			justification = "該当する機能を使用していないため影響なし (ベンダー確認済み)。"
		case "mitigate":
			notes = "WAF で該当リクエストを遮断中, 恒久対策は次回メンテナンスで実施"
		case "replace":
			notes = "次期システムへの更改で解消する"
		}
		if chance(r, 0.05) {
			// A moved due date counts only with the owner's approval (contract v1.1).
			due = g.date(10 + r.IntN(110))
			approved = d.ja + "長"
		}
		if chance(r, 0.2) {
			cost = "¥" + thousands(10000*(1+r.IntN(80)))
		}
		f.row(fmt.Sprintf("REM-%05d", i+1), sys, adv, product, s.stage, s.action, owner, planned, completed, due,
			stop, tested, approved, justification, expires, fmt.Sprintf("CHG-%d-%05d", g.cfg.AsOf.Year(), i+1), cost, notes)
	}
	g.st.Remediations = f.rows
	return f.close()
}

// advisoryFor picks an advisory whose range covers a sampled component,
// so that most decisions apply to a real finding.
func (g *gen) advisoryFor(r *rand.Rand, c compRef) string {
	refs := g.advSample[c.prod]
	var hits []string
	for _, a := range refs {
		for _, iv := range a.covers {
			if int(c.ver) >= iv[0] && int(c.ver) < iv[1] {
				hits = append(hits, a.id)
				break
			}
		}
	}
	switch {
	case len(hits) > 0:
		return oneOf(r, hits)
	case len(refs) > 0:
		return oneOf(r, refs).id
	case len(g.advIDs) > 0:
		return oneOf(r, g.advIDs)
	}
	return ""
}

// thousands formats n with comma separators, as a cost column holds it.
func thousands(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func (g *gen) writeNotifications() error {
	r := g.rng(7)
	f, err := g.create("notifications.csv", true, "id", "received", "from", "system", "summary", "acknowledged", "status", "advisory")
	if err != nil {
		return err
	}
	var sites []string
	for _, s := range g.sys {
		if s.cat == "website" {
			sites = append(sites, s.id)
		}
	}
	for i := range g.cfg.Notifications {
		received := -1 - r.IntN(360)
		from := pickStr(r.Float64(), []string{"ipa", "finder", "vendor", "customer", "other"}, 0.25, 0.2, 0.25, 0.2)
		sys := ""
		if len(sites) > 0 && chance(r, 0.8) {
			sys = oneOf(r, sites)
		} else if len(g.sys) > 0 {
			sys = oneOf(r, g.sys).id
		}
		ack := ""
		if received < -5 || chance(r, 0.5) {
			ack = g.date(min(-1, received+r.IntN(5)))
		}
		status := pickStr(r.Float64(), []string{"closed", "fixing", "open"}, 0.6, 0.25)
		adv := ""
		if len(g.advIDs) > 0 && chance(r, 0.5) {
			adv = oneOf(r, g.advIDs)
		}
		summary := oneOf(r, []string{
			"問い合わせフォームにクロスサイトスクリプティングの脆弱性があるとの届出",
			"公開サーバで古いバージョンのソフトウェアが稼働しているとの指摘",
			"管理画面がインターネットから到達可能との連絡",
			"ディレクトリリスティングが有効になっているとの指摘",
			"TLS 設定に弱い暗号スイートが含まれるとの連絡",
		})
		f.row(fmt.Sprintf("NTF-%d-%04d", g.cfg.AsOf.Year(), i+1), g.date(received), from, sys, summary, ack, status, adv)
	}
	g.st.Notifications = f.rows
	return f.close()
}
