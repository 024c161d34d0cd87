package report

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"vulnreport/generator/internal/assess"
	"vulnreport/generator/internal/plan"
	"vulnreport/generator/internal/remediation"
)

// Exception kinds of the exceptions register.
const (
	ExceptionDueMoved    = "due_moved"
	ExceptionAccepted    = "accepted"
	ExceptionMitigated   = "mitigated"
	ExceptionNotAffected = "not_affected"
)

// Exception is one entry of the exceptions register: a remediation record
// that moves a due date, accepts a risk, mitigates temporarily or declares
// findings not affected. Every such record is listed, honoured or not.
type Exception struct {
	// ID is the remediation record's id (or its position when it has none).
	ID string
	// Kind is ExceptionDueMoved, ExceptionAccepted, ExceptionMitigated or
	// ExceptionNotAffected; DueMoved is also set on the others when the
	// record moves a due date too.
	Kind     string
	DueMoved bool
	System   string
	Advisory string
	Product  string
	// ProductName is the product as installed on the record's system (the
	// name its findings carry), else the product's display name; empty
	// when the record names no product.
	ProductName string
	// Findings are the keys of the findings the record applies to; Open
	// counts those still open.
	Findings []string
	Open     int
	// SLADue is the earliest due date the policy gives those findings (SLA
	// or KEV); NewDue the date the record asks for.
	SLADue, NewDue timeT
	// ExtensionDays is NewDue − SLADue in days (0 when the due is not moved).
	ExtensionDays int
	// ApprovedBy is who approved it; Honoured is false for a moved due
	// date without approved_by (the SLA date stands, a warning is given).
	ApprovedBy string
	Honoured   bool
	// Reason is the record's justification, or its notes.
	Reason string
	// Expires is an acceptance's review date; Expired and ExpiringSoon
	// (within the policy's acceptance days) flag it.
	Expires               timeT
	Expired, ExpiringSoon bool
	// OverdueIfSLA counts open findings that would be overdue under the
	// SLA date but are not because the extension was honoured.
	OverdueIfSLA int
	// Ticket and Cost are the record's free fields; CostValue is Cost's
	// number when it reads as one (digits, commas, ¥, 円).
	Ticket, Cost string
	CostValue    float64
	HasCost      bool
}

// Shortened returns the days a moved due date was brought forward (the
// new due earlier than the SLA date), 0 when it was extended or not
// moved: outputs print "shortened by N", never a bare −N.
func (e Exception) Shortened() int {
	if e.DueMoved && e.ExtensionDays < 0 {
		return -e.ExtensionDays
	}
	return 0
}

// ParseCost reads a cost field as a number: "1,200,000", "¥80000" and
// "35万円" read; anything else is not a number.
func ParseCost(s string) (float64, bool) {
	t := strings.TrimSpace(s)
	t = strings.TrimPrefix(t, "¥")
	t = strings.TrimPrefix(t, "￥")
	t = strings.TrimSuffix(t, "円")
	mult := 1.0
	if strings.HasSuffix(t, "万") {
		t, mult = strings.TrimSuffix(t, "万"), 10000
	}
	t = strings.ReplaceAll(t, ",", "")
	v, err := strconv.ParseFloat(strings.TrimSpace(t), 64)
	if err != nil || v < 0 {
		return 0, false
	}
	return v * mult, true
}

func exceptions(in Input, r *Report) []Exception {
	byRec := map[string][]int{}
	for i := range r.Findings.Len() {
		if id := r.Findings.At(i).RemediationID; id != "" {
			byRec[id] = append(byRec[id], i)
		}
	}
	var out []Exception
	for _, rec := range in.Assessed.Records {
		rr := rec.Record
		id := plan.RecordID(rr)
		idx := byRec[id]
		e := Exception{ID: id, System: rr.System, Advisory: rr.Advisory, Product: rr.Product, NewDue: rr.Due,
			ApprovedBy: rr.ApprovedBy, Reason: cmp.Or(rr.Justification, rr.Notes), Expires: rr.Expires,
			Ticket: rr.Ticket, Cost: rr.Cost}
		e.CostValue, e.HasCost = ParseCost(rr.Cost)
		mixed := false
		for _, i := range idx {
			f := r.Findings.At(i)
			if e.Product != "" && f.Product == e.Product && f.ProductName != e.ProductName {
				if e.ProductName == "" {
					e.ProductName = f.ProductName
				} else {
					mixed = true // two versions installed under two names
				}
			}
			e.Findings = append(e.Findings, f.Key)
			if f.IsOpen() {
				e.Open++
			}
			if !f.SLADue.IsZero() && (e.SLADue.IsZero() || f.SLADue.Before(e.SLADue)) {
				e.SLADue = f.SLADue
			}
		}
		if e.Product != "" && (e.ProductName == "" || mixed) {
			e.ProductName = in.Resolver.DisplayName(e.Product)
		}
		e.DueMoved = !rr.Due.IsZero() && len(idx) > 0 && !rr.Due.Equal(e.SLADue)
		switch rr.Action {
		case remediation.Accept:
			e.Kind = ExceptionAccepted
		case remediation.Mitigate, remediation.Workaround:
			e.Kind = ExceptionMitigated
		case remediation.NotAffected:
			e.Kind = ExceptionNotAffected
		default:
			if !e.DueMoved {
				continue
			}
			e.Kind = ExceptionDueMoved
		}
		e.Honoured = !e.DueMoved || rr.ApprovedBy != ""
		if e.DueMoved {
			e.ExtensionDays = int(rr.Due.Sub(e.SLADue).Hours() / 24)
			for _, i := range idx {
				f := r.Findings.At(i)
				if e.Honoured && f.IsOpen() && !f.Overdue && assess.PastSLA(&f, in.AsOf) {
					e.OverdueIfSLA++
				}
			}
		}
		if e.Kind == ExceptionAccepted {
			e.Expired, e.ExpiringSoon = assess.AcceptanceExpiry(rr.Expires, in.AsOf, in.Policy.Horizons.AcceptanceExpiryDays)
		}
		out = append(out, e)
	}
	kindRank := map[string]int{ExceptionDueMoved: 0, ExceptionAccepted: 1, ExceptionMitigated: 2, ExceptionNotAffected: 3}
	slices.SortFunc(out, func(a, b Exception) int {
		return cmp.Or(boolFirst(!a.Honoured, !b.Honoured), boolFirst(a.DueMoved, b.DueMoved), cmp.Compare(b.ExtensionDays, a.ExtensionDays),
			cmp.Compare(kindRank[a.Kind], kindRank[b.Kind]), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// overdueBothWays counts open findings past their due date as applied and
// past their SLA date (as if no extension were honoured), and the fix
// actions with an overdue finding.
func overdueBothWays(r *Report) (sla, actions int) {
	for _, f := range r.Findings.All() {
		if f.IsOpen() && (f.Overdue || assess.PastSLA(&f, r.AsOf)) {
			sla++
		}
	}
	for _, a := range r.Actions {
		if a.Overdue && a.Completed.IsZero() {
			actions++
		}
	}
	return sla, actions
}
