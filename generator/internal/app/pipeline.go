package app

import (
	"context"
	"fmt"
	"time"

	"vulnreport/generator/internal/assess"
	"vulnreport/generator/internal/attack"
	"vulnreport/generator/internal/evidence"
	"vulnreport/generator/internal/feed/all"
	"vulnreport/generator/internal/history"
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/lifecycle"
	"vulnreport/generator/internal/match"
	"vulnreport/generator/internal/plausible"
	"vulnreport/generator/internal/publish"
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/report"
	"vulnreport/generator/internal/snapshot"
	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/vuln"
)

// The stages of a build, in execution order: the names the Hook hears.
const (
	StageLoad    = "load"    // read and validate the snapshot
	StageMerge   = "merge"   // advisories into vulnerabilities, with KEV and EPSS
	StageMatch   = "match"   // components against vulnerabilities
	StageAssess  = "assess"  // history, priorities, plans, lifecycle, attack signs as of the date
	StageReport  = "report"  // the one report model
	StageRender  = "render"  // the renderers, into the staging folder
	StagePublish = "publish" // manifest, evidence archive, atomic swap
)

// Stages returns the stage names in execution order.
func Stages() []string {
	return []string{StageLoad, StageMerge, StageMatch, StageAssess, StageReport, StageRender, StagePublish}
}

// Count is one figure a stage reports when it ends.
type Count struct {
	Name string
	N    int
}

// Event is what a Hook hears: a stage starting, or done with its counts.
// Within a stage, a step done is heard too, named "<stage>: <step>" (a
// file read while loading, a format rendered); such names are never a
// stage's.
type Event struct {
	Stage  string
	Done   bool
	Counts []Count
}

// Hook observes the stages as they start and end: the build shows them on
// a terminal, the benchmark times them.
type Hook func(Event)

// Pipeline is one build, stage by stage. Its methods are the stages and
// must be called in execution order (Stages); each tells the hook when it
// starts and what it produced.
type Pipeline struct {
	opt   Options
	hook  Hook
	diags *source.Diagnostics

	snap    *snapshot.Snapshot
	asOf    time.Time
	langs   []i18n.Lang
	vulns   []vuln.Vulnerability
	kev     []vuln.Unmatched
	ix      *lifecycle.Index
	m       match.Result
	hist    []history.Month
	as      assess.Result
	attacks []attack.SystemSigns
	rep     *report.Report
	// font is the policy's PDF font, kept for Render once the inputs are dropped.
	font string
	// consume lets a stage take over an input its caller will not read
	// again (see ConsumeInputs).
	consume bool
}

// ConsumeInputs lets the stages let go of what no later stage reads as
// soon as it is read: the matches once assessed and the snapshot's
// component rows once the report model holds what it needs of them
// (during Report rather than after it), which lowers the build's peak
// memory. The pipeline then has no matches past Assess and Snapshot() no
// Components past Report; Build, which never reads them again, calls it.
// (The assessed findings always become the model's store in Report.)
func (p *Pipeline) ConsumeInputs() { p.consume = true }

// NewPipeline returns a pipeline for opt whose diagnostics go to diags (a
// collector of its own when nil); a nil hook hears nothing.
func NewPipeline(opt Options, diags *source.Diagnostics, hook Hook) *Pipeline {
	if hook == nil {
		hook = func(Event) {}
	}
	if diags == nil {
		diags = new(source.Diagnostics)
	}
	return &Pipeline{opt: opt, hook: hook, diags: diags}
}

// Diagnostics returns the diagnostics so far, sorted.
func (p *Pipeline) Diagnostics() []source.Diagnostic { return p.diags.Sorted() }

// begin tells the hook a stage starts and returns the call that tells it
// the stage is done.
func (p *Pipeline) begin(stage string) func(...Count) {
	p.hook(Event{Stage: stage})
	return func(cs ...Count) { p.hook(Event{Stage: stage, Done: true, Counts: cs}) }
}

// Snapshot returns the snapshot loaded (nil before Load).
func (p *Pipeline) Snapshot() *snapshot.Snapshot { return p.snap }

// AsOf returns the build's date, known once the snapshot is loaded.
func (p *Pipeline) AsOf() time.Time { return p.asOf }

