package cvss

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// v2Metrics lists the CVSS v2.0 metrics (base, temporal, environmental)
// with their abbreviated values as defined in the v2 guide; "ND" is
// "Not Defined".
var v2Metrics = []metricDef{
	{name: "AV", values: []string{"L", "A", "N"}, base: true},
	{name: "AC", values: []string{"H", "M", "L"}, base: true},
	{name: "Au", values: []string{"M", "S", "N"}, base: true},
	{name: "C", values: []string{"N", "P", "C"}, base: true},
	{name: "I", values: []string{"N", "P", "C"}, base: true},
	{name: "A", values: []string{"N", "P", "C"}, base: true},
	{name: "E", values: []string{"U", "POC", "F", "H", "ND"}},
	{name: "RL", values: []string{"OF", "TF", "W", "U", "ND"}},
	{name: "RC", values: []string{"UC", "UR", "C", "ND"}},
	{name: "CDP", values: []string{"N", "L", "LM", "MH", "H", "ND"}},
	{name: "TD", values: []string{"N", "L", "M", "H", "ND"}},
	{name: "CR", values: []string{"L", "M", "H", "ND"}},
	{name: "IR", values: []string{"L", "M", "H", "ND"}},
	{name: "AR", values: []string{"L", "M", "H", "ND"}},
}

// ValidateV2 checks a CVSS v2.0 vector such as "AV:N/AC:L/Au:N/C:P/I:P/A:P".
// The vector may be wrapped in parentheses, as in some NVD feeds, and may
// carry a "CVSS:2.0/" prefix. The six base metrics are required, in any
// order; the temporal (E, RL, RC) and environmental (CDP, TD, CR, IR, AR)
// metrics are optional and validated when present. Scores of v2 advisories
// are taken as given; see [V2BaseScore] for a cross-check.
func ValidateV2(vector string) error {
	_, err := parseV2(vector)
	return err
}

// parseV2 validates a v2 vector and returns its metric values indexed like
// v2Metrics.
func parseV2(vector string) ([]string, error) {
	s := strings.TrimSpace(vector)
	if s == "" {
		return nil, errors.New("cvss: empty vector")
	}
	if strings.HasPrefix(s, "(") || strings.HasSuffix(s, ")") {
		inner, ok := strings.CutPrefix(s, "(")
		inner, ok2 := strings.CutSuffix(inner, ")")
		if !ok || !ok2 {
			return nil, errors.New("cvss: unbalanced parentheses around v2 vector")
		}
		s = inner
	}
	if rest, ok := strings.CutPrefix(s, "CVSS:"); ok {
		version, body, _ := strings.Cut(rest, "/")
		if version != "2.0" {
			return nil, fmt.Errorf("cvss: unsupported version %q in v2 vector (want no prefix or CVSS:2.0)", version)
		}
		s = body
	}
	return parseMetrics(s, v2Metrics)
}

// V2BaseScore validates a CVSS v2.0 vector (see [ValidateV2]) and computes
// its base score with the equations of the CVSS v2 guide, section 3.2.1:
//
//	Impact = 10.41 * (1 - (1-C) * (1-I) * (1-A))
//	Exploitability = 20 * AV * AC * Au
//	f(Impact) = 0 if Impact == 0, 1.176 otherwise
//	BaseScore = round_to_1_decimal(((0.6*Impact) + (0.4*Exploitability) - 1.5) * f(Impact))
//
// Temporal and environmental metrics do not affect the result.
func V2BaseScore(vector string) (float64, error) {
	values, err := parseV2(vector)
	if err != nil {
		return 0, err
	}
	// Base metrics are the first six entries of v2Metrics and are
	// guaranteed present and valid by parseV2.
	av := pick(values[0], "L", 0.395, "A", 0.646, "N", 1.0)
	ac := pick(values[1], "H", 0.35, "M", 0.61, "L", 0.71)
	au := pick(values[2], "M", 0.45, "S", 0.56, "N", 0.704)
	c := pick(values[3], "N", 0, "P", 0.275, "C", 0.660)
	i := pick(values[4], "N", 0, "P", 0.275, "C", 0.660)
	a := pick(values[5], "N", 0, "P", 0.275, "C", 0.660)

	impact := 10.41 * (1 - (1-c)*(1-i)*(1-a))
	exploitability := 20 * av * ac * au
	if impact == 0 {
		return 0, nil
	}
	score := ((0.6 * impact) + (0.4 * exploitability) - 1.5) * 1.176
	score = math.Round(score*10) / 10
	return math.Max(0, math.Min(score, 10)), nil
}

// pick returns the weight paired with value among three (value, weight)
// pairs, or 0 if value matches none of them.
func pick(value string, k1 string, w1 float64, k2 string, w2 float64, k3 string, w3 float64) float64 {
	switch value {
	case k1:
		return w1
	case k2:
		return w2
	case k3:
		return w3
	}
	return 0
}
