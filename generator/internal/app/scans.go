package app

import (
	"slices"
	"strings"
	"time"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/match"
	"vulnreport/generator/internal/model"
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
			diags.Warnf(pos, "stale scan: %s result of %s is %d days old on %s (policy horizons.stale_scan_days: %d); its findings may be out of date / 古いスキャン結果: %d日前",
				f.Version, t.Format(source.DateLayout), age, asOf.Format(source.DateLayout), staleDays, age)
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

// scanHits indexes what the scanners' results reported, by system,
// product key and installed version, before the merge keeps one range per
// product (which drops a second scanner's entry for the same package).
type scanHits map[[3]string][]scanHit

// scanHit is one scanner finding: the ids it was reported under and the
// source to show.
type scanHit struct {
	ids []string
	src model.ScanSource
}

// indexScans collects every scanner advisory's affected entries.
func indexScans(advs []advisory.Advisory) scanHits {
	idx := scanHits{}
	for i := range advs {
		a := &advs[i]
		for _, af := range a.Affected {
			if af.Scan == nil {
				continue
			}
			parts := strings.SplitN(af.Pos.File, "/", 3)
			if len(parts) != 3 || parts[0] != "scans" {
				continue
			}
			k := [3]string{parts[1], af.Key, af.Scan.Installed}
			idx[k] = append(idx[k], scanHit{ids: append([]string{a.ID}, a.Aliases...),
				src: model.ScanSource{Scanner: af.Scan.Scanner, File: af.Pos.File, Confidence: af.Scan.Confidence, Low: af.Scan.Low}})
		}
	}
	return idx
}

// scanSources names, on each vulnerability finding, the scanner results
// that reported it (a scanner finding on the same system, product and
// installed version under one of the finding's ids), with the scanner's
// confidence: a finding found by scanners and by vulnreport's own
// matching is one finding showing every source.
func scanSources(findings []model.Finding, idx scanHits) {
	if len(idx) == 0 {
		return
	}
	for i := range findings {
		f := &findings[i]
		hits := idx[[3]string{f.System, f.Product, f.Version}]
		if len(hits) == 0 || f.Kind != model.KindVulnerability {
			continue
		}
		for _, h := range hits {
			if !slices.ContainsFunc(h.ids, func(id string) bool { return slices.Contains(f.IDs, id) }) ||
				slices.ContainsFunc(f.Scanners, func(s model.ScanSource) bool { return s.File == h.src.File }) {
				continue
			}
			f.Scanners = append(f.Scanners, h.src)
		}
		slices.SortFunc(f.Scanners, func(a, b model.ScanSource) int { return strings.Compare(a.File, b.File) })
	}
}
