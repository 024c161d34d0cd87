package site

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/report"
)

// Rows are built millions of times at scale; the lookups below are made
// once per report (or language) so that building one allocates little.

// labels are one language's labels for the values rows show.
type labels struct {
	lang               i18n.Lang
	stage, state, kind labelTable
	// prioShort holds the short label of each priority, "" for none.
	prioShort [len(model.Priorities) + 1]string
	dueSource labelTable
	// actionKind and action label fix actions' kinds and chosen actions;
	// lifecycle components' support statuses.
	actionKind, action, lifecycle labelTable
	nodata                        string
	steps                         map[string][]step
	// sentences are the fix actions' sentences, made once each.
	sentences *sentences
	// form is the filter form without its system choice.
	form form
}

func newLabels(lang i18n.Lang) *labels {
	lb := &labels{lang: lang, nodata: i18n.T(lang, "nodata"), steps: map[string][]step{}, form: baseForm(lang)}
	for _, p := range model.Priorities {
		lb.prioShort[p] = i18n.T(lang, p.ShortKey())
	}
	for _, st := range stageOrder {
		lb.stage = append(lb.stage, labelPair{st, i18n.T(lang, "stage."+st)})
		lb.steps[st] = steps(lang, st)
	}
	for _, st := range states {
		lb.state = append(lb.state, labelPair{string(st), i18n.T(lang, "state."+string(st))})
	}
	for _, k := range model.Kinds {
		lb.kind = append(lb.kind, labelPair{string(k), i18n.T(lang, "kind."+string(k))})
	}
	for _, st := range model.LifecycleStatuses {
		lb.lifecycle = append(lb.lifecycle, labelPair{string(st), i18n.T(lang, "lifecycle."+string(st))})
	}
	for _, k := range model.ActionKinds {
		lb.actionKind = append(lb.actionKind, labelPair{string(k), i18n.T(lang, k.LabelKey())})
	}
	for _, k := range i18n.Keys() {
		if v, ok := strings.CutPrefix(k, "action."); ok {
			lb.action = append(lb.action, labelPair{v, i18n.T(lang, k)})
		}
	}
	for _, d := range []string{"sla", "kev", "remediation"} {
		lb.dueSource = append(lb.dueSource, labelPair{d, i18n.T(lang, "due_source."+d)})
	}
	return lb
}

// labelTable holds the labels of a handful of values; for so few, a
// linear search is quicker than a map.
type labelTable []labelPair

type labelPair struct{ value, label string }

// lookup returns the label of v, "" when the table does not know it.
func (t labelTable) lookup(v string) (string, bool) {
	for i := range t {
		if t[i].value == v {
			return t[i].label, true
		}
	}
	return "", false
}

// prio returns a priority's short label, "" for one it does not know.
func (lb *labels) prio(p model.Priority) string {
	if int(p) < len(lb.prioShort) {
		return lb.prioShort[p]
	}
	return ""
}

// get returns the label of v in t, or the catalogue's label of prefix+v
// for a value the table does not know.
func (lb *labels) get(t labelTable, v, prefix string) string {
	if s, ok := t.lookup(v); ok {
		return s
	}
	return i18n.T(lb.lang, prefix+v)
}

// maxDepth is the deepest folder below a language's root
// (findings/h/<headline>/page-N.html).
const maxDepth = 3

// cacheIndex fills the index's caches: dates as text, links to systems
// and advisories from every depth, ordered ids per vulnerability, and for
// every finding where its system's and vulnerability's entries are, so
// that writing a row looks nothing up by name.
func (ix *index) cacheIndex() {
	ix.dates = map[int64]string{}
	add := func(t time.Time) {
		if !t.IsZero() {
			if _, ok := ix.dates[t.Unix()]; !ok {
				ix.dates[t.Unix()] = t.Format("2006-01-02")
			}
		}
	}
	sysHref, vulnHref := hrefs(ix.sysPath), hrefs(ix.vulnPath)
	ix.sysAt = make(map[string]int32, len(ix.sys))
	for id, s := range ix.sys {
		ix.sysAt[id] = int32(len(ix.sysList))
		ix.sysList = append(ix.sysList, sysEntry{s: s, links: sysHref[id]})
	}
	vulnAt := map[string]int32{}
	n := ix.r.Findings.Len()
	ix.fsys, ix.fvuln, ix.ownIDs = make([]int32, n), make([]int32, n), make([]bool, n)
	for i, f := range ix.r.Findings.All() {
		add(f.Due)
		add(f.EOL)
		ix.fsys[i], ix.fvuln[i] = -1, -1
		if k, ok := ix.sysAt[f.System]; ok {
			ix.fsys[i] = k
		}
		if f.Kind == model.KindEOL {
			continue
		}
		k, ok := vulnAt[f.VulnID]
		if !ok {
			k = int32(len(ix.vulnList))
			vulnAt[f.VulnID] = k
			e := vulnEntry{links: vulnHref[f.VulnID], src: f.IDs, ordered: orderIDs(f.VulnID, f.IDs)}
			var h []byte
			for _, id := range e.ordered {
				h = append(h, "<span>"...)
				h = escapeHTML(h, id)
				h = append(h, "</span> "...)
			}
			e.idsHTML = string(h)
			ix.vulnList = append(ix.vulnList, e)
		}
		ix.fvuln[i] = k
		ix.ownIDs[i] = !slices.Equal(ix.vulnList[k].src, f.IDs)
	}
}

