package site

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/policy"
)

// Rows are built millions of times at scale; the lookups below are made
// once per report (or language) so that building one allocates little.

// labels are one language's labels for the values rows show.
type labels struct {
	lang                          i18n.Lang
	prioShort, stage, state, kind map[string]string
	dueSource                     map[string]string
	nodata                        string
	steps                         map[string][]step
}

func newLabels(lang i18n.Lang) *labels {
	lb := &labels{lang: lang, prioShort: map[string]string{}, stage: map[string]string{}, state: map[string]string{},
		kind: map[string]string{}, dueSource: map[string]string{}, nodata: i18n.T(lang, "nodata"), steps: map[string][]step{}}
	for _, p := range policy.Priorities {
		lb.prioShort[p] = i18n.T(lang, "priority."+p+".short")
	}
	for st := range stageNumber {
		lb.stage[st] = i18n.T(lang, "stage."+st)
		lb.steps[st] = steps(lang, st)
	}
	for _, st := range states {
		lb.state[st] = i18n.T(lang, "state."+st)
	}
	for _, k := range []string{model.KindVulnerability, model.KindEOL} {
		lb.kind[k] = i18n.T(lang, "kind."+k)
	}
	for _, d := range []string{"sla", "kev", "remediation"} {
		lb.dueSource[d] = i18n.T(lang, "due_source."+d)
	}
	return lb
}

// get returns m[v], or the catalogue's label of prefix+v for a value the
// table does not know.
func (lb *labels) get(m map[string]string, v, prefix string) string {
	if s, ok := m[v]; ok {
		return s
	}
	return i18n.T(lb.lang, prefix+v)
}

// maxDepth is the deepest folder below a language's root
// (findings/h/<headline>/page-N.html).
const maxDepth = 3

// cacheIndex fills the index's caches: dates as text, links to systems
// and advisories from every depth, and ordered ids per vulnerability.
func (ix *index) cacheIndex() {
	ix.dates = map[int64]string{}
	add := func(t time.Time) {
		if !t.IsZero() {
			if _, ok := ix.dates[t.Unix()]; !ok {
				ix.dates[t.Unix()] = t.Format("2006-01-02")
			}
		}
	}
	ix.ids = map[string]idCache{}
	for i := range ix.r.Findings {
		f := &ix.r.Findings[i]
		add(f.Due)
		add(f.EOL)
		if _, ok := ix.ids[f.VulnID]; !ok && f.Kind != model.KindEOL {
			ix.ids[f.VulnID] = idCache{src: f.IDs, ordered: orderIDs(f.VulnID, f.IDs)}
		}
	}
	ix.sysHref = hrefs(ix.sysPath)
	ix.vulnHref = hrefs(ix.vulnPath)
}

// idCache is a vulnerability's ids as findings carry them and in the
// order rows show them.
type idCache struct{ src, ordered []string }

// hrefs returns each path as linked from depth 0 to maxDepth.
func hrefs(paths map[string]string) map[string]*[maxDepth + 1]string {
	out := make(map[string]*[maxDepth + 1]string, len(paths))
	for id, p := range paths {
		var h [maxDepth + 1]string
		for d := range h {
			h[d] = strings.Repeat("../", d) + p
		}
		out[id] = &h
	}
	return out
}

// href returns the link to id's page from depth, or "" when it has none.
func (ix *index) href(m map[string]*[maxDepth + 1]string, id string, depth int) string {
	h := m[id]
	if h == nil || depth < 0 || depth > maxDepth {
		return ""
	}
	return h[depth]
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

// orderedIDs returns f's ids in display order, from the cache when f
// carries the same ids as the first finding of its vulnerability.
func (ix *index) orderedIDs(f *model.Finding) []string {
	if c, ok := ix.ids[f.VulnID]; ok && slices.Equal(c.src, f.IDs) {
		return c.ordered
	}
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
