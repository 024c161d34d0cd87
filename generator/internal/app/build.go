package app

import (
	"context"
	"errors"
	"fmt"
	"io"

	"vulnreport/generator/internal/evidence"
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/publish"
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/report"
	"vulnreport/generator/internal/snapshot"
	"vulnreport/generator/internal/source"
)

// Result is what a build produced, for callers and tests.
type Result struct {
	Report *report.Report
	// Files are the published files, read back from the output folder.
	Files *publish.Stage
	Diags []source.Diagnostic
}

// Analyze runs the stages up to the report model; prog, when not nil,
// hears each stage's name and first count as it ends.
func Analyze(opt Options, diags *source.Diagnostics, prog func(string, int)) (*report.Report, *snapshot.Snapshot, error) {
	p := NewPipeline(opt, diags, countHook(prog))
	r, err := p.Analyze()
	return r, p.Snapshot(), err
}

// AnalyzeSnapshot runs the stages after loading on a snapshot loaded (and
// perhaps edited) by the caller: merge, match, assess and report.
func AnalyzeSnapshot(snap *snapshot.Snapshot, opt Options, diags *source.Diagnostics, prog func(string, int)) *report.Report {
	p := NewPipeline(opt, diags, countHook(prog))
	p.snap = snap
	p.validate()
	p.Merge()
	p.Match()
	p.Assess()
	return p.Report()
}

// countHook adapts a (stage, count) callback to a Hook.
func countHook(prog func(string, int)) Hook {
	if prog == nil {
		return nil
	}
	return func(e Event) {
		if e.Done {
			n := 0
			if len(e.Counts) > 0 {
				n = e.Counts[0].N
			}
			prog(e.Stage, n)
		}
	}
}

// Build runs the whole pipeline and publishes the output folder.
func Build(ctx context.Context, opt Options, stdout, stderr io.Writer) (*Result, error) {
	if _, err := render.ParseFormats(opt.Formats); err != nil {
		return nil, UsageError{err}
	}
	// One build at a time into one output, and never into a folder of
	// files vulnreport did not write: checked before the long work, and
	// again just before the swap.
	if opt.OutDir == "" {
		return nil, UsageError{fmt.Errorf("no output folder given")}
	}
	if err := evidence.CheckTarget(opt.OutDir); err != nil {
		return nil, UsageError{err}
	}
	lock, err := publish.LockOutput(opt.OutDir)
	if err != nil {
		return nil, err
	}
	defer lock.Release()
	if err := evidence.CheckTarget(opt.OutDir); err != nil {
		return nil, UsageError{err}
	}
	var diags source.Diagnostics
	p := NewPipeline(opt, &diags, progressHook(stderr, opt.Progress))
	p.ConsumeInputs()
	r, err := p.Analyze()
	lang := firstLang(opt.Langs)
	if len(opt.Langs) == 0 && p.Snapshot() != nil {
		lang = firstLang(p.Snapshot().Policy.Languages)
	}
	printDiags(stderr, diags.Sorted(), lang)
	if err != nil {
		var stop *StopError
		if errors.As(err, &stop) {
			stop.Lang = lang
		}
		return nil, err
	}
	if opt.Strict && r.Quality.Rejected > 0 {
		return nil, fmt.Errorf("--strict: %d records were rejected; the previous output is left untouched: %w", r.Quality.Rejected, ErrRejected)
	}
	// The snapshot is not used past this point: the collection in
	// BeforeRender may free it.
	p.DropInputs()
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
	if err := p.Render(ctx, stage); err != nil {
		return nil, err
	}
	if err := p.Publish(stage); err != nil {
		return nil, err
	}
	printSummary(stdout, r, opt.OutDir, len(stage.Names()), lang)
	return &Result{Report: r, Files: stage, Diags: diags.Sorted()}, nil
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
	line("cli.summary.open", s.OpenTotal, s.Open[model.P1], s.Open[model.P2], s.Open[model.P3], s.Open[model.P4], s.Overdue, s.ExploitedInternet)
	line("cli.summary.actions", len(r.Actions), s.NeedsConfirmation, s.EOLInUse, len(r.Decisions))
	line("cli.summary.records", r.Quality.Read, r.Quality.Accepted, r.Quality.Rejected, r.Quality.Errors, r.Quality.Warnings)
	line("cli.summary.wrote", files, out)
}
