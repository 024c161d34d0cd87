package xlsx

import (
	"time"

	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/remediation"
	"vulnreport/generator/internal/report"
)

// planRow is what the plan sheet shows of one action, in remediation
// terms: the action, and the records applied to its findings that give
// its accepted risk (justification, approver, expiry) and its ticket and
// cost, nil where none does. Its editable values are written out as the rows are
// (see values): kept as texts for all 300,000 actions at 10,000 systems,
// they were 58 MB for the collector to mark, for two sheets that each
// read them once.
type planRow struct {
	a             *report.Action
	accept, money *model.Applied
}

// planFieldIndex holds the index in remediation.PlanFields of each
// editable field, -1 for a field it does not have.
type planFieldIndex struct {
	owner, due, stage, action, planned, completed, notes, just, approved, expires, ticket, cost int
}

func newPlanFieldIndex() *planFieldIndex {
	f := planField
	return &planFieldIndex{owner: f("owner"), due: f("due"), stage: f("stage"), action: f("action"), planned: f("planned"),
		completed: f("completed"), notes: f("notes"), just: f("justification"), approved: f("approved_by"),
		expires: f("expires"), ticket: f("ticket"), cost: f("cost")}
}

// values sets v, one per remediation.PlanFields, to the action's editable
// values as the contract writes them (enum values, YYYY-MM-DD dates
// written by day).
func (pr planRow) values(v []string, ix *planFieldIndex, day func(time.Time) string) {
	clear(v)
	set := func(i int, s string) {
		if i >= 0 {
			v[i] = s
		}
	}
	a := pr.a
	set(ix.owner, a.Owner)
	set(ix.due, day(a.Due))
	set(ix.stage, string(a.Stage))
	set(ix.action, a.Action)
	set(ix.planned, day(a.Planned))
	set(ix.completed, day(a.Completed))
	set(ix.notes, a.Notes)
	if f := pr.accept; f != nil {
		set(ix.just, f.Justification)
		set(ix.approved, f.ApprovedBy)
		set(ix.expires, day(f.AcceptExpires))
	}
	if f := pr.money; f != nil {
		set(ix.ticket, f.Ticket)
		set(ix.cost, f.Cost)
	}
}

// planField returns the index of a field in remediation.PlanFields, -1
// when it is not one.
func planField(field string) int {
	for i, f := range remediation.PlanFields {
		if f == field {
			return i
		}
	}
	return -1
}

// planValues returns the plan's rows, one per action; justification,
// approver, expiry, ticket and cost come from the action's findings (the
// records applied to them).
func (b *book) planValues() []planRow {
	if sh := b.shared; sh != nil {
		if !sh.planDone {
			sh.planRows, sh.planDone = b.newPlanValues(), true
		}
		return sh.planRows
	}
	return b.newPlanValues()
}

// newPlanValues computes planValues: they do not depend on the language.
// The records of the action's first finding with an accepted risk, and
// of its first with a ticket or cost, give them.
func (b *book) newPlanValues() []planRow {
	lk := b.links()
	rows := make([]planRow, len(b.r.Actions))
	for i, f := range b.r.Findings.All() {
		k := lk.findingAction[i]
		if f.ActionKey == "" || k < 0 {
			continue
		}
		x := &rows[k]
		if x.accept == nil && (f.Justification != "" || f.ApprovedBy != "" || !f.AcceptExpires.IsZero()) {
			x.accept = f.Applied
		}
		if x.money == nil && (f.Ticket != "" || f.Cost != "") {
			x.money = f.Applied
		}
	}
	// Actions sharing a key share its findings (those of the last one,
	// whose index the findings hold): as with a map by key.
	for i := range rows {
		if k := lk.actionKey[i]; int(k) != i {
			rows[i].accept, rows[i].money = rows[k].accept, rows[k].money
		}
		rows[i].a = &b.r.Actions[i]
	}
	return rows
}

// day returns t as YYYY-MM-DD, "" for the zero time.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// dayText is day, each date formatted once per book: the plan's and the
// meta sheet's rows ask for a million.
func (b *book) dayText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if s, ok := b.dayTexts[t]; ok {
		return s
	}
	s := day(t)
	if b.dayTexts == nil {
		b.dayTexts = map[time.Time]string{}
	}
	b.dayTexts[t] = s
	return s
}
