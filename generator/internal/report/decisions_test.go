package report

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
		if got := strings.Join(contractGaps(tc.s, asOf), " "); got != tc.want {
			t.Errorf("%s: gaps %q, want %q", tc.name, got, tc.want)
		}
	}
}
