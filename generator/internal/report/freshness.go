package report

import (
	"time"

	"vulnreport/generator/internal/assess"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/policy"
)

// FeedAge is one public feed's age against the as-of date and the
// policy's threshold (policy key feed_max_age_days).
type FeedAge struct {
	// Kind is "kev", "epss", "nvd", "jvn" or "endoflife" (policy.FeedKinds).
	Kind string
	// Files counts the feed's files in the snapshot; Present is false when
	// there are none (no coverage from that source at all).
	Files   int
	Present bool
	// Date is the newest date the feed states; HasDate is false when no
	// file states one (its age is then unknown, reported as stale).
	Date    time.Time
	HasDate bool
	// AgeDays is AsOf − Date in days; MaxDays the policy's threshold.
	AgeDays, MaxDays int
	// Stale is set when the feed is missing, undated or older than MaxDays.
	Stale bool
}

// Coverage is how much of the inventory the data can speak about.
type Coverage struct {
	// Components counts installed components (rows of the inventory and SBOMs).
	Components int
	// WithData counts components whose product some advisory or lifecycle
	// record knows; the rest can show no finding at all.
	WithData int
	// KnownSupport counts components whose support status is known.
	KnownSupport int
}

// Share returns n ÷ Components, 0 when there are none.
func (c Coverage) Share(n int) float64 {
	if c.Components == 0 {
		return 0
	}
	return float64(n) / float64(c.Components)
}

// feedKindOf maps a feed.Info kind to the policy's feed kind ("cve5" feeds
// count as NVD-like CVE records).
var feedKindOf = map[string]string{"kev": "kev", "epss": "epss", "nvd": "nvd", "cve5": "nvd", "jvn": "jvn", "endoflife": "endoflife"}

// FeedAges returns each public feed's age against the policy's threshold,
// as the report's first page shows it, for the build's own warnings.
func FeedAges(in Input) []FeedAge { return freshness(in) }

func freshness(in Input) []FeedAge {
	max := in.Policy.FeedMaxAgeDays
	if max == nil {
		max = policy.DefaultFeedMaxAgeDays()
	}
	by := map[string]*FeedAge{}
	var out []FeedAge
	for _, k := range policy.FeedKinds {
		by[k] = &FeedAge{Kind: k, MaxDays: max[k]}
	}
	for _, f := range in.Feeds {
		k, ok := feedKindOf[f.Kind]
		if !ok {
			continue
		}
		a := by[k]
		a.Files++
		a.Present = true
		if len(f.Date) >= 10 {
			if t, err := time.Parse("2006-01-02", f.Date[:10]); err == nil && (!a.HasDate || t.After(a.Date)) {
				a.Date, a.HasDate = t, true
			}
		}
	}
	if in.EPSSDate != "" && len(in.EPSSDate) >= 10 {
		if t, err := time.Parse("2006-01-02", in.EPSSDate[:10]); err == nil {
			a := by["epss"]
			if !a.HasDate || t.After(a.Date) {
				a.Date, a.HasDate, a.Present = t, true, true
			}
		}
	}
	for _, k := range policy.FeedKinds {
		a := by[k]
		old := false
		if a.HasDate {
			a.AgeDays, old = assess.Staleness(a.Date, in.AsOf, a.MaxDays)
		}
		a.Stale = !a.Present || !a.HasDate || old
		out = append(out, *a)
	}
	return out
}

func coverage(in Input, comps ComponentStore) Coverage {
	c := Coverage{Components: comps.Len(), WithData: comps.Len() - len(in.Match.Unmatched)}
	for _, x := range comps.All() {
		if x.Lifecycle != model.LifecycleUnknown {
			c.KnownSupport++
		}
	}
	return c
}
