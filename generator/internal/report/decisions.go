package report

import (
	"cmp"
	"slices"
	"strconv"

	"vulnreport/generator/internal/assess"
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/plan"
	"vulnreport/generator/internal/remediation"
)

func sysName(m map[string]inventory.System, id string) i18n.Text {
	if s, ok := m[id]; ok && !s.Name.IsZero() {
		return s.Name
	}
	return i18n.Plain(id)
}

// MinServiceStopHours is the shortest planned outage that is a decision
// for management (assess.MinServiceStopHours).
const MinServiceStopHours = assess.MinServiceStopHours

func decisions(in Input, r *Report, sysByID map[string]inventory.System) []Decision {
	var out []Decision
	recByID := map[string]remediation.Record{}
	for _, rec := range in.Remediations {
		recByID[plan.RecordID(rec)] = rec
	}
	scoreAt := func(i int) float64 {
		sc, _, _ := r.ScoreAt(i)
		return sc.Points
	}
	// The findings under each remediation record, counted and scored in
	// one pass: looking them up per record scanned every finding for each.
	type under struct {
		sc float64
		nf int
	}
	byRecord := map[string]under{}
	for i, f := range r.Findings.All() {
		u := byRecord[f.RemediationID]
		u.nf++
		u.sc = max(u.sc, scoreAt(i))
		byRecord[f.RemediationID] = u
	}
	underRecord := func(id string) (float64, int) {
		u := byRecord[id]
		return u.sc, u.nf
	}
	add := func(d Decision, ja, en string) {
		d.Text = i18n.Text{JA: ja, EN: en}
		d.DepartmentName = i18n.Plain(d.Department)
		if d.Department == "" {
			d.DepartmentName = NoDepartment
		}
		d.NeededBy, d.Late, d.LateSince = assess.NeededBy(d.Due, in.AsOf)
		slices.Sort(d.Records)
		d.Records = slices.Compact(d.Records)
		for _, id := range d.Records {
			if v, ok := ParseCost(recByID[id].Cost); ok {
				d.Cost += v
				d.HasCost = true
			}
		}
		out = append(out, d)
	}
	// addT adds a decision whose text is given in both languages.
	addT := func(d Decision, t i18n.Text) { add(d, t.JA, t.EN) }
	// Overdue and unplanned fix actions are rolled up per department:
	// management decides on departments, owners act on the actions listed
	// beneath in the plan.
	type dept struct {
		n, p1, p2, findings int
		due                 timeT
		score               float64
		firstText           i18n.Text
		records             []string
	}
	overdue := map[string]*dept{}
	unplanned := map[string]*dept{}
	var depts, unplannedDepts []string
	for _, a := range r.Actions {
		n := sysName(sysByID, a.System)
		var m map[string]*dept
		var names *[]string
		switch assess.FixActionDecision(a.Overdue, !a.Completed.IsZero(), a.TopPriority, a.Stage, !a.Planned.IsZero()) {
		case model.DecisionOverdue:
			m, names = overdue, &depts
		case model.DecisionNoPlan:
			m, names = unplanned, &unplannedDepts
		default:
			continue
		}
		d := m[a.Department]
		if d == nil {
			d = &dept{firstText: i18n.Sentencef("decide.product_on", n, a.ProductName)}
			m[a.Department] = d
			*names = append(*names, a.Department)
		}
		d.n++
		d.findings += len(a.Findings)
		d.records = append(d.records, a.Remediations...)
		switch a.TopPriority {
		case model.P1:
			d.p1++
		case model.P2:
			d.p2++
		}
		if d.due.IsZero() || a.Due.Before(d.due) {
			d.due = a.Due
		}
		d.score = max(d.score, a.Points())
	}
	for _, name := range unplannedDepts {
		d := unplanned[name]
		ja, en := deptLabel(name)
		addT(Decision{Kind: model.DecisionNoPlan, Ref: "dept:" + name, Department: name, Due: d.due, Score: d.score, Findings: d.findings, Records: d.records,
			Reason: ownerReason(name, "decide.no_plan.reason")},
			i18n.Countf("decide.no_plan", d.n, i18n.Text{JA: ja, EN: en}, d.n, d.p1, d.p2, d.firstText))
	}
	for _, name := range depts {
		d := overdue[name]
		ja, en := deptLabel(name)
		addT(Decision{Kind: model.DecisionOverdue, Ref: "dept:" + name, Department: name, Due: d.due, Score: d.score, Findings: d.findings, Records: d.records,
			Reason: ownerReason(name, "decide.overdue.reason")},
			i18n.Countf(ownerKey(name, "decide.overdue"), d.n, i18n.Text{JA: ja, EN: en}, d.n, d.p1, d.p2))
	}
	for _, a := range r.Acceptances {
		n := sysName(sysByID, a.System)
		sc, nf := underRecord(a.ID)
		dec := Decision{System: a.System, Ref: a.ID, Owner: a.ApprovedBy, Department: sysByID[a.System].Owner, Due: a.Expires,
			Score: sc, Findings: nf, Records: []string{a.ID}}
		switch dec.Kind = assess.AcceptanceDecision(a.Expired, a.ExpiringSoon); dec.Kind {
		case model.DecisionAcceptExpired:
			dec.Reason = i18n.Msg("decide.accept_expired.reason")
			addT(dec, i18n.Sentencef("decide.accept_expired", a.ID, n, a.Advisory))
		case model.DecisionAcceptExpiring:
			dec.Reason = i18n.Msg("decide.accept_expiring.reason")
			addT(dec, i18n.Sentencef("decide.accept_expiring", a.Expires.Format("2006-01-02"), a.ID, n))
		}
	}
	for _, rec := range in.Remediations {
		if assess.ServiceStopDecision(rec.ServiceStopHours, rec.Stage, rec.Planned, in.AsOf) {
			n := sysName(sysByID, rec.System)
			id := plan.RecordID(rec)
			sc, nf := underRecord(id)
			hours := strconv.FormatFloat(rec.ServiceStopHours, 'f', -1, 64)
			addT(Decision{Kind: model.DecisionServiceStop, System: rec.System, Ref: id, Owner: rec.Owner, Department: sysByID[rec.System].Owner,
				Due: rec.Planned, Score: sc, Findings: nf, Records: []string{id},
				Reason: i18n.Msg("decide.service_stop.reason")},
				i18n.Countf("decide.service_stop", count(rec.ServiceStopHours), n, hours, id))
		}
	}
	for _, nt := range r.Notifications {
		ack := in.Policy.Horizons.NotificationAckDays
		if needed, due := assess.AckLateDecision(nt.Received, nt.Acknowledged, nt.AckLate, nt.Status, ack); needed {
			n := sysName(sysByID, nt.System)
			addT(Decision{Kind: model.DecisionNotificationLate, System: nt.System, Ref: nt.ID, Department: sysByID[nt.System].Owner,
				Due:    due,
				Reason: i18n.Countf("decide.ack_late.reason", ack, ack)},
				i18n.Countf("decide.ack_late", nt.AckDays, nt.ID, n, nt.AckDays))
		}
	}
	eolFindings, productComponents := byLifecycleProduct(r)
	for _, l := range r.Lifecycle {
		if !assess.ReplacementDecision(l.Status, l.Replacement) {
			continue
		}
		onLine := map[string]bool{}
		for _, s := range l.Systems {
			onLine[s] = true
		}
		sc, nf := 0.0, 0
		for _, i := range eolFindings[l.Product] {
			if f := r.Findings.At(i); onLine[f.System] {
				nf++
				sc = max(sc, scoreAt(i))
			}
		}
		var installs []assess.Install
		for _, i := range productComponents[l.Product] {
			if c := r.Components.At(i); onLine[c.System] {
				installs = append(installs, assess.Install{Department: sysByID[c.System].Owner, Hosts: c.Hosts})
			}
		}
		depts := make([]string, len(l.Systems))
		for i, s := range l.Systems {
			depts[i] = sysByID[s].Owner
		}
		owner := assess.ReplacementOwner(depts, installs)
		addT(Decision{Kind: model.DecisionEOLReplacement, Ref: l.Product + "@" + l.Cycle, Department: owner, Due: l.EOL, Score: sc, Findings: nf,
			Reason: i18n.Msg("decide.eol_replacement.reason")},
			i18n.Sentencef("decide.eol_replacement", l.ProductName, l.Cycle, dateOr(l.EOL),
				i18n.Countf("decide.systems", len(l.Systems), len(l.Systems)), i18n.Countf("decide.hosts", l.Hosts, l.Hosts)))
	}
	// Remediation records that change the picture wholesale: the owner is
	// the department of the record's system (none for "*"), needed now.
	for _, rv := range reviews(in.Assessed.Reviews) {
		rec := recByID[rv.Record]
		sc, _ := underRecord(rv.Record)
		add(Decision{Kind: model.DecisionRemediationReview, Ref: rv.Record, System: rec.System, Owner: rec.Owner,
			Department: sysByID[rec.System].Owner, Due: in.AsOf, Score: sc, Findings: rv.Findings, Records: []string{rv.Record},
			Reason: i18n.Msg("decide.review.reason")},
			rv.Text.JA, rv.Text.EN)
	}
	attackDecisions(r, sysByID, add)
	slices.SortStableFunc(out, func(a, b Decision) int {
		return cmp.Or(boolFirst(a.Kind == model.DecisionNotificationLate, b.Kind == model.DecisionNotificationLate),
			boolFirst(a.Kind == model.DecisionAttackSigns, b.Kind == model.DecisionAttackSigns), cmp.Compare(b.Score, a.Score),
			cmp.Compare(a.Kind.Rank(), b.Kind.Rank()), a.Due.Compare(b.Due), cmp.Compare(a.Ref, b.Ref))
	})
	return out
}

