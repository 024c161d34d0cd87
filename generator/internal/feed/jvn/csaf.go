package jvn

import (
	"encoding/json"
	"strings"

	"vulnreport/generator/internal/feed/internal/feedutil"
	"vulnreport/generator/internal/product"
)

// csafDoc is the CSAF-shaped MyJVN getVulnDetailInfo document.
type csafDoc struct {
	Document struct {
		Title string `json:"title"`
		Lang  string `json:"lang"`
		Notes []struct {
			Category string `json:"category"`
			Text     string `json:"text"`
		} `json:"notes"`
		Tracking struct {
			ID          string `json:"id"`
			Initial     string `json:"initial_release_date"`
			CurrentDate string `json:"current_release_date"`
		} `json:"tracking"`
		References []struct {
			Summary string `json:"summary"`
			URL     string `json:"url"`
		} `json:"references"`
	} `json:"document"`
	ProductTree struct {
		Branches []branch `json:"branches"`
	} `json:"product_tree"`
	Vulnerabilities []struct {
		CVE  string `json:"cve"`
		Cwes []struct {
			ID string `json:"id"`
		} `json:"cwes"`
		Metrics      []okaMetric `json:"metrics"`
		Remediations []struct {
			Details string `json:"details"`
		} `json:"remediations"`
	} `json:"vulnerabilities"`
	Ext *struct {
		Affected []struct {
			Vendor   string                 `json:"vendor"`
			Product  string                 `json:"product"`
			Versions []feedutil.CVE5Version `json:"versions"`
		} `json:"affected"`
		CPEApplicability []struct {
			Nodes []struct {
				Negate   bool `json:"negate"`
				CpeMatch []struct {
					Vulnerable     bool   `json:"vulnerable"`
					Criteria       string `json:"criteria"`
					StartIncluding string `json:"versionStartIncluding"`
					StartExcluding string `json:"versionStartExcluding"`
					EndIncluding   string `json:"versionEndIncluding"`
					EndExcluding   string `json:"versionEndExcluding"`
				} `json:"cpeMatch"`
			} `json:"nodes"`
		} `json:"cpeApplicability"`
	} `json:"jvn_extension"`
}

type branch struct {
	Category string `json:"category"`
	Name     string `json:"name"`
	Product  *struct {
		Name   string `json:"name"`
		Helper struct {
			CPE string `json:"cpe"`
		} `json:"product_identification_helper"`
	} `json:"product"`
	Branches []branch `json:"branches"`
}

// treeProduct is a product of the product tree.
type treeProduct struct{ vendor, name, cpe string }

func walkTree(bs []branch, vendor string, out []treeProduct) []treeProduct {
	for _, b := range bs {
		v := vendor
		if b.Category == "vendor" {
			v = b.Name
		}
		if b.Category == "product_name" && b.Product != nil {
			out = append(out, treeProduct{vendor: v, name: b.Name, cpe: b.Product.Helper.CPE})
		}
		out = walkTree(b.Branches, v, out)
	}
	return out
}

// jvnpidKey reads "jvnpid:1.0::vendor:product[:version]".
func jvnpidKey(s string) (key, ver string, ok bool) {
	rest, found := strings.CutPrefix(s, "jvnpid:1.0::")
	if !found {
		return "", "", false
	}
	parts := strings.Split(rest, ":")
	if len(parts) < 2 || parts[0] == "" || parts[1] == "" {
		return "", "", false
	}
	if len(parts) > 2 {
		ver = parts[2]
	}
	return strings.ToLower(parts[0] + ":" + parts[1]), ver, true
}

