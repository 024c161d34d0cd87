package synth

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
)

// system is what the component writer needs to know of a system.
type system struct {
	id    string
	cat   string
	fleet bool
	hosts int
	rows  int // component rows allotted
}

// compRef is a sampled component row, for remediation records.
type compRef struct {
	sys, prod int32
	ver       int16
}

// Installed versions of a mostly patched estate: the share of components
// on the newest version of their product and on the one before; the rest
// lag further behind.
const (
	newestShare   = 0.70
	previousShare = 0.18
)

// sampleSize bounds the component sample kept for remediation records.
const sampleSize = 20_000

var categoryShare = []struct {
	cat    string
	share  float64
	prefix string
}{{"website", 0.08, "web"}, {"internal", 0.52, "sys"}, {"client", 0.28, "pc"}, {"other", 0.12, "nw"}}

// rowProfile is, per category, the classes of the components after the
// first one (the operating system or firmware).
var rowProfile = map[string][numClasses]float64{
	"website":  {clsServer: 0.45, clsLibrary: 0.35, clsBusiness: 0.20},
	"internal": {clsServer: 0.30, clsLibrary: 0.20, clsBusiness: 0.45, clsClientApp: 0.05},
	"client":   {clsClientApp: 0.57, clsBusiness: 0.30, clsLibrary: 0.10, clsOSClient: 0.03},
	"other":    {clsNetwork: 0.35, clsBusiness: 0.35, clsServer: 0.30},
}

var firstClass = map[string]class{"website": clsOSServer, "internal": clsOSServer, "client": clsOSClient, "other": clsNetwork}

func (g *gen) writeSystems() error {
	r := g.rng(2)
	f, err := g.create("systems.csv", true, "id", "name.ja", "name.en", "category", "exposure", "data", "criticality",
		"owner", "contact", "hosts", "contractor", "contract.maintenance_until", "contract.known_vuln_fix_free",
		"contract.inspection_included", "contract.emergency_costs_agreed", "contract.post_delivery_fixes",
		"last_inspection", "inventory_updated", "replacement_planned", "status", "tags")
	if err != nil {
		return err
	}
	weights := make([]float64, g.cfg.Systems)
	total := 0.0
	for i := range g.cfg.Systems {
		s := system{}
		u, k := r.Float64(), 0
		for k < len(categoryShare)-1 && u >= categoryShare[k].share {
			u -= categoryShare[k].share
			k++
		}
		s.cat = categoryShare[k].cat
		s.id = fmt.Sprintf("%s-%05d", categoryShare[k].prefix, i+1)
		s.fleet = s.cat == "client" && chance(r, 0.10)
		d := oneOf(r, departments)
		kind := oneOf(r, systemKinds[s.cat])
		exposure := g.exposure(r, s.cat)
		switch {
		case s.fleet:
			s.hosts = 100 + r.IntN(800)
		case s.cat == "client":
			s.hosts = 1 + r.IntN(40)
		case s.cat == "other":
			s.hosts = 1 + r.IntN(3)
		default:
			s.hosts = 1 + r.IntN(6)
		}
		w := map[string]float64{"website": 0.8, "internal": 1.0, "client": 0.7, "other": 0.15}[s.cat]
		if s.fleet {
			w = 6
		}
		weights[i] = w * (0.5 + r.Float64())
		total += weights[i]
		var contractor, until, fixFree, insp, emerg, pdf string
		if (s.cat == "website" || s.cat == "internal") && chance(r, 0.45) {
			contractor = oneOf(r, contractors)
			until = g.date(-200 + r.IntN(1100))
			fixFree, insp, emerg = optBool(r), optBool(r), optBool(r)
			pdf = oneOf(r, []string{"paid", "included", "none", ""})
		}
		var inspected, replace, status string
		if s.cat == "website" && chance(r, 0.9) {
			inspected = g.date(-700 + r.IntN(690))
		}
		if chance(r, 0.08) {
			replace = g.date(60 + r.IntN(840))
		}
		if chance(r, 0.02) {
			status = "retired"
		} else if chance(r, 0.5) {
			status = "active"
		}
		updated := ""
		if chance(r, 0.9) {
			updated = g.date(-200 + r.IntN(199))
		}
		f.row(s.id, d.ja+" "+kind[0], title(kind[1])+" ("+d.en+")", s.cat, exposure, g.dataClasses(r, s.cat),
			oneOf(r, []string{"high", "medium", "medium", "low", ""}), d.ja,
			fmt.Sprintf("%s %s <%s@example.co.jp>", d.ja, oneOf(r, surnames), d.mail), strconv.Itoa(s.hosts),
			contractor, until, fixFree, insp, emerg, pdf, inspected, updated, replace, status, tags(r))
		g.sys = append(g.sys, s)
	}
	// Allot the component rows in proportion to the weights.
	left := g.cfg.Components
	for i := range g.sys {
		n := int(float64(g.cfg.Components) * weights[i] / total)
		g.sys[i].rows = n
		left -= n
	}
	for i := 0; left > 0; i = (i + 1) % len(g.sys) {
		g.sys[i].rows++
		left--
	}
	g.st.Systems = f.rows
	return f.close()
}

func (g *gen) exposure(r *rand.Rand, cat string) string {
	u := r.Float64()
	switch cat {
	case "website":
		return pickStr(u, []string{"internet", "intranet"}, 0.95)
	case "client":
		return pickStr(u, []string{"intranet", "internet"}, 0.9)
	case "internal":
		return pickStr(u, []string{"intranet", "internet", "isolated"}, 0.7, 0.15)
	}
	return pickStr(u, []string{"intranet", "isolated", "internet"}, 0.6, 0.25)
}

