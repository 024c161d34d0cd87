package report

import (
	"fmt"
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
		list := strings.Join(ids, ", ")
		add(Decision{Kind: model.DecisionAttackSigns, Ref: s.System, System: s.System, Department: sys.Owner, Due: r.AsOf,
			Score: score, Findings: len(s.Correlated),
			Reason: i18n.Text{JA: "未対策の脆弱性を狙う攻撃の兆候がログにある", EN: "the logs show attacks on a vulnerability still open"}},
			fmt.Sprintf("被害の有無の確認: %s で未対策の %s を狙う攻撃の兆候 (%d 件)。侵害の有無の調査と対策の前倒しを指示", name.Get(i18n.JA), list, requests),
			fmt.Sprintf("Check for compromise: %s shows attacks on the open %s (%d requests). Order a compromise investigation and bring the fix forward", name.Get(i18n.EN), list, requests))
	}
}
