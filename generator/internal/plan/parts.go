package plan

import (
	"encoding/binary"
	"slices"
	"time"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
)

// Fix is what a fix action installs, as its findings' advisories give it.
// Actions with equal fixes share one Fix (at scale a few thousand for
// hundreds of thousands of actions); nothing may write into a Fix an
// action points to. An action read from Build always has one.
type Fix struct {
	// Kind is upgrade, patch, replace (end of life) or confirm (needs
	// confirmation before anything else).
	Kind model.ActionKind
	// Target is the lowest version outside every affected range of every
	// finding it closes (all merged advisories) and on no end-of-life line;
	// TargetOpen is set when no such version is known.
	Target string
	// Patches lists patch ids where those fix it.
	Patches string
	// TargetText is the one text every output shows for the target
	// (TargetText of the fields above).
	TargetText i18n.Text
	TargetOpen bool
	// TargetAfter is set when the bound was inclusive: any version after
	// Target (the feeds give only an inclusive bound).
	TargetAfter bool
	// EOL is set when the component's release line is past its end of life.
	EOL bool
}

// NewFix returns a Fix of its own with f's fields and the TargetText they
// give, for actions made outside Build.
func NewFix(f Fix) *Fix {
	s := new(Fix)
	*s = f
	s.TargetText = TargetText(f.Kind, f.Target, f.TargetAfter, f.Patches)
	return s
}

// Work is what the remediation records of a fix action's findings say
// and how far its findings went. Actions with equal work share one Work
// (those without records one per number of findings); nothing may write
// into a Work an action points to. An action read from Build always has
// one.
type Work struct {
	// Stage is the least advanced stage among its findings.
	Stage model.Stage
	// Owner, Action and Notes are the first non-blank its findings give.
	Owner  string
	Action string
	Notes  string
	// Planned and Completed are the latest dates its findings give.
	Planned   time.Time
	Completed time.Time
	// Remediations are the ids of the remediation records behind its
	// findings, sorted.
	Remediations []string
	// Progress counts its findings by stage: the work recorded against
	// any of them, where Stage is the least advanced one's.
	Progress Progress
}

// noWork is the Work of an action while none of its findings so far has a
// remediation record; it stays zero (addWork gives the action its own Work
// before writing).
var noWork = &Work{}

// hasRecord reports whether a remediation record gives the finding
// anything an action's Work keeps.
func hasRecord(f *model.Finding) bool {
	return f.Stage != "" || f.Owner != "" || f.Action != "" || f.RemediationID != "" || f.Notes != "" ||
		!f.Planned.IsZero() || !f.Completed.IsZero()
}

// addWork folds a finding's remediation record into the action's Work
// (first: the action's first finding), as the action's own fields: the
// least advanced stage, the first owner, action and notes, the latest
// dates, the record ids and the count of findings past stage 0 (the
// findings at stage 0 are counted by shareWork). Findings without a
// record change nothing but Stage, which an action only has when its Work
// is its own.
func (a *Action) addWork(f *model.Finding, first bool) {
	if !hasRecord(f) {
		// Such a finding is at no stage (order 0, the least): it lowers
		// only an action already past stage 0, whose Work is its own, so
		// the shared noWork (at stage 0) is never written here.
		if stageOrder[f.Stage] < stageOrder[a.Stage] {
			a.Stage = f.Stage
		}
		return
	}
	if a.Work == noWork {
		a.Work = &Work{}
	}
	if first {
		a.Stage = f.Stage
	}
	if s := stageOrder[f.Stage]; s > 0 {
		a.Progress[s]++
	}
	if stageOrder[f.Stage] < stageOrder[a.Stage] {
		a.Stage = f.Stage
	}
	if a.Owner == "" {
		a.Owner = f.Owner
	}
	if a.Action == "" {
		a.Action = f.Action
	}
	if f.RemediationID != "" && !slices.Contains(a.Remediations, f.RemediationID) {
		a.Remediations = append(a.Remediations, f.RemediationID)
	}
	if !f.Planned.IsZero() && (a.Planned.IsZero() || f.Planned.After(a.Planned)) {
		a.Planned = f.Planned
	}
	if !f.Completed.IsZero() && (a.Completed.IsZero() || f.Completed.After(a.Completed)) {
		a.Completed = f.Completed
	}
	if a.Notes == "" {
		a.Notes = f.Notes
	}
}

// workKey is a Work's identity: its fields, the record ids written as one
// string of length-prefixed ids.
type workKey struct {
	stage                model.Stage
	owner, action, notes string
	planned, completed   time.Time
	remediations         string
	progress             Progress
}

// parts hands out the shared Fix and Work parts of actions.
type parts struct {
	fixes map[Fix]*Fix
	works map[workKey]*Work
	buf   []byte
}

// fix returns the shared Fix equal to f, its TargetText made once.
func (p *parts) fix(f Fix) *Fix {
	if p.fixes == nil {
		p.fixes = map[Fix]*Fix{}
	}
	if s, ok := p.fixes[f]; ok {
		return s
	}
	s := NewFix(f)
	p.fixes[f] = s
	return s
}

// work returns the shared Work equal to w once its stage-0 count is set:
// the findings (n in all) not counted at a later stage. w's record ids are
// sorted first.
func (p *parts) work(w Work, n int) *Work {
	slices.Sort(w.Remediations)
	w.Progress[0] = n - w.Progress.Reached(1)
	if p.works == nil {
		p.works = map[workKey]*Work{}
	}
	b := p.buf[:0]
	for _, id := range w.Remediations {
		b = binary.AppendUvarint(b, uint64(len(id)))
		b = append(b, id...)
	}
	p.buf = b
	k := workKey{w.Stage, w.Owner, w.Action, w.Notes, w.Planned, w.Completed, string(b), w.Progress}
	if s, ok := p.works[k]; ok {
		return s
	}
	s := new(Work)
	*s = w
	p.works[k] = s
	return s
}
