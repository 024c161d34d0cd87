package app

import (
	"strings"
	"time"

	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/match"
	"vulnreport/generator/internal/version"
	"vulnreport/generator/internal/vuln"

	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/source"
)

// checkScans warns about scanner results older than the policy's
// horizons.stale_scan_days against the as-of date, and about results
// without a scan time, so that an old scan is never shown as this month's
// clean state.
func checkScans(feeds []feed.Info, asOf time.Time, staleDays int, diags *source.Diagnostics) {
	for _, f := range feeds {
		if f.Kind != "scan" {
			continue
		}
		pos := source.Pos{File: f.Path}
		t, err := time.Parse(time.RFC3339, f.Date)
		if err != nil {
			// Parse already warned that the time is missing
			continue
		}
		age := int(asOf.Sub(t).Hours() / 24)
		switch {
		case age > staleDays:
			diags.Warnf(pos, "stale scan: %s result of %s is %d days old on %s (policy horizons.stale_scan_days: %d); its findings may be out of date",
				f.Version, t.Format(source.DateLayout), age, asOf.Format(source.DateLayout), staleDays)
		case t.After(asOf.AddDate(0, 0, 1)):
			diags.Warnf(pos, "%s result is dated %s, after the as-of date %s", f.Version, t.Format(source.DateLayout), asOf.Format(source.DateLayout))
		}
	}
}

// staleScanDays returns the policy's threshold, or the default of 35 days.
func staleScanDays(d int) int {
	if d <= 0 {
		return 35
	}
	return d
}

// scanDisagreements lists, as data-quality warnings, where a scanner and
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
func scanDisagreements(comps []inventory.Component, vulns []vuln.Vulnerability, m *match.Result, diags *source.Diagnostics) {
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