// links are the links to a page from depth 0 to maxDepth, all "" for a
// page that does not exist.
type links [maxDepth + 1]relLink

// at returns the link from depth, or "".
func (l *links) at(depth int) relLink {
	if depth < 0 || depth > maxDepth {
		return ""
	}
	return l[depth]
}

// sysEntry is a system with the links to its page.
type sysEntry struct {
	s *report.System
	links
}

// sysOf returns finding fi's system, nil when the report has none of its id.
func (ix *index) sysOf(fi int32) *sysEntry {
	if k := ix.fsys[fi]; k >= 0 {
		return &ix.sysList[k]
	}
	return nil
}

// systemID returns finding fi's system id, from its system's entry when
// the report has the system (not materialising the finding).
func (ix *index) systemID(fi int32) string {
	if s := ix.sysOf(fi); s != nil {
		return s.s.ID
	}
	return ix.r.Findings.At(int(fi)).System
}

// sysByID returns the entry of system id, nil when the report has none.
func (ix *index) sysByID(id string) *sysEntry {
	if k, ok := ix.sysAt[id]; ok {
		return &ix.sysList[k]
	}
	return nil
}

// href returns the link to the system's page from depth, or "".
func (e *sysEntry) href(depth int) relLink { return e.at(depth) }

// vulnEntry is a vulnerability as findings refer to it: the links to its
// page, its ids as the first of its findings carries them (src), in the
// order rows show them, and as rows write them.
type vulnEntry struct {
	links
	src, ordered []string
	idsHTML      string
}

// advHref returns the link from depth to finding fi's advisory, or "".
func (ix *index) advHref(fi int32, depth int) relLink {
	if k := ix.fvuln[fi]; k >= 0 {
		return ix.vulnList[k].at(depth)
	}
	return ""
}

// hrefs returns each path as linked from depth 0 to maxDepth.
func hrefs(paths map[string]string) map[string]links {
	out := make(map[string]links, len(paths))
	for id, p := range paths {
		var h links
		for d := range h {
			h[d] = relLinkTo(d, p)
		}
		out[id] = h
	}
	return out
}

// date formats a date as YYYY-MM-DD ("-" when unknown) from the cache.
func (ix *index) date(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	if s, ok := ix.dates[t.Unix()]; ok {
		return s
	}
	return t.Format("2006-01-02")
}

// orderedIDs returns finding fi's ids in display order, from the cache
// when it carries the same ids as the first finding of its vulnerability.
func (ix *index) orderedIDs(fi int32) []string {
	if k := ix.fvuln[fi]; k >= 0 && !ix.ownIDs[fi] {
		return ix.vulnList[k].ordered
	}
	f := ix.r.Findings.At(int(fi))
	return orderIDs(f.VulnID, f.IDs)
}

// cvssTable holds the scores 0.0–10.0 as text.
var cvssTable = func() (t [101]string) {
	for i := range t {
		t[i] = strconv.FormatFloat(float64(i)/10, 'f', 1, 64)
	}
	return t
}()

// cvssStrings returns a score as text and with its version: "9.8",
// "9.8 (v3.1)".
func cvssStrings(score float64, version string) (string, string) {
	var s string
	if i := int(math.Round(score * 10)); i >= 0 && i <= 100 && float64(i)/10 == score {
		s = cvssTable[i]
	} else {
		s = strconv.FormatFloat(score, 'f', 1, 64)
	}
	if version == "" {
		return s, s
	}
	return s, s + " (v" + version + ")"
}

// rowAnchor appends the anchor of finding fi's whole row on its system's
// page: "f" and its position in the system's list from 1 (index.spos).
func (ix *index) rowAnchor(b []byte, fi int32) []byte {
	b = append(b, 'f')
	return strconv.AppendInt(b, int64(ix.spos[fi])+1, 10)
}

// fullPath returns the page of finding fi's system that holds its whole
// row, "" when the finding has no system page.
func (ix *index) fullPath(fi int32) string {
	if !ix.hasFull(fi) {
		return ""
	}
	return mustPath(kSystem, ix.sysOf(fi).s.ID, int(ix.spos[fi])/max(ix.pageSize, 1)+1)
}

// hasFull reports whether finding fi has a system page for its whole row.
func (ix *index) hasFull(fi int32) bool {
	s := ix.sysOf(fi)
	return s != nil && s.href(0) != ""
}

// fullHref appends the link from depth to finding fi's whole row on its
// system's page, as relLinkTo makes it of fullPath and rowAnchor; false,
// with b as it was, when it has none. The first page's link is cached.
func (ix *index) fullHref(b []byte, fi int32, depth int) ([]byte, bool) {
	s := ix.sysOf(fi)
	if s == nil {
		return b, false
	}
	var h relLink
	if n := int(ix.spos[fi])/max(ix.pageSize, 1) + 1; n == 1 {
		h = s.href(depth)
	} else {
		h = relLinkTo(depth, mustPath(kSystem, s.s.ID, n))
	}
	if h == "" {
		return b, false
	}
	b = append(b, h...)
	b = append(b, '#')
	return ix.rowAnchor(b, fi), true
}