// Load reads and validates the snapshot. It fails when the snapshot
// cannot be built at all; every other problem is a diagnostic.
func (p *Pipeline) Load() error {
	done := p.begin(StageLoad)
	prog := func(stage string, n int) {
		p.hook(Event{Stage: StageLoad + ": " + stage, Done: true, Counts: []Count{{"records", n}}})
	}
	p.snap = snapshot.Load(p.opt.Data, snapshot.Options{Feeds: all.Parsers(), Reducing: all.Reducing(), Progress: prog, KeepRelevant: !p.opt.keepAll}, p.diags)
	p.snap.Require(p.diags)
	if len(p.snap.Fatal) > 0 {
		done()
		return &StopError{Reasons: p.snap.Fatal}
	}
	p.validate()
	read, accepted, rejected := p.snap.Counts()
	done(Count{"records read", read}, Count{"accepted", accepted}, Count{"rejected", rejected},
		Count{"errors", p.diags.Count(source.Error)}, Count{"warnings", p.diags.Count(source.Warning)},
		Count{"components", len(p.snap.Components)}, Count{"advisories", len(p.snap.Advisories)})
	return nil
}

// validate settles the date and languages of a loaded snapshot and checks
// its dates and scans against the date.
func (p *Pipeline) validate() {
	pol := p.snap.Policy
	p.asOf = p.opt.AsOf
	if p.asOf.IsZero() {
		p.asOf = pol.AsOf
	}
	if p.asOf.IsZero() {
		p.asOf = p.opt.Today
	}
	checkDates(p.snap, p.asOf, p.diags)
	p.langs = pol.Languages
	if len(p.opt.Langs) > 0 {
		p.langs = p.opt.Langs
	}
	plausible.Scans(p.snap.Feeds, p.asOf, plausible.StaleScanDays(pol.Horizons.StaleScanDays), p.diags)
}

// Merge joins the advisories into vulnerabilities and applies KEV and EPSS.
func (p *Pipeline) Merge() {
	done := p.begin(StageMerge)
	// Advisories that name no installed product were kept as stubs
	// (snapshot.Options.KeepRelevant): their vulnerabilities are counted,
	// and their ids still claim KEV entries, but they are not merged.
	vulns, stubbed := vuln.MergeCounted(p.snap.Advisories)
	p.vulns = vulns
	p.kev = vuln.WithoutStubIDs(vuln.Enrich(p.vulns, p.snap.KEV, p.snap.EPSS, p.snap.Resolver), p.snap.Advisories)
	done(Count{"vulnerabilities", len(p.vulns) + stubbed}, Count{"KEV entries unmatched", len(p.kev)})
}

// Match indexes the lifecycle records and matches the components against
// the vulnerabilities; scanners that disagree with the ranges are warned
// about.
func (p *Pipeline) Match() {
	done := p.begin(StageMatch)
	p.ix = lifecycle.NewIndex(p.snap.Cycles)
	p.m = match.Match(p.snap.Components, p.vulns, p.ix.Has)
	match.Disagreements(p.snap.Components, p.vulns, &p.m, p.diags)
	done(Count{"findings", len(p.m.Found)}, Count{"closed by patch ids", p.m.Patched},
		Count{"unmatched components", len(p.m.Unmatched)}, Count{"unreadable versions", len(p.m.BadVersions)})
}

// Assess reads the history and judges every finding as of the date:
// priority, plan, lifecycle and the attack signs in the logs.
func (p *Pipeline) Assess() {
	done := p.begin(StageAssess)
	p.hist = history.Before(loadHistory(p.snap, p.diags), p.asOf)
	// The merged vulnerabilities replace the advisories, and only those
	// the findings name are read from here on: let the rest go.
	scans := indexScans(p.snap.Advisories)
	p.snap.Advisories = nil
	p.vulns = keepMatched(p.vulns, &p.m)
	pol := p.snap.Policy
	p.as = assess.Run(assess.Input{
		AsOf: p.asOf, Policy: pol, Systems: p.snap.Systems, Components: p.snap.Components, Vulns: p.vulns,
		Matched: &p.m, Lifecycle: p.ix, Remediations: p.snap.Remediations, Resolver: p.snap.Resolver, History: p.hist,
	})
	scanSources(p.as.Findings, scans)
	p.attacks = attackStage(p.opt.Data, p.snap, p.as.Findings, p.vulns, p.asOf, pol, p.diags)
	if p.consume {
		p.m.Found = nil // packed into the findings: nothing reads the matches again
	}
	open := 0
	for i := range p.as.Findings.Len() {
		if p.as.Findings.IsOpen(i) {
			open++
		}
	}
	done(Count{"findings", p.as.Findings.Len()}, Count{"open", open}, Count{"remediation records used", len(p.as.RecordUse)},
		Count{"history months", len(p.hist)}, Count{"logs analysed", len(p.snap.Logs)})
}

