package attack

import (
	"cmp"
	"fmt"
	"net/netip"
	"slices"
	"sort"
	"strings"
	"time"
)

// Options are the policy's settings for the analysis.
type Options struct {
	// Paranoia is the CRS paranoia level (1–4).
	Paranoia int
	// MaskAddresses masks source addresses to /24 (IPv6 /48), as access
	// logs are personal data; on by default.
	MaskAddresses bool
	// FailedLoginBurst is how many failed logins from one source, or for
	// one user, within BurstWindow make a burst.
	FailedLoginBurst int
	BurstWindow      time.Duration
	// BusinessStart and BusinessEnd bound business hours (local hours,
	// weekdays); a successful login outside them is a sign.
	BusinessStart, BusinessEnd int
	Location                   *time.Location
}

// DefaultOptions are the defaults the policy overrides.
func DefaultOptions() Options {
	return Options{Paranoia: 1, MaskAddresses: true, FailedLoginBurst: 10, BurstWindow: 10 * time.Minute,
		BusinessStart: 8, BusinessEnd: 20, Location: time.FixedZone("JST", 9*3600)}
}

// Sign is one category of attack seen on a system in the month.
type Sign struct {
	Category       Category  `json:"category"`
	Requests       int       `json:"requests"`
	Sources        int       `json:"sources"`
	First          time.Time `json:"first"`
	Last           time.Time `json:"last"`
	MaybeSucceeded int       `json:"maybe_succeeded"`
	Rules          []int     `json:"rules"`
	Samples        []string  `json:"samples"`
	sources        map[string]bool
}

// AuthSign is a sign from the authentication logs.
type AuthSign struct {
	// Kind is "failed_burst_source", "failed_burst_user", "off_hours_login" or "root_login".
	Kind    string    `json:"kind"`
	Subject string    `json:"subject"`
	Count   int       `json:"count"`
	First   time.Time `json:"first"`
	Last    time.Time `json:"last"`
}

// SystemSigns is everything found in one system's logs.
type SystemSigns struct {
	System        string        `json:"system"`
	Files         []FileInfo    `json:"files"`
	LinesRead     int           `json:"lines_read"`
	LinesRejected int           `json:"lines_rejected"`
	First         time.Time     `json:"first,omitzero"`
	Last          time.Time     `json:"last,omitzero"`
	Signs         []Sign        `json:"signs"`
	Auth          []AuthSign    `json:"auth"`
	Correlated    []Correlation `json:"correlated"`
	ruleHits      map[int]int
	byCategory    map[Category]*Sign
}

// FileInfo names one log file read and its format.
type FileInfo struct {
	Path          string `json:"path"`
	Format        Format `json:"format"`
	LinesRead     int    `json:"lines_read"`
	LinesRejected int    `json:"lines_rejected"`
	// RejectedLines lists the first ten lines no format parses.
	RejectedLines []int `json:"rejected_lines,omitempty"`
	MostlyNotLog  bool  `json:"mostly_not_log,omitempty"`
}

// maxSamples and maxSampleLen bound the request samples kept per sign.
const (
	maxSamples   = 3
	maxSampleLen = 200
)

// Analyze finds the signs in one system's log files.
func Analyze(system string, files []*File, d *Detector, opt Options) SystemSigns {
	s := SystemSigns{System: system, ruleHits: map[int]int{}, byCategory: map[Category]*Sign{}}
	var auths []Auth
	nreq := 0
	for _, f := range files {
		s.Files = append(s.Files, FileInfo{Path: f.Name, Format: f.Format, LinesRead: f.Read, LinesRejected: f.Rejected,
			RejectedLines: f.RejectedLines, MostlyNotLog: f.MostlyNotLog})
		s.LinesRead += f.Read
		s.LinesRejected += f.Rejected
		nreq += len(f.Requests)
		auths = append(auths, f.Auths...)
	}
	// the requests of all files, copied only when there are several
	// (a month of one site's lines is large); nothing below changes them
	var reqs []Request
	for _, f := range files {
		if len(f.Requests) == nreq {
			reqs = f.Requests
			break
		}
		if reqs == nil {
			reqs = make([]Request, 0, nreq)
		}
		reqs = append(reqs, f.Requests...)
	}
	usual := usualSizes(reqs)
	for _, r := range reqs {
		s.span(r.Time)
		m := d.Inspect(r)
		if len(m.Categories) == 0 {
			continue
		}
		succeeded := maybeSucceeded(r, usual)
		for _, c := range m.Categories {
			sg := s.byCategory[c]
			if sg == nil {
				sg = &Sign{Category: c, First: r.Time, Last: r.Time, sources: map[string]bool{}}
				s.byCategory[c] = sg
			}
			sg.Requests++
			sg.sources[mask(r.Remote, opt.MaskAddresses)] = true
			if r.Time.Before(sg.First) {
				sg.First = r.Time
			}
			if r.Time.After(sg.Last) {
				sg.Last = r.Time
			}
			if succeeded {
				sg.MaybeSucceeded++
			}
			for _, id := range m.Rules {
				if cat, _ := categoryOf(id); cat == c && !slices.Contains(sg.Rules, id) {
					sg.Rules = append(sg.Rules, id)
				}
			}
			if len(sg.Samples) < maxSamples {
				sg.Samples = append(sg.Samples, sample(r))
			}
		}
		for _, id := range m.Rules {
			s.ruleHits[id]++
		}
	}
	for _, a := range auths {
		s.span(a.Time)
	}
	for _, c := range Categories {
		if sg := s.byCategory[c]; sg != nil {
			sg.Sources = len(sg.sources)
			slices.Sort(sg.Rules)
			s.Signs = append(s.Signs, *sg)
		}
	}
	s.Auth = authSigns(auths, opt)
	if s.Signs == nil {
		s.Signs = []Sign{}
	}
	if s.Auth == nil {
		s.Auth = []AuthSign{}
	}
	return s
}

