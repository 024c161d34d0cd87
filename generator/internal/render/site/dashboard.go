package site

import (
	"strconv"
	"strings"
	"time"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/report"
)

// dashboardData is the month in numbers.
type dashboardData struct {
	Month     string
	Tiles     []tile
	Sentences []string
	Decisions []report.Decision
	DecTotal  int
	Scope     scope
	KEV       kevBlock
	Charts    []*svg
	Age       []report.AgeRow
	Buckets   []string
	Owners    []report.OwnerRow
	OwnTotal  int
	Top       []actionView
	Quality   qualityLine
	Escalated int
	// Banner is the data-quality warning, "" when nothing was rejected or skipped.
	Banner string
	// Fresh is the coverage and feed-freshness block.
	Fresh freshBlock
	// ScanAlert names the systems not scanned this month and those with
	// stale scanner results, "" when there are none.
	ScanAlert string
	// Reasons are the top actions' ranking reasons, by position in Top.
	Reasons []string
	// Cards are the department scorecards; DueSoonDays the window of their column.
	Cards []report.Scorecard
	// Unowned warns of open findings on systems with no registered department.
	Unowned     string
	DueSoonDays int
	// Exceptions are the first entries of the exceptions register.
	Exceptions []report.Exception
	ExTotal    int
	ExLead     string
	// TopLead names the fix-action count and how the top list is ranked.
	TopLead string
}

// freshBlock states coverage and each feed's age against the policy.
type freshBlock struct {
	Text  string
	Stale bool
	Feeds []freshLine
}

type freshLine struct {
	Name, Date, Age, Max string
	Stale                bool
}

// tile is one headline figure.
type tile struct {
	Key, Label, Value, Unit string
	// N is the value as a number, for tests and scripts.
	N            int
	HasPrev      bool
	Prev, Change string
	Target       string
	Met          bool
	Href         string
	// Rows is the number of rows the linked list holds; it differs from
	// the value only if the report's link does not reproduce the figure.
	Rows, Mismatch bool
	RowCount       string
	// Review replaces "met" when records were rejected or files skipped:
	// a figure on partial inputs is never shown as met.
	Review bool
	// NoBasis: nothing to judge against; neither met nor missed ("—").
	NoBasis bool
}

type scope struct {
	Systems, Active, Current, Hosts, Components int
	CurrentShare                                string
	Feeds                                       []feedLine
	EPSSDate                                    string
	Previous                                    string
}

type kevBlock struct {
	// Listed counts the open exploited findings in CISA KEV: the base
	// of OldestDays and PastDue.
	Open, Internet, Listed, OldestDays, PastDue int
	Href                                        string
}

type qualityLine struct {
	Stale, NoOwner, Unmatched, BadVersions, Rejected, Confirm, KEVInstalled int
}

