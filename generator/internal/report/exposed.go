package report

import (
	"time"

	"vulnreport/generator/internal/attack"
	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/source"
)

// The names below are the report model's for types and values it carries
// from the input side, so that a renderer reads the model without
// importing the input side itself (the rule generator/arch_test.go keeps).

// FeedInfo is a public feed as read: its kind, file, own version and date
// and record count (Sources.Feeds).
type FeedInfo = feed.Info

// FileStat is an input file with its SHA-256 and record counts
// (Sources.Inputs, Quality).
type FileStat = source.FileStat

// Rejection is a record rejected while loading, with its position and
// reason (Quality).
type Rejection = source.Rejection

// AttackCategory is the guide's category of a sign of attack
// (Attacks); its label is i18n key "attack.category.<value>".
type AttackCategory = attack.Category

// SystemSigns is one system's signs of attack and the open findings they
// target (Attacks).
type SystemSigns = attack.SystemSigns

// ExposureInternet is the exposure of a system reachable from the Internet.
const ExposureInternet = inventory.Internet

// Categories returns the system categories in display order.
func Categories() []string { return inventory.Categories }

// Exposures returns the system exposures in display order.
func Exposures() []string { return inventory.Exposures }

// AttackSignsSchema names the format of attack-signs.json.
const AttackSignsSchema = attack.Schema

// EncodeAttackSigns writes attack-signs.json, the month's signs of attack
// per system (Attacks), deterministically.
func EncodeAttackSigns(asOf time.Time, systems []SystemSigns) ([]byte, error) {
	return attack.Encode(asOf, systems)
}
