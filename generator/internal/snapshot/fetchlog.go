package snapshot

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"

	"vulnreport/generator/internal/source"
)

// FetchLogName is the provenance file `vulnreport fetch` keeps under feeds/.
const FetchLogName = "feeds/FETCH.json"

// fetchLog reads feeds/FETCH.json, if any, and notes on each feed file it
// describes where and when it was fetched. The file itself is an input
// like any other (its digest goes into the manifest). A file that is not
// a fetch log is a warning: the feeds still build, without provenance.
func (l *loader) fetchLog(names []string) {
	for _, name := range names {
		data, st, err := l.readAll(name, "fetchlog", source.MaxFileSize)
		if err != nil {
			l.fatal("%s: %v", name, err)
			continue
		}
		var log struct {
			Schema string `json:"schema"`
			Files  []struct {
				Path    string `json:"path"`
				URL     string `json:"url"`
				Fetched string `json:"fetched"`
			} `json:"files"`
		}
		st.Read = 1
		if err := json.Unmarshal(data, &log); err != nil || !strings.HasPrefix(log.Schema, "vulnreport/fetch ") {
			l.diags.Warnf(source.Pos{File: name, Line: 1, Col: 1}, "not a vulnreport fetch log (schema \"vulnreport/fetch 1.0\"): feed provenance not shown")
			st.Rejected = 1
			continue
		}
		st.Accepted = 1
		byPath := map[string]int{}
		for i, f := range log.Files {
			byPath[f.Path] = i
		}
		for i := range l.s.Feeds {
			if j, ok := byPath[l.s.Feeds[i].Path]; ok {
				l.s.Feeds[i].URL, l.s.Feeds[i].Fetched = log.Files[j].URL, log.Files[j].Fetched
			}
		}
	}
}

// supersede keeps, of the NVD records with the same CVE id, the one
// updated last (on a tie, the one from the later file). Incremental
// fetches keep every NVD page as served, so a CVE changed twice appears
// twice; merging both would mix a corrected record with the one it
// corrects. (Other feeds are fetched one file per record or per archive,
// replaced in place, and files of different formats of one feed — a JVN
// overview and its detail — complement each other.) One warning counts
// the superseded copies.
func (l *loader) supersede() {
	type key struct{ kind, id string }
	best := map[key]int{}
	drop := make([]bool, len(l.s.Advisories))
	counts := map[string]int{}
	for i, a := range l.s.Advisories {
		if !strings.HasPrefix(a.Origin, "feeds/nvd/") || a.ID == "" {
			continue
		}
		k := key{feedKind(a.Origin), strings.ToUpper(a.ID)}
		j, ok := best[k]
		if !ok {
			best[k] = i
			continue
		}
		b := l.s.Advisories[j]
		newer := cmp.Or(a.Updated.Compare(b.Updated), strings.Compare(a.Origin, b.Origin)) > 0
		if newer {
			drop[j], best[k] = true, i
		} else {
			drop[i] = true
		}
		counts[k.kind]++
	}
	if len(counts) == 0 {
		return
	}
	kept := l.s.Advisories[:0]
	for i, a := range l.s.Advisories {
		if !drop[i] {
			kept = append(kept, a)
		}
	}
	l.s.Advisories = kept
	kinds := make([]string, 0, len(counts))
	for k := range counts {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		l.diags.Warnf(source.Pos{File: "feeds/" + k}, "%d records appear again in a newer copy of the %s feed: the copy updated last is used", counts[k], k)
	}
}
