// Package policy reads policy.yaml: the organisation, report settings,
// SLA days by priority, horizons and the priority thresholds. Every
// setting has the contract's default, so an empty policy is valid.
package policy

import (
	"strings"
	"time"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/source"
)

// Horizons are the policy's look-ahead and staleness windows, in days.
type Horizons struct {
	EOLWarningDays         int `json:"eol_warning_days"`
	StaleInventoryDays     int `json:"stale_inventory_days"`
	InspectionIntervalDays int `json:"inspection_interval_days"`
	NotificationAckDays    int `json:"notification_ack_days"`
	AcceptanceExpiryDays   int `json:"acceptance_expiry_days"`
	// StaleScanDays is the age from which a scanner result is stale.
	StaleScanDays int `json:"stale_scan_days"`
}

// Thresholds are the numbers of the default priority rules.
type Thresholds struct {
	// P1CVSS is the CVSS score from which an internet-facing website or
	// personal/entrusted-data system is P1 (9.0).
	P1CVSS float64 `json:"p1_cvss"`
	// P2CVSS is the score from which an exposed, data-holding or critical system is P2 (7.0).
	P2CVSS float64 `json:"p2_cvss"`
	// P2EPSS is the EPSS probability that, with P2CVSS, makes P2 anywhere (0.1).
	P2EPSS float64 `json:"p2_epss"`
	// P3CVSS is the score from which a finding is P3 (4.0).
	P3CVSS float64 `json:"p3_cvss"`
}

// Policy is the decoded policy.yaml.
type Policy struct {
	Organization   i18n.Text
	ReportTitle    i18n.Text
	AsOf           time.Time
	Languages      []i18n.Lang
	Classification i18n.Text
	SLADays        map[model.Priority]int
	Horizons       Horizons
	Thresholds     Thresholds
	// Font is the path of a TrueType font for the PDF, if the policy names one.
	Font string
	// DueSoonDays is the window of the "due in the next N days" list (14).
	DueSoonDays int
	// AttackSigns configures the access-log analysis.
	AttackSigns AttackSigns
	// FeedMaxAgeDays is the age in days, per feed kind (FeedKinds), past
	// which a feed is reported as stale on the first page (policy key
	// feed_max_age_days: {kev: 7, epss: 7, nvd: 7, jvn: 14, endoflife: 30}).
	// `vulnreport fetch` reuses the same thresholds.
	FeedMaxAgeDays map[string]int
	// MaxAcceptanceDays is the longest a risk acceptance may run
	// (max_acceptance_days, 365): a later expiry is capped with a warning.
	MaxAcceptanceDays int
	// WholesaleThreshold is the number of findings (wholesale_threshold,
	// 20) above which one remediation record using wildcards is listed for
	// management's review.
	WholesaleThreshold int
}

// FeedKinds are the feeds whose age the policy bounds, in report order.
var FeedKinds = []string{"kev", "epss", "nvd", "jvn", "endoflife"}

// DefaultFeedMaxAgeDays returns the default feed age thresholds in days.
func DefaultFeedMaxAgeDays() map[string]int {
	return map[string]int{"kev": 7, "epss": 7, "nvd": 7, "jvn": 14, "endoflife": 30}
}

// Default returns the contract's defaults.
func Default() Policy {
	return Policy{
		Organization:       i18n.Msg("policy.default.organization"),
		ReportTitle:        i18n.Msg("policy.default.report_title"),
		Languages:          []i18n.Lang{i18n.JA, i18n.EN},
		Classification:     i18n.Msg("policy.default.classification"),
		SLADays:            map[model.Priority]int{model.P1: 7, model.P2: 30, model.P3: 90, model.P4: 180},
		Horizons:           Horizons{EOLWarningDays: 180, StaleInventoryDays: 90, InspectionIntervalDays: 365, NotificationAckDays: 3, AcceptanceExpiryDays: 30, StaleScanDays: 35},
		Thresholds:         Thresholds{P1CVSS: 9.0, P2CVSS: 7.0, P2EPSS: 0.1, P3CVSS: 4.0},
		DueSoonDays:        14,
		FeedMaxAgeDays:     DefaultFeedMaxAgeDays(),
		MaxAcceptanceDays:  365,
		WholesaleThreshold: 20,
		AttackSigns:        DefaultAttackSigns(),
	}
}

