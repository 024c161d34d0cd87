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
// completion while its findings stay open: the dashboard's top list, the
// plan page and the action's system page mark that one action 完了記録あり・未解消 / recorded done,
// still open (the PDF's pdf.completed_open), in both languages, the fast
// writers exactly as the templates; without a recorded completion nothing
// is marked.
func TestCompletedOpenMarked(t *testing.T) {
	base := fixture(t)
	marked := *base
	marked.Actions = append([]report.Action(nil), base.Actions...)
	ai := -1
	for i := range marked.Actions {
		if ai < 0 && len(marked.Actions[i].Findings) > 0 && base.Actions[i].Completed.IsZero() {
			ai = i
		}
	}
	if ai < 0 || ai >= 10 {
		t.Fatalf("fixture has no open top-10 action to mark (index %d)", ai)
	}
	// The action's plan is the base report's, and its Work is shared with
	// others: the marked one gets its own of each.
	p, w := *marked.Actions[ai].Plan, *marked.Actions[ai].Work
	w.Completed = day("2026-11-20")
	p.Work = &w
	marked.Actions[ai].Plan = &p
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
		// The system page's actions table: the marked action's system page
		// carries the one marker, fast writer and template alike.
		for dir, label := range labels {
			page := dir + "systems/" + base.Actions[ai].System + ".html"
			a, ok := fast.Get(page)
			if !ok {
				t.Fatalf("%s: no %s", name, page)
			}
			b, _ := slow.Get(page)
			if !bytes.Equal(a, b) {
				t.Errorf("%s: %s differs from the template's output:\n%s", name, page, golden.Diff(string(b), string(a)))
			}
			want := 0
			if name == "marked" {
				want = 1
			}
			marker := `<span class="tag warn">` + label + `</span>`
			if got := strings.Count(string(a), marker); got != want {
				t.Errorf("%s: %s has %d %q markers, want %d", name, page, got, label, want)
			}
			total := 0
			for _, n := range fast.Names() {
				if strings.HasPrefix(n, dir+"systems/") && !strings.HasPrefix(n, "en/") == (dir == "") {
					got, _ := fast.Get(n)
					total += strings.Count(string(got), marker)
				}
			}
			if total != want {
				t.Errorf("%s: %d %q markers across %ssystems/, want %d", name, total, label, dir, want)
			}
		}
		if name == "marked" {
			page, _ := fast.Get("index.html")
			text := strings.ReplaceAll(base.Actions[ai].Text().JA, "&", "&amp;")
			if !strings.Contains(string(page), `<span class="tag warn">完了記録あり・未解消</span> `+text) {
				t.Errorf("dashboard does not mark the row of %q", base.Actions[ai].Text().JA)
			}
		}
	}
}
