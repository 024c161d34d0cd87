package feedutil

import (
	"slices"
	"strings"

	"vulnreport/generator/internal/version"
	"vulnreport/generator/internal/version/scheme"
)

// CVE5Change is one entry of a CVE 5 version's changes list.
type CVE5Change struct {
	At     string `json:"at"`
	Status string `json:"status"`
}

// CVE5Version is one entry of a CVE 5 affected[].versions list (MyJVN's
// JSON uses the same shape, with a Japanese description).
type CVE5Version struct {
	Version         string       `json:"version"`
	Status          string       `json:"status"`
	LessThan        string       `json:"lessThan"`
	LessThanOrEqual string       `json:"lessThanOrEqual"`
	VersionType     string       `json:"versionType"`
	Changes         []CVE5Change `json:"changes"`
	Description     string       `json:"description"`
}

// noLower lists version texts that, below an upper bound, mean "from the
// first version": CVE 5 writes "0", "*", "-" or leaves it unspecified.
var noLower = map[string]bool{"": true, "0": true, "*": true, "-": true, "unspecified": true, "n/a": true}

// allVersions lists exact-version texts that mean every version.
var allVersions = map[string]bool{"*": true, "all": true, "all versions": true}

// CVE5Clauses converts one versions entry into range clauses, following
// the CVE 5 schema's semantics:
//
//   - status "unaffected" gives nothing (ok is true, no clauses): the
//     contract's ranges cannot subtract, so unaffected entries only
//     document fixed versions;
//   - status "affected" with no lessThan / lessThanOrEqual is one version:
//     "2.14.1" → "=2.14.1"; "*" or "all" → "*"; a release-line wildcard
//     "8.1.*" or "8.1.x" → ">=8.1 <8.2"; a version written with an
//     operator (">= 8.0.0") is read as that comparator;
//   - with an upper bound it is a range: {version: 2.0, lessThan: 2.15.0}
//     → ">=2.0 <2.15.0"; a lower bound of "0", "*", "-", "unspecified" or
//     "n/a" means no lower bound; an upper bound "*" means open-ended; a
//     wildcard bound uses its release line (lessThanOrEqual "6.1.*" →
//     "<6.2", a lower "8.0.x" → ">=8.0");
//   - changes split the range where the status flips: {version: 2.0-beta9,
//     changes: [2.3.1 unaffected, 2.4 affected, 2.15.0 unaffected]} →
//     ">=2.0-beta9 <2.3.1 || >=2.4 <2.15.0" (the upper bound is then only
//     used when the last change leaves the range affected);
//   - {version: X, lessThan: X}, empty as written, is read as "<X", which
//     is what its producers (CISA ADP among them) mean;
//   - status "unknown", and any value that is not a version ("n/a",
//     "unspecified", prose, git commits), make the entry free text: free
//     holds the original text so that it is never dropped.
func CVE5Clauses(v CVE5Version) (clauses []string, free string) {
	return CVE5ClausesIn(v, nil)
}