func (b *builder) dashboard(lang i18n.Lang, p *Page) any {
	r := b.r
	s := r.Summary
	d := &dashboardData{Month: monthLabel(lang, r.AsOf), Age: r.Posture.Age, Buckets: report.AgeBuckets[:], DecTotal: len(r.Decisions),
		OwnTotal: len(r.Posture.ByOwner), Escalated: len(r.Trends.Escalated)}
	for _, h := range s.Headlines {
		d.Tiles = append(d.Tiles, b.tile(lang, p, h))
	}
	for _, t := range r.Sentences {
		d.Sentences = append(d.Sentences, t.Get(lang))
	}
	d.Decisions = r.Decisions[:min(len(r.Decisions), 10)]
	d.Scope = scope{Systems: s.Systems, Active: s.SystemsActive, Current: s.SystemsCurrent, Hosts: s.Hosts, Components: s.Components,
		Feeds: feedLines(r.Sources.Feeds), EPSSDate: r.Sources.EPSSDate}
	if s.SystemsActive > 0 {
		d.Scope.CurrentShare = strconv.Itoa(int(float64(s.SystemsCurrent)/float64(s.SystemsActive)*100+0.5)) + "%"
	}
	if !r.Previous.IsZero() {
		d.Scope.Previous = date(r.Previous)
	}
	d.KEV = kevBlock{Open: s.ExploitedOpen, Internet: s.ExploitedInternet, Listed: s.KEVOpen, OldestDays: s.KEVOldestDays, PastDue: s.KEVPastDue}
	for _, v := range b.views {
		if v.key == report.HeadExploited {
			d.KEV.Href = p.Href(mustPath(kView, v.key, 1)) + "?" + v.query
		}
	}
	c := b.charts
	d.Charts = []*svg{barSVG(c.OpenByPriority, lang), barSVG(c.PriorityByCategory, lang), barSVG(c.PriorityByExposure, lang),
		lineSVG(c.Trend, lang), barSVG(c.Flow, lang), b.slaSVG(lang)}
	d.Owners = r.Posture.ByOwner[:min(len(r.Posture.ByOwner), 10)]
	// The one risk ranking: the model's action order.
	for ai := range r.Actions[:min(len(r.Actions), 10)] {
		d.Top = append(d.Top, b.actionView(lang, p, int32(ai), false))
		sc := r.Actions[ai].Score()
		d.Reasons = append(d.Reasons, strconv.FormatFloat(sc.Points, 'f', 1, 64)+": "+sc.ReasonText(lang, 4))
	}
	share := 0.0
	for _, a := range r.Actions[:min(len(r.Actions), 10)] {
		share += a.RiskShare
	}
	d.TopLead = i18n.Tf(lang, "pdf.lead.top_actions", num(s.Actions), len(d.Top), strconv.FormatFloat(share*100, 'f', 1, 64)+"%")
	d.Cards, d.DueSoonDays = r.Scorecards, r.Policy.DueSoonDays
	if s.UnownedOpen > 0 {
		d.Unowned = i18n.Tf(lang, "unowned.alert", num(s.UnownedOpen), num(s.UnownedOverdue))
	}
	d.Exceptions, d.ExTotal = r.Exceptions[:min(len(r.Exceptions), 15)], len(r.Exceptions)
	moved := 0
	for _, e := range r.Exceptions {
		if e.DueMoved {
			moved++
		}
	}
	d.ExLead = i18n.Tf(lang, "pdf.lead.exceptions", num(len(r.Exceptions)), num(moved), num(s.Extensions), num(s.ExtensionsUnapproved), num(s.Overdue), num(s.OverdueSLA))
	if q := r.Quality; q.Alert() {
		d.Banner = i18n.Tf(lang, "pdf.quality_banner", num(q.Rejected), num(q.Read), num(len(q.Skipped)))
	}
	d.Fresh = freshness(lang, r)
	d.ScanAlert = r.ScanAlert(lang)
	d.Quality = qualityLine{Stale: len(r.Posture.StaleInventory), NoOwner: len(r.Posture.NoOwner), Unmatched: len(r.Quality.Unmatched),
		BadVersions: len(r.Quality.BadVersions), Rejected: r.Quality.Rejected, Confirm: s.NeedsConfirmation}
	for _, k := range r.KEVUnmatched {
		if k.Installed {
			d.Quality.KEVInstalled++
		}
	}
	return d
}

