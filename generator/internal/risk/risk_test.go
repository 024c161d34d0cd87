package risk

import (
	"testing"
	"time"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/policy"
)

func TestRank(t *testing.T) {
	web := inventory.System{Category: "website", Exposure: "internet", Data: []string{"personal"}, Criticality: "medium"}
	exposedInternal := inventory.System{Category: "internal", Exposure: "internet", Criticality: "low"}
	internal := inventory.System{Category: "internal", Exposure: "intranet", Criticality: "low"}
	holder := inventory.System{Category: "internal", Exposure: "intranet", Data: []string{"business"}, Criticality: "low"}
	critical := inventory.System{Category: "internal", Exposure: "isolated", Criticality: "high"}
	th := policy.Default().Thresholds
	score := func(s float64) model.Finding { return model.Flat{HasCVSS: true, CVSS: s}.Finding() }
	kev := model.Flat{Exploited: true, KEV: true, HasCVSS: true, CVSS: 5.0}.Finding()
	epss := model.Flat{HasCVSS: true, CVSS: 7.5, HasEPSS: true, EPSS: 0.2}.Finding()
	cases := []struct {
		name    string
		f       model.Finding
		sys     inventory.System
		th      policy.Thresholds
		want    model.Priority
		reasons string
	}{
		{"KEV on internet website with personal data", kev, web, th, model.P1, "P1: KEV 掲載 + インターネット公開 + 公開ウェブサイト + 個人情報"},
		{"CVSS 9.8 on internet website", score(9.8), web, th, model.P1, "P1: CVSS 9.8 (9.0 以上) + インターネット公開 + 公開ウェブサイト + 個人情報"},
		{"CVSS 9.0 boundary on website", score(9.0), web, th, model.P1, ""},
		{"CVSS 9.8 on internet system without data is P2", score(9.8), exposedInternal, th, model.P2, "P2: CVSS 9.8 (7.0 以上) + インターネット公開"},
		{"exploited on intranet", kev, internal, th, model.P2, "P2: KEV 掲載"},
		{"CVSS 7.0 on data holder", score(7.0), holder, th, model.P2, "P2: CVSS 7.0 (7.0 以上) + 業務上の重要情報"},
		{"CVSS 7.0 on high criticality", score(7.5), critical, th, model.P2, "P2: CVSS 7.5 (7.0 以上) + 重要度 高"},
		{"CVSS 7.5 intranet no data", score(7.5), internal, th, model.P3, "P3: CVSS 7.5 (4.0 以上)"},
		{"EPSS 0.2 with CVSS 7.5 anywhere", epss, internal, th, model.P2, "P2: CVSS 7.5 (7.0 以上) + EPSS 0.20 (0.10 以上)"},
		{"EPSS below threshold", model.Flat{HasCVSS: true, CVSS: 7.5, HasEPSS: true, EPSS: 0.05}.Finding(), internal, th, model.P3, ""},
		{"no score is P3, not zero", model.Flat{}.Finding(), internal, th, model.P3, "P3: CVSS スコアなし (データなし)"},
		{"CVSS 3.9 is P4", score(3.9), internal, th, model.P4, "P4: CVSS 3.9 (4.0 未満)"},
		{"CVSS 4.0 boundary is P3", score(4.0), internal, th, model.P3, ""},
		{"raised P1 threshold", score(9.5), web, policy.Thresholds{P1CVSS: 9.6, P2CVSS: 7, P3CVSS: 4, P2EPSS: 0.1}, model.P2, ""},
		{"lowered P3 threshold", score(3.0), internal, policy.Thresholds{P1CVSS: 9, P2CVSS: 7, P3CVSS: 3, P2EPSS: 0.1}, model.P3, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := tc.f
			Rank(&f, tc.sys, tc.th)
			if f.Priority != tc.want {
				t.Errorf("priority = %s, want %s (%s)", f.Priority, tc.want, ReasonText(f, i18n.JA))
			}
			if tc.reasons != "" && ReasonText(f, i18n.JA) != tc.reasons {
				t.Errorf("reasons = %q, want %q", ReasonText(f, i18n.JA), tc.reasons)
			}
			if len(f.Reasons) == 0 || f.Reasons[0].Text.EN == "" {
				t.Errorf("reasons missing English: %+v", f.Reasons)
			}
		})
	}
}

func TestRankEOL(t *testing.T) {
	for _, tc := range []struct {
		exposure string
		want     model.Priority
	}{{"internet", model.P2}, {"intranet", model.P3}, {"isolated", model.P3}} {
		f := model.Flat{Kind: model.KindEOL}.Finding()
		RankEOL(&f, inventory.System{Exposure: tc.exposure})
		if f.Priority != tc.want {
			t.Errorf("%s: %s, want %s", tc.exposure, f.Priority, tc.want)
		}
	}
}

func d(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestDue(t *testing.T) {
	sla := policy.Default().SLADays
	cases := []struct {
		name      string
		f         model.Finding
		want, src string
	}{
		{"P1 across the month end", model.Flat{Priority: model.P1, FirstSeen: d("2026-11-28")}.Finding(), "2026-12-05", "sla"},
		{"P2 across the year end", model.Flat{Priority: model.P2, FirstSeen: d("2026-12-15")}.Finding(), "2027-01-14", "sla"},
		{"P3 over February", model.Flat{Priority: model.P3, FirstSeen: d("2027-01-31")}.Finding(), "2027-05-01", "sla"},
		{"P4 in a leap year", model.Flat{Priority: model.P4, FirstSeen: d("2027-09-01")}.Finding(), "2028-02-28", "sla"},
		{"earlier KEV due date wins", model.Flat{Priority: model.P2, FirstSeen: d("2026-11-01"), KEV: true, KEVDue: d("2026-11-10")}.Finding(), "2026-11-10", "kev"},
		{"later KEV due date loses", model.Flat{Priority: model.P1, FirstSeen: d("2026-11-01"), KEV: true, KEVDue: d("2026-12-10")}.Finding(), "2026-11-08", "sla"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := tc.f
			Due(&f, sla)
			if got := f.Due.Format("2006-01-02"); got != tc.want || f.DueSource != tc.src {
				t.Errorf("due = %s (%s), want %s (%s)", got, f.DueSource, tc.want, tc.src)
			}
		})
	}
}
