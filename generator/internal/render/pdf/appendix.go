package pdf

import (
	"strconv"
	"strings"

	"vulnreport/generator/internal/model"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/report"
)

// method is the appendix on method and sources: priority rules with the
// policy's thresholds, due dates and SLA, the counting unit, every
// headline figure's definition, the horizons, the feeds and the input
// files with their SHA-256 digests.
func (d *doc) method() {
	pol := d.r.Policy
	d.lead(d.t("pdf.lead.method"))
	f1 := func(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }
	d.sub(d.t("pdf.sub.rules"), 30)
	t := table{cols: []col{{head: d.t("priority"), w: 26, prio: true}, {head: d.t("pdf.condition"), w: 128},
		{head: d.t("pdf.sla_days"), w: 20, align: 'R'}}}
	args := map[model.Priority][]any{model.P1: {f1(pol.P1CVSS)}, model.P2: {f1(pol.P2CVSS), strconv.FormatFloat(pol.P2EPSS, 'f', 2, 64)},
		model.P3: {f1(pol.P3CVSS)}}
	for _, p := range model.Priorities {
		t.addPrio(p, d.t(p.LabelKey()), d.tf("pdf.rule."+p.String(), args[p]...), i18n.Tn(d.lang, "pdf.days", pol.SLADays[p]))
	}
	d.table(t)
	d.note(d.t("pdf.rule.eol"))

	d.sub(d.t("pdf.sub.counting"), 20)
	d.font(sizeBody)
	d.bulletN(d.t("pdf.bullet"), d.t("pdf.method.unit"), 6)
	d.bulletN(d.t("pdf.bullet"), d.t("pdf.method.due"), 6)
	d.bulletN(d.t("pdf.bullet"), d.t("pdf.method.closed"), 6)
	d.bulletN(d.t("pdf.bullet"), d.t("pdf.method.sla"), 6)

	d.sub(d.t("pdf.sub.definitions"), 30)
	t = table{cols: []col{{head: d.t("pdf.figure"), w: 40}, {head: d.t("pdf.definition"), w: 110},
		{head: d.t("col.target_value"), w: 24}}, maxLines: 6}
	for _, h := range d.r.Summary.Headlines {
		_, _, target, _, _ := d.headline(h)
		t.rows = append(t.rows, []string{d.tx(h.Label), d.t("pdf.def." + h.Key), target})
	}
	d.table(t)

	d.sub(d.t("pdf.sub.vocabulary"), 30)
	t = table{cols: []col{{head: d.t("pdf.figure"), w: 50}, {head: d.t("pdf.definition"), w: 104}, {head: d.t("col.value"), w: 20, align: 'R'}},
		maxLines: 4, size: sizeSmall}
	s := d.r.Summary
	values := map[string]int{i18n.TermOpenFindings: s.OpenTotal, i18n.TermOverdueFindings: s.Overdue, i18n.TermOverdueSLA: s.OverdueSLA,
		i18n.TermFixActions: s.Actions, i18n.TermOverdueActions: s.OverdueActions, i18n.TermExploitedInternet: s.ExploitedInternet,
		i18n.TermDecisions: len(d.r.Decisions), i18n.TermExceptions: len(d.r.Exceptions)}
	for _, k := range i18n.Terms {
		t.rows = append(t.rows, []string{d.t(k), d.t(k + ".def"), num(values[k])})
	}
	d.table(t)

	d.sub(d.t("pdf.sub.ranking"), 30)
	d.note(d.t("pdf.ranking_note"))
	t = table{cols: []col{{head: d.t("pdf.figure"), w: 50}, {head: d.t("pdf.condition"), w: 104}, {head: d.t("pdf.points"), w: 20, align: 'R'}},
		maxLines: 3, size: sizeSmall}
	for _, w := range report.Weights {
		pts := points(w.Points)
		if w.Points == 0 {
			pts = "× 0.5"
		}
		t.rows = append(t.rows, []string{d.tx(w.Label), d.tx(w.Rule), pts})
	}
	d.table(t)
	d.note(d.t("pdf.age_note"))

	d.sub(d.t("pdf.sub.freshness"), 20)
	t = table{cols: []col{{head: d.t("col.kind"), w: 50}, {head: d.t("pdf.date"), w: 40, align: 'C'}, {head: d.t("pdf.days_since"), w: 40, align: 'R'},
		{head: d.t("col.value"), w: 44, align: 'R'}}, size: sizeSmall}
	for _, f := range d.r.Freshness {
		date, age := d.t("nodata"), d.t("nodata")
		if f.HasDate {
			date, age = day(f.Date), num(f.AgeDays)
		}
		if f.Stale {
			age = "▲ " + age
		}
		t.rows = append(t.rows, []string{d.t("feed." + f.Kind), date, age, i18n.Tn(d.lang, "pdf.days", f.MaxDays)})
	}
	d.table(t)

	d.sub(d.t("pdf.sub.horizons"), 30)
	t = table{cols: []col{{head: d.t("pdf.setting"), w: 120}, {head: d.t("col.value"), w: 54, align: 'R'}}}
	for _, h := range []struct {
		key string
		n   int
	}{
		{"pdf.h.eol_warning", pol.EOLWarningDays}, {"pdf.h.stale", pol.StaleDays}, {"pdf.h.inspection", pol.InspectionDays},
		{"pdf.h.ack", pol.AckDays}, {"pdf.h.acceptance", pol.AcceptanceDays}, {"pdf.h.due_soon", pol.DueSoonDays},
	} {
		t.rows = append(t.rows, []string{d.t(h.key), i18n.Tn(d.lang, "pdf.days", h.n)})
	}
	d.table(t)

	if len(d.r.Schemes) > 0 {
		d.sub(d.t("pdf.sub.schemes"), 25)
		t = table{cols: []col{{head: d.t("pdf.scheme"), w: 74}, {head: d.t("pdf.scheme_findings"), w: 50, align: 'R'},
			{head: d.t("pdf.scheme_confirm"), w: 50, align: 'R'}}}
		for _, s := range d.r.Schemes {
			t.rows = append(t.rows, []string{s.Scheme, num(s.Findings), num(s.Confirm)})
		}
		d.table(t)
		d.note(d.t("pdf.schemes_note"))
	}

	d.sub(d.t("feeds"), 25)
	t = table{cols: []col{{head: d.t("col.kind"), w: 18}, {head: d.t("col.file"), w: 80}, {head: d.t("col.version"), w: 30},
		{head: d.t("pdf.date"), w: 26, align: 'C'}, {head: d.t("col.count"), w: 20, align: 'R'}}, maxLines: 3}
	for _, f := range d.r.Sources.Feeds {
		t.rows = append(t.rows, []string{f.Kind, f.Path, f.Version, f.Date, num(f.Records)})
	}
	d.table(t)
	epss := d.t("nodata")
	if d.r.Sources.EPSSDate != "" || d.r.Sources.EPSSModel != "" {
		epss = d.tf("pdf.epss_text", d.r.Sources.EPSSDate, d.r.Sources.EPSSModel)
	}
	d.note("EPSS: " + epss)
	if fetched := fetchedFeeds(d.r.Sources.Feeds); fetched != "" {
		d.note(d.tf("pdf.fetched_note", fetched))
	}

	d.sub(d.t("input_files"), 25)
	t = table{cols: []col{{head: d.t("col.file"), w: 40}, {head: d.t("col.kind"), w: 16},
		{head: d.t("pdf.records"), w: 22, align: 'R'}, {head: d.t("col.sha256"), w: 88, fit: true}}, size: 7}
	for _, f := range d.r.Sources.Inputs {
		t.rows = append(t.rows, []string{f.Path, f.Kind, num(f.Read) + " / " + num(f.Accepted) + " / " + num(f.Rejected), f.SHA256})
	}
	d.table(t)
	d.note(d.tf("pdf.inputs_note", d.r.ToolVersion, d.r.SchemaVersion))
}

