package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"vulnreport/generator/internal/cvss"
)

// advRef is a sampled advisory of an installed product, with the version
// indexes its range covers, for remediation records.
type advRef struct {
	id     string
	covers [][2]int // half-open intervals of version indexes
}

// Shape of the affected ranges: the share of advisories whose fix is
// newer than the newest known version (so the newest is affected), and the
// share affecting every version before the fix.
const (
	unfixedShare    = 0.02
	sinceFirstShare = 0.20
)

// advSamplePerProduct bounds the advisories sampled per installed product.
const advSamplePerProduct = 24

// affected is one affected product of an advisory being written.
type affected struct {
	prod   int
	text   string // the product as written
	expr   string
	covers [][2]int
	fix    string // the fixed version or KB
}

// advisoryHeader is the header row of advisories/synthetic.csv.
var advisoryHeader = []string{"id", "aliases", "title.ja", "title.en", "summary.ja", "summary.en", "source",
	"published", "updated", "cvss.version", "cvss.vector", "cvss.score", "affected.product", "affected.versions",
	"fixed", "workaround", "exploited", "epss.score", "epss.percentile", "references"}

func (g *gen) writeAdvisories() error {
	r := g.rng(4)
	f, err := g.create("advisories/synthetic.csv", false, advisoryHeader...)
	if err != nil {
		return err
	}
	first := 2014
	last := g.cfg.AsOf.Year()
	// Share the advisories over the years, more in recent years.
	perYear := make([]int, last-first+1)
	wsum := 0.0
	for k := range perYear {
		wsum += math.Pow(float64(k+1), 1.3)
	}
	left := g.cfg.Advisories
	for k := range perYear {
		perYear[k] = int(float64(g.cfg.Advisories) * math.Pow(float64(k+1), 1.3) / wsum)
		left -= perYear[k]
	}
	for k := 0; left > 0; k = (k + 1) % len(perYear) {
		perYear[len(perYear)-1-k]++
		left--
	}
	seen := make([]int, g.cfg.Products)
	row := make([]string, len(advisoryHeader))
	for k, count := range perYear {
		year := first + k
		num, jvn := 10000+r.IntN(5000), 1000+r.IntN(500)
		for range count {
			num += 1 + r.IntN(3)
			id := fmt.Sprintf("CVE-%d-%05d", year, num)
			alias := ""
			if chance(r, 0.10) {
				jvn += 1 + r.IntN(4)
				alias = fmt.Sprintf("JVNDB-%d-%06d", year, jvn)
			}
			afs := g.affectedOf(r)
			for _, af := range afs {
				if af.prod < g.cfg.Products {
					g.noteAdvisory(r, seen, af, id)
				}
			}
			g.fillAdvisory(r, row, id, alias, year, afs)
			for _, af := range afs {
				row[12], row[13] = af.text, af.expr
				f.row(row...)
			}
			g.st.Advisories++
			if len(g.advIDs) < 1000 {
				g.advIDs = append(g.advIDs, id)
			} else if j := r.IntN(g.st.Advisories); j < 1000 {
				g.advIDs[j] = id
			}
		}
	}
	g.st.AdvisoryRows = f.rows
	return f.close()
}

// noteAdvisory counts the expected matches of an affected installed
// product and keeps a sample of its advisories.
func (g *gen) noteAdvisory(r *rand.Rand, seen []int, af affected, id string) {
	counts := g.comp[af.prod]
	for _, iv := range af.covers {
		for i := iv[0]; i < iv[1]; i++ {
			g.st.ExpectedMatches += int64(counts[i])
		}
	}
	seen[af.prod]++
	ref := advRef{id: id, covers: af.covers}
	if s := g.advSample[af.prod]; len(s) < advSamplePerProduct {
		g.advSample[af.prod] = append(s, ref)
	} else if j := r.IntN(seen[af.prod]); j < advSamplePerProduct {
		s[j] = ref
	}
}

