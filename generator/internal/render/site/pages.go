package site

import (
	"fmt"

	"vulnreport/generator/internal/i18n"
)

// jobs plans every page of one language, in a fixed order.
func (b *builder) jobs(lang i18n.Lang) ([]job, error) {
	ch := b.chromeFor(lang)
	pw := newPageWriter(ch, b.rw[lang], b.lb[lang])
	simple := func(k kind, tmpl, titleKey string, data func(p *Page) any) job {
		path := mustPath(k, "", 1)
		return job{page: b.newPage(lang, ch, path, i18n.T(lang, titleKey), path, nil), tmpl: tmpl, data: data}
	}
	jobs := []job{simple(kDashboard, "index.html", "section.dashboard", func(p *Page) any { return b.dashboard(lang, p) })}
	jobs = append(jobs, b.findingsJobs(lang, ch, pw)...)
	jobs = append(jobs, b.viewJobs(lang, ch, pw)...)
	jobs = append(jobs, simple(kSystems, "systems.html", "section.systems", func(p *Page) any { return b.systemsList(lang, p) }))
	jobs[len(jobs)-1].write = func(buf []byte, p *Page) ([]byte, bool) { return pw.systemsPage(buf, p, b.systemsList(lang, p)) }
	sysJobs, err := b.systemJobs(lang, ch, pw)
	if err != nil {
		return nil, err
	}
	jobs = append(jobs, sysJobs...)
	jobs = append(jobs, simple(kAdvisories, "advisories.html", "section.advisories", func(p *Page) any { return b.advisoryList(lang, p) }))
	jobs[len(jobs)-1].write = func(buf []byte, p *Page) ([]byte, bool) { return pw.advisoriesPage(buf, p, b.advisoryList(lang, p)) }
	for i := range b.r.Vulns {
		v := &b.r.Vulns[i]
		path, err := pathOf(kAdvisory, v.ID, 1)
		if err != nil {
			return nil, fmt.Errorf("advisory page: %w", err)
		}
		title := v.ID
		p := b.newPage(lang, ch, path, title, mustPath(kAdvisories, "", 1), nil)
		jobs = append(jobs, job{page: p, tmpl: "advisory.html", data: func(p *Page) any { return b.advisory(lang, p, v, false) },
			write: func(buf []byte, p *Page) ([]byte, bool) { return pw.advisoryPage(buf, p, b.advisory(lang, p, v, true)) }})
	}
	jobs = append(jobs,
		simple(kLifecycle, "lifecycle.html", "section.lifecycle", func(p *Page) any { return b.lifecycle(lang, p, false) }),
		simple(kPlan, "plan.html", "section.plan", func(p *Page) any { return b.planPage(lang, p) }))
	jobs[len(jobs)-2].write = func(buf []byte, p *Page) ([]byte, bool) { return pw.lifecyclePage(buf, p, b.lifecycle(lang, p, true)) }
	jobs = append(jobs, b.deptJobs(lang, ch, pw)...)
	jobs = append(jobs,
		simple(kTrends, "trends.html", "section.trends", func(p *Page) any { return b.trends(lang, p) }),
		simple(kQuality, "quality.html", "section.quality", func(p *Page) any { return b.quality(lang, p) }),
		simple(kMethod, "method.html", "section.method", func(p *Page) any { return b.method(lang, p) }))
	if len(b.r.Attacks) > 0 {
		jobs = append(jobs, simple(kAttacks, "attacks.html", "section.attacks", func(p *Page) any { return b.attacks(lang, p) }))
	}
	for i := range b.pages {
		cp := &b.pages[i]
		if cp.Lang != lang {
			continue
		}
		path, err := pathOf(kContent, cp.Slug, 1)
		if err != nil {
			return nil, fmt.Errorf("content page %s: %w", cp.File, err)
		}
		p := b.newPage(lang, ch, path, cp.Title, path, func(l i18n.Lang) string {
			if b.hasContent(l, cp.Slug) {
				return path
			}
			return ""
		})
		jobs = append(jobs, job{page: p, tmpl: "page.html", data: func(*Page) any { return cp }})
	}
	for i := range jobs {
		jobs[i].page.b = b
		jobs[i].lang = lang
		if !b.fast || !b.ts.fastPage[jobs[i].tmpl] {
			jobs[i].write = nil
		}
	}
	return jobs, nil
}

// hasContent reports whether a content page exists in lang.
func (b *builder) hasContent(lang i18n.Lang, slug string) bool {
	for _, p := range b.pages {
		if p.Lang == lang && p.Slug == slug {
			return true
		}
	}
	return false
}
