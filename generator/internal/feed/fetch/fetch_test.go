package fetch

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func gz(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func readState(t *testing.T, dir string) *State {
	t.Helper()
	st, err := ReadState(dir)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestKEVAndEPSS: the real KEV catalog and an EPSS file are stored as
// served, recorded with URL, status, ETag and SHA-256; the next run asks
// conditionally and keeps the files when the publisher says 304.
func TestKEVAndEPSS(t *testing.T) {
	kev := real(t, "cisa-kev/known_exploited_vulnerabilities.json")
	epss := gz(real(t, "epss/epss_scores-example-1.csv"))
	m := newMirror(t)
	m.on("/kev/known_exploited_vulnerabilities.json", answer{header: map[string]string{"ETag": `"k1"`, "Content-Type": "application/json"}, body: kev},
		answer{handler: func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("If-None-Match") != `"k1"` {
				t.Errorf("second request not conditional: %v", r.Header)
			}
			w.WriteHeader(http.StatusNotModified)
		}})
	m.on("/epss/epss_scores-current.csv.gz", answer{header: map[string]string{"Content-Type": "application/gzip"}, body: epss})
	dir := snapshotDir(t, "web,apache:struts,2.5.30\n")
	clock := newClock()
	res := runFetch(t, dir, m, clock, FeedKEV, FeedEPSS)
	if f := res.Failed(); len(f) > 0 {
		t.Fatalf("failed: %v %+v", f, res.Feeds)
	}
	got, err := os.ReadFile(filepath.Join(dir, "feeds/kev/known_exploited_vulnerabilities.json"))
	if err != nil || !bytes.Equal(got, kev) {
		t.Fatalf("KEV not stored unchanged: %v", err)
	}
	if g, _ := os.ReadFile(filepath.Join(dir, "feeds/epss/epss_scores-current.csv.gz")); !bytes.Equal(g, epss) {
		t.Fatal("EPSS not stored unchanged")
	}
	st := readState(t, dir)
	rec := st.record("feeds/kev/known_exploited_vulnerabilities.json")
	sum := sha256.Sum256(kev)
	if rec == nil || rec.SHA256 != hex.EncodeToString(sum[:]) || rec.ETag != `"k1"` || rec.Status != 200 ||
		rec.URL != m.srv.URL+"/kev/known_exploited_vulnerabilities.json" || !rec.Fetched.Equal(clock.Now()) {
		t.Fatalf("FETCH.json record: %+v", rec)
	}
	if res.Feeds[0].Records != 1404 {
		t.Errorf("KEV records %d, want 1404", res.Feeds[0].Records)
	}
	// second run: 304, file and record kept
	res = runFetch(t, dir, m, clock, FeedKEV)
	if res.Feeds[0].Unchanged != 1 || res.Feeds[0].Err != nil {
		t.Fatalf("second run: %+v", res.Feeds[0])
	}
	if g, _ := os.ReadFile(filepath.Join(dir, "feeds/kev/known_exploited_vulnerabilities.json")); !bytes.Equal(g, kev) {
		t.Fatal("304 changed the file")
	}
	if r2 := readState(t, dir).record("feeds/kev/known_exploited_vulnerabilities.json"); r2.SHA256 != rec.SHA256 || r2.Checked.IsZero() {
		t.Errorf("record after 304: %+v", r2)
	}
	if ua := m.requests[0].Header.Get("User-Agent"); !strings.HasPrefix(ua, "vulnreport/test") {
		t.Errorf("User-Agent %q", ua)
	}
}

// TestBadAnswersKeepPreviousCopy: a truncated body, an HTML error page
// served with status 200, a wrong content type and a file that is not a
// KEV catalog all fail the feed and leave the previous copy in place.
func TestBadAnswersKeepPreviousCopy(t *testing.T) {
	kev := real(t, "cisa-kev/known_exploited_vulnerabilities.json")
	nvdPage := real(t, "nvd-cve-api-2.0/vunnel-fixtures/single-entry.json")
	cases := []struct {
		name string
		a    answer
		want string
	}{
		{"truncated", answer{handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", fmt.Sprint(len(kev)))
			w.WriteHeader(200)
			w.Write(kev[:len(kev)*7/10])
		}}, "cut off"},
		{"cut JSON without length", answer{handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(200)
			w.(http.Flusher).Flush()
			w.Write(kev[:len(kev)*7/10])
		}}, "not a valid kev file"},
		{"HTML page with 200", answer{body: []byte("<!DOCTYPE html><html><body>Access denied</body></html>")}, "HTML page"},
		{"wrong content type", answer{header: map[string]string{"Content-Type": "text/html; charset=utf-8"}, body: kev}, "HTML page"},
		{"not a KEV catalog", answer{header: map[string]string{"Content-Type": "application/json"}, body: nvdPage}, "not a valid kev file"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := newMirror(t)
			m.on("/kev/known_exploited_vulnerabilities.json", answer{body: kev}, tc.a)
			dir := snapshotDir(t, "web,apache:struts,2.5.30\n")
			clock := newClock()
			if res := runFetch(t, dir, m, clock, FeedKEV); len(res.Failed()) != 0 {
				t.Fatalf("first fetch failed: %+v", res.Feeds)
			}
			before := readState(t, dir).record("feeds/kev/known_exploited_vulnerabilities.json")
			res := runFetch(t, dir, m, clock, FeedKEV)
			if f := res.Failed(); len(f) != 1 || f[0] != "kev" || !strings.Contains(res.Feeds[0].Err.Error(), tc.want) {
				t.Fatalf("want kev failed with %q, got %+v", tc.want, res.Feeds)
			}
			if g, _ := os.ReadFile(filepath.Join(dir, "feeds/kev/known_exploited_vulnerabilities.json")); !bytes.Equal(g, kev) {
				t.Fatal("previous copy replaced")
			}
			if after := readState(t, dir).record("feeds/kev/known_exploited_vulnerabilities.json"); after.SHA256 != before.SHA256 {
				t.Error("record changed")
			}
			// nothing half-written is left where a build would read it
			des, _ := os.ReadDir(filepath.Join(dir, "feeds/kev"))
			if len(des) != 1 {
				t.Errorf("files left: %v", des)
			}
		})
	}
}

