package vuln

import (
	"cmp"
	"slices"
	"strings"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/product"
)

type textT = i18n.Text

// Enrich applies KEV entries and EPSS scores to vulnerabilities by CVE id,
// and returns the KEV entries that no vulnerability carries, resolved to
// product keys so that a missing inventory entry is visible.
func Enrich(vs []Vulnerability, kev []feed.KEVEntry, epss map[string]feed.EPSSEntry, res *product.Resolver) []Unmatched {
	byCVE := map[string]int{}
	for i, v := range vs {
		for _, id := range v.IDs {
			byCVE[strings.ToUpper(id)] = i
		}
	}
	var un []Unmatched
	for _, e := range kev {
		i, ok := byCVE[strings.ToUpper(e.CVE)]
		if !ok {
			key := e.Vendor + " " + e.Product
			if res != nil {
				key = res.ResolveName(e.Vendor, e.Product)
			}
			un = append(un, Unmatched{Entry: e, Key: key})
			continue
		}
		v := &vs[i]
		v.Exploit = advisory.Exploitation{
			Exploited: true, KEV: true, DateAdded: e.DateAdded, DueDate: e.DueDate,
			Ransomware: e.Ransomware, RequiredAction: e.RequiredAction,
		}
		v.Provenance["exploited"] = "CISA KEV " + e.CVE
	}
	for i := range vs {
		v := &vs[i]
		for _, id := range v.CVEs() {
			if e, ok := epss[strings.ToUpper(id)]; ok {
				fromFIRST := strings.HasPrefix(v.Provenance["epss"], "FIRST")
				if v.EPSS == nil || !fromFIRST || e.Score > v.EPSS.Score {
					v.EPSS = &advisory.EPSS{Score: e.Score, Percentile: e.Percentile}
					v.Provenance["epss"] = "FIRST EPSS " + id
				}
			}
		}
	}
	slices.SortFunc(un, func(a, b Unmatched) int { return cmp.Compare(a.Entry.CVE, b.Entry.CVE) })
	return un
}
