package report

import (
	"strings"

	"vulnreport/generator/internal/assess"
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/model"
)

// attackDecisions adds one decision per system whose attack signs need
// one (assess.AttackSignsDecision), owned by the system's department.
func attackDecisions(r *Report, sysByID map[string]inventory.System, add func(Decision, string, string)) {
	for _, s := range r.Attacks {
		a := assess.AttackSignsDecision(s, r.AsOf)
		if !a.Needed {
			continue
		}
		score := 0.0
		for _, k := range a.Keys {
			if sc, _, ok := r.FindingScore(k); ok {
				score = max(score, sc.Points)
			}
		}
		sys := sysByID[s.System]
		name := sysName(sysByID, s.System)
		t := i18n.Sentencef("decide.attack_signs", name, strings.Join(a.Advisories, ", "), a.Requests)
		add(Decision{Kind: model.DecisionAttackSigns, Ref: s.System, System: s.System, Department: sys.Owner, Due: a.Due,
			Score: score, Findings: len(a.Keys),
			Reason: i18n.Msg("decide.attack_signs.reason")},
			t.JA, t.EN)
	}
}