// TestRetries: a 429 with Retry-After is waited out as the server asks; a
// 503 is retried with backoff; both then succeed.
func TestRetries(t *testing.T) {
	kev := real(t, "cisa-kev/known_exploited_vulnerabilities.json")
	m := newMirror(t)
	m.on("/kev/known_exploited_vulnerabilities.json",
		answer{status: 429, header: map[string]string{"Retry-After": "7"}},
		answer{status: 503},
		answer{body: kev})
	dir := snapshotDir(t, "web,apache:struts,2.5.30\n")
	clock := newClock()
	res := runFetch(t, dir, m, clock, FeedKEV)
	if len(res.Failed()) != 0 {
		t.Fatalf("%+v", res.Feeds)
	}
	if m.count("/kev/known_exploited_vulnerabilities.json") != 3 {
		t.Errorf("requests %d, want 3", m.count("/kev/known_exploited_vulnerabilities.json"))
	}
	if len(clock.sleeps) < 2 || clock.sleeps[0] != 7*time.Second || clock.sleeps[1] <= 0 {
		t.Errorf("sleeps %v: want Retry-After 7s, then a backoff", clock.sleeps)
	}
	if res.Feeds[0].Waited < 7*time.Second {
		t.Errorf("waited %v", res.Feeds[0].Waited)
	}
	// a 404 is not retried and fails the feed
	m2 := newMirror(t)
	res = runFetch(t, snapshotDir(t, ""), m2, newClock(), FeedKEV)
	if len(res.Failed()) != 1 || m2.count("/kev/known_exploited_vulnerabilities.json") != 1 {
		t.Errorf("404: %+v, %d requests", res.Feeds, m2.count("/kev/known_exploited_vulnerabilities.json"))
	}
}

// TestNotOurs: a file placed by hand is never replaced.
func TestNotOurs(t *testing.T) {
	kev := real(t, "cisa-kev/known_exploited_vulnerabilities.json")
	m := newMirror(t)
	m.on("/kev/known_exploited_vulnerabilities.json", answer{body: kev})
	dir := snapshotDir(t, "")
	write(t, dir, "feeds/kev/known_exploited_vulnerabilities.json", `{"hand":"placed"}`)
	res := runFetch(t, dir, m, newClock(), FeedKEV)
	if len(res.Failed()) != 1 || !strings.Contains(res.Feeds[0].Err.Error(), "fetch did not write it") {
		t.Fatalf("%+v", res.Feeds)
	}
	if g, _ := os.ReadFile(filepath.Join(dir, "feeds/kev/known_exploited_vulnerabilities.json")); string(g) != `{"hand":"placed"}` {
		t.Fatal("hand-placed file replaced")
	}
}

