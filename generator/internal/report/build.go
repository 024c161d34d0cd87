package report

import (
	"cmp"
	"slices"
	"time"

	"vulnreport/generator/internal/attack"

	"vulnreport/generator/internal/assess"
	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/history"
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/lifecycle"
	"vulnreport/generator/internal/match"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/notification"
	"vulnreport/generator/internal/plan"
	"vulnreport/generator/internal/policy"
	"vulnreport/generator/internal/product"
	"vulnreport/generator/internal/remediation"
	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/version"
	"vulnreport/generator/internal/vuln"
)

// Input is everything Build needs; app.Run assembles it.
type Input struct {
	ToolVersion string
	AsOf        time.Time
	Languages   []i18n.Lang
	Policy      policy.Policy
	Systems     []inventory.System
	// Components are the inventory rows; Build reads them first and then
	// drops its reference, so that a caller that dropped its own lets
	// them be collected while the rest of the model is built.
	Components    []inventory.Component
	Resolver      *product.Resolver
	Vulns         []vuln.Vulnerability
	Match         match.Result
	Assessed      assess.Result
	Lifecycle     *lifecycle.Index
	Remediations  []remediation.Record
	Notifications []notification.Notification
	History       []history.Month
	KEVUnmatched  []vuln.Unmatched
	Files         []source.FileStat
	Feeds         []feed.Info
	EPSSDate      string
	EPSSModel     string
	Rejections    []source.Rejection
	Diagnostics   []source.Diagnostic
	// Skipped lists input entries not read because they are not plain files.
	Skipped []string
	// Attacks are the signs of attack found in the systems' logs.
	Attacks []attack.SystemSigns
	// AttackHistory holds earlier months' attack signs (history/), for
	// the trend.
	AttackHistory []AttackMonth
}

// Build freezes the report model. It never reads the clock.
func Build(in Input) *Report {
	p := in.Policy
	r := &Report{
		SchemaVersion: SchemaVersion, ToolVersion: in.ToolVersion, AsOf: in.AsOf, Languages: in.Languages,
		Organization: p.Organization, Title: p.ReportTitle, Classification: p.Classification,
		Policy: Policy{
			SLADays: p.SLADays, P1CVSS: p.Thresholds.P1CVSS, P2CVSS: p.Thresholds.P2CVSS, P3CVSS: p.Thresholds.P3CVSS,
			P2EPSS: p.Thresholds.P2EPSS, EOLWarningDays: p.Horizons.EOLWarningDays, StaleDays: p.Horizons.StaleInventoryDays,
			InspectionDays: p.Horizons.InspectionIntervalDays, AckDays: p.Horizons.NotificationAckDays,
			AcceptanceDays: p.Horizons.AcceptanceExpiryDays, DueSoonDays: p.DueSoonDays,
		},
	}
	if n := len(in.History); n > 0 {
		r.Previous = in.History[n-1].Date
	}
	sysByID := map[string]inventory.System{}
	for _, s := range in.Systems {
		sysByID[s.ID] = s
	}
	// The findings as assessment packed them: the component rows' three
	// readers first (the rows are the largest input, and once read Build
	// lets go of its reference; the caller may have dropped its own), then
	// the fix actions name each finding's action, and the store is the
	// model's.
	b := in.Assessed.Findings
	in.Assessed.Findings = nil
	if b == nil {
		b = model.NewFindingBuilder(0)
	}
	r.Components = components(in, b)
	r.Lifecycle = lines(in, sysByID)
	r.KEVUnmatched = kevUnmatched(in)
	in.Components = nil
	r.Vulns = vulns(in, b)
	r.Actions = actions(in, b, sysByID)
	r.Findings = b.Store()
	r.Acceptances = acceptances(in, r.Findings)
	r.Trends = trends(in, r.Findings)
	r.Schemes = schemeCounts(r.Findings)
	r.Systems = systems(in, r)
	r.Notifications = notifications(in)
	r.Posture = posture(in, r)
	rank(r, sysByID)
	r.Exceptions = exceptions(in, r)
	r.Scorecards = scorecards(in, r, sysByID)
	r.Freshness = freshness(in)
	r.Coverage = coverage(in, r.Components)
	r.Attacks = in.Attacks
	r.AttackTrend = attackTrend(in)
	r.Scans = scanStates(in)
	if len(r.Scans) > 0 {
		at := make(map[string]int, len(r.Systems))
		for i := range r.Systems {
			at[r.Systems[i].ID] = i
		}
		for _, st := range r.Scans {
			s := &r.Systems[at[st.System]]
			s.ScanStale, s.NotScanned = st.Stale, st.NotScanned
		}
	}
	r.Decisions = decisions(in, r, sysByID)
	r.Quality = quality(in)
	r.Sources = Sources{Feeds: in.Feeds, EPSSDate: in.EPSSDate, EPSSModel: in.EPSSModel, Inputs: in.Files}
	r.Summary = summary(in, r)
	r.Sentences = sentences(r)
	return r
}

