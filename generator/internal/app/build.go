package app

import (
	"context"
	"fmt"
	"io"
	"strings"

	"vulnreport/generator/internal/assess"
	"vulnreport/generator/internal/feed/all"
	"vulnreport/generator/internal/history"
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/lifecycle"
	"vulnreport/generator/internal/match"
	"vulnreport/generator/internal/publish"
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/report"
	"vulnreport/generator/internal/snapshot"
	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/vuln"
)

// Result is what a build produced, for callers and tests.
type Result struct {
	Report *report.Report
	// Files are the published files, read back from the output folder.
	Files *publish.Stage
	Diags []source.Diagnostic
}

// Analyze runs the stages up to the report model.
func Analyze(opt Options, diags *source.Diagnostics, prog func(string, int)) (*report.Report, *snapshot.Snapshot, error) {
	snap := snapshot.Load(opt.Data, snapshot.Options{Feeds: all.Parsers(), Progress: prog}, diags)
	snap.Require(diags)
	if len(snap.Fatal) > 0 {
		return nil, snap, fmt.Errorf("the build stopped:\n  %s", strings.Join(snap.Fatal, "\n  "))
	}
	return AnalyzeSnapshot(snap, opt, diags, prog), snap, nil
}

// AnalyzeSnapshot runs the stages after loading: merge, match, assess and
// build the report model.
func AnalyzeSnapshot(snap *snapshot.Snapshot, opt Options, diags *source.Diagnostics, prog func(string, int)) *report.Report {
	pol := snap.Policy
	asOf := opt.AsOf
	if asOf.IsZero() {
		asOf = pol.AsOf
	}
	if asOf.IsZero() {
		asOf = opt.Today
	}
	checkDates(snap, asOf, diags)
	langs := pol.Languages
	if len(opt.Langs) > 0 {
		langs = opt.Langs
	}
	checkScans(snap.Feeds, asOf, staleScanDays(pol.Horizons.StaleScanDays), diags)
	vulns := vuln.Merge(snap.Advisories)
	kevUnmatched := vuln.Enrich(vulns, snap.KEV, snap.EPSS, snap.Resolver)
	prog("merged vulnerabilities", len(vulns))
	ix := lifecycle.NewIndex(snap.Cycles)
	m := match.Match(snap.Components, vulns, ix.Has)
	prog("matched findings", len(m.Found))
	scanDisagreements(snap.Components, vulns, &m, diags)
	var inputs []history.Input
	for _, h := range snap.History {
		inputs = append(inputs, history.Input{Date: h.Date, Path: h.Path, Data: h.Data})
	}
	months, herrs := history.Load(inputs)
	for _, err := range herrs {
		diags.Warnf(source.Pos{File: strings.SplitN(err.Error(), ":", 2)[0]}, "history not used: %v", err)
	}
	months = history.Before(months, asOf)
	scans := indexScans(snap.Advisories)
	// The merged vulnerabilities replace the advisories: let them go.
	snap.Advisories = nil
	as := assess.Run(assess.Input{
		AsOf: asOf, Policy: pol, Systems: snap.Systems, Components: snap.Components, Vulns: vulns,
		Matched: &m, Lifecycle: ix, Remediations: snap.Remediations, Resolver: snap.Resolver, History: months,
	})
	prog("assessed findings", len(as.Findings))
	scanSources(as.Findings, scans)
	attacks := attackStage(opt.Data, snap, as.Findings, vulns, asOf, pol, diags)
	if len(snap.Logs) > 0 {
		prog("analysed logs", len(snap.Logs))
	}
	in := report.Input{
		ToolVersion: ToolVersion, AsOf: asOf, Languages: langs, Policy: pol, Systems: snap.Systems,
		Components: snap.Components, Resolver: snap.Resolver, Vulns: vulns, Match: m, Assessed: as, Lifecycle: ix,
		Remediations: snap.Remediations, Notifications: snap.Notifications, History: months, KEVUnmatched: kevUnmatched,
		Files: snap.Files, Feeds: snap.Feeds, EPSSDate: snap.EPSSDate, EPSSModel: snap.EPSSModel,
		Rejections: snap.Rejections, Attacks: attacks, Skipped: snap.Skipped,
	}
	warnStaleFeeds(report.FeedAges(in), diags)
	in.Diagnostics = diags.Sorted()
	return report.Build(in)
}

