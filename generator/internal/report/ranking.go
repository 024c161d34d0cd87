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
	{"attack_signs", i18n.Msg("score.attack_signs"), i18n.Msg("score.attack_signs.rule"), WeightAttackSigns},
	{"kev", i18n.Msg("score.kev"), i18n.Msg("score.kev.rule"), WeightKEV},
	{"exploited", i18n.Msg("score.exploited"), i18n.Msg("score.exploited.rule"), WeightExploited},
	{"ransomware", i18n.Msg("score.ransomware"), i18n.Msg("score.ransomware.rule"), WeightRansomware},
	{"epss", i18n.Msg("score.epss"), i18n.Msg("score.epss.rule"), WeightEPSS},
	{"internet", i18n.Msg("score.internet"), i18n.Msg("score.internet.rule"), WeightInternet},
	{"sensitive", i18n.Msg("score.sensitive"), i18n.Msg("score.sensitive.rule"), WeightSensitive},
	{"business", i18n.Msg("score.business"), i18n.Msg("score.business.rule"), WeightBusiness},
	{"critical_system", i18n.Msg("score.critical_system"), i18n.Msg("score.critical_system.rule"), WeightCritical},
	{"cvss", i18n.Msg("score.cvss"), i18n.Msg("score.cvss.rule"), WeightCVSS},
	{"hosts", i18n.Msg("score.hosts"), i18n.Msg("score.hosts.rule"), WeightHosts},
	{"age", i18n.Msg("score.age"), i18n.Msg("score.age.rule"), WeightAge},
	{"mitigated", i18n.Msg("score.mitigated"), i18n.Msg("score.mitigated.rule"), 0},
	{"findings", i18n.Msg("score.findings"), i18n.Msg("score.findings.rule"), WeightActionMax},
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
	return scoreInto(nil, f, s, asOf)
}

// scoreInto is scoreFinding with the reasons appended to buf[:0], which
// the caller may reuse once it has interned them.
func scoreInto(buf []ScoreReason, f *model.Finding, s inventory.System, asOf timeT) Score {
	sc := Score{Reasons: buf[:0]}
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
	open := 0
	for i := range r.Findings.Len() {
		if r.Findings.IsOpen(i) {
			open++
		}
	}
	r.Ranking = make([]Ranked, 0, open)
	lists := newScoreReasonLists()
	var buf []ScoreReason
	for i, f := range r.Findings.All() {
		if !f.IsOpen() {
			continue
		}
		sc := scoreInto(buf, &f, sysByID[f.System], r.AsOf)
		buf = sc.Reasons
		sc.Reasons = lists.Intern(sc.Reasons)
		if len(sc.Reasons) == 0 {
			sc.Reasons = nil // as scoreFinding leaves them, never buf
		}
		r.Ranking = append(r.Ranking, Ranked{Index: i, Key: f.Key, Score: sc})
	}
	sortRanking(r)
	r.RankOf = make([]int32, r.Findings.Len())
	for i, x := range r.Ranking {
		r.RankOf[x.Index] = int32(i + 1)
	}
	// Each action's best score and its number of ranked findings, in one
	// pass over the findings in their order (the order of a.Findings):
	// the first finding with the highest score sets it.
	actionOf := actionIndex(r.Actions)
	best := make([]Score, len(r.Actions))
	ranked := make([]int32, len(r.Actions))
	for i := range r.Findings.Len() {
		at := r.RankOf[i]
		if at == 0 {
			continue
		}
		ai, ok := actionOf[r.Findings.At(i).ActionKey]
		if !ok {
			continue
		}
		sc := r.Ranking[at-1].Score
		ranked[ai]++
		if b := &best[ai]; sc.Points > b.Points || b.Reasons == nil {
			*b = sc
		}
	}
	for i := range r.Actions {
		a := &r.Actions[i]
		n := int(ranked[i])
		// best.Reasons is shared; the further findings' reason is added
		// when Score is asked.
		a.score, a.further = best[i], 0
		if n > 1 {
			a.score.Points += furtherPoints(n - 1)
			a.further = int32(n - 1)
		}
	}
	sortActions(r)
	for i := range r.Actions {
		r.Actions[i].Rank = i + 1
	}
}

// furtherPoints is what n further ranked findings add to an action's score.
func furtherPoints(n int) float64 {
	return min(WeightActionMax, float64(WeightActionPerFinding*n))
}

// FindingScore returns an open finding's score and 1-based rank; ok is
// false for findings that are not open.
func (r *Report) FindingScore(key string) (Score, int, bool) {
	fi, ok := r.Findings.Find(key)
	if !ok {
		return Score{}, 0, false
	}
	return r.ScoreAt(fi)
}

// ScoreAt is FindingScore for the finding at index i of Findings.
func (r *Report) ScoreAt(i int) (Score, int, bool) {
	if i >= len(r.RankOf) || r.RankOf[i] == 0 {
		return Score{}, 0, false
	}
	at := int(r.RankOf[i])
	return r.Ranking[at-1].Score, at, true
}