// affectedOf picks the products of one advisory and their ranges: usually
// one, sometimes several of the same vendor.
func (g *gen) affectedOf(r *rand.Rand) []affected {
	pool := 1
	if chance(r, g.cfg.InstalledShare) || g.cat.advPick[1].empty() {
		pool = 0
	}
	pi := g.cat.advPick[pool].pick(r)
	picked := []int{pi}
	if chance(r, 0.15) {
		same := g.cat.byVendor[g.cat.products[pi].vendor]
		for range 1 + r.IntN(3) {
			var q int
			if len(same) > 1 && chance(r, 0.8) {
				q = oneOf(r, same)
			} else {
				q = g.cat.advPick[pool].pick(r)
			}
			dup := false
			for _, x := range picked {
				dup = dup || x == q
			}
			if !dup {
				picked = append(picked, q)
			}
		}
	}
	out := make([]affected, 0, len(picked))
	for _, pi := range picked {
		p := &g.cat.products[pi]
		af := affected{prod: pi, text: p.key}
		switch u := r.Float64(); {
		case p.purl != "" && u < 0.3:
			af.text = p.purl
		case u < 0.05:
			i := strings.IndexByte(p.key, ':')
			af.text = "cpe:2.3:" + string(p.part) + ":" + p.key[:i] + ":" + p.key[i+1:] + ":*:*:*:*:*:*:*:*"
		}
		af.expr, af.covers, af.fix = rangeFor(r, p, !p.installed)
		out = append(out, af)
	}
	return out
}

// rangeFor writes a range expression over p's versions and returns the
// version indexes it covers and the fix (a version, or a KB number).
func rangeFor(r *rand.Rand, p *product, star bool) (expr string, covers [][2]int, fix string) {
	vl := &p.vl
	n := len(vl.v)
	fixAt := func(f int) string { // the fixed version at index f (n: a newer one)
		if f < n {
			return vl.v[f]
		}
		return bump(vl.v[n-1])
	}
	fixText := func(f int) string {
		if p.kb {
			return p.kbOf(f)
		}
		return fixAt(f)
	}
	switch u := r.Float64(); {
	case star && u < 0.01:
		return "*", [][2]int{{0, n}}, ""
	case u < 0.06:
		i := r.IntN(n)
		if i == n-1 && !chance(r, unfixedShare) {
			i = r.IntN(max(1, n-1))
		}
		if chance(r, 0.5) {
			return vl.v[i], [][2]int{{i, i + 1}}, fixText(i + 1)
		}
		return "=" + vl.v[i], [][2]int{{i, i + 1}}, fixText(i + 1)
	case u < 0.22 && len(vl.lines) >= 2:
		a := r.IntN(len(vl.lines) - 1)
		b := a + 1 + r.IntN(len(vl.lines)-1-a)
		var clauses, fixes []string
		for _, k := range []int{a, b} {
			s, e := vl.start[k], vl.lineEnd(k)
			s += r.IntN(e - s)
			f := s + 1 + r.IntN(min(3, e-s))
			if f >= n && !chance(r, unfixedShare) {
				f = n - 1 // the newest version is the fix
			}
			if s >= f {
				continue
			}
			var fv string
			if f >= e { // fixed only in a version after the line's last known one
				fv = bump(vl.v[e-1])
				f = e
			} else {
				fv = vl.v[f]
			}
			clauses = append(clauses, ">="+vl.v[s]+" <"+fv)
			covers = append(covers, [2]int{s, f})
			if p.kb {
				fixes = append(fixes, p.kbOf(f))
			} else {
				fixes = append(fixes, fv)
			}
		}
		if len(clauses) > 0 {
			return strings.Join(clauses, " || "), covers, strings.Join(fixes, "; ")
		}
	case u < 0.30:
		j := r.IntN(n)
		if j == n-1 && !chance(r, unfixedShare) {
			j = r.IntN(max(1, n-1))
		}
		s := max(vl.start[vl.line[j]], j-r.IntN(3))
		return ">=" + vl.v[s] + " <=" + vl.v[j], [][2]int{{s, j + 1}}, fixText(j + 1)
	}
	// Fixed in a known version, seldom only after the newest one; affected
	// since the first version (a long-standing flaw) or a few versions.
	f := n
	if n > 1 && !chance(r, unfixedShare) {
		f = 1 + r.IntN(n-1)
	}
	s := 0
	if !chance(r, sinceFirstShare) {
		s = max(0, f-1-int(r.ExpFloat64()*2))
	}
	if s == 0 && chance(r, 0.5) {
		return "<" + fixAt(f), [][2]int{{0, f}}, fixText(f)
	}
	return ">=" + vl.v[s] + " <" + fixAt(f), [][2]int{{s, f}}, fixText(f)
}