// pickStr chooses xs[k] where u falls in the k-th share; the last takes the rest.
func pickStr(u float64, xs []string, shares ...float64) string {
	for k, s := range shares {
		if u < s {
			return xs[k]
		}
		u -= s
	}
	return xs[len(xs)-1]
}

func (g *gen) dataClasses(r *rand.Rand, cat string) string {
	p := map[string][3]float64{
		"website": {0.6, 0.2, 0.3}, "internal": {0.4, 0.2, 0.6}, "client": {0.3, 0.05, 0.5}, "other": {0.02, 0.02, 0.1},
	}[cat]
	var out []string
	for k, name := range []string{"personal", "entrusted", "business"} {
		if chance(r, p[k]) {
			out = append(out, name)
		}
	}
	return strings.Join(out, ";")
}

func optBool(r *rand.Rand) string {
	switch r.IntN(5) {
	case 0:
		return ""
	case 1, 2:
		return "true"
	}
	return "false"
}

func tags(r *rand.Rand) string {
	switch r.IntN(4) {
	case 0, 1:
		return ""
	case 2:
		return oneOf(r, tagWords)
	}
	a, b := r.IntN(len(tagWords)), r.IntN(len(tagWords)-1)
	if b >= a {
		b++
	}
	return tagWords[a] + ";" + tagWords[b]
}

// pickVersion draws an installed version index: the newest most often,
// then the one before, then a tail of systems that lag behind.
func pickVersion(r *rand.Rand, n int) int {
	switch u := r.Float64(); {
	case u < newestShare:
		return n - 1
	case u < newestShare+previousShare:
		return max(0, n-2)
	}
	return max(0, n-3-int(r.ExpFloat64()*float64(n)/8))
}

func (g *gen) writeComponents() error {
	r := g.rng(3)
	f, err := g.create("components.csv", false, "system", "product", "name", "version", "hosts", "patches", "installed", "updated", "scheme")
	if err != nil {
		return err
	}
	cat := g.cat
	var profiles = map[string]picker{}
	for name, pr := range rowProfile {
		profiles[name] = newPicker(int(numClasses), func(i int) float64 {
			if cat.byClass[i].empty() {
				return 0
			}
			return pr[i]
		})
	}
	seen := map[int64]bool{}
	var total int64
	for si := range g.sys {
		s := &g.sys[si]
		clear(seen)
		written, attempts := 0, 0
		for written < s.rows && attempts < 20*s.rows+20 {
			attempts++
			cl := firstClass[s.cat]
			if written > 0 || cat.byClass[cl].empty() {
				cl = class(profiles[s.cat].pick(r))
			}
			pi := cat.byClass[cl].pick(r)
			p := &cat.products[pi]
			copies := 1
			if s.fleet {
				copies = 1 + r.IntN(3)
			}
			for range copies {
				vi := pickVersion(r, len(p.vl.v))
				key := int64(pi)<<16 | int64(vi)
				if seen[key] || written >= s.rows {
					continue
				}
				seen[key] = true
				g.componentRow(r, f, s, pi, vi)
				written++
				total++
				if len(g.compSample) < sampleSize {
					g.compSample = append(g.compSample, compRef{int32(si), int32(pi), int16(vi)})
				} else if j := r.Int64N(total); j < sampleSize {
					g.compSample[j] = compRef{int32(si), int32(pi), int16(vi)}
				}
			}
		}
	}
	for i := range g.comp {
		for _, n := range g.comp[i] {
			if n > 0 {
				g.st.Products++
				break
			}
		}
	}
	g.st.Components = f.rows
	return f.close()
}

// componentRow writes one installed component: the product as a key, a
// full CPE 2.3 name or a purl, with patches for KB-patched products.
func (g *gen) componentRow(r *rand.Rand, f *csvFile, s *system, pi, vi int) {
	p := &g.cat.products[pi]
	ver := p.vl.v[vi]
	g.comp[pi][vi]++
	prod := p.key
	switch u := r.Float64(); {
	case p.purl != "" && u < 0.6:
		prod = p.purl + "@" + ver
	case u < 0.08:
		prod = cpe23(p, ver)
	}
	hosts := ""
	if s.fleet {
		hosts = strconv.Itoa(1 + r.IntN(max(1, s.hosts/3)))
	} else if s.hosts > 1 && chance(r, 0.3) {
		hosts = strconv.Itoa(1 + r.IntN(s.hosts))
	}
	patches := ""
	if p.kb && vi+1 < len(p.vl.v) && chance(r, 0.4) {
		var kbs []string
		for j := vi + 1; j < len(p.vl.v) && len(kbs) < 3; j += 1 + r.IntN(2) {
			kbs = append(kbs, p.kbOf(j))
		}
		patches = strings.Join(kbs, ";")
	}
	inst := -3000 + r.IntN(2900)
	upd := inst + r.IntN(-inst)
	f.row(s.id, prod, p.name, ver, hosts, patches, g.date(inst), g.date(upd), "")
}

// cpe23 writes a product and version as a CPE 2.3 formatted string.
func cpe23(p *product, ver string) string {
	i := strings.IndexByte(p.key, ':')
	return "cpe:2.3:" + string(p.part) + ":" + p.key[:i] + ":" + p.key[i+1:] + ":" + ver + ":*:*:*:*:*:*:*"
}
