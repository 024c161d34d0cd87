package site

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"vulnreport/generator/internal/feed"
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
}

type scope struct {
	Systems, Active, Current, Hosts, Components int
	CurrentShare                                string
	Feeds                                       []feedLine
	EPSSDate                                    string
	Previous                                    string
}

type kevBlock struct {
	Open, Internet, OldestDays, PastDue int
	Href                                string
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
	d.KEV = kevBlock{Open: s.ExploitedOpen, Internet: s.ExploitedInternet, OldestDays: s.KEVOldestDays, PastDue: s.KEVPastDue}
	for _, v := range b.views {
		if v.key == report.HeadExploited {
			d.KEV.Href = p.Href(mustPath(kView, v.key, 1)) + "?" + v.query
		}
	}
	c := b.charts
	d.Charts = []*svg{barSVG(c.OpenByPriority, lang), barSVG(c.PriorityByCategory, lang), barSVG(c.PriorityByExposure, lang),
		lineSVG(c.Trend, lang), barSVG(c.Flow, lang), b.slaSVG(lang)}
	d.Owners = r.Posture.ByOwner[:min(len(r.Posture.ByOwner), 10)]
	top := make([]int32, len(r.Actions))
	for i := range top {
		top[i] = int32(i)
	}
	slices.SortStableFunc(top, func(x, y int32) int {
		a, b := &r.Actions[x], &r.Actions[y]
		return cmp.Or(cmp.Compare(b.RiskShare, a.RiskShare), cmp.Compare(len(b.Findings), len(a.Findings)), cmp.Compare(a.Key, b.Key))
	})
	for _, ai := range top[:min(len(top), 10)] {
		d.Top = append(d.Top, b.actionView(lang, p, ai, false, true))
	}
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
	t := tile{Key: h.Key, Label: h.Label.Get(lang), Value: num(h.Value), N: h.Value, HasPrev: h.HasPrev, Met: h.Met}
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
	case h.Target < 0:
		t.Target = i18n.T(lang, "site.target_no_increase")
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
	if lang == i18n.EN {
		return t.Format("January 2006")
	}
	return strconv.Itoa(t.Year()) + "年" + strconv.Itoa(int(t.Month())) + "月"
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
func feedLines(feeds []feed.Info) []feedLine {
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
