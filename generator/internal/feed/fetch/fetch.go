// Package fetch collects the month's public feeds into a snapshot's
// feeds/ folder, the way MyJVN's collector does: filtered by the products
// the organisation runs where the publisher allows it, incrementally where
// the publisher offers it, and politely (each publisher's rate limit,
// retries honouring Retry-After, conditional requests, a clear
// User-Agent, proxies from the environment).
//
// Every file is written unchanged as its publisher serves it, atomically
// (a hidden temporary file renamed over the old copy), and only after it
// has been checked to be what it claims to be with the same reader the
// build uses. feeds/FETCH.json records each file's URL, time, HTTP status,
// ETag and SHA-256, and how far each feed has been fetched. A feed that
// fails leaves its previous files in place; Run reports it and the
// command exits 1 naming it. fetch never replaces a file it did not write.
package fetch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"
)

// Feed names, as the folders under feeds/ and the --feeds flag name them.
const (
	FeedNVD       = "nvd"
	FeedJVN       = "jvn"
	FeedKEV       = "kev"
	FeedEPSS      = "epss"
	FeedEndOfLife = "endoflife"
	FeedOSV       = "osv"
	FeedCVE5      = "cve5"
)

// AllFeeds lists every feed in the order fetch collects them: CVE 5 last,
// because it fetches the records the other feeds name.
var AllFeeds = []string{FeedKEV, FeedEPSS, FeedEndOfLife, FeedNVD, FeedJVN, FeedOSV, FeedCVE5}

// DefaultBase is each feed's publisher URL; --mirror replaces it.
func DefaultBase(feed string) string {
	switch feed {
	case FeedNVD:
		return "https://services.nvd.nist.gov/rest/json/cves/2.0"
	case FeedJVN:
		return "https://jvndb.jvn.jp/myjvn"
	case FeedKEV:
		return "https://www.cisa.gov/sites/default/files/feeds"
	case FeedEPSS:
		return "https://epss.empiricalsecurity.com"
	case FeedEndOfLife:
		return "https://raw.githubusercontent.com/endoflife-date/endoflife.date/master/products"
	case FeedOSV:
		return "https://osv-vulnerabilities.storage.googleapis.com"
	case FeedCVE5:
		return "https://raw.githubusercontent.com/CVEProject/cvelistV5/main/cves"
	}
	return ""
}

// UserAgent is how fetch introduces itself to publishers.
func UserAgent(version string) string {
	return "vulnreport/" + version + " (vulnreport fetch: monthly vulnerability report feed collector)"
}

// limitOf is each publisher's documented or polite rate limit.
func limitOf(feed string, nvdKey bool) Limit {
	switch feed {
	case FeedNVD:
		// NVD: 5 requests in a rolling 30 s window without an API key, 50 with one.
		if nvdKey {
			return Limit{N: 50, Per: 30 * time.Second}
		}
		return Limit{N: 5, Per: 30 * time.Second}
	case FeedJVN:
		// MyJVN publishes no number; one request a second keeps the load light.
		return Limit{N: 1, Per: time.Second}
	}
	return Limit{N: 5, Per: time.Second}
}

// Options control one fetch run.
type Options struct {
	// DataDir is the snapshot folder; files go to DataDir/feeds/<feed>/.
	DataDir string
	// Feeds lists the feeds to fetch; empty means AllFeeds.
	Feeds []string
	// Since is where NVD and JVN start when FETCH.json has no position
	// for them; zero means DefaultSince.
	Since time.Time
	// Mirrors replaces a feed's base URL (--mirror NAME=URL).
	Mirrors map[string]string
	// DryRun lists what would be fetched without sending a request.
	DryRun bool
	// NVDAPIKey is sent as NVD's apiKey header when set.
	NVDAPIKey string
	// Clock is the only source of time; main supplies the real one.
	Clock Clock
	// HTTP is the client; nil means one with proxies from the environment
	// and timeouts.
	HTTP *http.Client
	// ToolVersion goes into the User-Agent and FETCH.json.
	ToolVersion string
	// Progress is told of each feed's progress; nil means silent.
	Progress func(Progress)
	// Retries is the number of retries after the first attempt (default 5).
	Retries int
}

// DefaultSince is where NVD and JVN start on a first run: the whole history.
var DefaultSince = time.Date(1999, 1, 1, 0, 0, 0, 0, time.UTC)

// Progress is one feed's state, for a progress line or a summary.
type Progress struct {
	Feed     string
	Requests int
	Files    int
	Records  int
	Bytes    int64
	// Waited is the total wait rate limits and retries imposed.
	Waited time.Duration
	// Done is set on the feed's last report; Err is its failure.
	Done bool
	Err  error
	// Unchanged counts files the publisher said had not changed (304).
	Unchanged int
	// Missing counts files the publisher does not have (404 for an
	// endoflife.date page or a CVE record): not an error.
	Missing int
}

