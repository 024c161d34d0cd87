// Package history reads earlier months' findings exports and derives what
// needs them: each finding's first-seen date, the month-over-month flow
// (new, resolved, carried over, reopened), open counts per month, time to
// remediate and SLA compliance. A finding gone from the snapshot but open
// in the previous export counts as resolved on the as-of date.
package history

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"vulnreport/generator/internal/findings"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/source"
)

// Month is one earlier build.
type Month struct {
	Date  time.Time
	Path  string
	Files findings.File
	byKey map[string]*findings.Finding
}

// Load decodes history files given as (date, path, data) and returns them
// sorted oldest first. A file that cannot be used is left out and reported
// to diags as a warning positioned at its path: history only adds to a
// report, so a bad export never stops a build, and it is never dropped
// silently either.
func Load(files []Input, diags *source.Diagnostics) []Month {
	var out []Month
	for _, in := range files {
		d, err := time.Parse("2006-01-02", in.Date)
		if err != nil {
			notUsed(diags, in.Path, fmt.Errorf("%s: folder name is not a date", in.Path))
			continue
		}
		f, err := findings.Decode(in.Data)
		if err != nil {
			notUsed(diags, in.Path, fmt.Errorf("%s: %w", in.Path, err))
			continue
		}
		m := Month{Date: d, Path: in.Path, Files: f, byKey: map[string]*findings.Finding{}}
		for i := range f.Findings {
			m.byKey[f.Findings[i].Key] = &f.Findings[i]
		}
		out = append(out, m)
	}
	slices.SortFunc(out, func(a, b Month) int { return a.Date.Compare(b.Date) })
	return out
}

// notUsed reports a history file that was left out.
func notUsed(diags *source.Diagnostics, path string, err error) {
	diags.Warnf(source.Pos{File: path}, "history not used: %v", err)
}

// Input is one history file as read.
type Input struct {
	Date string
	Path string
	Data []byte
}

// Before drops months on or after asOf: a history folder dated later than
// the build is not history.
func Before(ms []Month, asOf time.Time) []Month {
	return slices.DeleteFunc(slices.Clone(ms), func(m Month) bool { return !m.Date.Before(asOf) })
}

// FirstSeen returns the earliest first-seen date recorded for key, or ok=false.
func FirstSeen(ms []Month, key string) (time.Time, bool) {
	for _, m := range ms {
		if f, ok := m.byKey[key]; ok {
			if t, err := time.Parse("2006-01-02", f.FirstSeen); err == nil && t.Before(m.Date.AddDate(0, 0, 1)) {
				return t, true
			}
			return m.Date, true
		}
	}
	return time.Time{}, false
}

// Lookup returns the finding stored under key in month m.
func (m Month) Lookup(key string) (findings.Finding, bool) {
	f, ok := m.byKey[key]
	if !ok {
		return findings.Finding{}, false
	}
	return *f, true
}

// IsOpen reports whether an exported finding was open (open or mitigated).
func IsOpen(f findings.Finding) bool {
	return f.State == model.StateOpen || f.State == model.StateMitigated
}

// Closure is a finding closed between two builds.
type Closure struct {
	Key       string
	Priority  model.Priority
	FirstSeen time.Time
	Due       time.Time
	Closed    time.Time
}

// Days returns the days from first seen to closure.
func (c Closure) Days() int { return int(c.Closed.Sub(c.FirstSeen).Hours() / 24) }

// InTime reports whether the closure met the due date.
func (c Closure) InTime() bool { return c.Due.IsZero() || !c.Closed.After(c.Due) }

// Closures returns the findings open in prev and gone (or no longer open)
// in next, closed on next's date. isOpenNext reports a key's state in next.
func Closures(prev Month, nextDate time.Time, isOpenNext func(key string) bool) []Closure {
	var out []Closure
	for _, f := range prev.Files.Findings {
		if !IsOpen(f) || isOpenNext(f.Key) {
			continue
		}
		c := Closure{Key: f.Key, Priority: f.Priority, Closed: nextDate}
		c.FirstSeen, _ = time.Parse("2006-01-02", f.FirstSeen)
		c.Due, _ = time.Parse("2006-01-02", f.Due)
		if c.FirstSeen.IsZero() {
			c.FirstSeen = prev.Date
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Closure) int { return cmp.Compare(a.Key, b.Key) })
	return out
}

// OpenKeys returns the keys open in m.
func (m Month) OpenKeys() map[string]bool {
	out := map[string]bool{}
	for _, f := range m.Files.Findings {
		if IsOpen(f) {
			out[f.Key] = true
		}
	}
	return out
}