// Decode reads a policy record over the defaults. Any error makes the
// policy invalid, which stops a build.
func Decode(rec source.Record, diags *source.Diagnostics) (Policy, bool) {
	p := Default()
	d := source.NewDecoder("policy", rec, diags)
	if t := d.Text("organization", false); !t.IsZero() {
		p.Organization = t
	}
	if t := d.Text("report_title", false); !t.IsZero() {
		p.ReportTitle = t
	}
	p.AsOf = d.Date("as_of", false)
	if langs := d.List("languages"); len(langs) > 0 {
		p.Languages = nil
		seen := map[i18n.Lang]bool{}
		for _, l := range langs {
			lang := i18n.Lang(strings.ToLower(l))
			if !lang.Valid() {
				d.Errorf("languages", "%q is not a supported language: expected ja or en", l)
				continue
			}
			if !seen[lang] {
				seen[lang] = true
				p.Languages = append(p.Languages, lang)
			}
		}
	}
	if t := d.Text("classification", false); !t.IsZero() {
		p.Classification = t
	}
	for _, pr := range model.Priorities {
		key := "sla_days." + pr.String()
		if d.Has(key) {
			p.SLADays[pr] = positive(d, key, p.SLADays[pr])
		}
	}
	h := &p.Horizons
	h.EOLWarningDays = positive(d, "horizons.eol_warning_days", h.EOLWarningDays)
	h.StaleInventoryDays = positive(d, "horizons.stale_inventory_days", h.StaleInventoryDays)
	h.InspectionIntervalDays = positive(d, "horizons.inspection_interval_days", h.InspectionIntervalDays)
	h.NotificationAckDays = positive(d, "horizons.notification_ack_days", h.NotificationAckDays)
	h.AcceptanceExpiryDays = positive(d, "horizons.acceptance_expiry_days", h.AcceptanceExpiryDays)
	h.StaleScanDays = positive(d, "horizons.stale_scan_days", h.StaleScanDays)
	t := &p.Thresholds
	t.P1CVSS = score(d, "thresholds.p1_cvss", t.P1CVSS, 10)
	t.P2CVSS = score(d, "thresholds.p2_cvss", t.P2CVSS, 10)
	t.P3CVSS = score(d, "thresholds.p3_cvss", t.P3CVSS, 10)
	t.P2EPSS = score(d, "thresholds.p2_epss", t.P2EPSS, 1)
	if !(t.P3CVSS <= t.P2CVSS && t.P2CVSS <= t.P1CVSS) && !d.Failed() {
		d.Errorf("thresholds", "CVSS thresholds must rise from P3 (%.1f) to P2 (%.1f) to P1 (%.1f)", t.P3CVSS, t.P2CVSS, t.P1CVSS)
	}
	p.Font = d.String("pdf.font", false)
	p.DueSoonDays = positive(d, "horizons.due_soon_days", p.DueSoonDays)
	for _, k := range FeedKinds {
		p.FeedMaxAgeDays[k] = positive(d, "feed_max_age_days."+k, p.FeedMaxAgeDays[k])
	}
	p.MaxAcceptanceDays = positive(d, "max_acceptance_days", p.MaxAcceptanceDays)
	p.WholesaleThreshold = positive(d, "wholesale_threshold", p.WholesaleThreshold)
	p.AttackSigns = decodeAttackSigns(d)
	ok := d.Finish()
	return p, ok
}

func positive(d *source.Decoder, key string, def int) int {
	if !d.Has(key) {
		return def
	}
	n := d.Int(key, def)
	if n == 0 {
		d.Errorf(key, "must be at least 1 day")
		return def
	}
	return n
}

func score(d *source.Decoder, key string, def, hi float64) float64 {
	if f, ok := d.Float(key, 0, hi); ok {
		return f
	}
	return def
}