// CVE5ClausesIn is [CVE5Clauses] with the versions read in scheme sc as
// well (the entry's versionType, or the product's vendor scheme): a
// version that sc reads but the generic ordering does not ("15.2(4)M11"
// for cisco, "10.2.9-h1" is read by both) stays a version, and changes
// are ordered by sc. A nil sc is the generic ordering alone.
func CVE5ClausesIn(v CVE5Version, sc scheme.Scheme) (clauses []string, free string) {
	isVersion := func(s string) bool {
		if isVersion(s) {
			return true
		}
		if sc == nil || strings.ContainsAny(s, " \t|<>=,*") {
			// a range cannot hold white space or operators in a version
			return false
		}
		_, err := sc.Parse(s)
		return err == nil
	}
	compare := func(a, b string) int {
		if sc != nil {
			va, ea := sc.Parse(a)
			vb, eb := sc.Parse(b)
			if ea == nil && eb == nil {
				return va.Compare(vb)
			}
		}
		return version.Compare(a, b)
	}
	status := strings.ToLower(strings.TrimSpace(v.Status))
	switch status {
	case "unaffected":
		return nil, ""
	case "affected", "":
	default:
		return nil, DescribeCVE5(v)
	}
	lo := strings.TrimSpace(v.Version)
	up, upOp := strings.TrimSpace(v.LessThan), "<"
	if up == "" {
		up, upOp = strings.TrimSpace(v.LessThanOrEqual), "<="
	}
	if up == "" && len(v.Changes) == 0 {
		if c, ok := exactClause(lo, isVersion); ok {
			return []string{c}, ""
		}
		return nil, DescribeCVE5(v)
	}
	cur := ""
	if !noLower[strings.ToLower(lo)] {
		c, ok := lowerBound(lo, isVersion)
		if !ok {
			return nil, DescribeCVE5(v)
		}
		cur = c
	}
	changes := slices.Clone(v.Changes)
	for _, c := range changes {
		if !isVersion(c.At) {
			return nil, DescribeCVE5(v)
		}
	}
	slices.SortStableFunc(changes, func(a, b CVE5Change) int { return compare(a.At, b.At) })
	affected := true
	for _, c := range changes {
		switch st := strings.ToLower(strings.TrimSpace(c.Status)); {
		case affected && st == "unaffected":
			clauses = append(clauses, joinClause(cur, "<"+strings.TrimSpace(c.At)))
			affected = false
		case !affected && st == "affected":
			cur = ">=" + strings.TrimSpace(c.At)
			affected = true
		}
	}
	if affected {
		u, ok := upperBound(up, upOp, isVersion)
		if !ok {
			return nil, DescribeCVE5(v)
		}
		if upOp == "<" && cur == ">="+lo && len(changes) == 0 && compare(lo, up) == 0 {
			// {version: X, lessThan: X} is empty as written; producers
			// (CISA ADP among them) mean "before X".
			cur = ""
		}
		clauses = append(clauses, joinClause(cur, u))
	}
	return clauses, ""
}

// exactClause reads a version given without an upper bound.
func exactClause(s string, isVersion func(string) bool) (string, bool) {
	switch {
	case allVersions[strings.ToLower(s)]:
		return "*", true
	case isVersion(s):
		return "=" + s, true
	}
	if line, ok := wildcardLine(s); ok {
		return ">=" + line + " <" + nextLine(line), true
	}
	if strings.ContainsAny(s[:min(len(s), 1)], "<>=") {
		if r, err := version.ParseRange(s); err == nil && len(r.Clauses) == 1 {
			return r.String(), true
		}
	}
	return "", false
}

func lowerBound(s string, isVersion func(string) bool) (string, bool) {
	if isVersion(s) {
		return ">=" + s, true
	}
	if line, ok := wildcardLine(s); ok {
		return ">=" + line, true
	}
	return "", false
}

func upperBound(s, op string, isVersion func(string) bool) (string, bool) {
	switch {
	case s == "*" || s == "":
		return "", true
	case isVersion(s):
		return op + s, true
	}
	if line, ok := wildcardLine(s); ok {
		if op == "<=" {
			return "<" + nextLine(line), true
		}
		return "<" + line, true
	}
	return "", false
}

func joinClause(lower, upper string) string {
	switch {
	case lower == "" && upper == "":
		return "*"
	case lower == "":
		return upper
	case upper == "":
		return lower
	}
	return lower + " " + upper
}

// DescribeCVE5 writes a versions entry as readable text for free-text
// ranges: its description when it has one, else its fields.
func DescribeCVE5(v CVE5Version) string {
	if d := strings.TrimSpace(v.Description); d != "" {
		return d
	}
	var parts []string
	if v.Version != "" {
		parts = append(parts, "version "+v.Version)
	}
	if v.LessThan != "" {
		parts = append(parts, "lessThan "+v.LessThan)
	}
	if v.LessThanOrEqual != "" {
		parts = append(parts, "lessThanOrEqual "+v.LessThanOrEqual)
	}
	for _, c := range v.Changes {
		parts = append(parts, "from "+c.At+" "+c.Status)
	}
	if st := strings.ToLower(strings.TrimSpace(v.Status)); st != "affected" && st != "" {
		parts = append(parts, "status "+v.Status)
	}
	if len(parts) == 0 {
		return "(no version given)"
	}
	return strings.Join(parts, ", ")
}
