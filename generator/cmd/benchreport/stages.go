package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"strings"
	"time"

	"vulnreport/generator/internal/app"
	"vulnreport/generator/internal/assess"
	"vulnreport/generator/internal/feed/all"
	"vulnreport/generator/internal/history"
	"vulnreport/generator/internal/lifecycle"
	"vulnreport/generator/internal/match"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/render/export"
	"vulnreport/generator/internal/report"
	"vulnreport/generator/internal/snapshot"
	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/vuln"
)

// pipeline runs the stages of app.AnalyzeSnapshot one by one, calling the
// same functions with the same arguments, so that each can be measured.
type pipeline struct {
	fsys  fs.FS
	diags source.Diagnostics
	snap  *snapshot.Snapshot
	vulns []vuln.Vulnerability
	kev   []vuln.Unmatched
	ix    *lifecycle.Index
	m     match.Result
	asOf  time.Time
	hist  []history.Month
	as    assess.Result
	rep   *report.Report
	err   error
	// matched is set once match has run.
	matched bool
}

// load reads and validates the snapshot, then does what vulnreport check
// does with the result: formats every diagnostic and sums the counts.
func (p *pipeline) load() string {
	p.snap = snapshot.Load(p.fsys, snapshot.Options{Feeds: all.Parsers()}, &p.diags)
	w := bufio.NewWriter(io.Discard)
	for _, d := range p.diags.Sorted() {
		fmt.Fprintln(w, d.String())
	}
	_ = w.Flush()
	read, accepted, rejected := p.snap.Counts()
	if len(p.snap.Fatal) > 0 {
		p.err = fmt.Errorf("the snapshot cannot be built:\n  %s", strings.Join(p.snap.Fatal, "\n  "))
	}
	return fmt.Sprintf("%d records read, %d accepted, %d rejected; %d errors, %d warnings; %d components, %d advisories",
		read, accepted, rejected, p.diags.Count(source.Error), p.diags.Count(source.Warning),
		len(p.snap.Components), len(p.snap.Advisories))
}

// merge joins advisories into vulnerabilities and applies KEV and EPSS.
func (p *pipeline) merge() string {
	p.vulns = vuln.Merge(p.snap.Advisories)
	p.kev = vuln.Enrich(p.vulns, p.snap.KEV, p.snap.EPSS, p.snap.Resolver)
	return fmt.Sprintf("%d vulnerabilities", len(p.vulns))
}

// match indexes the lifecycle records and matches components.
func (p *pipeline) match() string {
	p.ix = lifecycle.NewIndex(p.snap.Cycles)
	p.m = match.Match(p.snap.Components, p.vulns, p.ix.Has)
	p.matched = true
	return fmt.Sprintf("%d findings, %d closed by patch ids, %d unmatched components, %d unreadable versions",
		len(p.m.Found), p.m.Patched, len(p.m.Unmatched), len(p.m.BadVersions))
}

// assess reads history and assesses the findings as of the policy's date.
func (p *pipeline) assess() string {
	pol := p.snap.Policy
	p.asOf = pol.AsOf
	if p.asOf.IsZero() {
		p.err = errors.New("the policy has no as_of date (the benchmark does not read the clock)")
		return ""
	}
	var inputs []history.Input
	for _, h := range p.snap.History {
		inputs = append(inputs, history.Input{Date: h.Date, Path: h.Path, Data: h.Data})
	}
	months, herrs := history.Load(inputs)
	for _, err := range herrs {
		p.diags.Warnf(source.Pos{File: strings.SplitN(err.Error(), ":", 2)[0]}, "history not used: %v", err)
	}
	p.hist = history.Before(months, p.asOf)
	p.as = assess.Run(assess.Input{
		AsOf: p.asOf, Policy: pol, Systems: p.snap.Systems, Components: p.snap.Components, Vulns: p.vulns,
		Matched: &p.m, Lifecycle: p.ix, Remediations: p.snap.Remediations, Resolver: p.snap.Resolver, History: p.hist,
	})
	eol, open := 0, 0
	for _, f := range p.as.Findings {
		if f.Kind == model.KindEOL {
			eol++
		}
		if f.IsOpen() {
			open++
		}
	}
	return fmt.Sprintf("%d findings (%d end-of-life), %d open; %d remediation records used",
		len(p.as.Findings), eol, open, len(p.as.RecordUse))
}

// report builds the report model.
func (p *pipeline) report() string {
	s := p.snap
	p.rep = report.Build(report.Input{
		ToolVersion: app.ToolVersion, AsOf: p.asOf, Languages: s.Policy.Languages, Policy: s.Policy, Systems: s.Systems,
		Components: s.Components, Resolver: s.Resolver, Vulns: p.vulns, Match: p.m, Assessed: p.as, Lifecycle: p.ix,
		Remediations: s.Remediations, Notifications: s.Notifications, History: p.hist, KEVUnmatched: p.kev,
		Files: s.Files, Feeds: s.Feeds, EPSSDate: s.EPSSDate, EPSSModel: s.EPSSModel,
		Rejections: s.Rejections, Diagnostics: p.diags.Sorted(),
	})
	return fmt.Sprintf("%d fix actions, %d decisions, %d open findings", len(p.rep.Actions), len(p.rep.Decisions), p.rep.Summary.OpenTotal)
}

// render writes the findings exports (findings.json and findings.csv) as
// a build does, streamed, but into a digest instead of a file, so that the
// figures are the encoders' and not the disk's.
func (p *pipeline) render() string {
	var w digestWriter
	if err := export.New().Render(context.Background(), p.rep, &w); err != nil {
		p.err = fmt.Errorf("rendering the findings exports: %w", err)
		return ""
	}
	return strings.Join(w.files, ", ")
}

// digestWriter is a render.Writer and render.Creator that keeps the size
// and SHA-256 of each file written, not its bytes.
type digestWriter struct {
	files []string
}

func (d *digestWriter) WriteFile(name string, data []byte) error {
	w, _ := d.Create(name)
	w.Write(data)
	return w.Close()
}

func (d *digestWriter) Create(name string) (io.WriteCloser, error) {
	return &digestFile{d: d, name: name, h: sha256.New()}, nil
}

type digestFile struct {
	d    *digestWriter
	name string
	h    hash.Hash
	n    int64
}

func (f *digestFile) Write(p []byte) (int, error) {
	f.n += int64(len(p))
	return f.h.Write(p)
}

func (f *digestFile) Close() error {
	f.d.files = append(f.d.files, fmt.Sprintf("%s %s (sha256 %x…)", f.name, mib(uint64(f.n)), f.h.Sum(nil)[:4]))
	return nil
}
