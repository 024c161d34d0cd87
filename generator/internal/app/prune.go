package app

import (
	"vulnreport/generator/internal/match"
	"vulnreport/generator/internal/vuln"
)

// keepMatched returns the vulnerabilities that some finding of m refers
// to, in their order, and renumbers m.Found to the slice returned. After
// matching, nothing reads the others: assess, the attack stage and the
// report look vulnerabilities up by a finding's id (the KEV entries that
// match nothing were listed by vuln.Enrich before). A feed of 200,000
// records names a product of the estate in a few percent of them, so this
// frees most of what the feeds cost (their text included) before the
// findings are assessed and the report is built.
func keepMatched(vulns []vuln.Vulnerability, m *match.Result) []vuln.Vulnerability {
	to := make([]int32, len(vulns))
	for i := range to {
		to[i] = -1
	}
	for _, f := range m.Found {
		to[f.Vuln] = 0
	}
	n := int32(0)
	for i := range to {
		if to[i] == 0 {
			to[i] = n
			n++
		}
	}
	kept := make([]vuln.Vulnerability, 0, n)
	for i := range vulns {
		if to[i] >= 0 {
			kept = append(kept, vulns[i])
		}
	}
	for i := range m.Found {
		m.Found[i].Vuln = to[m.Found[i].Vuln]
	}
	return kept
}
