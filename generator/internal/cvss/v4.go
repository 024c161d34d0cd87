package cvss

import (
	"errors"
	"fmt"
	"strings"
)

// v4Metrics lists the CVSS v4.0 metrics (base, threat, environmental,
// supplemental) with their abbreviated values as defined in the v4.0
// specification, section 7; "X" is "Not Defined".
var v4Metrics = []metricDef{
	// Base.
	{name: "AV", values: []string{"N", "A", "L", "P"}, base: true},
	{name: "AC", values: []string{"L", "H"}, base: true},
	{name: "AT", values: []string{"N", "P"}, base: true},
	{name: "PR", values: []string{"N", "L", "H"}, base: true},
	{name: "UI", values: []string{"N", "P", "A"}, base: true},
	{name: "VC", values: []string{"H", "L", "N"}, base: true},
	{name: "VI", values: []string{"H", "L", "N"}, base: true},
	{name: "VA", values: []string{"H", "L", "N"}, base: true},
	{name: "SC", values: []string{"H", "L", "N"}, base: true},
	{name: "SI", values: []string{"H", "L", "N"}, base: true},
	{name: "SA", values: []string{"H", "L", "N"}, base: true},
	// Threat.
	{name: "E", values: []string{"X", "A", "P", "U"}},
	// Environmental.
	{name: "CR", values: []string{"X", "H", "M", "L"}},
	{name: "IR", values: []string{"X", "H", "M", "L"}},
	{name: "AR", values: []string{"X", "H", "M", "L"}},
	{name: "MAV", values: []string{"X", "N", "A", "L", "P"}},
	{name: "MAC", values: []string{"X", "L", "H"}},
	{name: "MAT", values: []string{"X", "N", "P"}},
	{name: "MPR", values: []string{"X", "N", "L", "H"}},
	{name: "MUI", values: []string{"X", "N", "P", "A"}},
	{name: "MVC", values: []string{"X", "H", "L", "N"}},
	{name: "MVI", values: []string{"X", "H", "L", "N"}},
	{name: "MVA", values: []string{"X", "H", "L", "N"}},
	{name: "MSC", values: []string{"X", "H", "L", "N"}},
	{name: "MSI", values: []string{"X", "S", "H", "L", "N"}},
	{name: "MSA", values: []string{"X", "S", "H", "L", "N"}},
	// Supplemental.
	{name: "S", values: []string{"X", "N", "P"}},
	{name: "AU", values: []string{"X", "N", "Y"}},
	{name: "R", values: []string{"X", "A", "U", "I"}},
	{name: "V", values: []string{"X", "D", "C"}},
	{name: "RE", values: []string{"X", "L", "M", "H"}},
	{name: "U", values: []string{"X", "Clear", "Green", "Amber", "Red"}},
}

// ValidateV4 checks a CVSS v4.0 vector such as
// "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N".
// The "CVSS:4.0/" prefix and the eleven base metrics (AV, AC, AT, PR, UI,
// VC, VI, VA, SC, SI, SA) are required; threat, environmental and
// supplemental metrics are optional and validated when present.
//
// The v4.0 specification prescribes an order for the metrics; like
// [ParseV3], ValidateV4 accepts any order, since it only validates and
// v4 scores are taken as given.
func ValidateV4(vector string) error {
	s := strings.TrimSpace(vector)
	rest, ok := strings.CutPrefix(s, "CVSS:")
	if !ok {
		return errors.New(`cvss: missing "CVSS:4.0/" prefix`)
	}
	version, body, _ := strings.Cut(rest, "/")
	if version != "4.0" {
		return fmt.Errorf("cvss: unsupported version %q in v4 vector (want 4.0)", version)
	}
	_, err := parseMetrics(body, v4Metrics)
	return err
}