// tile builds a headline tile and its link to exactly its findings.
func (b *builder) tile(lang i18n.Lang, p *Page, h report.Headline) tile {
	t := tile{Key: h.Key, Label: h.Label.Get(lang), Value: num(h.Value), N: h.Value, HasPrev: h.HasPrev, Met: h.Met,
		Review: h.Met && b.r.Quality.Alert(), NoBasis: h.NoBasis}
	if h.HasPrev {
		t.Prev, t.Change = num(h.Prev), report.Change(h.Value, h.Prev)
	}
	switch {
	case h.Key == report.HeadSLA:
		t.Unit = "%"
		t.Target = num(h.Target) + "%"
		t.Href = p.Href(mustPath(kTrends, "", 1)) + "#sla"
		if !b.r.Summary.HasSLARate {
			t.Value, t.Unit = i18n.T(lang, "nodata"), ""
		}
	case h.Rule == report.TargetNoIncrease:
		t.Target = i18n.T(lang, "target.no_increase")
	default:
		t.Target = num(h.Target)
	}
	for _, v := range b.views {
		if v.key == h.Key {
			t.Href = p.Href(mustPath(kView, v.key, 1)) + "?" + v.query
			t.Rows = true
			if len(v.idx) != h.Value {
				t.Mismatch, t.RowCount = true, num(len(v.idx))
			}
		}
	}
	return t
}

// monthLabel names the report's month: "2026年11月", "November 2026".
func monthLabel(lang i18n.Lang, t time.Time) string {
	return i18n.Tf(lang, "month", strconv.Itoa(t.Year()), int(t.Month()), t.Month().String())
}

// slaSVG draws the SLA bars with "no data" where nothing was closed.
func (b *builder) slaSVG(lang i18n.Lang) *svg {
	missing := make([]bool, len(b.r.Trends.SLA))
	for i, row := range b.r.Trends.SLA {
		missing[i] = !row.HasRate
	}
	return barSVGMissing(b.charts.SLA, lang, missing)
}

// feedLine is one kind of public feed: how many files, the latest date,
// and the version when there is one file.
type feedLine struct {
	Kind, Date, Version string
	Files               int
}

// feedLines groups the feeds by kind, in the order they first appear.
func feedLines(feeds []report.FeedInfo) []feedLine {
	var out []feedLine
	at := map[string]int{}
	for _, f := range feeds {
		i, ok := at[f.Kind]
		if !ok {
			at[f.Kind] = len(out)
			out = append(out, feedLine{Kind: f.Kind, Date: f.Date, Version: f.Version, Files: 1})
			continue
		}
		l := &out[i]
		l.Files++
		l.Version = ""
		if f.Date > l.Date {
			l.Date = f.Date
		}
	}
	return out
}

// freshness builds the coverage and feed-freshness block of the dashboard.
func freshness(lang i18n.Lang, r *report.Report) freshBlock {
	c := r.Coverage
	var fb freshBlock
	var stale []string
	for _, f := range r.Freshness {
		l := freshLine{Name: i18n.T(lang, "feed."+f.Kind), Date: i18n.T(lang, "nodata"), Age: i18n.T(lang, "nodata"),
			Max: i18n.Tn(lang, "pdf.days", f.MaxDays), Stale: f.Stale}
		if f.HasDate {
			l.Date, l.Age = date(f.Date), num(f.AgeDays)
		}
		switch {
		case !f.Present:
			stale = append(stale, i18n.Tf(lang, "pdf.feed.missing", l.Name))
		case !f.HasDate:
			stale = append(stale, i18n.Tf(lang, "pdf.feed.undated", l.Name))
		case f.Stale:
			stale = append(stale, i18n.Tf(lang, "pdf.feed.stale", l.Name, l.Date, l.Age, num(f.MaxDays)))
		}
		fb.Feeds = append(fb.Feeds, l)
	}
	share := func(n int) string { return strconv.FormatFloat(c.Share(n)*100, 'f', 1, 64) + "%" }
	fb.Text = i18n.Tf(lang, "pdf.coverage", share(c.WithData), num(c.WithData), num(c.Components), share(c.KnownSupport), num(c.KnownSupport))
	if len(stale) > 0 {
		fb.Stale = true
		fb.Text = i18n.Tf(lang, "pdf.feeds_stale", strings.Join(stale, i18n.T(lang, "pdf.list_sep"))) + i18n.T(lang, "pdf.sep") + fb.Text
	}
	return fb
}
