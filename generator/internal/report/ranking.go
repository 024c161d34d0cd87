package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/model"
)

// Weight is one term of the risk ranking, as the method appendix prints it.
type Weight struct {
	// Code names the term; ScoreReason.Code uses the same codes.
	Code string
	// Label is the term's name; Rule says how its points are given.
	Label i18n.Text
	Rule  i18n.Text
	// Points is the most the term adds.
	Points float64
}

// Ranking weights, in points. A finding's score is the sum of the terms
// that apply (at most 170, or 370 with signs of attack); a temporary mitigation in place halves it.
const (
	// WeightAttackSigns is more than every other term together: a finding
	// the month's logs show being attacked ranks above all others.
	WeightAttackSigns = 200
	WeightKEV         = 40
	WeightExploited   = 30
	WeightRansomware  = 10
	WeightEPSS        = 15
	WeightInternet    = 20
	WeightSensitive   = 10
	WeightBusiness    = 5
	WeightCritical    = 5
	WeightCVSS        = 20
	WeightNoCVSS      = 10
	WeightEOL         = 15
	WeightHosts       = 10
	WeightAge         = 10
	// WeightActionPerFinding is added to a fix action's score for every
	// open finding beyond its highest-scoring one, up to WeightActionMax.
	WeightActionPerFinding = 2
	WeightActionMax        = 10
)

// Weights lists the ranking's terms for the method appendix, in the order
// reasons are shown.
var Weights = []Weight{
	{"attack_signs", i18n.Text{JA: "攻撃の兆候あり", EN: "Signs of attack"}, i18n.Text{JA: "当月のログにこの弱点を狙う攻撃の兆候", EN: "the month's logs show attacks on this weakness"}, WeightAttackSigns},
	{"kev", i18n.Text{JA: "KEV 掲載", EN: "Listed in CISA KEV"}, i18n.Text{JA: "KEV に掲載", EN: "in the KEV catalog"}, WeightKEV},
	{"exploited", i18n.Text{JA: "悪用の報告", EN: "Exploitation reported"}, i18n.Text{JA: "KEV 以外で悪用の報告あり", EN: "exploited, not in KEV"}, WeightExploited},
	{"ransomware", i18n.Text{JA: "ランサムウェアでの悪用", EN: "Ransomware use"}, i18n.Text{JA: "KEV がランサムウェアでの悪用を記載", EN: "KEV reports ransomware use"}, WeightRansomware},
	{"epss", i18n.Text{JA: "EPSS", EN: "EPSS"}, i18n.Text{JA: "15 × EPSS 確率", EN: "15 × EPSS probability"}, WeightEPSS},
	{"internet", i18n.Text{JA: "インターネット公開", EN: "Internet-facing"}, i18n.Text{JA: "システムがインターネットに公開", EN: "system is internet-facing"}, WeightInternet},
	{"sensitive", i18n.Text{JA: "個人情報・預かり情報", EN: "Personal or entrusted data"}, i18n.Text{JA: "個人情報または預かり情報を保有", EN: "system holds personal or entrusted data"}, WeightSensitive},
	{"business", i18n.Text{JA: "業務上の重要情報", EN: "Business-critical data"}, i18n.Text{JA: "業務上の重要情報のみ保有", EN: "system holds business data only"}, WeightBusiness},
	{"critical_system", i18n.Text{JA: "重要度 高", EN: "High criticality"}, i18n.Text{JA: "システムの重要度が高", EN: "system criticality high"}, WeightCritical},
	{"cvss", i18n.Text{JA: "CVSS", EN: "CVSS"}, i18n.Text{JA: "2 × CVSS 基本値 (スコアなしは 10、サポート終了は 15)", EN: "2 × CVSS base score (10 without a score, 15 for end of life)"}, WeightCVSS},
	{"hosts", i18n.Text{JA: "台数", EN: "Hosts"}, i18n.Text{JA: "2 台以上 3、10 台以上 6、100 台以上 10", EN: "2+ hosts 3, 10+ 6, 100+ 10"}, WeightHosts},
	{"age", i18n.Text{JA: "期限超過日数", EN: "Days overdue"}, i18n.Text{JA: "期限超過 30 日ごとに 1 (最大 10)", EN: "1 per 30 days overdue (at most 10)"}, WeightAge},
	{"mitigated", i18n.Text{JA: "一時的な緩和策", EN: "Temporary mitigation"}, i18n.Text{JA: "緩和策の実施済みは得点を半分に", EN: "a mitigation in place halves the score"}, 0},
	{"findings", i18n.Text{JA: "対策で解消する指摘数", EN: "Findings an action closes"}, i18n.Text{JA: "対策の得点 = 最高の指摘の得点 + 2 × 残りの指摘数 (最大 10)", EN: "action score = its highest finding's score + 2 × each further finding (at most 10)"}, WeightActionMax},
}

// ScoreReason is one term that applied to a finding or action, with its points.
type ScoreReason struct {
	Code   string
	Text   i18n.Text
	Points float64
}

// Score is a finding's or action's place in the one risk ranking.
type Score struct {
	// Points is the sum of the reasons' points (halved when mitigated).
	Points float64
	// Reasons are the terms that applied, largest first.
	Reasons []ScoreReason
}

// ReasonText joins the reasons as lists print them: "KEV 40 + インターネット公開 20".
func (s Score) ReasonText(lang i18n.Lang, max int) string {
	out := ""
	for i, r := range s.Reasons {
		if max > 0 && i == max {
			break
		}
		if i > 0 {
			out += " + "
		}
		out += fmt.Sprintf("%s %s", r.Text.Get(lang), trimPoints(r.Points))
	}
	return out
}

