package site

import (
	"cmp"
	"html/template"
	"slices"
	"strconv"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/report"
)

// advisoriesData is the list of matched advisories.
type advisoriesData struct {
	Vulns []advItem
}

type advItem struct {
	*report.Vuln
	Href, Title, CVSS string
	IDs               []string
}

func (b *builder) advisoryList(lang i18n.Lang, p *Page) *advisoriesData {
	d := &advisoriesData{Vulns: make([]advItem, len(b.r.Vulns))}
	for i := range b.r.Vulns {
		v := &b.r.Vulns[i]
		d.Vulns[i] = advItem{Vuln: v, Href: p.Adv(v.ID), Title: v.Title.Get(lang), CVSS: cvssText(lang, v), IDs: orderIDs(v.ID, v.IDs)}
	}
	return d
}

// cvssText is a score with its version, or "no data" — never 0.
func cvssText(lang i18n.Lang, v *report.Vuln) string {
	if !v.HasCVSS {
		return i18n.T(lang, "nodata")
	}
	s := strconv.FormatFloat(v.CVSS, 'f', 1, 64)
	if v.CVSSVersion != "" {
		s += " (v" + v.CVSSVersion + ")"
	}
	return s
}

// advisoryData is one advisory's page.
type advisoryData struct {
	V          *report.Vuln
	IDs        []string
	Title      string
	Summary    string
	Workaround string
	CVSS       string
	EPSS       string
	EPSSPct    string
	EPSSDate   string
	Refs       []ref
	Provenance []kv
	Affected   []affected
	// AffectedHTML holds the affected rows written by the fast path.
	AffectedHTML template.HTML
	// fis are the findings of a page the page writer writes.
	fis []int32
	// Scanned lists what scanner results said of the advisory's findings.
	Scanned []scannedRow
}

// scannedRow is one scanner result that reported one of an advisory's
// findings, with the scanner's confidence.
type scannedRow struct {
	System, Name        string
	Href                relLink
	Product, Version    string
	Scanner, Confidence string
	File                string
	Low                 bool
}

// ref is a reference: a link when it is http(s), else text.
type ref struct{ Text, Href string }

type kv struct{ Key, Value string }

// affected is one system with the versions the advisory hits there.
type affected struct {
	System, Name     string
	Href             relLink
	Product, Version string
	Priority         string
	PrioClass        string
	// State is the state's label.
	State   string
	Due     string
	Overdue bool
}

// advisory builds an advisory's page; a lazy one leaves the affected
// rows (fis) to the page writer.
func (b *builder) advisory(lang i18n.Lang, p *Page, v *report.Vuln, lazy bool) *advisoryData {
	d := &advisoryData{V: v, IDs: orderIDs(v.ID, v.IDs), Title: v.Title.Get(lang), Summary: v.Summary.Get(lang),
		Workaround: v.Workaround.Get(lang), CVSS: cvssText(lang, v), EPSSDate: b.r.Sources.EPSSDate}
	if v.HasEPSS {
		d.EPSS = strconv.FormatFloat(v.EPSS, 'f', 5, 64)
		d.EPSSPct = strconv.FormatFloat(v.EPSSPct*100, 'f', 1, 64)
	}
	for _, r := range v.References {
		x := ref{Text: r}
		if httpURL(r) {
			x.Href = r
		}
		d.Refs = append(d.Refs, x)
	}
	for k, val := range v.Provenance {
		d.Provenance = append(d.Provenance, kv{k, val})
	}
	slices.SortFunc(d.Provenance, func(a, b kv) int { return cmp.Compare(a.Key, b.Key) })
	for _, fi := range b.ix.byVuln[v.ID] {
		f := b.r.Findings.At(int(fi))
		for _, sc := range f.Scanners {
			row := scannedRow{System: f.System, Name: f.System, Product: f.ProductName, Version: f.Version,
				Scanner: sc.Scanner, Confidence: sc.Confidence, File: sc.File, Low: sc.Low}
			if s := b.ix.sysOf(fi); s != nil {
				if !s.s.Name.IsZero() {
					row.Name = s.s.Name.Get(lang)
				}
				row.Href = s.href(p.depth)
			}
			d.Scanned = append(d.Scanned, row)
		}
	}
	if lazy {
		d.fis = b.ix.byVuln[v.ID]
		return d
	}
	lb := b.lb[lang]
	for _, fi := range b.ix.byVuln[v.ID] {
		f := b.r.Findings.At(int(fi))
		a := affected{System: f.System, Name: f.System, Product: f.ProductName, Version: f.Version, Priority: f.Priority.String(),
			PrioClass: prioClass(f.Priority), State: lb.get(lb.state, string(f.State), "state."), Due: b.ix.date(f.Due), Overdue: f.Overdue}
		if s := b.ix.sysOf(fi); s != nil {
			if !s.s.Name.IsZero() {
				a.Name = s.s.Name.Get(lang)
			}
			a.Href = s.href(p.depth)
		}
		d.Affected = append(d.Affected, a)
	}
	if b.fast {
		d.AffectedHTML = p.fast(func(buf []byte) ([]byte, bool) { return b.rw[lang].fastAffected(buf, d.Affected) })
	}
	return d
}
