package site_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"vulnreport/generator/internal/app"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/publish"
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/render/site"
	"vulnreport/generator/internal/report"
	"vulnreport/generator/internal/source"
)

const chromium = "/usr/bin/chromium"

// browserOrSkip returns the browser path, or skips the test when it is
// missing, unless VULNREPORT_BROWSER=required.
func browserOrSkip(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat(chromium); err != nil {
		if os.Getenv("VULNREPORT_BROWSER") == "required" {
			t.Fatalf("VULNREPORT_BROWSER=required but %s is missing: %v", chromium, err)
		}
		t.Skipf("skipping the browser test: %s not found (install Debian's chromium, or set VULNREPORT_BROWSER=required to fail instead)", chromium)
	}
	return chromium
}

// serve writes a site to a folder and serves it on 127.0.0.1 without
// redirects, so that query strings reach the pages as written.
func serve(t *testing.T, mem *publish.Memory) *httptest.Server {
	t.Helper()
	dir := writeSite(t, mem)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Clean("/" + r.URL.Path)
		if strings.HasSuffix(r.URL.Path, "/") {
			name += "/index.html"
		}
		f, err := os.Open(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil || st.IsDir() {
			http.NotFound(w, r)
			return
		}
		http.ServeContent(w, r, name, time.Time{}, f)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// writeSite writes a site to a new folder and returns the folder.
func writeSite(t *testing.T, mem *publish.Memory) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range mem.Names() {
		data, _ := mem.Get(n)
		p := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// watcher records what a page must never do: console errors, uncaught
// exceptions, log errors (CSP violations, failed loads), dialogs, and
// requests outside the served folder.
type watcher struct {
	mu       sync.Mutex
	origin   string
	problems []string
	dialogs  chan struct{}
}

func (w *watcher) add(format string, args ...any) {
	w.mu.Lock()
	w.problems = append(w.problems, fmt.Sprintf(format, args...))
	w.mu.Unlock()
}

func (w *watcher) take() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	p := w.problems
	w.problems = nil
	return p
}

func (w *watcher) listen(ev any) {
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
			w.add("console %s", e.Type)
		}
	case *runtime.EventExceptionThrown:
		w.add("exception: %s", e.ExceptionDetails.Text)
	case *log.EventEntryAdded:
		if e.Entry.Level == log.EntryLevelError {
			w.add("log error: %s (%s)", e.Entry.Text, e.Entry.URL)
		}
	case *network.EventRequestWillBeSent:
		u := e.Request.URL
		if !strings.HasPrefix(u, w.origin+"/") && !strings.HasPrefix(u, "data:") {
			w.add("request outside the site: %s", u)
		}
	case *page.EventJavascriptDialogOpening:
		w.add("dialog opened: %s %q", e.Type, e.Message)
		select {
		case w.dialogs <- struct{}{}:
		default:
		}
	}
}