// Result is the outcome of a run.
type Result struct {
	Feeds []Progress
	// Planned lists, for a dry run, the URLs that would be fetched first.
	Planned []string
}

// Failed names the feeds that failed.
func (r Result) Failed() []string {
	var out []string
	for _, p := range r.Feeds {
		if p.Err != nil {
			out = append(out, p.Feed)
		}
	}
	return out
}

// ParseFeeds reads a --feeds list ("nvd,kev" or "all").
func ParseFeeds(s string) ([]string, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == "all" {
		return slices.Clone(AllFeeds), nil
	}
	var out []string
	for _, f := range strings.Split(s, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if !slices.Contains(AllFeeds, f) {
			return nil, fmt.Errorf("unknown feed %q: expected %s", f, strings.Join(AllFeeds, ", "))
		}
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	// keep the collection order
	sort.SliceStable(out, func(i, j int) bool { return slices.Index(AllFeeds, out[i]) < slices.Index(AllFeeds, out[j]) })
	return out, nil
}

// run is the state of one fetch run.
type run struct {
	opt   Options
	state *State
	inv   *Inventory
	now   time.Time
	http  *http.Client
	// cves collects the CVE ids the other feeds name, for CVE 5.
	cves map[string]bool
}

// feedRun is one feed's client and progress.
type feedRun struct {
	*run
	name   string
	base   string
	client *client
	prog   Progress
}

// Run fetches the feeds. It returns an error only when nothing could be
// attempted (the snapshot or FETCH.json unreadable); a feed's failure is
// in Result.Feeds and leaves that feed's previous files in place.
func Run(ctx context.Context, opt Options) (Result, error) {
	if opt.Clock == nil {
		return Result{}, errors.New("fetch: no clock")
	}
	feeds := opt.Feeds
	if len(feeds) == 0 {
		feeds = AllFeeds
	}
	if st, err := os.Stat(opt.DataDir); err != nil || !st.IsDir() {
		return Result{}, fmt.Errorf("--data %s is not a folder", opt.DataDir)
	}
	state, err := ReadState(opt.DataDir)
	if err != nil {
		return Result{}, err
	}
	inv, err := ReadInventory(opt.DataDir)
	if err != nil {
		return Result{}, err
	}
	r := &run{opt: opt, state: state, inv: inv, now: opt.Clock.Now().UTC(), http: opt.HTTP, cves: map[string]bool{}}
	for c := range inv.CVEs {
		r.cves[c] = true
	}
	if r.http == nil {
		r.http = &http.Client{Timeout: 5 * time.Minute, Transport: &http.Transport{Proxy: http.ProxyFromEnvironment,
			TLSHandshakeTimeout: 30 * time.Second, ResponseHeaderTimeout: 2 * time.Minute}}
	}
	var res Result
	for _, name := range feeds {
		fr := r.newFeed(name)
		if opt.DryRun {
			res.Planned = append(res.Planned, fr.plan()...)
			continue
		}
		err := fr.fetch(ctx)
		fr.prog.Requests = fr.client.requests
		fr.prog.Done, fr.prog.Err = true, err
		fr.report()
		res.Feeds = append(res.Feeds, fr.prog)
		if err == nil {
			fs := r.state.Feeds[name]
			fs.LastRun = r.now
			r.state.Feeds[name] = fs
		}
		// FETCH.json is written after every feed, so that what was
		// fetched is recorded even if a later feed fails or the run is
		// stopped.
		if werr := r.saveState(); werr != nil {
			return res, werr
		}
		if ctx.Err() != nil {
			return res, ctx.Err()
		}
	}
	return res, nil
}

func (r *run) newFeed(name string) *feedRun {
	base := DefaultBase(name)
	if m, ok := r.opt.Mirrors[name]; ok {
		base = strings.TrimRight(m, "/")
	}
	retries := r.opt.Retries
	if retries == 0 {
		retries = 5
	}
	fr := &feedRun{run: r, name: name, base: base, prog: Progress{Feed: name}}
	fr.client = &client{http: r.http, clock: r.opt.Clock, retries: retries, maxRetryAfter: 10 * time.Minute,
		userAgent: UserAgent(r.opt.ToolVersion), limiter: limiter{limit: limitOf(name, r.opt.NVDAPIKey != "")}}
	fr.client.onWait = func(d time.Duration) { fr.prog.Waited += d; fr.report() }
	return fr
}

func (f *feedRun) report() {
	if f.opt.Progress != nil {
		p := f.prog
		p.Requests = f.client.requests
		f.opt.Progress(p)
	}
}

// fetch runs the feed's collector.
func (f *feedRun) fetch(ctx context.Context) error {
	switch f.name {
	case FeedKEV:
		return f.single(ctx, "known_exploited_vulnerabilities.json", "known_exploited_vulnerabilities.json")
	case FeedEPSS:
		return f.single(ctx, "epss_scores-current.csv.gz", "epss_scores-current.csv.gz")
	case FeedEndOfLife:
		return f.endoflife(ctx)
	case FeedNVD:
		return f.nvd(ctx)
	case FeedJVN:
		return f.jvn(ctx)
	case FeedOSV:
		return f.osv(ctx)
	case FeedCVE5:
		return f.cve5(ctx)
	}
	return fmt.Errorf("unknown feed %q", f.name)
}

// plan lists the first URLs a dry run would fetch.
func (f *feedRun) plan() []string {
	switch f.name {
	case FeedKEV:
		return []string{f.base + "/known_exploited_vulnerabilities.json"}
	case FeedEPSS:
		return []string{f.base + "/epss_scores-current.csv.gz"}
	case FeedEndOfLife:
		var out []string
		for _, p := range f.inv.EndOfLife {
			out = append(out, f.base+"/"+p+".md")
		}
		return out
	case FeedNVD:
		start, end := f.nvdWindow(f.nvdStart())
		return []string{f.nvdURL(start, end, 0)}
	case FeedJVN:
		var out []string
		for _, c := range f.inv.CPEs {
			out = append(out, f.jvnOverviewURL(c, 1))
		}
		return out
	case FeedOSV:
		var out []string
		for _, e := range f.inv.Ecosystems {
			out = append(out, f.base+"/"+e+"/all.zip")
		}
		return out
	case FeedCVE5:
		return []string{f.base + "/<year>/<n>xxx/<CVE>.json for the CVEs the other feeds name"}
	}
	return nil
}

// single fetches one file conditionally and stores it if it changed and
// validates.
func (f *feedRun) single(ctx context.Context, urlPath, name string) error {
	_, err := f.getAndStore(ctx, f.base+"/"+urlPath, name, 1<<30)
	return err
}

// getAndStore fetches url conditionally (with the ETag and Last-Modified
// of the file it wrote last time), validates the body as the feed's
// format and writes it as feeds/<feed>/<name>. It returns the body (nil
// when unchanged).
func (f *feedRun) getAndStore(ctx context.Context, url, name string, maxBytes int64) ([]byte, error) {
	rel, err := feedPath(f.name, name)
	if err != nil {
		return nil, err
	}
	prev := f.state.record(rel)
	req := request{url: url, maxBytes: maxBytes}
	if prev != nil && f.fileIntact(prev) {
		req.etag, req.lastModified = prev.ETag, prev.LastModified
	}
	resp, err := f.client.get(ctx, req)
	if err != nil {
		return nil, err
	}
	if resp.notModified {
		prev.Checked = f.now
		f.prog.Unchanged++
		f.report()
		return nil, nil
	}
	if err := f.store(rel, resp); err != nil {
		return nil, err
	}
	return resp.body, nil
}

// store validates a body and writes it, recording its provenance.
func (f *feedRun) store(rel string, resp *response) error {
	n, err := validate(f.name, rel, resp.body)
	if err != nil {
		return fmt.Errorf("%s: %s is not a valid %s file: %w", rel, resp.url, f.name, err)
	}
	if err := writeAtomic(f.opt.DataDir, rel, resp.body, f.state.record(rel) != nil); err != nil {
		return err
	}
	sum := sha256.Sum256(resp.body)
	f.state.put(FileRecord{Path: rel, Feed: f.name, URL: resp.url, Fetched: f.now, Status: resp.status,
		ETag: resp.etag, LastModified: resp.lastModified, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(resp.body))})
	f.prog.Files++
	f.prog.Records += n
	f.prog.Bytes += int64(len(resp.body))
	f.report()
	return nil
}

// fileIntact reports whether the file a record describes is still there
// with the recorded hash, so that a conditional request is safe.
func (f *feedRun) fileIntact(rec *FileRecord) bool {
	b, err := os.ReadFile(filepath.Join(f.opt.DataDir, filepath.FromSlash(rec.Path)))
	if err != nil {
		return false
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]) == rec.SHA256
}

func (r *run) saveState() error {
	r.state.Schema = Schema
	r.state.Tool = "vulnreport " + r.opt.ToolVersion
	return writeAtomic(r.opt.DataDir, "feeds/"+StateFile, r.state.encode(), true)
}