// csafDoc reads one CSAF-shaped document found at byte offset off.
func (p *parser) csafDoc(off int, raw json.RawMessage) {
	pos := p.lines.Pos(off)
	var doc csafDoc
	if err := json.Unmarshal(raw, &doc); err != nil {
		p.res.Read++
		_, msg := feedutil.RecordError(p.lines, off, err)
		p.diags.Errorf(pos, "JVN document: %s", msg)
		p.res.Reject(pos, "feed:jvn", "", pos.String()+": "+msg)
		return
	}
	saved := p.en
	p.en = strings.HasPrefix(strings.ToLower(doc.Document.Lang), "en")
	defer func() { p.en = saved }()
	d := p.newDraft(pos)
	d.a.ID = strings.TrimSpace(doc.Document.Tracking.ID)
	p.text(&d.a.Title.JA, &d.a.Title.EN, doc.Document.Title)
	for _, n := range doc.Document.Notes {
		if n.Category == "description" {
			p.text(&d.a.Summary.JA, &d.a.Summary.EN, plain(n.Text))
			break
		}
	}
	d.a.Published, _ = feedutil.Date(doc.Document.Tracking.Initial)
	d.a.Updated, _ = feedutil.Date(doc.Document.Tracking.CurrentDate)
	for _, r := range doc.Document.References {
		d.alias(r.Summary)
		d.ref(r.URL)
	}
	var sol []string
	for _, v := range doc.Vulnerabilities {
		if feedutil.IsCVE(strings.TrimSpace(v.CVE)) {
			d.alias(v.CVE)
		}
		for _, c := range v.Cwes {
			if feedutil.IsCWE(c.ID) {
				d.a.CWE = append(d.a.CWE, c.ID)
			}
		}
		p.metrics(d, v.Metrics)
		for _, r := range v.Remediations {
			sol = append(sol, plain(r.Details))
		}
	}
	p.text(&d.a.Workaround.JA, &d.a.Workaround.EN, strings.Join(feedutil.Dedup(sol), "\n"))
	p.csafAffected(d, &doc)
	p.finish(d)
}

func (p *parser) csafAffected(d *draft, doc *csafDoc) {
	tree := walkTree(doc.ProductTree.Branches, "", nil)
	if doc.Ext != nil && len(doc.Ext.CPEApplicability) > 0 {
		for _, cfg := range doc.Ext.CPEApplicability {
			for _, n := range cfg.Nodes {
				if n.Negate {
					continue
				}
				for _, m := range n.CpeMatch {
					if !m.Vulnerable {
						continue
					}
					key, cv, ok := jvnpidKey(m.Criteria)
					if !ok {
						ref, err := product.Parse(m.Criteria)
						if err != nil || ref.Kind != "cpe" {
							p.diags.Warnf(d.a.Pos, "JVN advisory %s: criteria %q is neither a CPE nor a jvnpid: skipped", d.a.ID, feedutil.Clip(m.Criteria))
							continue
						}
						key, cv = ref.Key, feedutil.CPEVersion(m.Criteria)
					}
					clause, ok, skip := feedutil.NVDClause(cv, m.StartIncluding, m.StartExcluding, m.EndIncluding, m.EndExcluding)
					it := feedutil.Item{Key: key, Product: key, Pos: d.a.Pos}
					for _, t := range tree {
						if ref, err := product.Parse(t.cpe); err == nil && ref.Key == key {
							it.Product = strings.TrimSpace(t.vendor + " " + t.name)
						}
					}
					switch {
					case skip:
						it.Free = noVersion
					case ok:
						it.Clause = clause
					default:
						it.Free = clause
					}
					d.items = append(d.items, it)
				}
			}
		}
		return
	}
	if doc.Ext != nil && len(doc.Ext.Affected) > 0 {
		for _, af := range doc.Ext.Affected {
			cpe := ""
			for _, t := range tree {
				if t.name == af.Product || len(tree) == 1 {
					cpe = t.cpe
				}
			}
			if len(af.Versions) == 0 {
				p.product(d, cpe, af.Vendor, af.Product, "")
			}
			for _, v := range af.Versions {
				clauses, free := feedutil.CVE5Clauses(v)
				if free != "" {
					p.product(d, cpe, af.Vendor, af.Product, free)
					continue
				}
				if it, ok := p.productItem(d, cpe, af.Vendor, af.Product); ok {
					for _, c := range clauses {
						it.Clause = c
						d.items = append(d.items, it)
					}
				}
			}
		}
		return
	}
	for _, t := range tree {
		p.product(d, t.cpe, t.vendor, t.name, "")
	}
}
