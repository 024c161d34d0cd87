package plan

import (
	"strings"
	"testing"
	"time"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/remediation"
)

func d(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

var asOf = d("2026-11-30")

func finding(sys, prod, ver, id string) model.Finding {
	return model.Flat{Key: sys + "/" + prod + "@" + ver + "/" + id, Kind: model.KindVulnerability, System: sys, Product: prod,
		Version: ver, VulnID: id, IDs: []string{id, "JVNDB-" + id}, Priority: model.P2, Due: d("2026-12-10")}.Finding()
}

func TestApplyStagesAndActions(t *testing.T) {
	rec := func(r remediation.Record) Resolved { return Resolved{Record: r} }
	cases := []struct {
		name      string
		f         model.Finding
		recs      []Resolved
		state     model.State
		stage     model.Stage
		overdue   bool
		expired   bool
		temporary bool
		due       string
	}{
		{"no record: open, not started", finding("s1", "a:b", "1", "CVE-1"), nil, model.StateOpen, "", false, false, false, "2026-12-10"},
		{"investigate", finding("s1", "a:b", "1", "CVE-1"), []Resolved{rec(remediation.Record{System: "s1", Advisory: "CVE-1", Stage: "investigate"})}, model.StateOpen, "investigate", false, false, false, ""},
		{"assess", finding("s1", "a:b", "1", "CVE-1"), []Resolved{rec(remediation.Record{System: "s1", Advisory: "CVE-1", Stage: "assess"})}, model.StateOpen, "assess", false, false, false, ""},
		{"plan with due exception", finding("s1", "a:b", "1", "CVE-1"), []Resolved{rec(remediation.Record{System: "s1", Advisory: "CVE-1", Stage: "plan", Action: "upgrade", Due: d("2026-11-20"), ApprovedBy: "owner"})}, model.StateOpen, "plan", true, false, false, "2026-11-20"},
		{"moved due without approval is not honoured", finding("s1", "a:b", "1", "CVE-1"), []Resolved{rec(remediation.Record{System: "s1", Advisory: "CVE-1", Stage: "plan", Action: "upgrade", Due: d("2027-06-30")})}, model.StateOpen, "plan", false, false, false, "2026-12-10"},
		{"approved extension is honoured", finding("s1", "a:b", "1", "CVE-1"), []Resolved{rec(remediation.Record{System: "s1", Advisory: "CVE-1", Stage: "plan", Action: "upgrade", Due: d("2027-06-30"), ApprovedBy: "owner"})}, model.StateOpen, "plan", false, false, false, "2027-06-30"},
		{"implement patch", finding("s1", "a:b", "1", "CVE-1"), []Resolved{rec(remediation.Record{System: "s1", Advisory: "CVE-1", Stage: "implement", Action: "patch"})}, model.StateOpen, "implement", false, false, false, ""},
		{"done", finding("s1", "a:b", "1", "CVE-1"), []Resolved{rec(remediation.Record{System: "s1", Advisory: "CVE-1", Stage: "done", Action: "upgrade", Completed: d("2026-11-20")})}, model.StateDone, "done", false, false, false, ""},
		{"mitigate is temporary", finding("s1", "a:b", "1", "CVE-1"), []Resolved{rec(remediation.Record{System: "s1", Advisory: "CVE-1", Stage: "done", Action: "mitigate"})}, model.StateMitigated, "done", false, false, true, ""},
		{"workaround done", finding("s1", "a:b", "1", "CVE-1"), []Resolved{rec(remediation.Record{System: "s1", Advisory: "CVE-1", Stage: "done", Action: "workaround"})}, model.StateMitigated, "done", false, false, false, ""},
		{"replace planned", finding("s1", "a:b", "1", "CVE-1"), []Resolved{rec(remediation.Record{System: "s1", Advisory: "CVE-1", Stage: "plan", Action: "replace"})}, model.StateOpen, "plan", false, false, false, ""},
		{"accepted", finding("s1", "a:b", "1", "CVE-1"), []Resolved{rec(remediation.Record{System: "s1", Advisory: "CVE-1", Stage: "done", Action: "accept", Expires: d("2027-03-31")})}, model.StateAccepted, "done", false, false, false, ""},
		{"expired acceptance resurfaces as open", finding("s1", "a:b", "1", "CVE-1"), []Resolved{rec(remediation.Record{System: "s1", Advisory: "CVE-1", Stage: "done", Action: "accept", Expires: d("2026-10-31"), Due: d("2026-11-15"), ApprovedBy: "owner"})}, model.StateOpen, "done", true, true, false, ""},
		{"not affected", finding("s1", "a:b", "1", "CVE-1"), []Resolved{rec(remediation.Record{System: "s1", Advisory: "CVE-1", Stage: "done", Action: "not_affected"})}, model.StateNotAffected, "done", false, false, false, ""},
		{"wildcard system by alias", finding("s9", "a:b", "1", "CVE-1"), []Resolved{rec(remediation.Record{System: "*", Advisory: "JVNDB-CVE-1", Stage: "assess"})}, model.StateOpen, "assess", false, false, false, ""},
		{"most specific record wins", finding("s1", "a:b", "1", "CVE-1"), []Resolved{
			rec(remediation.Record{System: "*", Advisory: "CVE-1", Stage: "plan"}),
			rec(remediation.Record{System: "s1", Advisory: "CVE-1", Stage: "implement"}),
			rec(remediation.Record{System: "s1", Advisory: "*", Stage: "assess"})}, model.StateOpen, "implement", false, false, false, ""},
		{"action record: product with advisory *", finding("s1", "a:b", "1", "CVE-1"), []Resolved{{Record: remediation.Record{System: "s1", Product: "A:B", Advisory: "*", Stage: "plan"}, ProductKey: "a:b"}}, model.StateOpen, "plan", false, false, false, ""},
		{"other product not covered", finding("s1", "a:b", "1", "CVE-1"), []Resolved{{Record: remediation.Record{System: "s1", Product: "x:y", Advisory: "*", Stage: "plan"}, ProductKey: "x:y"}}, model.StateOpen, "", false, false, false, ""},
		{"overdue past due", func() model.Finding { f := finding("s1", "a:b", "1", "CVE-1"); f.Due = d("2026-11-29"); return f }(), nil, model.StateOpen, "", true, false, false, ""},
		{"due today is not overdue", func() model.Finding { f := finding("s1", "a:b", "1", "CVE-1"); f.Due = asOf; return f }(), nil, model.StateOpen, "", false, false, false, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			policyDue := tc.f.Due.Format("2006-01-02")
			fs := []model.Finding{tc.f}
			Apply(fs, tc.recs, asOf)
			f := fs[0]
			if f.State != tc.state || f.Stage != tc.stage || f.Overdue != tc.overdue || f.ExpiredAcceptance != tc.expired || f.Temporary != tc.temporary {
				t.Errorf("state %s stage %q overdue %v expired %v temporary %v; want %s %q %v %v %v",
					f.State, f.Stage, f.Overdue, f.ExpiredAcceptance, f.Temporary, tc.state, tc.stage, tc.overdue, tc.expired, tc.temporary)
			}
			if tc.due != "" && f.Due.Format("2006-01-02") != tc.due {
				t.Errorf("due = %s, want %s", f.Due.Format("2006-01-02"), tc.due)
			}
			if len(tc.recs) == 1 && !tc.recs[0].Due.IsZero() {
				if f.SLADue.Format("2006-01-02") != policyDue {
					t.Errorf("SLA due = %s, want the policy's %s kept", f.SLADue.Format("2006-01-02"), policyDue)
				}
				if unapproved := tc.recs[0].ApprovedBy == ""; unapproved != !f.RequestedDue.IsZero() {
					t.Errorf("requested due %v for a record approved by %q", f.RequestedDue, tc.recs[0].ApprovedBy)
				}
			}
		})
	}
}