func trimPoints(p float64) string {
	if p == math.Trunc(p) {
		return fmt.Sprintf("%.0f", p)
	}
	return fmt.Sprintf("%.1f", p)
}

// Ranked is one open finding's place in the ranking.
type Ranked struct {
	// Index is the finding's position in Report.Findings.
	Index int
	Key   string
	Score Score
}

func weightLabel(code string) i18n.Text {
	for _, w := range Weights {
		if w.Code == code {
			return w.Label
		}
	}
	return i18n.Plain(code)
}

// scoreFinding computes a finding's score from its evidence and its system.
func scoreFinding(f *model.Finding, s inventory.System, asOf timeT) Score {
	var sc Score
	add := func(code string, p float64) {
		if p > 0 {
			sc.Reasons = append(sc.Reasons, ScoreReason{Code: code, Text: weightLabel(code), Points: math.Round(p*10) / 10})
		}
	}
	if f.HasReason(model.ReasonAttackSigns) {
		add("attack_signs", WeightAttackSigns)
	}
	switch {
	case f.KEV:
		add("kev", WeightKEV)
	case f.Exploited:
		add("exploited", WeightExploited)
	}
	if f.Ransomware {
		add("ransomware", WeightRansomware)
	}
	if f.HasEPSS {
		add("epss", WeightEPSS*f.EPSS)
	}
	if s.Exposure == inventory.Internet {
		add("internet", WeightInternet)
	}
	switch {
	case s.Holds(inventory.Personal) || s.Holds(inventory.Entrusted):
		add("sensitive", WeightSensitive)
	case s.Holds(inventory.Business):
		add("business", WeightBusiness)
	}
	if s.Criticality == "high" {
		add("critical_system", WeightCritical)
	}
	switch {
	case f.Kind == model.KindEOL:
		add("cvss", WeightEOL)
	case f.HasCVSS:
		add("cvss", 2*f.CVSS)
	default:
		add("cvss", WeightNoCVSS)
	}
	hosts := max(f.Hosts, s.Hosts)
	switch {
	case hosts >= 100:
		add("hosts", WeightHosts)
	case hosts >= 10:
		add("hosts", 6)
	case hosts >= 2:
		add("hosts", 3)
	}
	if f.Overdue {
		add("age", min(WeightAge, float64(int(asOf.Sub(f.Due).Hours()/24)/30)))
	}
	for _, r := range sc.Reasons {
		sc.Points += r.Points
	}
	if f.State == model.StateMitigated {
		sc.Points /= 2
		sc.Reasons = append(sc.Reasons, ScoreReason{Code: "mitigated", Text: weightLabel("mitigated"), Points: -sc.Points})
	}
	sc.Points = math.Round(sc.Points*10) / 10
	slices.SortStableFunc(sc.Reasons, func(a, b ScoreReason) int { return cmp.Compare(b.Points, a.Points) })
	return sc
}

// rank scores every open finding, orders them (score, then priority, due
// date and key), and scores and reorders the fix actions the same way.
func rank(r *Report, sysByID map[string]inventory.System) {
	r.RankOf = map[string]int{}
	scores := map[string]Score{}
	lists := newScoreReasonLists()
	for i := range r.Findings {
		f := &r.Findings[i]
		if !f.IsOpen() {
			continue
		}
		sc := scoreFinding(f, sysByID[f.System], r.AsOf)
		sc.Reasons = lists.Intern(sc.Reasons)
		scores[f.Key] = sc
		r.Ranking = append(r.Ranking, Ranked{Index: i, Key: f.Key, Score: sc})
	}
	slices.SortFunc(r.Ranking, func(a, b Ranked) int {
		fa, fb := &r.Findings[a.Index], &r.Findings[b.Index]
		return cmp.Or(cmp.Compare(b.Score.Points, a.Score.Points), cmp.Compare(fa.PriorityRank(), fb.PriorityRank()),
			fa.Due.Compare(fb.Due), cmp.Compare(a.Key, b.Key))
	})
	for i, x := range r.Ranking {
		r.RankOf[x.Key] = i
	}
	for i := range r.Actions {
		a := &r.Actions[i]
		var best Score
		n := 0
		for _, k := range a.Findings {
			sc, ok := scores[k]
			if !ok {
				continue
			}
			n++
			if sc.Points > best.Points || best.Reasons == nil {
				best = sc
			}
		}
		// best.Reasons is shared and clipped: the append below copies it.
		a.Score = Score{Points: best.Points, Reasons: best.Reasons}
		if n > 1 {
			extra := min(WeightActionMax, float64(WeightActionPerFinding*(n-1)))
			a.Score.Points += extra
			a.Score.Reasons = append(a.Score.Reasons, ScoreReason{Code: "findings",
				Text:   i18n.Countf("rank.further", n-1, n-1),
				Points: extra})
		}
	}
	slices.SortStableFunc(r.Actions, func(a, b Action) int {
		return cmp.Or(cmp.Compare(b.Score.Points, a.Score.Points), cmp.Compare(a.TopPriority.Rank(), b.TopPriority.Rank()),
			a.Due.Compare(b.Due), cmp.Compare(a.Key, b.Key))
	})
	for i := range r.Actions {
		r.Actions[i].Rank = i + 1
	}
}

// FindingScore returns an open finding's score and 1-based rank; ok is
// false for findings that are not open.
func (r *Report) FindingScore(key string) (Score, int, bool) {
	i, ok := r.RankOf[key]
	if !ok {
		return Score{}, 0, false
	}
	return r.Ranking[i].Score, i + 1, true
}
