package assess

import (
	"time"

	"vulnreport/generator/internal/inventory"
)

// The judgments below are made as of a date against the policy's
// horizons; report assembles their results and renderers print them.

// day is one calendar day as a duration.
const day = 24 * time.Hour

// StaleInventory reports whether an active system's inventory was not
// confirmed within the last days (never confirmed counts as stale).
func StaleInventory(s inventory.System, asOf time.Time, days int) bool {
	return s.Status == "active" && (s.InventoryUpdated.IsZero() || asOf.Sub(s.InventoryUpdated) > time.Duration(days)*day)
}

// InspectionDue reports whether an active website was not inspected within
// the last days (never inspected counts as due).
func InspectionDue(s inventory.System, asOf time.Time, days int) bool {
	return s.Status == "active" && s.Category == inventory.Website &&
		(s.LastInspection.IsZero() || asOf.Sub(s.LastInspection) > time.Duration(days)*day)
}

// Contract gap codes, in the guide's order.
const (
	GapMaintenanceExpired = "maintenance_expired"
	GapPostDelivery       = "post_delivery_fixes"
	GapKnownVulnFree      = "known_vuln_fix_free"
	GapInspection         = "inspection_included"
	GapEmergency          = "emergency_costs_agreed"
)

// ContractGaps lists the guide's contract clauses an active, contracted
// system's contract leaves out or that expired by asOf; an unanswered
// clause is a gap. Systems without a contractor have none.
func ContractGaps(s inventory.System, asOf time.Time) []string {
	if s.Contractor == "" || s.Status != "active" {
		return nil
	}
	c := s.Contract
	var gaps []string
	if !c.MaintenanceUntil.IsZero() && c.MaintenanceUntil.Before(asOf) {
		gaps = append(gaps, GapMaintenanceExpired)
	}
	if c.PostDeliveryFixes == "" || c.PostDeliveryFixes == "none" {
		gaps = append(gaps, GapPostDelivery)
	}
	if c.KnownVulnFixFree == nil || !*c.KnownVulnFixFree {
		gaps = append(gaps, GapKnownVulnFree)
	}
	if c.InspectionIncluded == nil || !*c.InspectionIncluded {
		gaps = append(gaps, GapInspection)
	}
	if c.EmergencyCostsAgreed == nil || !*c.EmergencyCostsAgreed {
		gaps = append(gaps, GapEmergency)
	}
	return gaps
}

// Acknowledgement returns the whole days an outside report waited for its
// acknowledgement (to asOf while it waits) and whether that exceeds the
// limit in days.
func Acknowledgement(received, acknowledged, asOf time.Time, limit int) (days int, late bool) {
	end := acknowledged
	if end.IsZero() {
		end = asOf
	}
	days = int(end.Sub(received).Hours() / 24)
	return days, days > limit
}

// AcceptanceExpiry says whether a risk acceptance with the expiry date has
// expired by asOf, or expires within the window in days. An acceptance
// without an expiry date does neither.
func AcceptanceExpiry(expires, asOf time.Time, window int) (expired, expiringSoon bool) {
	if expires.IsZero() {
		return false, false
	}
	expired = !asOf.Before(expires)
	return expired, !expired && expires.Sub(asOf) <= time.Duration(window)*day
}
