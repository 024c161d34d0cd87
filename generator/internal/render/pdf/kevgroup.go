package pdf

import (
	"strings"
	"time"

	"vulnreport/generator/internal/model"
)

// kevSystem is one internet-facing system's open exploited findings, as
// section 5 lists them: one row per system, so that every such finding is
// named in the body while the table stays short.
type kevSystem struct {
	system string
	// prio is the highest priority among the findings.
	prio model.Priority
	// firstDue is the earliest KEV due date among them (zero when none
	// has one).
	firstDue time.Time
	// products hold the findings by product and version, in the order
	// the ranking first meets them.
	products []kevProduct
	n        int
}

// kevProduct is one product and version on a system and its findings.
type kevProduct struct {
	name     string
	findings []*model.Finding
}

// groupKEV groups findings (in ranking order) by system, the systems in
// the order of their first finding, so the row of the top-ranked finding
// comes first.
func groupKEV(fs []*model.Finding) []kevSystem {
	var out []kevSystem
	at := map[string]int{}
	for _, f := range fs {
		i, ok := at[f.System]
		if !ok {
			i = len(out)
			at[f.System] = i
			out = append(out, kevSystem{system: f.System, prio: f.Priority})
		}
		g := &out[i]
		g.n++
		if f.Priority.Valid() && (!g.prio.Valid() || f.Priority < g.prio) {
			g.prio = f.Priority
		}
		if !f.KEVDue.IsZero() && (g.firstDue.IsZero() || f.KEVDue.Before(g.firstDue)) {
			g.firstDue = f.KEVDue
		}
		name := strings.TrimSpace(f.ProductName + " " + f.Version)
		j := 0
		for j < len(g.products) && g.products[j].name != name {
			j++
		}
		if j == len(g.products) {
			g.products = append(g.products, kevProduct{name: name})
		}
		g.products[j].findings = append(g.products[j].findings, f)
	}
	return out
}

// shortIDs names a finding's vulnerability by its ids, the primary first,
// leaving out GitHub advisory ids (GHSA-…, long hashes no reader looks
// up; the workbook lists them): JVN ids, vendor ids and names such as
// ProxyLogon stay beside the CVE.
func shortIDs(f *model.Finding) string {
	out := []string{f.VulnID}
	for _, id := range f.IDs {
		if id != f.VulnID && !strings.HasPrefix(id, "GHSA-") {
			out = append(out, id)
		}
	}
	return strings.Join(out, " / ")
}

// kevCell lists a system's products, one per line, each with its findings'
// ids and any state mark: "log4j-core 2.14.1: CVE-…, CVE-… / JVNDB-…".
func (d *doc) kevCell(g kevSystem) string {
	lines := make([]string, 0, len(g.products))
	for _, p := range g.products {
		ids := make([]string, 0, len(p.findings))
		for _, f := range p.findings {
			id := shortIDs(f)
			if m := d.stateMark(f); m != "" {
				id += " ［" + m + "］"
			}
			ids = append(ids, id)
		}
		lines = append(lines, p.name+": "+d.list(ids))
	}
	return strings.Join(lines, "\n")
}