func (s *SystemSigns) span(t time.Time) {
	if t.IsZero() {
		return
	}
	if s.First.IsZero() || t.Before(s.First) {
		s.First = t
	}
	if t.After(s.Last) {
		s.Last = t
	}
}

// usualSizes is the median size of each path's 2xx answers.
func usualSizes(reqs []Request) map[string]int64 {
	by := map[string][]int64{}
	for _, r := range reqs {
		if r.Status >= 200 && r.Status < 300 && r.Bytes >= 0 {
			p, _, _ := strings.Cut(r.URI, "?")
			by[p] = append(by[p], r.Bytes)
		}
	}
	out := make(map[string]int64, len(by))
	for p, sizes := range by {
		slices.Sort(sizes)
		out[p] = sizes[len(sizes)/2]
	}
	return out
}

// maybeSucceeded is iLogScanner's detailed-level rule, as this tool
// states it: an attack that got a 2xx answer whose size differs from the
// median 2xx size of the same path by more than half and by at least 512
// bytes may have succeeded (the answer carried something else than
// usual). Without a size in the log, a 2xx answer to an attack is not
// enough to say so.
func maybeSucceeded(r Request, usual map[string]int64) bool {
	if r.Status < 200 || r.Status >= 300 || r.Bytes < 0 {
		return false
	}
	p, _, _ := strings.Cut(r.URI, "?")
	med, ok := usual[p]
	if !ok {
		return false
	}
	diff := r.Bytes - med
	if diff < 0 {
		diff = -diff
	}
	return diff >= 512 && diff*2 > med
}

// sample is a request as a short, printable text: control characters
// escaped, cut to maxSampleLen runes.
func sample(r Request) string {
	s := r.Method + " " + r.URI
	if r.UserAgent != "" && !strings.HasPrefix(r.UserAgent, "Mozilla/5.0 (") {
		s += " UA=" + r.UserAgent
	}
	var b strings.Builder
	for _, c := range s {
		if c < 0x20 || c == 0x7f {
			fmt.Fprintf(&b, `\x%02x`, c)
			continue
		}
		b.WriteRune(c)
	}
	out := []rune(b.String())
	if len(out) > maxSampleLen {
		return string(out[:maxSampleLen-1]) + "…"
	}
	return string(out)
}

// mask hides the host part of an address: IPv4 to /24, IPv6 to /48.
func mask(addr string, on bool) string {
	a, err := netip.ParseAddr(strings.Trim(hostOnly(addr), "[]"))
	if err != nil || !on {
		return addr
	}
	bits := 24
	if a.Is6() && !a.Is4In6() {
		bits = 48
	}
	p, _ := a.Unmap().Prefix(bits)
	return p.String()
}

// authSigns finds bursts of failed logins per source and per user, and
// successful logins outside business hours or as root.
func authSigns(auths []Auth, opt Options) []AuthSign {
	slices.SortStableFunc(auths, func(a, b Auth) int { return a.Time.Compare(b.Time) })
	var out []AuthSign
	bursts := func(kind string, key func(Auth) string) {
		groups := map[string][]time.Time{}
		for _, a := range auths {
			if !a.OK {
				groups[key(a)] = append(groups[key(a)], a.Time)
			}
		}
		keys := make([]string, 0, len(groups))
		for k := range groups {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			ts := groups[k]
			best, lo := 0, 0
			var first, last time.Time
			for hi := range ts {
				for ts[hi].Sub(ts[lo]) > opt.BurstWindow {
					lo++
				}
				if n := hi - lo + 1; n > best {
					best, first, last = n, ts[lo], ts[hi]
				}
			}
			if best >= opt.FailedLoginBurst {
				out = append(out, AuthSign{Kind: kind, Subject: k, Count: best, First: first, Last: last})
			}
		}
	}
	bursts("failed_burst_source", func(a Auth) string { return mask(a.Remote, opt.MaskAddresses) })
	bursts("failed_burst_user", func(a Auth) string { return a.User })
	loc := opt.Location
	if loc == nil {
		loc = time.UTC
	}
	single := map[string]*AuthSign{}
	for _, a := range auths {
		if !a.OK {
			continue
		}
		lt := a.Time.In(loc)
		var kinds []string
		if a.User == "root" {
			kinds = append(kinds, "root_login")
		}
		if wd := lt.Weekday(); wd == time.Saturday || wd == time.Sunday || lt.Hour() < opt.BusinessStart || lt.Hour() >= opt.BusinessEnd {
			kinds = append(kinds, "off_hours_login")
		}
		for _, k := range kinds {
			key := k + "\x00" + a.User
			sg := single[key]
			if sg == nil {
				sg = &AuthSign{Kind: k, Subject: a.User, First: a.Time}
				single[key] = sg
			}
			sg.Count++
			sg.Last = a.Time
		}
	}
	for _, sg := range single {
		out = append(out, *sg)
	}
	slices.SortFunc(out, func(a, b AuthSign) int {
		return cmp.Or(strings.Compare(a.Kind, b.Kind), strings.Compare(a.Subject, b.Subject))
	})
	return out
}
