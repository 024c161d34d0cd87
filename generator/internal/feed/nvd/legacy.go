package nvd

import (
	"strings"

	"vulnreport/generator/internal/feed/internal/feedutil"
)

// legacyItem is one element of an NVD JSON 1.1 feed's CVE_Items.
type legacyItem struct {
	CVE struct {
		Meta struct {
			ID string `json:"ID"`
		} `json:"CVE_data_meta"`
		ProblemType struct {
			Data []struct {
				Description []langValue `json:"description"`
			} `json:"problemtype_data"`
		} `json:"problemtype"`
		References struct {
			Data []reference `json:"reference_data"`
		} `json:"references"`
		Description struct {
			Data []langValue `json:"description_data"`
		} `json:"description"`
	} `json:"cve"`
	Configurations struct {
		Nodes []legacyNode `json:"nodes"`
	} `json:"configurations"`
	Impact struct {
		V3 *struct {
			CVSS cvssData `json:"cvssV3"`
		} `json:"baseMetricV3"`
		V2 *struct {
			CVSS cvssData `json:"cvssV2"`
		} `json:"baseMetricV2"`
	} `json:"impact"`
	PublishedDate    string `json:"publishedDate"`
	LastModifiedDate string `json:"lastModifiedDate"`
}

type legacyNode struct {
	Operator string        `json:"operator"`
	Negate   bool          `json:"negate"`
	Children []legacyNode  `json:"children"`
	CpeMatch []legacyMatch `json:"cpe_match"`
}

type legacyMatch struct {
	Vulnerable     bool   `json:"vulnerable"`
	Cpe23Uri       string `json:"cpe23Uri"`
	StartIncluding string `json:"versionStartIncluding"`
	StartExcluding string `json:"versionStartExcluding"`
	EndIncluding   string `json:"versionEndIncluding"`
	EndExcluding   string `json:"versionEndExcluding"`
}

// legacyRecord reads one element of a 1.1 feed's CVE_Items array.
func (p *parser) legacyRecord(off int, it *legacyItem, err error) {
	p.res.Read++
	pos := p.lines.Pos(off)
	if err != nil {
		epos, msg := feedutil.RecordError(p.lines, off, err)
		p.reject(epos, "", msg)
		return
	}
	c := &apiCVE{
		ID:           it.CVE.Meta.ID,
		Published:    it.PublishedDate,
		LastModified: it.LastModifiedDate,
		Descriptions: it.CVE.Description.Data,
		References:   it.CVE.References.Data,
		Metrics:      map[string][]metric{},
	}
	if d := it.CVE.Description.Data; len(d) > 0 && strings.HasPrefix(d[0].Value, "** REJECT **") {
		c.VulnStatus = "Rejected"
	}
	for _, pt := range it.CVE.ProblemType.Data {
		c.Weaknesses = append(c.Weaknesses, weakness{Description: pt.Description})
	}
	if v3 := it.Impact.V3; v3 != nil {
		key := "cvssMetricV31"
		if v3.CVSS.Version == "3.0" {
			key = "cvssMetricV30"
		}
		c.Metrics[key] = []metric{{Type: "Primary", CvssData: v3.CVSS}}
	}
	if v2 := it.Impact.V2; v2 != nil {
		c.Metrics["cvssMetricV2"] = []metric{{Type: "Primary", CvssData: v2.CVSS}}
	}
	cfg := config{}
	for _, n := range it.Configurations.Nodes {
		cfg.Nodes = append(cfg.Nodes, convertNode(n))
	}
	c.Configurations = []config{cfg}
	p.add(c, pos)
}

func convertNode(n legacyNode) node {
	out := node{Operator: n.Operator, Negate: n.Negate}
	for _, m := range n.CpeMatch {
		out.CpeMatch = append(out.CpeMatch, cpeMatch{
			Vulnerable: m.Vulnerable, Criteria: m.Cpe23Uri,
			StartIncluding: m.StartIncluding, StartExcluding: m.StartExcluding,
			EndIncluding: m.EndIncluding, EndExcluding: m.EndExcluding,
		})
	}
	for _, ch := range n.Children {
		out.Children = append(out.Children, convertNode(ch))
	}
	return out
}
