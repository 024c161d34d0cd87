package report

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"vulnreport/generator/internal/assess"
	"vulnreport/generator/internal/i18n"
)

// ScanState is one system's scanner results as of the date: this month's
// results with their age, or, for a system scanned in an earlier month
// and not this month, that it was not scanned — never shown as clean.
type ScanState struct {
	System string
	// Name is the system's name (its id when it has none).
	Name i18n.Text
	// Results are this month's result files, by path.
	Results []ScanResult
	// Stale is set when a result is older than the policy's
	// horizons.stale_scan_days, or has no scan time.
	Stale bool
	// NotScanned is set for a system with scanner results in an earlier
	// month (history) and none this month; LastScanned is that month.
	NotScanned  bool
	LastScanned time.Time
}

// ScanResult is one scanner result file.
type ScanResult struct {
	File string
	// Scanner names the scanner and its version ("Trivy 0.50.1").
	Scanner string
	// Scanned is the scan time, zero when the result has none.
	Scanned time.Time
	// AgeDays is AsOf − Scanned in days; Stale is set past MaxDays or
	// without a scan time.
	AgeDays, MaxDays int
	Stale            bool
}

// DefaultStaleScanDays is the age from which a scanner result is stale
// when the policy does not say (horizons.stale_scan_days).
const DefaultStaleScanDays = 35

// scanStates lists the systems of the register with scanner results this
// month, and those scanned in an earlier month but not this one, by id.
// A folder under scans/ for a system not in the register is left to the
// snapshot's warnings.
func scanStates(in Input) []ScanState {
	maxDays := in.Policy.Horizons.StaleScanDays
	if maxDays <= 0 {
		maxDays = DefaultStaleScanDays
	}
	known, active := map[string]bool{}, map[string]bool{}
	for _, s := range in.Systems {
		known[s.ID] = true
		active[s.ID] = s.Status != "retired"
	}
	by := map[string]*ScanState{}
	names := map[string]i18n.Text{}
	for _, s := range in.Systems {
		names[s.ID] = s.Name
		if s.Name.IsZero() {
			names[s.ID] = i18n.Plain(s.ID)
		}
	}
	get := func(id string) *ScanState {
		if by[id] == nil {
			by[id] = &ScanState{System: id, Name: names[id]}
		}
		return by[id]
	}
	for _, f := range in.Feeds {
		parts := strings.Split(f.Path, "/")
		if f.Kind != "scan" || len(parts) != 3 || parts[0] != "scans" || !known[parts[1]] {
			continue
		}
		res := ScanResult{File: f.Path, Scanner: f.Version, MaxDays: maxDays, Stale: true}
		if t, err := time.Parse(time.RFC3339, f.Date); err == nil {
			res.Scanned = t
			res.AgeDays, res.Stale = assess.Staleness(t, in.AsOf, maxDays)
		}
		st := get(parts[1])
		st.Results = append(st.Results, res)
		st.Stale = st.Stale || res.Stale
	}
	for _, m := range in.History {
		for _, sc := range m.Files.Scans {
			// a retired system is not expected to be scanned
			if !active[sc.System] || by[sc.System] != nil && len(by[sc.System].Results) > 0 {
				continue
			}
			st := get(sc.System)
			st.NotScanned = true
			if m.Date.After(st.LastScanned) {
				st.LastScanned = m.Date
			}
		}
	}
	out := make([]ScanState, 0, len(by))
	for _, st := range by {
		slices.SortFunc(st.Results, func(a, b ScanResult) int { return cmp.Compare(a.File, b.File) })
		out = append(out, *st)
	}
	slices.SortFunc(out, func(a, b ScanState) int { return cmp.Compare(a.System, b.System) })
	return out
}

// ScanAlerts returns the systems not scanned this month and those with
// stale scanner results, for the first page and the dashboard.
func (r *Report) ScanAlerts() (notScanned, stale []ScanState) {
	for _, s := range r.Scans {
		switch {
		case s.NotScanned:
			notScanned = append(notScanned, s)
		case s.Stale:
			stale = append(stale, s)
		}
	}
	return notScanned, stale
}

// ScanAlert is the sentence the first page and the dashboard show about
// scanner results: the systems not scanned this month (scanned before,
// never shown as clean) and those whose results are stale; "" when all
// is well.
func (r *Report) ScanAlert(lang i18n.Lang) string {
	notScanned, stale := r.ScanAlerts()
	sep := i18n.T(lang, "pdf.list_sep")
	var parts []string
	if len(notScanned) > 0 {
		var names []string
		for _, s := range notScanned {
			names = append(names, i18n.Tf(lang, "scan.alert.item_last", s.Name.Get(lang), s.LastScanned.Format(time.DateOnly)))
		}
		parts = append(parts, i18n.Tf(lang, "scan.alert.not_scanned", strings.Join(names, sep)))
	}
	if len(stale) > 0 {
		var names []string
		days := DefaultStaleScanDays
		for _, s := range stale {
			oldest := -1
			for _, res := range s.Results {
				days = res.MaxDays
				if res.Stale && (res.Scanned.IsZero() || res.AgeDays > oldest) {
					oldest = res.AgeDays
					if res.Scanned.IsZero() {
						oldest = 1 << 30
					}
				}
			}
			age := i18n.T(lang, "scan.alert.undated")
			if oldest < 1<<30 {
				age = i18n.Tf(lang, "scan.alert.age", strconv.Itoa(oldest))
			}
			names = append(names, i18n.Tf(lang, "scan.alert.item_age", s.Name.Get(lang), age))
		}
		parts = append(parts, i18n.Tf(lang, "scan.alert.stale", strconv.Itoa(days), strings.Join(names, sep)))
	}
	return strings.Join(parts, i18n.T(lang, "pdf.sep"))
}
