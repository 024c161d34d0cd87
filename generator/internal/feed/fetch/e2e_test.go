package fetch_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"vulnreport/generator/internal/app"
	"vulnreport/generator/internal/feed/fetch"
)

type clock struct{ now time.Time }

func (c *clock) Now() time.Time { return c.now }
func (c *clock) Sleep(_ context.Context, d time.Duration) error {
	c.now = c.now.Add(d)
	return nil
}

// copyTree copies src to dst, leaving out paths for which skip is true.
func copyTree(t *testing.T, src, dst string, skip func(rel string) bool) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if skip(filepath.ToSlash(rel)) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// sampleMirror serves the sample snapshot's own feed files the way each
// publisher's API serves them.
func sampleMirror(t *testing.T, feeds string) *httptest.Server {
	read := func(rel string) ([]byte, bool) {
		b, err := os.ReadFile(filepath.Join(feeds, filepath.FromSlash(rel)))
		return b, err == nil
	}
	cpeRe := regexp.MustCompile(`<Cpe version="2.2">cpe:/[aoh]:([^<:]+:[^<:]+)<`)
	idRe := regexp.MustCompile(`<VulinfoID>(JVNDB-[^<]+)<`)
	jvnByCPE := map[string][]string{}
	des, _ := os.ReadDir(filepath.Join(feeds, "jvn"))
	for _, d := range des {
		b, _ := read("jvn/" + d.Name())
		id := idRe.FindSubmatch(b)
		for _, m := range cpeRe.FindAllSubmatch(b, -1) {
			jvnByCPE[string(m[1])] = append(jvnByCPE[string(m[1])], string(id[1]))
		}
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		switch {
		case p == "/kev/known_exploited_vulnerabilities.json":
			b, _ := read("kev/known_exploited_vulnerabilities.json")
			w.Write(b)
		case p == "/epss/epss_scores-current.csv.gz":
			b, _ := read("epss/epss_scores-example-1.csv")
			zw := gzip.NewWriter(w)
			zw.Write(b)
			zw.Close()
		case strings.HasPrefix(p, "/endoflife/"):
			if b, ok := read("endoflife/" + strings.TrimPrefix(p, "/endoflife/")); ok {
				w.Write(b)
				return
			}
			http.NotFound(w, r)
		case strings.HasPrefix(p, "/cve5/"):
			if b, ok := read("cve5/" + filepath.Base(p)); ok {
				w.Write(b)
				return
			}
			http.NotFound(w, r)
		case p == "/nvd":
			// every record in the window that ends now, as one page
			q := r.URL.Query()
			var vulns []json.RawMessage
			if strings.HasPrefix(q.Get("lastModEndDate"), "2026-12-07") {
				des, _ := os.ReadDir(filepath.Join(feeds, "nvd"))
				for _, d := range des {
					b, _ := read("nvd/" + d.Name())
					var page struct {
						Vulnerabilities []json.RawMessage `json:"vulnerabilities"`
					}
					json.Unmarshal(b, &page)
					vulns = append(vulns, page.Vulnerabilities...)
				}
			}
			if vulns == nil {
				vulns = []json.RawMessage{}
			}
			b, _ := json.Marshal(map[string]any{"resultsPerPage": len(vulns), "startIndex": 0, "totalResults": len(vulns),
				"format": "NVD_CVE", "version": "2.0", "timestamp": "2026-12-07T02:00:00.000", "vulnerabilities": vulns})
			w.Write(b)
		case p == "/jvn" && r.URL.Query().Get("method") == "getVulnOverviewList":
			cpe := strings.TrimPrefix(r.URL.Query().Get("cpeName"), "cpe:/a:")
			ids := jvnByCPE[cpe]
			var items strings.Builder
			for _, id := range ids {
				fmt.Fprintf(&items, `<item rdf:about="https://jvndb.jvn.jp/ja/contents/%s.html"><title>t</title><sec:identifier>%s</sec:identifier></item>`, id, id)
			}
			fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><rdf:RDF xmlns="http://purl.org/rss/1.0/" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:sec="http://jvn.jp/rss/mod_sec/3.0/" xmlns:status="http://jvndb.jvn.jp/myjvn/Status">%s<status:Status version="3.3" method="getVulnOverviewList" lang="ja" retCd="0" retMax="50" errCd="" errMsg="" totalRes="%d" totalResRet="%d" firstRes="1" feed="hnd"/></rdf:RDF>`,
				items.String(), len(ids), len(ids))
		case p == "/jvn" && r.URL.Query().Get("method") == "getVulnDetailInfo":
			if b, ok := read("jvn/getVulnDetailInfo_hnd_" + r.URL.Query().Get("vulnId") + ".xml"); ok {
				w.Write(b)
				return
			}
			http.NotFound(w, r)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// findings builds a snapshot's findings.json and returns the findings
// without the fields that name input files.
func findings(t *testing.T, data string) []map[string]any {
	f, _ := build(t, data)
	return f
}

// build builds a snapshot's findings.json and manifest.json.
func build(t *testing.T, data string) ([]map[string]any, []byte) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	opt := app.Options{Data: os.DirFS(data), DataDir: data, OutDir: out, Formats: "findings",
		AsOf: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC), Today: time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)}
	if _, err := app.Build(context.Background(), opt, io.Discard, io.Discard); err != nil {
		t.Fatalf("build %s: %v", data, err)
	}
	b, err := os.ReadFile(filepath.Join(out, "findings.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Findings []map[string]any `json:"findings"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	man, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	return doc.Findings, man
}

// TestFetchThenBuildEqualsHandPlaced: `fetch --mirror` against a local
// server that serves the sample snapshot's feed files as each publisher
// does, then `build`, gives the same findings as the files placed by hand.
func TestFetchThenBuildEqualsHandPlaced(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the sample twice")
	}
	sample, _ := filepath.Abs("../../../../data")
	fetched := t.TempDir()
	copyTree(t, sample, fetched, func(rel string) bool { return rel == "feeds" || rel == "history" })
	// fetch collects no Red Hat CSAF: those files are placed by hand in both.
	copyTree(t, filepath.Join(sample, "feeds", "csaf"), filepath.Join(fetched, "feeds", "csaf"), func(string) bool { return false })
	hand := t.TempDir()
	copyTree(t, sample, hand, func(rel string) bool { return rel == "history" })
	srv := sampleMirror(t, filepath.Join(sample, "feeds"))
	mirrors := map[string]string{}
	for _, f := range fetch.AllFeeds {
		mirrors[f] = srv.URL + "/" + f
	}
	feeds := []string{fetch.FeedKEV, fetch.FeedEPSS, fetch.FeedEndOfLife, fetch.FeedNVD, fetch.FeedJVN, fetch.FeedCVE5}
	c := &clock{now: time.Date(2026, 12, 7, 3, 0, 0, 0, time.UTC)}
	res, err := fetch.Run(context.Background(), fetch.Options{DataDir: fetched, Feeds: feeds, Mirrors: mirrors, Clock: c,
		ToolVersion: "test", Since: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil || len(res.Failed()) > 0 {
		t.Fatalf("fetch: %v %+v", err, res.Feeds)
	}
	// every file fetched one to one is the sample's file, byte for byte
	n := 0
	for _, dir := range []string{"kev", "endoflife", "jvn", "cve5"} {
		got, _ := os.ReadDir(filepath.Join(fetched, "feeds", dir))
		for _, d := range got {
			g, _ := os.ReadFile(filepath.Join(fetched, "feeds", dir, d.Name()))
			w, err := os.ReadFile(filepath.Join(sample, "feeds", dir, d.Name()))
			if err != nil || !bytes.Equal(g, w) {
				t.Errorf("feeds/%s/%s differs from the sample's (%v)", dir, d.Name(), err)
			}
			n++
		}
	}
	t.Logf("%d files fetched one to one", n)
	got, man := build(t, fetched)
	want := findings(t, hand)
	// the manifest gives each fetched feed file its URL and fetch time
	if !strings.Contains(string(man), `"url": "`+srv.URL+"/kev/known_exploited_vulnerabilities.json") || !strings.Contains(string(man), `"fetched": "2026-12-07T03:00:00Z"`) {
		t.Errorf("manifest without fetch provenance:\n%.2000s", man)
	}
	if len(want) == 0 {
		t.Fatal("the sample has no findings")
	}
	gb, _ := json.MarshalIndent(got, "", " ")
	wb, _ := json.MarshalIndent(want, "", " ")
	if !bytes.Equal(gb, wb) {
		t.Errorf("findings differ: fetched %d, hand-placed %d", len(got), len(want))
		os.WriteFile(filepath.Join(t.TempDir(), "x"), nil, 0o644)
		t.Logf("fetched:\n%.3000s", firstDiff(gb, wb))
	}
}

// firstDiff returns the text around the first difference.
func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-400)
	return string(a[lo:min(len(a), i+400)]) + "\n---- hand-placed ----\n" + string(b[lo:min(len(b), i+400)])
}
