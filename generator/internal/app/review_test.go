package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/plan"
	"vulnreport/generator/internal/report"
	"vulnreport/generator/internal/source"
)

// TestWholesaleRemediationShown checks that records changing the picture
// wholesale are listed with file and line in the model's data quality and
// decisions and on the site's quality page, that a done record dated after
// the as-of date does not count as done, and that future dates and
// over-long acceptances are warned about by check and build alike.
func TestWholesaleRemediationShown(t *testing.T) {
	fsys := fixture(month1)
	fsys["policy.yaml"] = &fstest.MapFile{Data: []byte("organization: {ja: テスト株式会社, en: Test Corp}\nwholesale_threshold: 1\nmax_acceptance_days: 180\n")}
	fsys["remediation.yaml"] = &fstest.MapFile{Data: []byte(`- {id: ALL, system: "*", advisory: "*", stage: done, action: accept, justification: 予算なし, approved_by: CIO, expires: 9999-12-31, completed: 2026-11-01}
- {id: LATER, system: intra, advisory: CVE-2000-0003, stage: done, action: patch, completed: 2027-04-30}
`)}
	// the acceptance covers the two Struts findings of web (not the
	// Tomcat one LATER names more precisely)
	var diags source.Diagnostics
	r, _, err := Analyze(Options{Data: fsys, AsOf: date("2026-11-30")}, &diags, func(string, int) {})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]report.RemediationReview{}
	for _, rv := range r.Quality.Reviews {
		kinds[rv.Kind+"/"+rv.Record] = rv
	}
	for _, want := range []struct{ key, at string }{
		{plan.ReviewWholesale + "/ALL", "remediation.yaml:1:3"},
		{plan.ReviewAcceptKEV + "/ALL", "remediation.yaml:1:3"},
		{plan.ReviewFutureDone + "/LATER", "remediation.yaml:2:3"},
	} {
		rv, ok := kinds[want.key]
		if !ok {
			t.Errorf("no review %s in %+v", want.key, r.Quality.Reviews)
			continue
		}
		if rv.At != want.at || !strings.Contains(rv.Text.JA, want.at) || !strings.Contains(rv.Text.EN, want.at) {
			t.Errorf("review %s at %s, text %q; want %s", want.key, rv.At, rv.Text.EN, want.at)
		}
	}
	if rv := kinds[plan.ReviewAcceptKEV+"/ALL"]; rv.KEV != 1 || rv.P1 != 1 {
		t.Errorf("KEV/P1 acceptance counts KEV %d, P1 %d; want 1, 1", rv.KEV, rv.P1)
	}
	decided := 0
	for _, d := range r.Decisions {
		if d.Kind == model.DecisionRemediationReview {
			decided++
		}
	}
	if decided != len(r.Quality.Reviews) {
		t.Errorf("%d remediation decisions for %d reviews", decided, len(r.Quality.Reviews))
	}
	for _, f := range r.Findings.All() {
		if f.VulnID == "CVE-2000-0003" {
			if f.State != model.StateOpen || f.Stage != "implement" {
				t.Errorf("done on 2027-04-30 counted as %s/%s, want open/implement", f.State, f.Stage)
			}
		}
		if f.RemediationID == "ALL" && !f.AcceptExpires.Equal(date("2027-04-30")) {
			t.Errorf("acceptance expires %v, want capped at 2026-11-01 + 180 days = 2027-04-30", f.AcceptExpires)
		}
	}
	var o, e bytes.Buffer
	if err := Check(Options{Data: fsys, AsOf: date("2026-11-30")}, &o, &e); err != nil {
		t.Fatalf("check: %v", err)
	}
	for _, want := range []string{
		// the policy's first language is Japanese (the default)
		`remediation.yaml:1:3: warning: remediation ALL: 項目 "expires" の 9999-12-31 はポリシーの max_acceptance_days (180 日、2026-11-01 から) を超えます。2027-04-30 に期限が切れるものとして扱います`,
		"remediation.yaml:2:3: warning: remediation LATER: 段階 done (完了) ですが完了日 2027-04-30 が基準日 2026-11-30 より後です。その日までは完了とせず ④対策の実施 として扱います",
	} {
		if !strings.Contains(o.String(), want) {
			t.Errorf("check does not say %q:\n%s", want, o.String())
		}
	}

	out := filepath.Join(t.TempDir(), "out")
	if _, err := Build(context.Background(), Options{Data: fsys, OutDir: out, AsOf: date("2026-11-30"), Today: date("2026-11-30"), Formats: "site"}, &o, &e); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(out, "quality.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"確認が必要な対応記録", "<code>remediation.yaml:1:3</code>", "<code>remediation.yaml:2:3</code>"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("quality.html lacks %q", want)
		}
	}
}

// TestFutureDates checks the warnings on dates after the as-of date in
// fields that record something that has happened.
func TestFutureDates(t *testing.T) {
	fsys := fixture("web,apache:struts,2.5.10,2027-01-05\n")
	fsys["policy.yaml"] = &fstest.MapFile{Data: []byte("organization: Test Corp\nlanguages: [en, ja]\n")}
	fsys["components.csv"] = &fstest.MapFile{Data: []byte("system,product,version,installed\nweb,apache:struts,2.5.10,2027-01-05\n")}
	fsys["advisories/b.yaml"] = &fstest.MapFile{Data: []byte("- {id: CVE-2099-1, title: later, published: 2027-02-01, affected: [{product: \"x:y\", versions: \"*\"}]}\n")}
	fsys["remediation.yaml"] = &fstest.MapFile{Data: []byte("- {id: R1, system: web, advisory: CVE-2017-5638, stage: implement, action: patch, completed: 2026-12-24}\n")}
	var o, e bytes.Buffer
	if err := Check(Options{Data: fsys, AsOf: date("2026-11-30")}, &o, &e); err != nil {
		t.Fatalf("check: %v\n%s", err, o.String())
	}
	for _, want := range []string{
		`components.csv:2:1: warning: component: field "installed": 2027-01-05 is after the as-of date 2026-11-30`,
		`advisories/b.yaml:1:3: warning: advisory CVE-2099-1: field "published": 2027-02-01 is after the as-of date`,
		`remediation.yaml:1:3: warning: remediation R1: field "completed": 2026-12-24 is after the as-of date`,
	} {
		if !strings.Contains(o.String(), want) {
			t.Errorf("check does not say %q:\n%s", want, o.String())
		}
	}
	for _, l := range strings.Split(o.String(), "\n") {
		if strings.HasPrefix(l, "systems.yaml:") {
			t.Errorf("a past date was warned about: %s", l)
		}
	}
}
