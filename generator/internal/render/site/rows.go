package site

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/report"
)

// row is one finding as the findings tables show it, with every label
// already in the page's language so the row template only prints fields.
type row struct {
	Prio                       model.Priority
	PrioClass, PrioLabel       string
	Rank                       int
	Reasons                    string
	System, SysName            string
	SysHref                    relLink
	Product, Version           string
	IDs                        []string
	AdvHref                    relLink
	EOL                        string
	CVSS, CVSSSort             string
	HasCVSS                    bool
	KEV, Exploited, Ransomware bool
	EPSS, EPSSSort             string
	Stage                      int
	StageLabel                 string
	Due, DueNote               string
	Overdue                    bool
	State, StateLabel          string
	Kind, KindLabel            string
	// Anchor is the id of the row on its system's page ("f<n>"), where
	// FullHref links from the other lists; both "" without a system page.
	Anchor   string
	FullHref relLink
}

// stageOrder lists the stages: none, the guide's four steps, and done.
var stageOrder = []string{"", "investigate", "assess", "plan", "implement", "done"}

// stageNumber is the position of a stage in stageOrder, 0 for a stage it
// does not know.
func stageNumber(stage string) int {
	for i, s := range stageOrder {
		if s == stage {
			return i
		}
	}
	return 0
}

// makeRow builds the row of finding i for a page at depth (folders below
// its language's root), in the language of lb.
func (ix *index) makeRow(i int32, lb *labels, depth int) row {
	f := ix.r.Findings.At(int(i))
	rw := row{Prio: f.Priority, PrioClass: prioClass(f.Priority), PrioLabel: lb.prio(f.Priority),
		Rank: f.PriorityRank(), System: f.System, SysName: f.System, Product: f.ProductName, Version: f.Version,
		KEV: f.KEV, Exploited: f.Exploited, Ransomware: f.Ransomware, Stage: stageNumber(string(f.Stage)),
		StageLabel: lb.get(lb.stage, string(f.Stage), "stage."), Due: ix.date(f.Due), Overdue: f.Overdue, State: string(f.State),
		StateLabel: lb.get(lb.state, string(f.State), "state."), Kind: string(f.Kind), KindLabel: lb.get(lb.kind, string(f.Kind), "kind.")}
	if rw.Product == "" {
		rw.Product = f.Product
	}
	switch len(f.Reasons) {
	case 0:
	case 1:
		rw.Reasons = f.Reasons[0].Text.Get(lb.lang)
	default:
		var sb strings.Builder
		for j, r := range f.Reasons {
			if j > 0 {
				sb.WriteString(" + ")
			}
			sb.WriteString(r.Text.Get(lb.lang))
		}
		rw.Reasons = sb.String()
	}
	if s := ix.sysOf(i); s != nil {
		rw.SysName = s.s.Name.Get(lb.lang)
		rw.SysHref = s.href(depth)
		if path := ix.fullPath(i); path != "" {
			rw.Anchor = string(ix.rowAnchor(nil, i))
			rw.FullHref = relLinkTo(depth, path+"#"+rw.Anchor)
		}
	}
	if f.Kind == model.KindEOL {
		rw.EOL = ix.date(f.EOL)
	} else {
		rw.IDs = ix.orderedIDs(i)
		rw.AdvHref = ix.advHref(i, depth)
	}
	rw.CVSS, rw.CVSSSort, rw.HasCVSS = lb.nodata, "-1", f.HasCVSS
	if f.HasCVSS {
		rw.CVSSSort, rw.CVSS = cvssStrings(f.CVSS, f.CVSSVersion)
	}
	rw.EPSS, rw.EPSSSort = "-", "-1"
	if f.HasEPSS {
		rw.EPSS = strconv.FormatFloat(f.EPSS*100, 'f', 1, 64) + "%"
		rw.EPSSSort = strconv.FormatFloat(f.EPSS, 'f', 5, 64)
	}
	if f.DueSource != "" && f.DueSource != "sla" {
		rw.DueNote = lb.get(lb.dueSource, f.DueSource, "due_source.")
	}
	return rw
}

// orderIDs lists a vulnerability's ids JVN first, then CVE, then the rest,
// each once, so that JVN and CVE ids stand side by side.
func orderIDs(primary string, ids []string) []string {
	all := append([]string{primary}, ids...)
	rank := func(s string) int {
		switch {
		case strings.HasPrefix(s, "JVNDB-") || strings.HasPrefix(s, "JVN"):
			return 0
		case strings.HasPrefix(s, "CVE-"):
			return 1
		}
		return 2
	}
	slices.SortStableFunc(all, func(a, b string) int { return rank(a) - rank(b) })
	return slices.Compact(all)
}

// filter is the findings filter that the query string of a findings page
// sets (site.js applies the same rules in the browser). Lists are "or",
// fields are "and"; state "open" means still needing work (open or
// mitigated), as the headline figures count it.
type filter struct {
	Priority, System, Category, Exposure, State, Kind []string
	Overdue, Exploited                                bool
}

// parseFilter reads a filter from a query such as "priority=P1,P2&state=open".
func parseFilter(q string) filter {
	v, _ := url.ParseQuery(q)
	list := func(k string) []string {
		var out []string
		for _, s := range v[k] {
			for _, p := range strings.Split(s, ",") {
				if p = strings.TrimSpace(p); p != "" {
					out = append(out, p)
				}
			}
		}
		return out
	}
	flag := func(k string) bool { s := v.Get(k); return s == "1" || s == "true" }
	return filter{Priority: list("priority"), System: list("system"), Category: list("category"), Exposure: list("exposure"),
		State: list("state"), Kind: list("kind"), Overdue: flag("overdue"), Exploited: flag("exploited")}
}

// match reports whether finding f on system s passes the filter.
func (fl filter) match(f *model.Finding, s *report.System) bool {
	in := func(list []string, v string) bool { return len(list) == 0 || slices.Contains(list, v) }
	var cat, exp string
	if s != nil {
		cat, exp = s.Category, s.Exposure
	}
	state := len(fl.State) == 0 || slices.Contains(fl.State, string(f.State)) || f.IsOpen() && slices.Contains(fl.State, string(model.StateOpen))
	return in(fl.Priority, f.Priority.String()) && in(fl.System, f.System) && in(fl.Category, cat) && in(fl.Exposure, exp) &&
		state && in(fl.Kind, string(f.Kind)) && (!fl.Overdue || f.Overdue) && (!fl.Exploited || f.Exploited)
}

// states lists the state filter's values in display order.
var states = model.States