// nvdPage wraps real NVD records in an API 2.0 page envelope.
func nvdPage(t *testing.T, vulns []json.RawMessage, start, per, total int) []byte {
	t.Helper()
	b, err := json.Marshal(map[string]any{"resultsPerPage": per, "startIndex": start, "totalResults": total,
		"format": "NVD_CVE", "version": "2.0", "timestamp": "2026-12-07T02:00:00.000", "vulnerabilities": vulns})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestNVDWindowsAndPaging: a first run from --since walks 120-day
// lastMod windows up to now, pages through each with startIndex, sends
// the API key, keeps each page as served and records how far it got; the
// rate limit without a key (5 requests in 30 s) is kept.
func TestNVDWindowsAndPaging(t *testing.T) {
	var full struct {
		Vulnerabilities []json.RawMessage `json:"vulnerabilities"`
	}
	if err := json.Unmarshal(real(t, "nvd-cve-api-2.0/vunnel-fixtures/full-page.json"), &full); err != nil {
		t.Fatal(err)
	}
	vulns := full.Vulnerabilities // 38 real records
	m := newMirror(t)
	var windows []string
	m.on("/nvd", answer{handler: func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		var start int
		fmt.Sscan(q.Get("startIndex"), &start)
		if start == 0 {
			windows = append(windows, q.Get("lastModStartDate")+"/"+q.Get("lastModEndDate"))
		}
		if q.Get("resultsPerPage") != "2000" {
			t.Errorf("resultsPerPage %q", q.Get("resultsPerPage"))
		}
		if len(windows) != 2 { // only the second window has changes
			w.Write(nvdPage(t, []json.RawMessage{}, start, 0, 0))
			return
		}
		end := min(start+15, len(vulns))
		w.Write(nvdPage(t, vulns[start:end], start, 15, len(vulns)))
	}})
	dir := snapshotDir(t, "")
	clock := newClock()
	start := clock.Now()
	res, err := Run(t.Context(), Options{DataDir: dir, Feeds: []string{FeedNVD}, Mirrors: map[string]string{FeedNVD: m.srv.URL + "/nvd"},
		Clock: clock, ToolVersion: "test", Since: start.AddDate(0, 0, -200)})
	if err != nil || len(res.Failed()) != 0 {
		t.Fatalf("%v %+v", err, res.Feeds)
	}
	if len(windows) != 2 || !strings.HasPrefix(windows[0], start.AddDate(0, 0, -200).Format("2006-01-02T15:04:05.000")) {
		t.Errorf("windows %v, want two of at most 120 days from --since", windows)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "feeds/nvd/*.json"))
	if len(files) != 3 || res.Feeds[0].Records != 38 {
		t.Errorf("pages kept %d (want 3), records %d (want 38)", len(files), res.Feeds[0].Records)
	}
	// 1 + 3 requests plus the rate limit: 4 requests fit 5 in 30 s, no wait
	if res.Feeds[0].Requests != 4 {
		t.Errorf("requests %d", res.Feeds[0].Requests)
	}
	st := readState(t, dir)
	if !st.Feeds[FeedNVD].UpTo.Equal(start) {
		t.Errorf("up_to %v, want %v", st.Feeds[FeedNVD].UpTo, start)
	}
	// next month: only the new window is asked for
	windows = nil
	clock.Sleep(t.Context(), 31*24*time.Hour)
	runFetch(t, dir, m, clock, FeedNVD)
	if len(windows) != 1 || !strings.HasPrefix(windows[0], start.Format("2006-01-02T15:04:05.000")) {
		t.Errorf("incremental windows %v", windows)
	}
}

// TestRateLimit: without an API key, NVD's 5 requests in 30 s is kept;
// with one, 50.
func TestRateLimit(t *testing.T) {
	for _, tc := range []struct {
		key      string
		wantWait bool
	}{{"", true}, {"k", false}} {
		m := newMirror(t)
		m.on("/nvd", answer{handler: func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("apiKey") != tc.key {
				t.Errorf("apiKey %q", r.Header.Get("apiKey"))
			}
			var start int
			fmt.Sscan(r.URL.Query().Get("startIndex"), &start)
			w.Write(nvdPage(t, []json.RawMessage{}, start, 0, 0))
		}})
		clock := newClock()
		res, err := Run(t.Context(), Options{DataDir: snapshotDir(t, ""), Feeds: []string{FeedNVD}, NVDAPIKey: tc.key,
			Mirrors: map[string]string{FeedNVD: m.srv.URL + "/nvd"}, Clock: clock, ToolVersion: "test", Since: clock.Now().AddDate(-3, 0, 0)})
		if err != nil || len(res.Failed()) != 0 {
			t.Fatalf("%v %+v", err, res.Feeds)
		}
		// three years = 10 windows = 10 requests
		if n := m.count("/nvd"); n != 10 {
			t.Errorf("requests %d", n)
		}
		if got := res.Feeds[0].Waited > 0; got != tc.wantWait {
			t.Errorf("key %q: waited %v", tc.key, res.Feeds[0].Waited)
		}
		if tc.wantWait && res.Feeds[0].Waited < 30*time.Second {
			t.Errorf("waited only %v for 10 requests at 5 per 30 s", res.Feeds[0].Waited)
		}
	}
}