// Build runs the whole pipeline and publishes the output folder.
func Build(ctx context.Context, opt Options, stdout, stderr io.Writer) (*Result, error) {
	formats, err := render.ParseFormats(opt.Formats)
	if err != nil {
		return nil, UsageError{err}
	}
	// One build at a time into one output, and never into a folder of
	// files vulnreport did not write: checked before the long work, and
	// again just before the swap.
	if opt.OutDir == "" {
		return nil, UsageError{fmt.Errorf("no output folder given")}
	}
	if err := publish.CheckTarget(opt.OutDir); err != nil {
		return nil, UsageError{err}
	}
	lock, err := publish.LockOutput(opt.OutDir)
	if err != nil {
		return nil, err
	}
	defer lock.Release()
	if err := publish.CheckTarget(opt.OutDir); err != nil {
		return nil, UsageError{err}
	}
	p := progress{w: stderr, on: opt.Progress}
	var diags source.Diagnostics
	r, snap, err := Analyze(opt, &diags, p.stage)
	lang := firstLang(opt.Langs)
	if len(opt.Langs) == 0 && snap != nil {
		lang = firstLang(snap.Policy.Languages)
	}
	printDiags(stderr, diags.Sorted(), lang)
	if err != nil {
		return nil, err
	}
	if opt.Strict && r.Quality.Rejected > 0 {
		return nil, fmt.Errorf("--strict: %d records were rejected; the previous output is left untouched: %w", r.Quality.Rejected, ErrRejected)
	}
	// The snapshot is not used past this point: the collection in
	// BeforeRender may free it.
	deps := render.Deps{Templates: opt.Templates, Content: opt.Content, Font: snap.Policy.Font}
	if opt.BeforeRender != nil {
		opt.BeforeRender()
	}
	// Files go straight to a folder beside the output, swapped in at the
	// end: a build holds one file at a time, whatever the output's size.
	stage, err := publish.NewStage(opt.OutDir)
	if err != nil {
		return nil, err
	}
	defer stage.Abort()
	for _, f := range formats {
		rd, err := renderer(f, deps)
		if err != nil {
			return nil, err
		}
		if rd == nil {
			continue
		}
		p.stage("rendering "+string(f), 0)
		if err := rd.Render(ctx, r, stage); err != nil {
			return nil, fmt.Errorf("rendering %s: %w", f, err)
		}
	}
	pkgName := ""
	if opt.Package {
		pkgName = PackageName(r.AsOf)
	}
	if err := writeManifest(stage, r, pkgName); err != nil {
		return nil, err
	}
	if opt.Package {
		if err := writePackage(stage, opt, r); err != nil {
			return nil, err
		}
	}
	p.stage("publishing "+opt.OutDir, len(stage.Names()))
	if err := publish.CheckTarget(opt.OutDir); err != nil {
		return nil, UsageError{err}
	}
	if err := stage.Commit(); err != nil {
		return nil, err
	}
	printSummary(stdout, r, opt.OutDir, len(stage.Names()), lang)
	return &Result{Report: r, Files: stage, Diags: diags.Sorted()}, nil
}

func writeManifest(stage *publish.Stage, r *report.Report, pkg string) error {
	data, err := publish.EncodeManifest(publish.Manifest{
		ToolVersion: r.ToolVersion, AsOf: r.AsOf.Format("2006-01-02"), Inputs: r.Sources.Inputs, Feeds: r.Sources.Feeds,
		Records: publish.Counts{Read: r.Quality.Read, Accepted: r.Quality.Accepted, Rejected: r.Quality.Rejected},
		Outputs: stage.Files(), Package: pkg,
	})
	if err != nil {
		return err
	}
	return stage.WriteFile(publish.ManifestName, data)
}

func printDiags(w io.Writer, ds []source.Diagnostic, lang i18n.Lang) {
	for _, d := range ds {
		fmt.Fprintln(w, d.Localized(lang))
	}
}

// printSummary prints the month in five lines, in lang.
func printSummary(w io.Writer, r *report.Report, out string, files int, lang i18n.Lang) {
	s := r.Summary
	line := func(key string, args ...any) { fmt.Fprintln(w, i18n.Tf(lang, key, args...)) }
	line("cli.summary.title", r.Organization.Get(lang), r.Title.Get(lang), r.AsOf.Format("2006-01-02"))
	line("cli.summary.open", s.OpenTotal, s.Open["P1"], s.Open["P2"], s.Open["P3"], s.Open["P4"], s.Overdue, s.ExploitedInternet)
	line("cli.summary.actions", len(r.Actions), s.NeedsConfirmation, s.EOLInUse, len(r.Decisions))
	line("cli.summary.records", r.Quality.Read, r.Quality.Accepted, r.Quality.Rejected, r.Quality.Errors, r.Quality.Warnings)
	line("cli.summary.wrote", files, out)
}
