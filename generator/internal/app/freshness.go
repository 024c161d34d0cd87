package app

import (
	"strings"

	"vulnreport/generator/internal/report"
	"vulnreport/generator/internal/source"
)

// feedNames are the feeds as a security officer knows them.
var feedNames = map[string]string{"kev": "CISA KEV", "epss": "FIRST EPSS", "nvd": "NVD/CVE", "jvn": "JVN iPedia", "endoflife": "endoflife.date"}

// warnStaleFeeds warns, once per feed, when a public feed is missing,
// undated or older than the policy's feed_max_age_days against the as-of
// date, and says how to refresh it. The report's first page shows the
// same ages (report.FeedAge); the warning makes a build in a terminal or
// a CI log say it too.
func warnStaleFeeds(ages []report.FeedAge, diags *source.Diagnostics) {
	for _, a := range ages {
		if !a.Stale {
			continue
		}
		name := feedNames[a.Kind]
		pos := source.Pos{File: "feeds/" + a.Kind, Line: 1, Col: 1}
		switch {
		case !a.Present:
			diags.Warnf(pos, "no %s feed in feeds/%s: findings it would give are missing; run `vulnreport fetch`",
				name, strings.ToLower(a.Kind))
		case !a.HasDate:
			diags.Warnf(pos, "the %s feed states no date, so its age is unknown; run `vulnreport fetch`", name)
		default:
			diags.Warnf(pos, "the %s feed is %d days old on the as-of date (policy limit %d days: feed_max_age_days.%s); run `vulnreport fetch`",
				name, a.AgeDays, a.MaxDays, a.Kind)
		}
	}
}
