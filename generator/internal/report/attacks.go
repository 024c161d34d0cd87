package report

import (
	"strings"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/model"
)

// attackDecisions adds one decision per system with correlated signs,
// needed now, owned by the system's department.
func attackDecisions(r *Report, sysByID map[string]inventory.System, add func(Decision, string, string)) {
	for _, s := range r.Attacks {
		if len(s.Correlated) == 0 {
			continue
		}
		var ids []string
		requests := 0
		score := 0.0
		for _, c := range s.Correlated {
			ids = append(ids, c.Advisory)
			requests = max(requests, c.Requests)
			if i, ok := r.RankOf[c.Key]; ok {
				score = max(score, r.Ranking[i].Score.Points)
			}
		}
		sys := sysByID[s.System]
		name := sysName(sysByID, s.System)
		t := i18n.Sentencef("decide.attack_signs", name, strings.Join(ids, ", "), requests)
		add(Decision{Kind: model.DecisionAttackSigns, Ref: s.System, System: s.System, Department: sys.Owner, Due: r.AsOf,
			Score: score, Findings: len(s.Correlated),
			Reason: i18n.Text{JA: "未対策の脆弱性を狙う攻撃の兆候がログにある", EN: "the logs show attacks on a vulnerability still open"}},
			t.JA, t.EN)
	}
}
