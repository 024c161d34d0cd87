package cvss

import (
	"errors"
	"fmt"
	"strings"
)

// metricDef describes one metric of a vector: its abbreviated name, the
// abbreviated values it may take, and whether it is a mandatory base
// metric.
type metricDef struct {
	name   string
	values []string
	base   bool
}

// allowed reports whether value is one of the metric's values.
func (m metricDef) allowed(value string) bool {
	for _, v := range m.values {
		if v == value {
			return true
		}
	}
	return false
}

// parseMetrics splits body ("AV:N/AC:L/...", without any "CVSS:x.y/"
// prefix) into metrics and checks each against defs. It returns the values
// indexed like defs, with "" for metrics that are absent.
//
// Components are checked left to right; the first empty or malformed
// component, unknown metric, duplicate metric or bad value is reported.
// Then every missing base metric is listed. An empty body has no
// components, so all base metrics are missing.
func parseMetrics(body string, defs []metricDef) ([]string, error) {
	var comps []string
	if body != "" {
		comps = strings.Split(body, "/")
	}
	values := make([]string, len(defs))
	for _, comp := range comps {
		if comp == "" {
			return nil, errors.New(`cvss: empty metric (stray "/")`)
		}
		name, value, ok := strings.Cut(comp, ":")
		if !ok || name == "" || value == "" {
			return nil, fmt.Errorf("cvss: malformed metric %q (want NAME:VALUE)", comp)
		}
		i := indexOf(defs, name)
		if i < 0 {
			return nil, fmt.Errorf("cvss: unknown metric %q", name)
		}
		if values[i] != "" {
			return nil, fmt.Errorf("cvss: duplicate metric %q", name)
		}
		if !defs[i].allowed(value) {
			return nil, fmt.Errorf("cvss: bad value %q (allowed values for %s: %s)",
				comp, name, strings.Join(defs[i].values, ", "))
		}
		values[i] = value
	}
	if err := missingBase(values, defs); err != nil {
		return nil, err
	}
	return values, nil
}

// missingBase returns an error listing the base metrics of defs that have
// no value, or nil if all are present.
func missingBase(values []string, defs []metricDef) error {
	var missing []string
	for i, d := range defs {
		if d.base && values[i] == "" {
			missing = append(missing, d.name)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("cvss: missing base metric(s) %s", strings.Join(missing, ", "))
	}
	return nil
}

// indexOf returns the index of the metric called name in defs, or -1.
func indexOf(defs []metricDef, name string) int {
	for i, d := range defs {
		if d.name == name {
			return i
		}
	}
	return -1
}