// Report builds the report model, the one thing renderers see.
func (p *Pipeline) Report() *report.Report {
	done := p.begin(StageReport)
	s := p.snap
	in := report.Input{
		ToolVersion: ToolVersion, AsOf: p.asOf, Languages: p.langs, Policy: s.Policy, Systems: s.Systems,
		Components: s.Components, Resolver: s.Resolver, Vulns: p.vulns, Match: p.m, Assessed: p.as, Lifecycle: p.ix,
		Remediations: s.Remediations, Notifications: s.Notifications, History: p.hist, KEVUnmatched: p.kev,
		Files: s.Files, Feeds: s.Feeds, EPSSDate: s.EPSSDate, EPSSModel: s.EPSSModel,
		Rejections: s.Rejections, Attacks: p.attacks, Skipped: s.Skipped, AttackHistory: attackHistory(s, p.diags),
	}
	warnStaleFeeds(report.FeedAges(in), p.diags)
	in.Diagnostics = p.diags.Sorted()
	// The assessed findings' store becomes the model's: the pipeline keeps
	// no writer of what the renderers read.
	p.as.Findings = nil
	if p.consume {
		// report.Build holds the last reference to the component rows and
		// lets go of them once the model holds what it needs of them.
		s.Components = nil
	}
	p.rep = report.Build(in)
	p.font = s.Policy.Font
	done(Count{"fix actions", len(p.rep.Actions)}, Count{"decisions", len(p.rep.Decisions)}, Count{"open findings", p.rep.Summary.OpenTotal})
	return p.rep
}

// Analyze runs the stages up to the report model.
func (p *Pipeline) Analyze() (*report.Report, error) {
	if err := p.Load(); err != nil {
		return nil, err
	}
	p.Merge()
	p.Match()
	p.Assess()
	return p.Report(), nil
}

// DropInputs lets go of everything but the report model, so that a
// collection before rendering can free the snapshot and the stages'
// intermediate results.
func (p *Pipeline) DropInputs() {
	p.snap, p.vulns, p.kev, p.ix, p.hist, p.attacks = nil, nil, nil, nil, nil, nil
	p.m, p.as = match.Result{}, assess.Result{}
}

// Render runs the renderers of the options' formats over the report model
// into w.
func (p *Pipeline) Render(ctx context.Context, w render.Writer) error {
	done := p.begin(StageRender)
	formats, err := render.ParseFormats(p.opt.Formats)
	if err != nil {
		return UsageError{err}
	}
	deps := render.Deps{Templates: p.opt.Templates, Content: p.opt.Content, Font: p.font}
	n := 0
	for _, f := range formats {
		rd, err := renderer(f, deps)
		if err != nil {
			return err
		}
		if rd == nil {
			continue
		}
		if err := rd.Render(ctx, p.rep, w); err != nil {
			return fmt.Errorf("rendering %s: %w", f, err)
		}
		p.hook(Event{Stage: StageRender + ": " + string(f), Done: true})
		n++
	}
	done(Count{"formats", n})
	return nil
}

// Publish adds the manifest (and, with Options.Package, the evidence
// archive) to the staged output and swaps it into the output folder.
func (p *Pipeline) Publish(stage *publish.Stage) error {
	done := p.begin(StagePublish)
	pkgName := ""
	if p.opt.Package {
		pkgName = evidence.PackageName(p.rep.AsOf)
	}
	if err := evidence.WriteManifest(stage, p.rep, pkgName); err != nil {
		return err
	}
	if p.opt.Package {
		if err := evidence.WritePackage(stage, p.opt.Data, p.rep); err != nil {
			return err
		}
	}
	if err := evidence.CheckTarget(p.opt.OutDir); err != nil {
		return UsageError{err}
	}
	n := len(stage.Names())
	if err := stage.Commit(); err != nil {
		return err
	}
	done(Count{"files", n})
	return nil
}

// loadHistory decodes the history exports; those it cannot use are
// warnings on their files.
func loadHistory(snap *snapshot.Snapshot, diags *source.Diagnostics) []history.Month {
	inputs := make([]history.Input, 0, len(snap.History))
	for _, h := range snap.History {
		inputs = append(inputs, history.Input{Date: h.Date, Path: h.Path, Data: h.Data})
	}
	return history.Load(inputs, diags)
}