// actionIndex maps each action's key to its position in actions (the
// order they have when it is called).
func actionIndex(actions []Action) map[string]int32 {
	at := make(map[string]int32, len(actions))
	for i := range actions {
		at[actions[i].Key] = int32(i)
	}
	return at
}

func systems(in Input, r *Report) []System {
	out := make([]System, 0, len(in.Systems))
	idx := map[string]int{}
	for _, s := range in.Systems {
		rs := System{System: s, Open: priorityCounts()}
		rs.Stale = assess.StaleInventory(s, in.AsOf, in.Policy.Horizons.StaleInventoryDays)
		rs.InspectionDue = assess.InspectionDue(s, in.AsOf, in.Policy.Horizons.InspectionIntervalDays)
		rs.ContractGaps = assess.ContractGaps(s, in.AsOf)
		idx[s.ID] = len(out)
		out = append(out, rs)
	}
	for _, f := range r.Findings.All() {
		i, ok := idx[f.System]
		if !ok || !f.IsOpen() {
			continue
		}
		out[i].Open[f.Priority]++
		out[i].OpenTotal++
		if f.Overdue {
			out[i].Overdue++
		}
		if f.Exploited {
			out[i].Exploited++
		}
	}
	for _, c := range r.Components.All() {
		if i, ok := idx[c.System]; ok && c.Lifecycle == model.LifecycleEOL {
			out[i].EOLComponents++
		}
	}
	slices.SortFunc(out, func(a, b System) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// Contract gap codes, in the guide's order (judged by assess.ContractGaps;
// named here so that renderers read them from the model).
const (
	GapMaintenanceExpired = assess.GapMaintenanceExpired
	GapPostDelivery       = assess.GapPostDelivery
	GapKnownVulnFree      = assess.GapKnownVulnFree
	GapInspection         = assess.GapInspection
	GapEmergency          = assess.GapEmergency
)

func vulns(in Input, fs model.FindingList) []Vuln {
	type agg struct {
		// systems collects its findings' systems, repeats kept out when
		// they follow each other; sorted and compacted at the end (a set
		// per vulnerability costs far more at scale).
		systems  []string
		n, open  int
		top      model.Priority
		severity string
	}
	byID := map[string]*agg{}
	for i := range fs.Len() {
		f := fs.At(i)
		if f.Kind != model.KindVulnerability {
			continue
		}
		a := byID[f.VulnID]
		if a == nil {
			a = &agg{severity: f.Severity}
			byID[f.VulnID] = a
		}
		if n := len(a.systems); n == 0 || a.systems[n-1] != f.System {
			a.systems = append(a.systems, f.System)
		}
		a.n++
		if f.IsOpen() {
			a.open++
		}
		if a.top == model.PriorityNone || f.Priority < a.top {
			a.top = f.Priority
		}
	}
	var out []Vuln
	for _, v := range in.Vulns {
		a := byID[v.ID]
		if a == nil {
			continue
		}
		rv := Vuln{ID: v.ID, IDs: v.IDs, Title: v.Title, Summary: v.Summary, Source: v.Source, Published: v.Published,
			Exploited: v.Exploit.Exploited, KEV: v.Exploit.KEV, KEVAdded: v.Exploit.DateAdded, KEVDue: v.Exploit.DueDate,
			Ransomware: v.Exploit.Ransomware, KEVAction: v.Exploit.RequiredAction, Fixed: v.Fixed, Workaround: v.Workaround,
			References: v.References, CWE: v.CWE, Provenance: v.Provenance, Origins: v.Origins,
			Findings: a.n, Open: a.open, TopPriority: a.top, Severity: "unknown"}
		if v.CVSS != nil {
			rv.HasCVSS, rv.CVSS, rv.CVSSVersion, rv.Vector = true, v.CVSS.Score, v.CVSS.Version, v.CVSS.Vector
		}
		if a.severity != "" {
			rv.Severity = a.severity
		}
		if v.EPSS != nil {
			rv.HasEPSS, rv.EPSS, rv.EPSSPct = true, v.EPSS.Score, v.EPSS.Percentile
		}
		for _, af := range v.Affected {
			s := af.Key + " " + af.Versions
			if af.FreeText != "" {
				s = af.Key + ": " + af.FreeText
			}
			rv.Affected = append(rv.Affected, s)
		}
		slices.Sort(a.systems)
		rv.Systems = slices.Clone(slices.Compact(a.systems)) // at its size: the collection goes
		out = append(out, rv)
	}
	slices.SortFunc(out, func(a, b Vuln) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// actions rolls the findings up into fix actions and names each member
// finding's action in the store.
func actions(in Input, fs *model.FindingBuilder, sysByID map[string]inventory.System) []Action {
	fixed := map[string]string{}
	ranges := map[[2]string][]version.Range{}
	for _, v := range in.Vulns {
		fixed[v.ID] = v.Fixed
		for _, af := range v.Affected {
			if af.FreeText == "" && len(af.Range.Clauses) > 0 {
				k := [2]string{v.ID, af.Key}
				ranges[k] = append(ranges[k], af.Range)
			}
		}
	}
	pas := plan.Build(fs, plan.Sources{
		Fixed:  func(id string) string { return fixed[id] },
		Ranges: func(id, product string) []version.Range { return ranges[[2]string{id, product}] },
		EOLLine: func(product, ver string) bool {
			cy, ok := in.Lifecycle.Find(product, ver)
			return ok && lifecycle.Status(cy, in.AsOf, in.Policy.Horizons.EOLWarningDays) == model.LifecycleEOL
		},
	}, fs.SetActionKey)
	total := 0.0
	for i := range fs.Len() {
		if fs.IsOpen(i) {
			total += plan.Weight(fs.At(i))
		}
	}
	out := make([]Action, len(pas))
	bySystem := map[string]*ActionSystem{}
	for i := range pas {
		a := &pas[i]
		sys := sysByID[a.System]
		name := a.ProductName
		if name == "" {
			name = in.Resolver.DisplayName(a.Product)
		}
		as := bySystem[a.System]
		if as == nil {
			as = &ActionSystem{SystemName: sys.Name, Department: sys.Owner}
			bySystem[a.System] = as
		}
		ra := Action{Plan: a, ActionSystem: as}
		ra.ProductName = name
		if ra.Hosts == 0 {
			ra.Hosts = max(sys.Hosts, 1)
		}
		if total > 0 {
			ra.RiskShare = a.Weight / total
		}
		out[i] = ra
	}
	return out
}

func lines(in Input, sysByID map[string]inventory.System) []Line {
	byKey := map[string]*Line{}
	onLine := map[[2]string]bool{} // line key and system
	var keys []string
	for _, c := range in.Components {
		cy, ok := in.Lifecycle.Find(c.Key, c.Version)
		if !ok {
			continue
		}
		k := cy.Key + "@" + cy.Cycle
		l := byKey[k]
		if l == nil {
			l = &Line{Product: cy.Key, ProductName: in.Resolver.DisplayName(cy.Key), Cycle: cy.Cycle, Released: cy.Released,
				SupportEnd: cy.SupportEnd, EOL: cy.EOL, ExtendedEnd: cy.ExtendedEnd, Latest: cy.Latest,
				Status: lifecycle.Status(cy, in.AsOf, in.Policy.Horizons.EOLWarningDays)}
			byKey[k] = l
			keys = append(keys, k)
		}
		if l.ProductName == cy.Key && c.Name != "" {
			l.ProductName = c.Name
		}
		if !onLine[[2]string{k, c.System}] {
			onLine[[2]string{k, c.System}] = true
			l.Systems = append(l.Systems, c.System)
			if rp := sysByID[c.System].ReplacementPlanned; !rp.IsZero() && (l.Replacement.IsZero() || rp.Before(l.Replacement)) {
				l.Replacement = rp
			}
		}
		h := c.Hosts
		if h == 0 {
			h = max(sysByID[c.System].Hosts, 1)
		}
		l.Hosts += h
	}
	out := make([]Line, 0, len(keys))
	for _, k := range keys {
		slices.Sort(byKey[k].Systems)
		out = append(out, *byKey[k])
	}
	slices.SortFunc(out, func(a, b Line) int {
		ae, be := a.EOL, b.EOL
		if ae.IsZero() {
			ae = farFuture
		}
		if be.IsZero() {
			be = farFuture
		}
		return cmp.Or(ae.Compare(be), cmp.Compare(a.Product, b.Product), cmp.Compare(a.Cycle, b.Cycle))
	})
	return out
}

var farFuture = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)

func notifications(in Input) []Notification {
	out := make([]Notification, 0, len(in.Notifications))
	for _, n := range in.Notifications {
		rn := Notification{Notice: n}
		rn.AckDays, rn.AckLate = assess.Acknowledgement(n.Received, n.Acknowledged, in.AsOf, in.Policy.Horizons.NotificationAckDays)
		out = append(out, rn)
	}
	slices.SortFunc(out, func(a, b Notification) int { return cmp.Or(b.Received.Compare(a.Received), cmp.Compare(a.ID, b.ID)) })
	return out
}

func acceptances(in Input, fs model.FindingList) []Acceptance {
	var out []Acceptance
	for _, rec := range in.Assessed.Records {
		r := rec.Record
		if r.Action != remediation.Accept {
			continue
		}
		a := Acceptance{ID: plan.RecordID(r), System: r.System, Advisory: r.Advisory, Product: rec.ProductKey,
			Justification: r.Justification, ApprovedBy: r.ApprovedBy, Expires: r.Expires, Notes: r.Notes,
			Findings: in.Assessed.RecordUse[plan.RecordID(r)]}
		a.Expired, a.ExpiringSoon = assess.AcceptanceExpiry(r.Expires, in.AsOf, in.Policy.Horizons.AcceptanceExpiryDays)
		out = append(out, a)
	}
	slices.SortFunc(out, func(a, b Acceptance) int { return cmp.Or(a.Expires.Compare(b.Expires), cmp.Compare(a.ID, b.ID)) })
	return out
}

func kevUnmatched(in Input) []KEVUnmatched {
	installed := map[string]bool{}
	for _, c := range in.Components {
		installed[c.Key] = true
	}
	out := make([]KEVUnmatched, 0, len(in.KEVUnmatched))
	for _, u := range in.KEVUnmatched {
		out = append(out, KEVUnmatched{KEVEntry: u.Entry, Key: u.Key, Installed: installed[u.Key]})
	}
	slices.SortFunc(out, func(a, b KEVUnmatched) int {
		return cmp.Or(boolFirst(a.Installed, b.Installed), b.DateAdded.Compare(a.DateAdded), cmp.Compare(a.CVE, b.CVE))
	})
	return out
}

func boolFirst(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1
	}
	return 1
}

func quality(in Input) Quality {
	q := Quality{Files: in.Files, Rejections: in.Rejections, Reviews: reviews(in.Assessed.Reviews), Skipped: in.Skipped}
	facts := map[[3]string]*ComponentFacts{} // product, name, version; no support status here
	row := func(c inventory.Component) Component {
		fk := [3]string{c.Key, c.Name, c.Version}
		cf := facts[fk]
		if cf == nil {
			cf = &ComponentFacts{Product: c.Key, ProductName: c.Name, Version: c.Version}
			facts[fk] = cf
		}
		return Component{System: c.System, ComponentFacts: cf, At: c.Pos.String(), Source: c.Source}
	}
	for _, c := range in.Match.Unmatched {
		q.Unmatched = append(q.Unmatched, row(c))
	}
	for _, c := range in.Match.BadVersions {
		q.BadVersions = append(q.BadVersions, row(c))
	}
	for _, d := range in.Diagnostics {
		if d.Severity == source.Error {
			q.Errors++
		} else {
			q.Warnings++
		}
		q.Diagnostics = append(q.Diagnostics, d.String())
	}
	for _, f := range in.Files {
		q.Read += f.Read
		q.Accepted += f.Accepted
		q.Rejected += f.Rejected
	}
	return q
}