// newBrowser starts headless Chromium with a fresh profile and no network
// services of its own.
func newBrowser(t *testing.T, w *watcher) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browserOrSkip(t)), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 1800))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx, chromedp.WithListener(w.listen))
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	if _, err := chromedp.Call(ctx, log.Enable, cdp.Empty{}); err != nil {
		t.Fatalf("starting %s: %v", chromium, err)
	}
	go func() {
		for range w.dialogs {
			_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	return ctx
}

func run[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

const visibleRows = `document.querySelectorAll('table.findings tbody tr:not([hidden])').length`

// visit opens a page and checks that the script ran and nothing hostile did.
func visit(t *testing.T, ctx context.Context, w *watcher, url string) {
	t.Helper()
	run(t, ctx, "open "+url, chromedp.Navigate(url))
	if !run(t, ctx, "script ran", chromedp.Evaluate[bool](`document.documentElement.classList.contains('js')`)) {
		t.Errorf("%s: site.js did not run", url)
	}
	if run(t, ctx, "pwned", chromedp.Evaluate[bool](`window.__pwned !== undefined`)) {
		t.Errorf("%s: a payload ran", url)
	}
	for _, p := range w.take() {
		t.Errorf("%s: %s", url, p)
	}
}

func TestBrowser(t *testing.T) {
	browserOrSkip(t)
	r := fixture(t)
	mem := build(t, r, render.Deps{Content: contentFS}, site.PageSize)
	srv := serve(t, mem)
	w := &watcher{origin: srv.URL, dialogs: make(chan struct{}, 4)}
	ctx := newBrowser(t, w)

	var dept string
	for _, n := range mem.Names() {
		if strings.HasPrefix(n, "plan/") && dept == "" {
			dept = n
		}
	}
	pagesToVisit := []string{"index.html", "findings/index.html", "systems.html", "systems/web-shop.html", "advisories.html",
		"advisories/CVE-2017-5638.html", "lifecycle.html", "plan.html", dept, "trends.html", "quality.html", "method.html", "pages/about.html"}
	for _, lang := range []string{"", "en/"} {
		for _, p := range pagesToVisit {
			visit(t, ctx, w, srv.URL+"/"+lang+p)
		}
	}

	// Filters: P1 by click, then P2 added with the keyboard.
	want := map[string]int{}
	for _, f := range r.Findings.All() {
		want[f.Priority.String()]++
	}
	visit(t, ctx, w, srv.URL+"/findings/index.html")
	if n := run(t, ctx, "rows", chromedp.Evaluate[int](visibleRows)); n != r.Findings.Len() {
		t.Errorf("unfiltered list shows %d rows, want %d", n, r.Findings.Len())
	}
	run(t, ctx, "click P1", chromedp.Click(chromedp.CSS(`input[name=priority][value=P1]`)))
	if n := run(t, ctx, "rows", chromedp.Evaluate[int](visibleRows)); n != want["P1"] {
		t.Errorf("P1 filter shows %d rows, want %d", n, want["P1"])
	}
	run(t, ctx, "focus P2", chromedp.Focus(chromedp.CSS(`input[name=priority][value=P2]`)))
	run(t, ctx, "space", chromedp.KeyEvent(" "))
	if n := run(t, ctx, "rows", chromedp.Evaluate[int](visibleRows)); n != want["P1"]+want["P2"] {
		t.Errorf("P1+P2 filter by keyboard shows %d rows, want %d", n, want["P1"]+want["P2"])
	}
	if q := run(t, ctx, "query", chromedp.Evaluate[string](`location.search`)); q != "?priority=P1,P2" {
		t.Errorf("filter not reflected in the address: %q", q)
	}

	// Each dashboard tile opens a list of exactly its figure.
	for _, h := range r.Summary.Headlines {
		if h.Link == "" {
			continue
		}
		visit(t, ctx, w, srv.URL+"/index.html")
		sel := chromedp.CSS(`a.tile-link[data-key="` + h.Key + `"]`)
		run(t, ctx, "click "+h.Key, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(sel)))
		if n := run(t, ctx, "rows", chromedp.Evaluate[int](visibleRows)); n != h.Value {
			loc := run(t, ctx, "location", chromedp.Location())
			t.Errorf("tile %s opens %s with %d rows, want %d", h.Key, loc, n, h.Value)
		}
		for _, p := range w.take() {
			t.Errorf("tile %s: %s", h.Key, p)
		}
	}

	// Screenshots of the dashboard, for people to look at.
	shots := filepath.Join(os.TempDir(), "vulnreport-screenshots")
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"ja", "en"} {
		prefix := ""
		if lang == "en" {
			prefix = "en/"
		}
		visit(t, ctx, w, srv.URL+"/"+prefix+"index.html")
		png := run(t, ctx, "screenshot", chromedp.FullScreenshot(100))
		p := filepath.Join(shots, "dashboard-"+lang+".png")
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", p)
	}
	// The paper copy: print media, no navigation or filter controls.
	visit(t, ctx, w, srv.URL+"/plan.html")
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	if run(t, ctx, "nav hidden", chromedp.Evaluate[bool](`getComputedStyle(document.querySelector('nav.site')).display !== 'none'`)) {
		t.Error("navigation shows in print")
	}
	png := run(t, ctx, "print screenshot", chromedp.FullScreenshot(100))
	p := filepath.Join(shots, "plan-ja-print.png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", p)
}

// TestBrowserFileFilter opens the site from the file system, as readers
// of a file share do, and filters by the values rows take from their
// system (assets/systems.js, loaded by <script src>): category and
// exposure, with priority from the rows themselves; then by kind and
// state, which rows state only in part.
func TestBrowserFileFilter(t *testing.T) {
	browserOrSkip(t)
	r := fixture(t)
	mem := build(t, r, render.Deps{Content: contentFS}, site.PageSize)
	dir := writeSite(t, mem)
	w := &watcher{origin: "file://" + filepath.ToSlash(dir), dialogs: make(chan struct{}, 4)}
	ctx := newBrowser(t, w)
	sys := map[string]*report.System{}
	for i := range r.Systems {
		sys[r.Systems[i].ID] = &r.Systems[i]
	}
	count := func(cat, exp string, prio model.Priority) (n int) {
		for _, f := range r.Findings.All() {
			s := sys[f.System]
			if s != nil && (cat == "" || s.Category == cat) && (exp == "" || s.Exposure == exp) && (prio == model.PriorityNone || f.Priority == prio) {
				n++
			}
		}
		return n
	}
	cases := []struct {
		query, cat, exp string
		prio            model.Priority
	}{
		{"category=website", "website", "", model.PriorityNone},
		{"exposure=intranet", "", "intranet", model.PriorityNone},
		{"category=website&exposure=internet&priority=P1", "website", "internet", model.P1},
		{"category=client&exposure=internet", "client", "internet", model.PriorityNone},
	}
	for _, c := range cases {
		for _, lang := range []string{"", "en/"} {
			url := w.origin + "/" + lang + "findings/index.html?" + c.query
			visit(t, ctx, w, url)
			got := run(t, ctx, "rows", chromedp.Evaluate[int](visibleRows))
			if want := count(c.cat, c.exp, c.prio); got != want {
				t.Errorf("%s: %d rows shown, want %d", url, got, want)
			}
		}
	}
	if count("website", "", model.PriorityNone) == 0 || count("", "intranet", model.PriorityNone) == 0 {
		t.Fatal("the fixture lacks the systems the filter is checked with")
	}
	// Choosing a category in the form filters as the query does.
	visit(t, ctx, w, w.origin+"/findings/index.html")
	run(t, ctx, "choose", chromedp.SetValue(chromedp.CSS(`select[name=category]`), "internal"))
	run(t, ctx, "change", chromedp.Evaluate[bool](`document.querySelector('select[name=category]').dispatchEvent(new Event('change', {bubbles: true}))`))
	if got, want := run(t, ctx, "rows", chromedp.Evaluate[int](visibleRows)), count("internal", "", model.PriorityNone); got != want {
		t.Errorf("category chosen in the form: %d rows shown, want %d", got, want)
	}
}

