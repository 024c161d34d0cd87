package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Clock is the passage of time as fetch sees it. main supplies the real
// one; tests supply one that advances without sleeping. Nothing in this
// package reads the clock except through it.
type Clock interface {
	Now() time.Time
	// Sleep waits for d or until ctx ends.
	Sleep(ctx context.Context, d time.Duration) error
}

// Limit is a publisher's rate limit: at most N requests in any window of Per.
type Limit struct {
	N   int
	Per time.Duration
}

// limiter enforces a Limit with a sliding window of request times.
type limiter struct {
	limit Limit
	times []time.Time
}

// wait blocks until one more request fits the window and records it. It
// returns how long it waited.
func (l *limiter) wait(ctx context.Context, clock Clock) (time.Duration, error) {
	if l.limit.N <= 0 {
		return 0, nil
	}
	var waited time.Duration
	now := clock.Now()
	if len(l.times) >= l.limit.N {
		oldest := l.times[len(l.times)-l.limit.N]
		if d := oldest.Add(l.limit.Per).Sub(now); d > 0 {
			if err := clock.Sleep(ctx, d); err != nil {
				return 0, err
			}
			waited = d
			now = clock.Now()
		}
	}
	l.times = append(l.times, now)
	if len(l.times) > l.limit.N {
		l.times = l.times[len(l.times)-l.limit.N:]
	}
	return waited, nil
}

// request is one GET with its conditions.
type request struct {
	url     string
	headers map[string]string
	// etag and lastModified make the request conditional.
	etag, lastModified string
	// maxBytes bounds the body.
	maxBytes int64
}

// response is a finished GET.
type response struct {
	url          string
	status       int
	body         []byte
	etag         string
	lastModified string
	contentType  string
	notModified  bool
}

// client is an HTTP client that behaves as a good citizen of one
// publisher's API: its rate limit, retries with backoff on 429 and 503
// honouring Retry-After, a clear User-Agent and conditional requests.
type client struct {
	http      *http.Client
	clock     Clock
	userAgent string
	limiter   limiter
	// retries is the number of attempts after the first.
	retries int
	// maxRetryAfter caps a server's Retry-After.
	maxRetryAfter time.Duration
	// onWait is told of every wait the rate limit or a retry imposes.
	onWait func(time.Duration)
	// requests counts the requests sent.
	requests int
}

// errStatus is an HTTP status that is not a success.
type errStatus struct {
	url    string
	status int
}

func (e errStatus) Error() string {
	return fmt.Sprintf("%s: HTTP %d %s", e.url, e.status, http.StatusText(e.status))
}

// get sends the request, retrying on 429, 502, 503, 504 and on network
// errors, and reads the whole body within its bound. A 304 answer to a
// conditional request is a success with notModified set.
func (c *client) get(ctx context.Context, r request) (*response, error) {
	var last error
	backoff := 2 * time.Second
	for attempt := 0; attempt <= c.retries; attempt++ {
		waited, err := c.limiter.wait(ctx, c.clock)
		if err != nil {
			return nil, err
		}
		if waited > 0 && c.onWait != nil {
			c.onWait(waited)
		}
		resp, retryAfter, err := c.once(ctx, r)
		if err == nil {
			return resp, nil
		}
		last = err
		var st errStatus
		retryable := !errors.As(err, &st) || st.status == http.StatusTooManyRequests || st.status == http.StatusServiceUnavailable ||
			st.status == http.StatusBadGateway || st.status == http.StatusGatewayTimeout
		if errors.Is(err, errNotFeed) || errors.Is(err, errTooLarge) || ctx.Err() != nil {
			retryable = false
		}
		if !retryable || attempt == c.retries {
			break
		}
		d := backoff
		if retryAfter > 0 {
			d = min(retryAfter, c.maxRetryAfter)
		}
		backoff *= 2
		if c.onWait != nil {
			c.onWait(d)
		}
		if err := c.clock.Sleep(ctx, d); err != nil {
			return nil, err
		}
	}
	return nil, last
}

var (
	errNotFeed  = errors.New("the server answered with an HTML page, not the feed")
	errTooLarge = errors.New("the answer is larger than the limit for this feed")
)

// once sends one request. retryAfter is the server's Retry-After, if any.
func (c *client) once(ctx context.Context, r request) (*response, time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, r.url, nil)
	if err != nil {
		return nil, 0, err
	}
	req.Header.Set("User-Agent", c.userAgent)
	req.Header.Set("Accept-Encoding", "identity")
	for k, v := range r.headers {
		req.Header.Set(k, v)
	}
	if r.etag != "" {
		req.Header.Set("If-None-Match", r.etag)
	}
	if r.lastModified != "" {
		req.Header.Set("If-Modified-Since", r.lastModified)
	}
	c.requests++
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", r.url, err)
	}
	defer resp.Body.Close()
	out := &response{url: r.url, status: resp.StatusCode, etag: resp.Header.Get("ETag"),
		lastModified: resp.Header.Get("Last-Modified"), contentType: resp.Header.Get("Content-Type")}
	switch {
	case resp.StatusCode == http.StatusNotModified && (r.etag != "" || r.lastModified != ""):
		out.notModified = true
		return out, 0, nil
	case resp.StatusCode != http.StatusOK:
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
		return nil, retryAfter(resp.Header.Get("Retry-After"), c.clock.Now()), errStatus{url: r.url, status: resp.StatusCode}
	}
	if mt, _, _ := mime.ParseMediaType(out.contentType); mt == "text/html" || mt == "application/xhtml+xml" {
		return nil, 0, fmt.Errorf("%s: %w (Content-Type %s)", r.url, errNotFeed, out.contentType)
	}
	limit := r.maxBytes
	if limit <= 0 {
		limit = 1 << 30
	}
	if resp.ContentLength > limit {
		return nil, 0, fmt.Errorf("%s: %w (%d bytes)", r.url, errTooLarge, limit)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, 0, fmt.Errorf("%s: the answer was cut off: %w", r.url, err)
	}
	if int64(len(body)) > limit {
		return nil, 0, fmt.Errorf("%s: %w (%d bytes)", r.url, errTooLarge, limit)
	}
	if resp.ContentLength >= 0 && int64(len(body)) != resp.ContentLength {
		return nil, 0, fmt.Errorf("%s: the answer was cut off: %d of %d bytes", r.url, len(body), resp.ContentLength)
	}
	if looksLikeHTML(body) {
		return nil, 0, fmt.Errorf("%s: %w", r.url, errNotFeed)
	}
	out.body = body
	return out, 0, nil
}

// looksLikeHTML reports whether a body starts like an HTML page: an error
// or login page some proxies and CDNs serve with status 200.
func looksLikeHTML(b []byte) bool {
	s := strings.ToLower(strings.TrimLeft(string(b[:min(len(b), 512)]), " \t\r\n\ufeff"))
	return strings.HasPrefix(s, "<!doctype html") || strings.HasPrefix(s, "<html")
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(h string, now time.Time) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0
	}
	if n, err := strconv.Atoi(h); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}

// asStatus reports whether err carries an HTTP status.
func asStatus(err error, st *errStatus) bool { return errors.As(err, st) }
