package site_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"vulnreport/generator/internal/publish"
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/render/site"
	"vulnreport/generator/internal/report"
	"vulnreport/generator/internal/testutil/golden"
)

// TestCompletedOpenMarked gives the fixture's top fix action a recorded
// completion while its findings stay open: the dashboard's top list and
// the plan page mark that one action 完了記録あり・未解消 / recorded done,
// still open (the PDF's pdf.completed_open), in both languages, the fast
// writers exactly as the templates; without a recorded completion nothing
// is marked.
func TestCompletedOpenMarked(t *testing.T) {
	base := fixture(t)
	marked := *base
	marked.Actions = append([]report.Action(nil), base.Actions...)
	ai := -1
	for i := range marked.Actions {
		marked.Actions[i].Completed = base.Actions[i].Completed
		if ai < 0 && len(marked.Actions[i].Findings) > 0 && base.Actions[i].Completed.IsZero() {
			ai = i
		}
	}
	if ai < 0 || ai >= 10 {
		t.Fatalf("fixture has no open top-10 action to mark (index %d)", ai)
	}
	marked.Actions[ai].Completed = day("2026-11-20")
	labels := map[string]string{"": "完了記録あり・未解消", "en/": "recorded done, still open"}
	deps := render.Deps{Content: contentFS}
	for name, rep := range map[string]*report.Report{"base": base, "marked": &marked} {
		fast := build(t, rep, deps, site.PageSize)
		slow := publish.NewMemory()
		if err := site.NewSlow(deps, site.PageSize).Render(context.Background(), rep, slow); err != nil {
			t.Fatal(err)
		}
		for dir, label := range labels {
			for _, page := range []string{"index.html", "plan.html"} {
				a, _ := fast.Get(dir + page)
				b, _ := slow.Get(dir + page)
				if !bytes.Equal(a, b) {
					t.Errorf("%s: %s%s differs from the templates' output:\n%s", name, dir, page, golden.Diff(string(b), string(a)))
				}
				want := 0
				if name == "marked" {
					want = 1
				}
				if got := strings.Count(string(a), `<span class="tag warn">`+label+`</span>`); got != want {
					t.Errorf("%s: %s%s has %d %q markers, want %d", name, dir, page, got, label, want)
				}
			}
		}
		if name == "marked" {
			page, _ := fast.Get("index.html")
			text := strings.ReplaceAll(base.Actions[ai].Text.JA, "&", "&amp;")
			if !strings.Contains(string(page), `<span class="tag warn">完了記録あり・未解消</span> `+text) {
				t.Errorf("dashboard does not mark the row of %q", base.Actions[ai].Text.JA)
			}
		}
	}
}