// TestBrowserFileFilterKindState filters the sample organisation, all on
// one page, by kind and state from file://: a row leaves out data-kind
// for a vulnerability, and which states count as open (open, mitigated)
// site.js reads from assets/systems.js.
func TestBrowserFileFilterKindState(t *testing.T) {
	browserOrSkip(t)
	if testing.Short() {
		t.Skip("-short")
	}
	var diags source.Diagnostics
	r, _, err := app.Analyze(app.Options{Data: os.DirFS("../../../../data"), Today: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)}, &diags, func(string, int) {})
	if err != nil {
		t.Fatalf("the sample snapshot does not load: %v", err)
	}
	mem := build(t, r, render.Deps{Content: contentFS}, r.Findings.Len())
	dir := writeSite(t, mem)
	w := &watcher{origin: "file://" + filepath.ToSlash(dir), dialogs: make(chan struct{}, 4)}
	ctx := newBrowser(t, w)
	kinds := map[model.Kind]int{}
	var open, mitigated int
	for _, f := range r.Findings.All() {
		kinds[f.Kind]++
		if f.IsOpen() {
			open++
		}
		if f.State == model.StateMitigated {
			mitigated++
		}
	}
	if kinds[model.KindEOL] == 0 || kinds[model.KindVulnerability] == 0 || mitigated == 0 {
		t.Fatal("the sample lacks the kinds and states the filter is checked with")
	}
	for query, want := range map[string]int{"kind=eol": kinds[model.KindEOL], "kind=vulnerability": kinds[model.KindVulnerability],
		"state=open": open, "state=mitigated": mitigated, "": r.Findings.Len()} {
		url := w.origin + "/findings/index.html?" + query
		visit(t, ctx, w, url)
		if got := run(t, ctx, "rows", chromedp.Evaluate[int](visibleRows)); got != want {
			t.Errorf("%s: %d rows shown, want %d", url, got, want)
		}
	}
}

// TestBrowserHostile opens the hostile fixture: every payload must show as
// text and none may run.
func TestBrowserHostile(t *testing.T) {
	browserOrSkip(t)
	mem := build(t, hostile(t), render.Deps{}, site.PageSize)
	srv := serve(t, mem)
	w := &watcher{origin: srv.URL, dialogs: make(chan struct{}, 4)}
	ctx := newBrowser(t, w)
	for _, p := range []string{"index.html", "en/index.html", "systems/web-x.html", "en/systems/web-x.html", "findings/index.html",
		"advisories/CVE-2017-5638.html", "plan.html", "lifecycle.html", "quality.html", "systems.html"} {
		visit(t, ctx, w, srv.URL+"/"+p)
	}
	visit(t, ctx, w, srv.URL+"/systems/web-x.html")
	body := run(t, ctx, "text", chromedp.Evaluate[string](`document.body.innerText`))
	for _, s := range []string{"受注<script>window.__pwned=1;alert(1)</script>", `<img src=x onerror="window.__pwned=2;alert(1)">`} {
		if !strings.Contains(body, s) {
			t.Errorf("payload not shown as text: %s", s)
		}
	}
	// Typing a payload into the text filter runs nothing either.
	visit(t, ctx, w, srv.URL+"/findings/index.html?q="+strings.ReplaceAll(xImg, " ", "%20"))
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](visibleRows)); err != nil || n < 0 {
		t.Errorf("rows: %v", errors.Join(err))
	}
	for _, p := range w.take() {
		t.Errorf("%s", p)
	}
}
