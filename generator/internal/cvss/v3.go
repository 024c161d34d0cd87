package cvss

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// V3 is a parsed CVSS v3.0 or v3.1 vector. Each metric holds its
// abbreviated value letter as written in the vector (for example 'N' for
// AV:N). Base metrics are always set by [ParseV3]; temporal and
// environmental metrics are 0 when absent from the vector and keep 'X'
// when given explicitly as "Not Defined". Only the base metrics affect
// [V3.BaseScore].
//
// V3 is comparable: two vectors with the same metrics compare equal
// regardless of the order in which the metrics were written.
type V3 struct {
	// Version is "3.0" or "3.1".
	Version string

	// Base metrics.
	AV, AC, PR, UI, S, C, I, A byte

	// Temporal metrics (optional).
	E, RL, RC byte

	// Environmental metrics (optional).
	CR, IR, AR, MAV, MAC, MPR, MUI, MS, MC, MI, MA byte
}

// v3Metrics lists the v3 metrics in the order of the specification's
// vector string table; [V3.String] emits them in this order.
var v3Metrics = []metricDef{
	{name: "AV", values: []string{"N", "A", "L", "P"}, base: true},
	{name: "AC", values: []string{"L", "H"}, base: true},
	{name: "PR", values: []string{"N", "L", "H"}, base: true},
	{name: "UI", values: []string{"N", "R"}, base: true},
	{name: "S", values: []string{"U", "C"}, base: true},
	{name: "C", values: []string{"H", "L", "N"}, base: true},
	{name: "I", values: []string{"H", "L", "N"}, base: true},
	{name: "A", values: []string{"H", "L", "N"}, base: true},
	{name: "E", values: []string{"X", "H", "F", "P", "U"}},
	{name: "RL", values: []string{"X", "U", "W", "T", "O"}},
	{name: "RC", values: []string{"X", "C", "R", "U"}},
	{name: "CR", values: []string{"X", "H", "M", "L"}},
	{name: "IR", values: []string{"X", "H", "M", "L"}},
	{name: "AR", values: []string{"X", "H", "M", "L"}},
	{name: "MAV", values: []string{"X", "N", "A", "L", "P"}},
	{name: "MAC", values: []string{"X", "L", "H"}},
	{name: "MPR", values: []string{"X", "N", "L", "H"}},
	{name: "MUI", values: []string{"X", "N", "R"}},
	{name: "MS", values: []string{"X", "U", "C"}},
	{name: "MC", values: []string{"X", "H", "L", "N"}},
	{name: "MI", values: []string{"X", "H", "L", "N"}},
	{name: "MA", values: []string{"X", "H", "L", "N"}},
}

// fields returns pointers to v's metric fields, in the order of v3Metrics.
func (v *V3) fields() []*byte {
	return []*byte{
		&v.AV, &v.AC, &v.PR, &v.UI, &v.S, &v.C, &v.I, &v.A,
		&v.E, &v.RL, &v.RC,
		&v.CR, &v.IR, &v.AR, &v.MAV, &v.MAC, &v.MPR, &v.MUI, &v.MS, &v.MC, &v.MI, &v.MA,
	}
}

// ParseV3 parses a CVSS v3.0 or v3.1 vector such as
// "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H". The "CVSS:3.0/" or
// "CVSS:3.1/" prefix is required; the eight base metrics are required and
// may appear in any order, optionally mixed with temporal (E, RL, RC) and
// environmental (CR, IR, AR, MAV, MAC, MPR, MUI, MS, MC, MI, MA) metrics,
// whose values are validated too.
func ParseV3(vector string) (V3, error) {
	s := strings.TrimSpace(vector)
	rest, ok := strings.CutPrefix(s, "CVSS:")
	if !ok {
		return V3{}, errors.New(`cvss: missing "CVSS:3.0/" or "CVSS:3.1/" prefix`)
	}
	version, body, _ := strings.Cut(rest, "/")
	if version != "3.0" && version != "3.1" {
		return V3{}, fmt.Errorf("cvss: unsupported version %q in v3 vector (want 3.0 or 3.1)", version)
	}
	values, err := parseMetrics(body, v3Metrics)
	if err != nil {
		return V3{}, err
	}
	v := V3{Version: version}
	for i, f := range v.fields() {
		if values[i] != "" {
			*f = values[i][0] // all v3 values are single letters
		}
	}
	return v, nil
}

