package plausible

import (
	"time"

	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/source"
)

// Scans warns about scanner results older than the policy's
// horizons.stale_scan_days against the as-of date, and about results
// without a scan time, so that an old scan is never shown as this month's
// clean state.
func Scans(feeds []feed.Info, asOf time.Time, staleDays int, diags *source.Diagnostics) {
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

// StaleScanDays returns the policy's threshold, or the default of 35 days.
func StaleScanDays(d int) int {
	if d <= 0 {
		return 35
	}
	return d
}
