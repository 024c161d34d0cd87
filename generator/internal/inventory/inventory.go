// Package inventory holds the organisation's systems, the software
// components installed on them and their change history, decoded from the
// snapshot's records with every problem reported by position.
package inventory

import (
	"time"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/source"
)

// Category values of a system (the guide's three kinds, plus other).
const (
	Website  = "website"
	Internal = "internal"
	Client   = "client"
	Other    = "other"
)

// Exposure values.
const (
	Internet = "internet"
	Intranet = "intranet"
	Isolated = "isolated"
)

// Data classes a system may hold.
const (
	Personal  = "personal"
	Entrusted = "entrusted"
	Business  = "business"
)

// Categories, Exposures, DataClasses, Criticalities and PostDeliveryFixes
// list each enum's values in display order.
var (
	Categories        = []string{Website, Internal, Client, Other}
	Exposures         = []string{Internet, Intranet, Isolated}
	DataClasses       = []string{Personal, Entrusted, Business}
	Criticalities     = []string{"high", "medium", "low"}
	PostDeliveryFixes = []string{"paid", "included", "none"}
	Statuses          = []string{"active", "retired"}
)

// Contract is the outsourcing contract's clauses that the guide asks for.
type Contract struct {
	MaintenanceUntil     time.Time `json:"maintenance_until,omitzero"`
	KnownVulnFixFree     *bool     `json:"known_vuln_fix_free,omitempty"`
	InspectionIncluded   *bool     `json:"inspection_included,omitempty"`
	EmergencyCostsAgreed *bool     `json:"emergency_costs_agreed,omitempty"`
	PostDeliveryFixes    string    `json:"post_delivery_fixes,omitempty"`
}

// IsZero reports whether no clause was given.
func (c Contract) IsZero() bool {
	return c.MaintenanceUntil.IsZero() && c.KnownVulnFixFree == nil && c.InspectionIncluded == nil &&
		c.EmergencyCostsAgreed == nil && c.PostDeliveryFixes == ""
}

// System is one information system of the organisation.
type System struct {
	ID                 string
	Name               i18n.Text
	Category           string
	Exposure           string
	Data               []string
	Criticality        string
	Owner              string
	Contact            string
	Hosts              int
	Contractor         string
	Contract           Contract
	LastInspection     time.Time
	InventoryUpdated   time.Time
	ReplacementPlanned time.Time
	Status             string
	Tags               []string
	Pos                source.Pos
}

// Holds reports whether the system holds data class c.
func (s System) Holds(c string) bool {
	for _, d := range s.Data {
		if d == c {
			return true
		}
	}
	return false
}

// Change is a change-history record: a patch applied or an upgrade.
type Change struct {
	ID          string
	System      string
	Product     string
	FromVersion string
	ToVersion   string
	Date        time.Time
	Ticket      string
	Notes       string
	Pos         source.Pos
}
