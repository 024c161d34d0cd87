package model

import (
	"cmp"
	"slices"
)

// DecisionKind is what management is asked to decide (経営層の判断事項).
type DecisionKind string

// Decision kinds.
const (
	// DecisionNoPlan: urgent fix actions with no plan.
	DecisionNoPlan DecisionKind = "no_plan"
	// DecisionOverdue: fix actions past their due dates.
	DecisionOverdue DecisionKind = "overdue"
	// DecisionAcceptExpiring: a risk acceptance about to expire.
	DecisionAcceptExpiring DecisionKind = "acceptance_expiring"
	// DecisionAcceptExpired: a risk acceptance that expired.
	DecisionAcceptExpired DecisionKind = "acceptance_expired"
	// DecisionServiceStop: planned work that stops a service.
	DecisionServiceStop DecisionKind = "service_stop"
	// DecisionNotificationLate: an outside report not acknowledged in time.
	DecisionNotificationLate DecisionKind = "notification_unacknowledged"
	// DecisionEOLReplacement: a product line at or near its end of life.
	DecisionEOLReplacement DecisionKind = "eol_replacement"
	// DecisionRemediationReview: a remediation record that changes the
	// picture wholesale.
	DecisionRemediationReview DecisionKind = "remediation_review"
	// DecisionAttackSigns: a system whose logs show attacks on a weakness
	// it still leaves open; management must have it checked whether the
	// system was compromised (the guide's 被害の有無の確認).
	DecisionAttackSigns DecisionKind = "attack_signs"
)

// decisionRank orders decision kinds for management: the most urgent first.
var decisionRank = map[DecisionKind]int{
	DecisionOverdue: 0, DecisionNoPlan: 1, DecisionAcceptExpired: 2, DecisionNotificationLate: 3,
	DecisionAcceptExpiring: 4, DecisionServiceStop: 5, DecisionEOLReplacement: 6, DecisionRemediationReview: 2,
	DecisionAttackSigns: -1,
}

// Rank orders the kind for management: lower is more urgent.
func (k DecisionKind) Rank() int { return decisionRank[k] }

// LabelKey returns the i18n catalogue key of the kind's label.
func (k DecisionKind) LabelKey() string { return "decision." + string(k) }

// DecisionKinds lists every decision kind, most urgent first: the one
// list a breakdown of the decisions by kind walks, so that none is left out.
func DecisionKinds() []DecisionKind {
	kinds := make([]DecisionKind, 0, len(decisionRank))
	for k := range decisionRank {
		kinds = append(kinds, k)
	}
	slices.SortFunc(kinds, func(a, b DecisionKind) int { return cmp.Or(cmp.Compare(a.Rank(), b.Rank()), cmp.Compare(a, b)) })
	return kinds
}
