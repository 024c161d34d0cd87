package app

import (
	"slices"
	"strings"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/model"
)

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
func scanSources(findings *model.FindingBuilder, idx scanHits) {
	if len(idx) == 0 {
		return
	}
	for i := range findings.Len() {
		f := findings.At(i)
		hits := idx[[3]string{f.System, f.Product, f.Version}]
		if len(hits) == 0 || f.Kind != model.KindVulnerability {
			continue
		}
		added := false
		for _, h := range hits {
			if !slices.ContainsFunc(h.ids, func(id string) bool { return slices.Contains(f.IDs, id) }) ||
				slices.ContainsFunc(f.Scanners, func(s model.ScanSource) bool { return s.File == h.src.File }) {
				continue
			}
			// The store's lists are clipped: the first append copies.
			f.Scanners = append(f.Scanners, h.src)
			added = true
		}
		if added {
			slices.SortFunc(f.Scanners, func(a, b model.ScanSource) int { return strings.Compare(a.File, b.File) })
			findings.Set(i, f)
		}
	}
}