// fillAdvisory fills every column of an advisory row but the affected ones.
func (g *gen) fillAdvisory(r *rand.Rand, row []string, id, alias string, year int, afs []affected) {
	p := &g.cat.products[afs[0].prod]
	vt := oneOf(r, vulnTypes)
	impact := oneOf(r, [][2]string{
		{"任意のコードを実行される", "execute arbitrary code"}, {"情報を窃取される", "obtain sensitive information"},
		{"サービス運用妨害 (DoS) 状態にされる", "cause a denial of service"}, {"権限を昇格される", "gain elevated privileges"},
		{"認証を回避される", "bypass authentication"}, {"設定を改ざんされる", "alter the configuration"},
	})
	start := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	span := 365
	if year == g.cfg.AsOf.Year() {
		span = g.cfg.AsOf.YearDay() - 1
	}
	pub := start.AddDate(0, 0, r.IntN(max(1, span)))
	upd := pub.AddDate(0, 0, r.IntN(400))
	if upd.After(g.cfg.AsOf) {
		upd = g.cfg.AsOf
	}
	source := "nvd"
	switch {
	case alias != "" && chance(r, 0.7):
		source = "jvn"
	case chance(r, 0.1):
		source = "vendor"
	}
	var fixes []string
	for _, af := range afs {
		if af.fix != "" {
			fixes = append(fixes, af.fix)
		}
	}
	refs := []string{"https://nvd.nist.gov/vuln/detail/" + id}
	if alias != "" {
		refs = append(refs, fmt.Sprintf("https://jvndb.jvn.jp/ja/contents/%d/%s.html", year, alias))
	}
	if chance(r, 0.3) {
		refs = append(refs, "https://security."+strings.ReplaceAll(p.vendor, "_", "-")+".example/advisories/"+id)
	}
	row[0], row[1] = id, alias
	row[2] = p.name + " における" + vt.ja + "の脆弱性"
	row[3] = vt.en + " vulnerability in " + p.name
	row[4] = p.name + " には、" + vt.ja + "の脆弱性が存在します。遠隔の第三者によって" + impact[0] + "可能性があります。"
	row[5] = p.name + " contains " + article(vt.en) + " vulnerability that may allow a remote attacker to " + impact[1] + "."
	row[6], row[7], row[8] = source, pub.Format("2006-01-02"), upd.Format("2006-01-02")
	row[9], row[10], row[11] = "", "", ""
	if u := r.Float64(); u < 0.95 {
		ver := "3.1"
		if u < 0.10 {
			ver = "3.0"
		}
		vec := vector(r, ver)
		v, err := cvss.ParseV3(vec)
		if err != nil {
			panic(fmt.Sprintf("synth: invalid generated vector %s: %v", vec, err))
		}
		row[9], row[10], row[11] = ver, vec, fmt.Sprintf("%.1f", v.BaseScore())
	}
	row[14] = strings.Join(fixes, "; ")
	row[15] = ""
	if chance(r, 0.15) {
		row[15] = oneOf(r, workarounds)
	}
	row[16] = pickStr(r.Float64(), []string{"true", "false", ""}, 0.02, 0.10)
	row[17], row[18] = "", ""
	if chance(r, 0.5) {
		s := math.Pow(r.Float64(), 6)*0.97 + 0.0004
		row[17], row[18] = fmt.Sprintf("%.5f", s), fmt.Sprintf("%.5f", math.Min(0.9999, math.Pow(s, 0.12)))
	}
	row[19] = strings.Join(refs, ";")
}

// vector draws a CVSS v3 base vector with a realistic mix of metrics.
func vector(r *rand.Rand, ver string) string {
	av := pickStr(r.Float64(), []string{"N", "A", "L", "P"}, 0.6, 0.05, 0.3)
	ac := pickStr(r.Float64(), []string{"L", "H"}, 0.85)
	pr := pickStr(r.Float64(), []string{"N", "L", "H"}, 0.55, 0.35)
	ui := pickStr(r.Float64(), []string{"N", "R"}, 0.7)
	s := pickStr(r.Float64(), []string{"U", "C"}, 0.85)
	cia := func() string { return pickStr(r.Float64(), []string{"H", "L", "N"}, 0.5, 0.25) }
	c, i, a := cia(), cia(), cia()
	if c == "N" && i == "N" && a == "N" {
		c = "L"
	}
	return fmt.Sprintf("CVSS:%s/AV:%s/AC:%s/PR:%s/UI:%s/S:%s/C:%s/I:%s/A:%s", ver, av, ac, pr, ui, s, c, i, a)
}

// article writes "a cross-site scripting" or "an out-of-bounds write",
// keeping acronyms: "a SQL injection".
func article(s string) string {
	if len(s) > 1 && s[1] >= 'a' && s[1] <= 'z' {
		s = strings.ToLower(s[:1]) + s[1:]
	}
	if strings.ContainsRune("aeiou", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}
