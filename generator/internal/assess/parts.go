package assess

import (
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/lifecycle"
	"vulnreport/generator/internal/match"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/risk"
	"vulnreport/generator/internal/vuln"
)

// parts makes the shared parts of the findings of one run, each once: one
// per component row a finding names, per vulnerability, per matched
// clause and per end-of-life line. Findings point to them and nothing
// writes into them afterwards, so a finding holds only what is its own.
type parts struct {
	in     *Input
	byID   map[string]*vuln.Vulnerability
	comps  []*model.ComponentFacts
	vulns  []*model.VulnFacts
	claus  []*model.ClauseFacts
	eol    map[string]eolParts
	status map[[2]string]model.LifecycleStatus // product and version → support status
	none   *model.Applied
}

// eolParts are the shared parts of one end-of-life finding's line.
type eolParts struct {
	v  *model.VulnFacts
	cl *model.ClauseFacts
}

func newParts(in *Input, byID map[string]*vuln.Vulnerability) *parts {
	p := &parts{in: in, byID: byID, comps: make([]*model.ComponentFacts, len(in.Components)),
		eol: map[string]eolParts{}, status: map[[2]string]model.LifecycleStatus{}, none: &model.Applied{}}
	if in.Matched != nil {
		p.vulns = make([]*model.VulnFacts, len(in.Vulns))
		p.claus = make([]*model.ClauseFacts, len(in.Matched.Clauses))
	}
	return p
}

// component returns the facts of component row i.
func (p *parts) component(i int) *model.ComponentFacts {
	if c := p.comps[i]; c != nil {
		return c
	}
	c := &p.in.Components[i]
	cf := &model.ComponentFacts{System: c.System, Product: c.Key, ProductName: c.Name, Version: c.Version,
		ComponentAt: c.Pos.String(), Lifecycle: p.lifecycle(c)}
	if cf.ProductName == "" {
		cf.ProductName = p.in.Resolver.DisplayName(cf.Product)
	}
	p.comps[i] = cf
	return cf
}

func (p *parts) lifecycle(c *inventory.Component) model.LifecycleStatus {
	pv := [2]string{c.Key, c.Version}
	st, ok := p.status[pv]
	if !ok {
		st = model.LifecycleUnknown
		if cy, found := p.in.Lifecycle.Find(c.Key, c.Version); found {
			st = lifecycle.Status(cy, p.in.AsOf, p.in.Policy.Horizons.EOLWarningDays)
		}
		p.status[pv] = st
	}
	return st
}

// vuln returns the facts of vulnerability i, with its evidence.
func (p *parts) vuln(i int) *model.VulnFacts {
	if v := p.vulns[i]; v != nil {
		return v
	}
	v := &p.in.Vulns[i]
	vf := &model.VulnFacts{Kind: model.KindVulnerability, VulnID: v.ID, IDs: v.IDs}
	if full := p.byID[v.ID]; full != nil {
		risk.Evidence(vf, full)
	}
	p.vulns[i] = vf
	return vf
}

// clause returns the facts of matched clause i.
func (p *parts) clause(i int) *model.ClauseFacts {
	if c := p.claus[i]; c != nil {
		return c
	}
	cl := &p.in.Matched.Clauses[i]
	cf := &model.ClauseFacts{Clause: cl.Text, FixTarget: cl.FixTarget, FixInclusive: cl.FixInclusive,
		NeedsConfirmation: cl.Confirm != "", FreeText: cl.FreeText, Scheme: cl.Scheme, Confirm: cl.Confirm, Note: cl.Note}
	p.claus[i] = cf
	return cf
}

// matched makes the finding of match i.
func (p *parts) matched(i int) model.Finding {
	m := &p.in.Matched.Found[i]
	c, v := &p.in.Components[m.Component], &p.in.Vulns[m.Vuln]
	return model.Finding{VulnFacts: p.vuln(int(m.Vuln)), ComponentFacts: p.component(int(m.Component)),
		ClauseFacts: p.clause(int(m.Clause)), Applied: p.none,
		Key: match.FindingKey(c.System, c.Key, c.Version, v.ID), Hosts: m.Hosts}
}

// eolLine returns the shared parts of the end-of-life line id, made by mk
// the first time.
func (p *parts) eolLine(id string, mk func() eolParts) eolParts {
	e, ok := p.eol[id]
	if !ok {
		e = mk()
		p.eol[id] = e
	}
	return e
}