// String returns the canonical vector: the "CVSS:<version>/" prefix
// followed by the metrics that are set, in specification order. For a V3
// returned by [ParseV3], ParseV3(v.String()) yields v again.
func (v V3) String() string {
	var b strings.Builder
	b.WriteString("CVSS:")
	b.WriteString(v.Version)
	for i, f := range v.fields() {
		if *f == 0 {
			continue
		}
		b.WriteByte('/')
		b.WriteString(v3Metrics[i].name)
		b.WriteByte(':')
		b.WriteByte(*f)
	}
	return b.String()
}

// BaseScore computes the base score with the formula of the FIRST CVSS
// v3.1 specification (section 7.1; the v3.0 base formula is identical).
// The final rounding uses the v3.1 integer Roundup for "3.1" vectors and
// the v3.0 ceiling for "3.0" vectors; see the package documentation.
//
// The result is the float64 nearest to a one-decimal number in [0, 10],
// so it compares exactly (==) with a score parsed from text such as "9.8".
// If a base metric holds an invalid letter (possible only for a V3 not
// built by ParseV3), BaseScore returns 0.
func (v V3) BaseScore() float64 {
	changed := v.S == 'C'
	if !changed && v.S != 'U' {
		return 0
	}
	av, ok1 := weightAV(v.AV)
	ac, ok2 := weightAC(v.AC)
	pr, ok3 := weightPR(v.PR, changed)
	ui, ok4 := weightUI(v.UI)
	c, ok5 := weightCIA(v.C)
	i, ok6 := weightCIA(v.I)
	a, ok7 := weightCIA(v.A)
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6 && ok7) {
		return 0
	}

	iss := 1 - ((1 - c) * (1 - i) * (1 - a))
	var impact float64
	if changed {
		impact = 7.52*(iss-0.029) - 3.25*math.Pow(iss-0.02, 15)
	} else {
		impact = 6.42 * iss
	}
	if impact <= 0 {
		return 0
	}
	exploitability := 8.22 * av * ac * pr * ui
	total := impact + exploitability
	if changed {
		total *= 1.08
	}
	total = math.Min(total, 10)
	if v.Version == "3.0" {
		return roundup30(total)
	}
	return roundup31(total)
}

// roundup31 is the CVSS v3.1 Roundup function (specification appendix A),
// which works on integers to avoid floating-point artefacts.
func roundup31(x float64) float64 {
	n := int64(math.Round(x * 100000))
	if n%10000 == 0 {
		return float64(n) / 100000
	}
	return float64(n/10000+1) / 10
}

// roundup30 is the CVSS v3.0 round up: the smallest one-decimal number
// equal to or higher than x, computed in floating point.
func roundup30(x float64) float64 {
	return math.Ceil(x*10) / 10
}

func weightAV(b byte) (float64, bool) {
	switch b {
	case 'N':
		return 0.85, true
	case 'A':
		return 0.62, true
	case 'L':
		return 0.55, true
	case 'P':
		return 0.2, true
	}
	return 0, false
}

func weightAC(b byte) (float64, bool) {
	switch b {
	case 'L':
		return 0.77, true
	case 'H':
		return 0.44, true
	}
	return 0, false
}

// weightPR returns the Privileges Required weight, which for L and H is
// higher when the scope is changed.
func weightPR(b byte, changed bool) (float64, bool) {
	switch b {
	case 'N':
		return 0.85, true
	case 'L':
		if changed {
			return 0.68, true
		}
		return 0.62, true
	case 'H':
		if changed {
			return 0.5, true
		}
		return 0.27, true
	}
	return 0, false
}

func weightUI(b byte) (float64, bool) {
	switch b {
	case 'N':
		return 0.85, true
	case 'R':
		return 0.62, true
	}
	return 0, false
}

func weightCIA(b byte) (float64, bool) {
	switch b {
	case 'H':
		return 0.56, true
	case 'L':
		return 0.22, true
	case 'N':
		return 0, true
	}
	return 0, false
}