func TestActionTargets(t *testing.T) {
	mk := func(id, target string, inclusive bool, prio model.Priority) model.Finding {
		f := finding("web", "apache:struts", "2.5.10", id)
		f.FixTarget, f.FixInclusive, f.Priority, f.State = target, inclusive, prio, model.StateOpen
		return f
	}
	t.Run("several ranges give the highest bound", func(t *testing.T) {
		fs := []model.Finding{mk("CVE-1", "2.5.10.1", false, model.P1), mk("CVE-2", "2.5.13", false, model.P3), mk("CVE-3", "2.5.12", false, model.P2)}
		as := BuildActions(fs, nil)
		if len(as) != 1 || as[0].Target != "2.5.13" || as[0].TargetOpen || as[0].TopPriority != model.P1 || len(as[0].Findings) != 3 {
			t.Fatalf("action = %+v", as)
		}
		txt := Text(as[0], i18n.Text{JA: "受注サイト", EN: "Order site"}, "Apache Struts")
		if txt.EN != "upgrade Apache Struts 2.5.10 on Order site to 2.5.13 or later: closes 3 findings, highest P1, due 2026-12-10" {
			t.Errorf("text = %q", txt.EN)
		}
		if !strings.Contains(txt.JA, "2.5.10 を 2.5.13 以降へ更新: 3 件解消、最高 P1、期限 2026-12-10") {
			t.Errorf("text = %q", txt.JA)
		}
	})
	t.Run("inclusive bound means later than", func(t *testing.T) {
		as := BuildActions([]model.Finding{mk("CVE-1", "2.5.12", true, model.P2), mk("CVE-2", "2.5.10.1", false, model.P2)}, nil)
		if as[0].Target != "2.5.12" || !as[0].TargetAfter {
			t.Fatalf("action = %+v", as[0])
		}
		if txt := Text(as[0], i18n.Plain("S"), "Struts"); !strings.Contains(txt.EN, "to newer than 2.5.12") {
			t.Errorf("text = %q", txt.EN)
		}
	})
	t.Run("open-ended range says so instead of inventing a version", func(t *testing.T) {
		as := BuildActions([]model.Finding{mk("CVE-1", "", false, model.P2)}, nil)
		if as[0].Target != "" || !as[0].TargetOpen || as[0].Kind != "confirm" {
			t.Fatalf("action = %+v", as[0])
		}
		if txt := Text(as[0], i18n.Plain("S"), "Struts"); !strings.Contains(txt.EN, "the ranges name none: check the vendor advisory") {
			t.Errorf("text = %q", txt.EN)
		}
	})
	t.Run("patch ids from the fixed text", func(t *testing.T) {
		f := mk("CVE-1", "", false, model.P2)
		as := BuildActions([]model.Finding{f}, func(string) string { return "KB5005010, KB5004945 (2021-07)" })
		if as[0].Kind != "patch" || as[0].Patches != "KB5005010, KB5004945" {
			t.Fatalf("action = %+v", as[0])
		}
	})
	t.Run("closed findings are not in actions", func(t *testing.T) {
		a, b := mk("CVE-1", "2.5.13", false, model.P2), mk("CVE-2", "2.5.20", false, model.P2)
		b.State = model.StateAccepted
		as := BuildActions([]model.Finding{a, b}, nil)
		if len(as[0].Findings) != 1 || as[0].Target != "2.5.13" {
			t.Fatalf("action = %+v", as[0])
		}
	})
	t.Run("a remediation record on the action covers all its findings", func(t *testing.T) {
		fs := []model.Finding{mk("CVE-1", "2.5.13", false, model.P1), mk("CVE-2", "2.5.12", false, model.P2)}
		Apply(fs, []Resolved{{Record: remediation.Record{ID: "R1", System: "web", Product: "apache:struts", Advisory: "*", Stage: "plan", Action: "upgrade", Owner: "ABC"}, ProductKey: "apache:struts"}}, asOf)
		as := BuildActions(fs, nil)
		if as[0].Stage != "plan" || as[0].Owner != "ABC" || len(as[0].Remediations) != 1 || as[0].Remediations[0] != "R1" {
			t.Fatalf("action = %+v", as[0])
		}
		for _, f := range fs {
			if f.RemediationID != "R1" {
				t.Errorf("%s not covered", f.Key)
			}
		}
	})
}

// TestActionKeyOfOddKeys: a finding's action key is the prefix of its key
// when the key begins with system/product@version, and made anew when it
// does not (a key from elsewhere, or one whose parts only look alike).
func TestActionKeyOfOddKeys(t *testing.T) {
	for _, c := range []struct{ key, want string }{
		{"web/apache:struts@2.5.10/CVE-1", "web/apache:struts@2.5.10"},
		{"imported-key-1", "web/apache:struts@2.5.10"},
		{"web/apache:struts@2.5.1/CVE-1", "web/apache:struts@2.5.10"},
		{"web/apache:struts@2.5.10", "web/apache:struts@2.5.10"},
		{"web/apache:strutsX2.5.10/CVE-1", "web/apache:struts@2.5.10"},
	} {
		f := finding("web", "apache:struts", "2.5.10", "CVE-1")
		f.Key, f.State = c.key, model.StateOpen
		fs := []model.Finding{f}
		if as := BuildActions(fs, nil); len(as) != 1 || as[0].Key != c.want || fs[0].ActionKey != c.want {
			t.Errorf("key %q: action key %q (finding %q), want %q", c.key, as[0].Key, fs[0].ActionKey, c.want)
		}
	}
}
