package osv

import (
	"strings"
)

// rangeResult is what the events of one affected package say.
type rangeResult struct {
	clauses []string
	fixed   []string
	// free holds what could not be written as a range.
	free []string
}

// badVersion reports whether s cannot stand as one version in the
// project's range syntax (white space, operators, "||").
func badVersion(s string) bool {
	return s == "" || strings.ContainsAny(s, " \t\r\n<>=|,")
}

// events turns the events of one ECOSYSTEM or SEMVER range into range
// clauses, in the order OSV lists them (the schema asks producers to sort
// them): an introduced version opens an interval (>=X; "0" means from the
// first version), fixed closes it (<Y), last_affected closes it
// inclusively (<=Y), and an interval still open at the end runs to every
// later version, capped by a limit event when there is one (<L). A fixed
// or last_affected with no interval open closes one that starts at the
// first version.
func events(evs []event, res *rangeResult) {
	var cur string
	open, any := false, false
	var limit string
	closeWith := func(upper string) {
		res.clauses = append(res.clauses, join(cur, upper))
		open, cur = false, ""
	}
	for _, e := range evs {
		switch {
		case e.Introduced != "":
			v := strings.TrimSpace(e.Introduced)
			if badVersion(v) {
				res.free = append(res.free, "introduced "+v)
				return
			}
			if open {
				// two introduced in a row: the first interval is open-ended
				closeWith("")
			}
			open, any = true, true
			cur = ""
			if v != "0" {
				cur = ">=" + v
			}
		case e.Fixed != "":
			v := strings.TrimSpace(e.Fixed)
			if badVersion(v) {
				res.free = append(res.free, "fixed "+v)
				return
			}
			res.fixed = append(res.fixed, v)
			closeWith("<" + v)
			any = true
		case e.LastAffected != "":
			v := strings.TrimSpace(e.LastAffected)
			if badVersion(v) {
				res.free = append(res.free, "last_affected "+v)
				return
			}
			closeWith("<=" + v)
			any = true
		case e.Limit != "":
			v := strings.TrimSpace(e.Limit)
			if v != "*" && !badVersion(v) {
				limit = v
			}
		}
	}
	if open {
		u := ""
		if limit != "" {
			u = "<" + limit
		}
		closeWith(u)
	}
	if !any {
		res.free = append(res.free, "a range with no events")
	}
}

func join(lower, upper string) string {
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
