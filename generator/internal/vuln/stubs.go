package vuln

import (
	"fmt"
	"strings"

	"vulnreport/generator/internal/advisory"
)

// countStubs counts the stubs among the members of one group.
func countStubs(advs []advisory.Advisory, members []int) int {
	n := 0
	for _, i := range members {
		if advs[i].Stub != nil {
			n++
		}
	}
	return n
}

// mixedGroup describes a group that joins stubs to advisories kept in
// full: the loader should have read the stubs again in full.
func mixedGroup(advs []advisory.Advisory, members []int) string {
	var stub, full []string
	for _, i := range members {
		if advs[i].Stub != nil {
			stub = append(stub, advs[i].ID)
		} else {
			full = append(full, advs[i].ID)
		}
	}
	return fmt.Sprintf("vuln: internal error: advisories %s, kept as ids only, merge with %s, kept in full: the merged vulnerability would lack their data",
		strings.Join(stub, ", "), strings.Join(full, ", "))
}

// WithoutStubIDs returns the KEV entries of un whose CVE id is not among
// the ids of the stubs in advs. Enrich lists the entries that no
// vulnerability carries; a vulnerability left out of Merge because all its
// advisories are stubs still carries its ids, so its entries are not
// unmatched.
func WithoutStubIDs(un []Unmatched, advs []advisory.Advisory) []Unmatched {
	if len(un) == 0 {
		return un
	}
	want := make(map[string]bool, len(un))
	for _, u := range un {
		want[strings.ToUpper(u.Entry.CVE)] = false
	}
	any := false
	for i := range advs {
		if advs[i].Stub == nil {
			continue
		}
		for _, id := range advs[i].IDs() {
			if seen, ok := want[strings.ToUpper(id)]; ok && !seen {
				want[strings.ToUpper(id)] = true
				any = true
			}
		}
	}
	if !any {
		return un
	}
	out := un[:0:0]
	for _, u := range un {
		if !want[strings.ToUpper(u.Entry.CVE)] {
			out = append(out, u)
		}
	}
	return out
}
