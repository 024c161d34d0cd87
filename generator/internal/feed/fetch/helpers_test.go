package fetch

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"vulnreport/generator/internal/feed/internal/realdata"
)

// fakeClock advances only when asked to sleep.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	slept  time.Duration
	sleeps []time.Duration
}

func newClock() *fakeClock {
	return &fakeClock{now: time.Date(2026, 12, 7, 3, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	c.slept += d
	c.sleeps = append(c.sleeps, d)
	return ctx.Err()
}

// answer is one scripted HTTP answer.
type answer struct {
	status  int
	header  map[string]string
	body    []byte
	handler http.HandlerFunc
}

// mirror is a local server that replays scripted answers per path (the
// last answer of a path repeats) and records the requests it got.
type mirror struct {
	t        *testing.T
	srv      *httptest.Server
	mu       sync.Mutex
	answers  map[string][]answer
	fallback func(w http.ResponseWriter, r *http.Request) bool
	requests []*http.Request
}

func newMirror(t *testing.T) *mirror {
	m := &mirror{t: t, answers: map[string][]answer{}}
	m.srv = httptest.NewServer(http.HandlerFunc(m.serve))
	t.Cleanup(m.srv.Close)
	return m
}

func (m *mirror) on(path string, as ...answer) {
	m.mu.Lock()
	m.answers[path] = append(m.answers[path], as...)
	m.mu.Unlock()
}

func (m *mirror) serve(w http.ResponseWriter, r *http.Request) {
	m.mu.Lock()
	m.requests = append(m.requests, r)
	as := m.answers[r.URL.Path]
	var a answer
	found := len(as) > 0
	if found {
		a = as[0]
		if len(as) > 1 {
			m.answers[r.URL.Path] = as[1:]
		}
	}
	fb := m.fallback
	m.mu.Unlock()
	if !found {
		if fb != nil && fb(w, r) {
			return
		}
		http.NotFound(w, r)
		return
	}
	if a.handler != nil {
		a.handler(w, r)
		return
	}
	for k, v := range a.header {
		w.Header().Set(k, v)
	}
	if a.status == 0 {
		a.status = 200
	}
	w.WriteHeader(a.status)
	w.Write(a.body)
}

func (m *mirror) count(path string) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for _, r := range m.requests {
		if r.URL.Path == path {
			n++
		}
	}
	return n
}

// real reads a file of ../shared/realdata.
func real(t *testing.T, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(realdata.Dir(t), filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// snapshotDir makes an empty snapshot with one system and the given
// components CSV rows ("system,product,version").
func snapshotDir(t *testing.T, components string) string {
	t.Helper()
	dir := t.TempDir()
	write(t, dir, "systems.yaml", "- id: web\n  name: Web\n  category: website\n  exposure: internet\n  data: [personal]\n  criticality: high\n  owner: IT\n")
	write(t, dir, "components.csv", "system,product,version\n"+components)
	return dir
}

func write(t *testing.T, dir, rel, s string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// runFetch runs fetch against the mirror for the named feeds.
func runFetch(t *testing.T, dir string, m *mirror, clock *fakeClock, feeds ...string) Result {
	t.Helper()
	mirrors := map[string]string{}
	for _, f := range AllFeeds {
		mirrors[f] = m.srv.URL + "/" + f
	}
	res, err := Run(context.Background(), Options{DataDir: dir, Feeds: feeds, Mirrors: mirrors, Clock: clock,
		ToolVersion: "test", Since: clock.Now().AddDate(0, 0, -30)})
	if err != nil {
		t.Fatalf("fetch: %v", err)
	}
	return res
}
