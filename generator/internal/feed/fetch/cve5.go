package fetch

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"vulnreport/generator/internal/product"
)

var cveRe = regexp.MustCompile(`(?i)\bCVE-\d{4}-\d{4,}\b`)

// cve5Path is the path of a CVE record in cvelistV5 ("cves/2024/3xxx/CVE-2024-3400.json"
// below the base): the year, then the number's thousands.
func cve5Path(id string) (string, bool) {
	m := cveRe.FindString(id)
	if m != id {
		return "", false
	}
	parts := strings.Split(strings.ToUpper(id), "-")
	n, err := strconv.Atoi(parts[2])
	if err != nil {
		return "", false
	}
	return fmt.Sprintf("%s/%dxxx/%s.json", parts[1], n/1000, strings.ToUpper(id)), true
}

// cve5 fetches the CVE 5 records (with CISA's ADP enrichment) of the CVEs
// the other feeds name for the organisation's products: the user's own
// advisories, the JVN entries fetched, and the KEV entries whose vendor
// and product resolve to a product the inventory runs.
func (f *feedRun) cve5(ctx context.Context) error {
	f.kevCVEs()
	ids := make([]string, 0, len(f.cves))
	for id := range f.cves {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		p, ok := cve5Path(id)
		if !ok {
			continue
		}
		if _, err := f.getAndStore(ctx, f.base+"/"+p, id+".json", 16<<20); err != nil {
			var st errStatus
			if asStatus(err, &st) && st.status == 404 {
				f.prog.Missing++ // reserved or rejected ids have no record
				continue
			}
			return err
		}
	}
	return nil
}

// kevCVEs adds the KEV entries (from the KEV file in the snapshot) whose
// product the inventory runs.
func (f *feedRun) kevCVEs() {
	b, err := readSnapshotFile(f.opt.DataDir, "feeds/kev/known_exploited_vulnerabilities.json")
	if err != nil {
		return
	}
	var cat struct {
		Vulnerabilities []struct {
			CVE     string `json:"cveID"`
			Vendor  string `json:"vendorProject"`
			Product string `json:"product"`
		} `json:"vulnerabilities"`
	}
	if json.Unmarshal(b, &cat) != nil {
		return
	}
	have := map[string]bool{}
	for _, k := range f.inv.Keys {
		have[k] = true
	}
	for _, v := range cat.Vulnerabilities {
		key := product.CPEStyle(v.Vendor, v.Product)
		if f.inv.resolver != nil {
			key = f.inv.resolver.ResolveName(v.Vendor, v.Product)
		}
		if have[key] {
			f.cves[strings.ToUpper(v.CVE)] = true
		}
	}
}