// glossaryTerms lists the glossary entries, in the guide's order of ideas.
func glossaryTerms() []string {
	return []string{"vuln", "finding", "jvn", "cve", "cvss", "kev", "epss", "eol", "config", "patch", "workaround",
		"mitigate", "acceptance", "steps", "sla", "owner", "contractor", "inspection", "notification"}
}

// glossary prints the guide's terms with short explanations.
func (d *doc) glossary() {
	d.lead(d.t("pdf.lead.glossary"))
	t := table{cols: []col{{head: d.t("pdf.term"), w: 44}, {head: d.t("pdf.meaning"), w: 130}}}
	for _, k := range glossaryTerms() {
		t.rows = append(t.rows, []string{d.t("pdf.gloss." + k), d.t("pdf.gloss." + k + ".def")})
	}
	d.table(t)
}

// headlineKeys lists the headline keys the definitions cover, for tests.
func headlineKeys() []string {
	return []string{report.HeadP1P2, report.HeadOverdue, report.HeadExploited, report.HeadEOL, report.HeadOpen, report.HeadSLA}
}

// fetchedFeeds summarises where `vulnreport fetch` got each feed and when
// (feeds/FETCH.json): one "kind URL (time)" per kind, the latest fetch.
func fetchedFeeds(feeds []report.FeedInfo) string {
	type src struct{ url, at string }
	by := map[string]src{}
	var kinds []string
	for _, f := range feeds {
		if f.URL == "" {
			continue
		}
		u, _, _ := strings.Cut(f.URL, "?")
		if cur, ok := by[f.Kind]; !ok || f.Fetched > cur.at {
			if !ok {
				kinds = append(kinds, f.Kind)
			}
			by[f.Kind] = src{u, f.Fetched}
		}
	}
	var parts []string
	for _, k := range kinds {
		parts = append(parts, k+" "+by[k].url+" ("+by[k].at+")")
	}
	return strings.Join(parts, "; ")
}
