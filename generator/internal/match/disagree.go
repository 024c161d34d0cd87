package match

import (
	"strings"

	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/version"
	"vulnreport/generator/internal/vuln"
)

// Disagreements lists, as data-quality warnings, where a scanner and
// the other sources disagree about a finding:
//
//   - on a package a scanner reported, another source's range finds a
//     vulnerability the scanner did not report (the scanner says fixed or
//     not affected, the range says affected);
//   - the scanner reports a vulnerability on a package whose ranges from
//     the other sources, for the same product key, all exclude the
//     installed version (the scanner says affected, the ranges say fixed).
//
// The finding stays in both cases — a disagreement never makes the report
// look better — and the warning names the file, the package and the ids.
func Disagreements(comps []inventory.Component, vulns []vuln.Vulnerability, m *Result, diags *source.Diagnostics) {
	scanned := map[int32]bool{}
	for i := range vulns {
		for _, o := range vulns[i].Origins {
			if strings.HasPrefix(o, "scans/") {
				scanned[int32(i)] = true
				break
			}
		}
	}
	for _, fd := range m.Found {
		c, v := &comps[fd.Component], &vulns[fd.Vuln]
		fromScan := strings.HasPrefix(c.Source, "scan:")
		if !fromScan && !scanned[fd.Vuln] {
			continue
		}
		prefix := "scans/" + c.System + "/"
		var byScan, others, othersContain bool
		gv, verr := version.Parse(c.Version)
		for _, af := range v.Affected {
			if af.Key != c.Key {
				continue
			}
			if strings.HasPrefix(af.Pos.File, prefix) {
				byScan = true
				continue
			}
			if strings.HasPrefix(af.Pos.File, "scans/") || af.FreeText != "" {
				continue
			}
			others = true
			if verr == nil && af.Range.Contains(gv) {
				othersContain = true
			}
		}
		switch {
		case fromScan && !byScan:
			diags.Warnf(source.Pos{File: strings.TrimPrefix(c.Source, "scan:")},
				"scanner and ranges disagree: %s %s on %s is affected by %s according to %s, but the scanner did not report it; the finding is kept, confirm with the distribution's advisory",
				c.Key, c.Version, c.System, v.ID, strings.Join(v.Origins, ", "))
		case byScan && others && !othersContain && verr == nil:
			diags.Warnf(c.Pos,
				"scanner and ranges disagree: the scanner reports %s on %s %s (%s), while the other sources' ranges for %s exclude this version; the scanner's finding is kept",
				v.ID, c.Key, c.Version, c.System, c.Key)
		}
	}
}
