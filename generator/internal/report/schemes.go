package report

import (
	"cmp"
	"slices"

	"vulnreport/generator/internal/model"
)

// SchemeCount counts the vulnerability findings that one version scheme
// decided (issue 12): the method pages show how many findings rest on
// each ordering.
type SchemeCount struct {
	// Scheme is the scheme's name ("generic", "deb", "panos", …).
	Scheme string
	// Findings counts the findings it decided; Confirm those of them that
	// need confirmation (要確認).
	Findings int
	Confirm  int
}

// schemeCounts counts findings per scheme, most findings first, then by
// name. End-of-life findings and free-text matches, which no ordering
// decided, are left out.
func schemeCounts(fs model.FindingList) []SchemeCount {
	at := map[string]int{}
	var out []SchemeCount
	for i := range fs.Len() {
		f := fs.At(i)
		if f.Kind != model.KindVulnerability || f.Scheme == "" {
			continue
		}
		k, ok := at[f.Scheme]
		if !ok {
			k = len(out)
			at[f.Scheme] = k
			out = append(out, SchemeCount{Scheme: f.Scheme})
		}
		out[k].Findings++
		if f.NeedsConfirmation {
			out[k].Confirm++
		}
	}
	slices.SortFunc(out, func(a, b SchemeCount) int {
		return cmp.Or(cmp.Compare(b.Findings, a.Findings), cmp.Compare(a.Scheme, b.Scheme))
	})
	return out
}
