package report

import (
	"cmp"
	"fmt"
	"slices"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/lifecycle"
	"vulnreport/generator/internal/remediation"
)

// Decision kinds.
const (
	DecisionNoPlan           = "no_plan"
	DecisionOverdue          = "overdue"
	DecisionAcceptExpiring   = "acceptance_expiring"
	DecisionAcceptExpired    = "acceptance_expired"
	DecisionServiceStop      = "service_stop"
	DecisionNotificationLate = "notification_unacknowledged"
	DecisionEOLReplacement   = "eol_replacement"
)

// decisionRank orders decision kinds for management: the most urgent first.
var decisionRank = map[string]int{
	DecisionOverdue: 0, DecisionNoPlan: 1, DecisionAcceptExpired: 2, DecisionNotificationLate: 3,
	DecisionAcceptExpiring: 4, DecisionServiceStop: 5, DecisionEOLReplacement: 6, DecisionRemediationReview: 2,
}

func sysName(m map[string]inventory.System, id string) i18n.Text {
	if s, ok := m[id]; ok && !s.Name.IsZero() {
		return s.Name
	}
	return i18n.Plain(id)
}

func decisions(in Input, r *Report, sysByID map[string]inventory.System) []Decision {
	var out []Decision
	add := func(kind, system, ref, owner string, due timeT, ja, en string) {
		out = append(out, Decision{Kind: kind, System: system, Ref: ref, Owner: owner, Due: due, Text: i18n.Text{JA: ja, EN: en}})
	}
	// Overdue fix actions are rolled up per department: management decides
	// on departments, owners act on the actions listed beneath in the plan.
	type dept struct {
		n, p1, p2 int
		due       timeT
		first     string
		firstText i18n.Text
	}
	overdue := map[string]*dept{}
	unplanned := map[string]*dept{}
	var depts, unplannedDepts []string
	for _, a := range r.Actions {
		n := sysName(sysByID, a.System)
		if a.Overdue {
			d := overdue[a.Department]
			if d == nil {
				d = &dept{first: a.Key}
				overdue[a.Department] = d
				depts = append(depts, a.Department)
			}
			d.n++
			switch a.TopPriority {
			case "P1":
				d.p1++
			case "P2":
				d.p2++
			}
			if d.due.IsZero() || a.Due.Before(d.due) {
				d.due = a.Due
			}
			continue
		}
		if (a.TopPriority == "P1" || a.TopPriority == "P2") && (a.Stage == "" || a.Stage == remediation.Investigate) && a.Planned.IsZero() {
			d := unplanned[a.Department]
			if d == nil {
				d = &dept{first: a.Key, firstText: i18n.Text{JA: n.Get(i18n.JA) + " の " + a.ProductName, EN: a.ProductName + " on " + n.Get(i18n.EN)}}
				unplanned[a.Department] = d
				unplannedDepts = append(unplannedDepts, a.Department)
			}
			d.n++
			if a.TopPriority == "P1" {
				d.p1++
			} else {
				d.p2++
			}
			if d.due.IsZero() || a.Due.Before(d.due) {
				d.due = a.Due
			}
		}
	}
	for _, name := range unplannedDepts {
		d := unplanned[name]
		ja, en := deptLabel(name)
		ref := d.first
		if d.n > 1 {
			ref = "dept:" + name
		}
		add(DecisionNoPlan, "", ref, name, d.due,
			fmt.Sprintf("%s: P1/P2 の対策 %d 件が未計画 (P1 %d 件・P2 %d 件。例: %s)。対応方針と担当の決定が必要", ja, d.n, d.p1, d.p2, d.firstText.JA),
			fmt.Sprintf("%s: %d P1/P2 fix actions without a plan (P1 %d, P2 %d; e.g. %s). Decide the response and owner", en, d.n, d.p1, d.p2, d.firstText.EN))
	}
	for _, name := range depts {
		d := overdue[name]
		label, en := deptLabel(name)
		add(DecisionOverdue, "", "dept:"+name, name, d.due,
			fmt.Sprintf("%s: 期限超過の対策 %d 件 (P1 %d 件・P2 %d 件、最も古い期限 %s)。督促・要員追加または期限の再設定を判断", label, d.n, d.p1, d.p2, d.due.Format("2006-01-02")),
			fmt.Sprintf("%s: %d fix actions overdue (P1 %d, P2 %d; oldest due %s). Decide: escalate, add staff or reset deadlines", en, d.n, d.p1, d.p2, d.due.Format("2006-01-02")))
	}
	for _, a := range r.Acceptances {
		n := sysName(sysByID, a.System)
		switch {
		case a.Expired:
			add(DecisionAcceptExpired, a.System, a.ID, a.ApprovedBy, a.Expires,
				fmt.Sprintf("リスク受容の期限切れ: %s (%s %s)。再承認または対策を判断", a.ID, n.Get(i18n.JA), a.Advisory),
				fmt.Sprintf("Risk acceptance expired: %s (%s %s). Re-approve or remediate", a.ID, n.Get(i18n.EN), a.Advisory))
		case a.ExpiringSoon:
			add(DecisionAcceptExpiring, a.System, a.ID, a.ApprovedBy, a.Expires,
				fmt.Sprintf("リスク受容が %s に期限: %s (%s)。継続の可否を判断", a.Expires.Format("2006-01-02"), a.ID, n.Get(i18n.JA)),
				fmt.Sprintf("Risk acceptance expires %s: %s (%s). Decide whether to renew", a.Expires.Format("2006-01-02"), a.ID, n.Get(i18n.EN)))
		}
	}
	for _, rec := range in.Remediations {
		if rec.ServiceStopHours > 0 && rec.Stage != remediation.Done && (rec.Planned.IsZero() || !rec.Planned.Before(in.AsOf)) {
			n := sysName(sysByID, rec.System)
			when := rec.Planned
			add(DecisionServiceStop, rec.System, rec.ID, rec.Owner, when,
				fmt.Sprintf("サービス停止の承認: %s を %.0f 時間停止 (%s)", n.Get(i18n.JA), rec.ServiceStopHours, rec.ID),
				fmt.Sprintf("Approve a service stop: %s down for %.0f hours (%s)", n.Get(i18n.EN), rec.ServiceStopHours, rec.ID))
		}
	}
	for _, nt := range r.Notifications {
		if nt.Acknowledged.IsZero() && nt.AckLate && nt.Status != "closed" {
			n := sysName(sysByID, nt.System)
			add(DecisionNotificationLate, nt.System, nt.ID, "", nt.Received.AddDate(0, 0, in.Policy.Horizons.NotificationAckDays),
				fmt.Sprintf("第三者からの指摘 %s (%s) に %d 日間受領連絡なし", nt.ID, n.Get(i18n.JA), nt.AckDays),
				fmt.Sprintf("Report %s from outside (%s) unacknowledged for %d days", nt.ID, n.Get(i18n.EN), nt.AckDays))
		}
	}
	for _, l := range r.Lifecycle {
		if l.Status != lifecycle.EOL && l.Status != lifecycle.Ending {
			continue
		}
		if !l.Replacement.IsZero() {
			continue
		}
		due := l.EOL
		add(DecisionEOLReplacement, "", l.Product+"@"+l.Cycle, "", due,
			fmt.Sprintf("移行計画なし: %s %s (サポート終了 %s、%d システム %d 台)。更改予算と時期の判断", l.ProductName, l.Cycle, dateOr(l.EOL), len(l.Systems), l.Hosts),
			fmt.Sprintf("No replacement plan: %s %s (end of life %s, %d systems, %d hosts). Decide budget and timing", l.ProductName, l.Cycle, dateOr(l.EOL), len(l.Systems), l.Hosts))
	}
	for _, rv := range reviews(in.Assessed.Reviews) {
		out = append(out, Decision{Kind: DecisionRemediationReview, Ref: rv.Record, Due: in.AsOf, Text: rv.Text})
	}
	slices.SortStableFunc(out, func(a, b Decision) int {
		return cmp.Or(cmp.Compare(decisionRank[a.Kind], decisionRank[b.Kind]), a.Due.Compare(b.Due), cmp.Compare(a.Ref, b.Ref))
	})
	return interleave(out)
}

// interleave reorders decisions sorted by kind so that the first of every
// kind comes before the second of any: a short list shown to management
// (the dashboard's and the summary page's first lines) then covers every
// kind of decision instead of one kind's many.
func interleave(ds []Decision) []Decision {
	nth := make([]int, len(ds))
	seen := map[string]int{}
	for i, d := range ds {
		nth[i] = seen[d.Kind]
		seen[d.Kind]++
	}
	idx := make([]int, len(ds))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(nth[a], nth[b]) })
	out := make([]Decision, len(ds))
	for i, j := range idx {
		out[i] = ds[j]
	}
	return out
}

func dateOr(t timeT) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format("2006-01-02")
}

// deptLabel names a department, or says there is none.
func deptLabel(name string) (ja, en string) {
	if name == "" {
		return "(所管部署なし)", "(no department)"
	}
	return name, name
}