// byLifecycleProduct indexes, for the products of the lifecycle lines that
// need a replacement decision, their end-of-life findings and their
// components (indices into r.Findings and r.Components, in order): one
// pass over each instead of one per line.
func byLifecycleProduct(r *Report) (eolFindings, productComponents map[string][]int) {
	want := map[string]bool{}
	for _, l := range r.Lifecycle {
		if assess.ReplacementDecision(l.Status, l.Replacement) {
			want[l.Product] = true
		}
	}
	eolFindings, productComponents = map[string][]int{}, map[string][]int{}
	if len(want) == 0 {
		return eolFindings, productComponents
	}
	for i := range r.Findings.Len() {
		if f := r.Findings.At(i); f.Kind == model.KindEOL && want[f.Product] {
			eolFindings[f.Product] = append(eolFindings[f.Product], i)
		}
	}
	for i, c := range r.Components.All() {
		if want[c.Product] {
			productComponents[c.Product] = append(productComponents[c.Product], i)
		}
	}
	return eolFindings, productComponents
}

// count is the count a number of hours gives Countf: 1 (singular) for
// exactly one, 2 (plural) otherwise, fractions included.
func count(n float64) int {
	if n == 1 {
		return 1
	}
	return 2
}

func dateOr(t timeT) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format("2006-01-02")
}

// ownerReason is the reason of a department's fix-action decision (key),
// or, for the fix actions of systems no department owns, that management
// must name an owner first: urging "the department" would reach nobody.
func ownerReason(department, key string) i18n.Text {
	if department == "" {
		return i18n.Msg("decide.no_owner.reason")
	}
	return i18n.Msg(key)
}

// ownerKey is the catalogue key of a department's overdue decision, or,
// for systems no department owns, of the one asking for an owner.
func ownerKey(department, key string) string {
	if department == "" {
		return key + ".no_owner"
	}
	return key
}

// deptLabel names a department, or says there is none.
func deptLabel(name string) (ja, en string) {
	if name == "" {
		return NoDepartment.JA, NoDepartment.EN
	}
	return name, name
}
