package assess

import (
	"strings"
	"testing"
	"time"

	"vulnreport/generator/internal/inventory"
)

func TestContractGaps(t *testing.T) {
	yes, no := true, false
	asOf := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		s    inventory.System
		want string
	}{
		{"no contractor, no gaps", inventory.System{Status: "active"}, ""},
		{"all clauses", inventory.System{Status: "active", Contractor: "ABC", Contract: inventory.Contract{
			MaintenanceUntil: asOf.AddDate(1, 0, 0), KnownVulnFixFree: &yes, InspectionIncluded: &yes, EmergencyCostsAgreed: &yes, PostDeliveryFixes: "paid"}}, ""},
		{"expired and missing", inventory.System{Status: "active", Contractor: "ABC", Contract: inventory.Contract{
			MaintenanceUntil: asOf.AddDate(0, -1, 0), KnownVulnFixFree: &no, PostDeliveryFixes: "none"}},
			"maintenance_expired post_delivery_fixes known_vuln_fix_free inspection_included emergency_costs_agreed"},
		{"retired systems are not judged", inventory.System{Status: "retired", Contractor: "ABC"}, ""},
	}
	for _, tc := range cases {
		if got := strings.Join(ContractGaps(tc.s, asOf), " "); got != tc.want {
			t.Errorf("%s: gaps %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestStaleAndInspection(t *testing.T) {
	asOf := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	ago := func(d int) time.Time { return asOf.AddDate(0, 0, -d) }
	for _, tc := range []struct {
		name              string
		s                 inventory.System
		stale, inspection bool
	}{
		{"never confirmed, never inspected website", inventory.System{Status: "active", Category: inventory.Website}, true, true},
		{"confirmed on the horizon is current", inventory.System{Status: "active", InventoryUpdated: ago(90), LastInspection: ago(365), Category: inventory.Website}, false, false},
		{"a day past the horizon", inventory.System{Status: "active", InventoryUpdated: ago(91), LastInspection: ago(366), Category: inventory.Website}, true, true},
		{"only websites are due an inspection", inventory.System{Status: "active", InventoryUpdated: ago(1), Category: "business"}, false, false},
		{"retired systems are not judged", inventory.System{Status: "retired", Category: inventory.Website}, false, false},
	} {
		if got := StaleInventory(tc.s, asOf, 90); got != tc.stale {
			t.Errorf("%s: stale %v, want %v", tc.name, got, tc.stale)
		}
		if got := InspectionDue(tc.s, asOf, 365); got != tc.inspection {
			t.Errorf("%s: inspection due %v, want %v", tc.name, got, tc.inspection)
		}
	}
}

func TestAcknowledgement(t *testing.T) {
	asOf := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	recv := asOf.AddDate(0, 0, -10)
	for _, tc := range []struct {
		name  string
		acked time.Time
		days  int
		late  bool
	}{
		{"still waiting: counted to the as-of date", time.Time{}, 10, true},
		{"acknowledged on the limit", recv.AddDate(0, 0, 3), 3, false},
		{"acknowledged a day after the limit", recv.AddDate(0, 0, 4), 4, true},
	} {
		days, late := Acknowledgement(recv, tc.acked, asOf, 3)
		if days != tc.days || late != tc.late {
			t.Errorf("%s: %d days late %v, want %d %v", tc.name, days, late, tc.days, tc.late)
		}
	}
}

func TestAcceptanceExpiry(t *testing.T) {
	asOf := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name              string
		expires           time.Time
		expired, expiring bool
	}{
		{"no expiry date", time.Time{}, false, false},
		{"expires on the as-of date: expired", asOf, true, false},
		{"expired yesterday", asOf.AddDate(0, 0, -1), true, false},
		{"expires within the window", asOf.AddDate(0, 0, 30), false, true},
		{"expires after the window", asOf.AddDate(0, 0, 31), false, false},
	} {
		expired, expiring := AcceptanceExpiry(tc.expires, asOf, 30)
		if expired != tc.expired || expiring != tc.expiring {
			t.Errorf("%s: expired %v expiring %v, want %v %v", tc.name, expired, expiring, tc.expired, tc.expiring)
		}
	}
}
