package attack

import (
	"slices"
	"strconv"
	"strings"
)

// Finding is an open finding of a system, as correlation needs it.
type Finding struct {
	// Key is the finding's key in findings.json.
	Key string
	// Advisory is the primary advisory id; IDs every id (CVE, JVNDB …).
	Advisory string
	IDs      []string
	// CWE lists the weaknesses the advisory names (NVD, CVE 5, JVN).
	CWE []string
}

// Correlation is an open finding whose weakness the signs target.
type Correlation struct {
	Key      string   `json:"key"`
	Advisory string   `json:"advisory"`
	Category Category `json:"category"`
	Requests int      `json:"requests"`
	// By says why: "cwe:CWE-89" or "rule:944150".
	By string `json:"by"`
}

// cweCategory maps a weakness to the category of attack that exploits it.
var cweCategory = map[string]Category{
	"CWE-89": SQLi, "CWE-564": SQLi, "CWE-943": SQLi,
	"CWE-79": XSS, "CWE-80": XSS, "CWE-83": XSS, "CWE-87": XSS,
	"CWE-22": Traversal, "CWE-23": Traversal, "CWE-24": Traversal, "CWE-35": Traversal, "CWE-36": Traversal, "CWE-73": Traversal,
	"CWE-78": OSCommand, "CWE-77": OSCommand, "CWE-88": OSCommand,
	"CWE-917": Java, "CWE-502": Java,
	"CWE-98": PHP,
}

// ruleCVE maps CRS rules written for one vulnerability to it.
var ruleCVE = map[int][]string{
	944150: {"CVE-2021-44228", "CVE-2021-45046"}, // Log4Shell
	944151: {"CVE-2021-44228", "CVE-2021-45046"},
	944152: {"CVE-2021-44228", "CVE-2021-45046"},
}

// CWECategory returns the category of attack a weakness invites, if any.
func CWECategory(cwe string) (Category, bool) {
	c, ok := cweCategory[strings.ToUpper(strings.TrimSpace(cwe))]
	return c, ok
}

// Correlate puts the system's signs beside its open findings: a finding
// is correlated when a sign's category matches its weakness, or when a
// rule written for its vulnerability fired. Each finding is listed once,
// with the strongest reason (a named rule before a weakness).
func Correlate(s *SystemSigns, findings []Finding) {
	by := map[Category]Sign{}
	for _, sg := range s.Signs {
		by[sg.Category] = sg
	}
	for _, f := range findings {
		var best *Correlation
		for id, cves := range ruleCVE {
			n := s.ruleHits[id]
			if n == 0 {
				continue
			}
			for _, cve := range cves {
				if slices.ContainsFunc(append([]string{f.Advisory}, f.IDs...), func(x string) bool { return strings.EqualFold(x, cve) }) {
					if best == nil || !strings.HasPrefix(best.By, "rule:") || n > best.Requests {
						best = &Correlation{Key: f.Key, Advisory: f.Advisory, Category: Java, Requests: n, By: "rule:" + strconv.Itoa(id)}
					}
				}
			}
		}
		if best == nil {
			for _, cwe := range f.CWE {
				c, ok := CWECategory(cwe)
				if sg, seen := by[c]; ok && seen && (best == nil || sg.Requests > best.Requests) {
					best = &Correlation{Key: f.Key, Advisory: f.Advisory, Category: c, Requests: sg.Requests, By: "cwe:" + strings.ToUpper(cwe)}
				}
			}
		}
		if best != nil {
			s.Correlated = append(s.Correlated, *best)
		}
	}
	slices.SortFunc(s.Correlated, func(a, b Correlation) int {
		if a.Requests != b.Requests {
			return b.Requests - a.Requests
		}
		return strings.Compare(a.Key, b.Key)
	})
	if s.Correlated == nil {
		s.Correlated = []Correlation{}
	}
}
