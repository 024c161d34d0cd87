package plan

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/version"
)

// Action is a fix action: what an owner does to one component of one
// system, closing all the findings beneath it, before the report adds
// system facts (report.Action embeds it).
type Action struct {
	// Key is the action's key, system/product@version (ActionKey).
	Key string
	// System, Product and Version name the component; ProductName is the
	// product's name as the inventory gives it (may be blank).
	System      string
	Product     string
	ProductName string
	Version     string
	// Kind is upgrade, patch, replace (end of life) or confirm (needs
	// confirmation before anything else).
	Kind model.ActionKind
	// Target is the lowest version outside every affected range of every
	// finding it closes (all merged advisories) and on no end-of-life line;
	// TargetOpen is set when no such version is known.
	Target     string
	TargetOpen bool
	// TargetAfter is set when the bound was inclusive: any version after
	// Target (the feeds give only an inclusive bound).
	TargetAfter bool
	// Patches lists patch ids where those fix it.
	Patches string
	// Findings are the keys of the open findings it closes (and of those
	// needing confirmation).
	Findings []string
	// TopPriority is the highest priority among its findings; Due the
	// earliest due date.
	TopPriority model.Priority
	Due         time.Time
	// Hosts is the largest host count among its findings (0: not given).
	Hosts int
	// Owner, Action and Notes are the first non-blank its findings give.
	Owner string
	// Stage is the least advanced stage among its findings.
	Stage  model.Stage
	Action string
	// Planned and Completed are the latest dates its findings give.
	Planned   time.Time
	Completed time.Time
	// Overdue and Exploited are set when any of its findings is.
	Overdue   bool
	Exploited bool
	// Remediations are the ids of the remediation records behind its
	// findings, sorted.
	Remediations []string
	Notes        string
	// Weight is the risk weight of its findings (the sum of Weight).
	Weight float64
	// EOL is set when the component's release line is past its end of life.
	EOL bool
	// Progress counts its findings by stage: the work recorded against
	// any of them, where Stage is the least advanced one's.
	Progress Progress
}

// ActionKey names the action of a finding: system/product@version.
func ActionKey(f model.Finding) string { return f.System + "/" + f.Product + "@" + f.Version }

// weight is a finding's share of risk: P1 8, P2 4, P3 2, P4 1.
func weight(f model.Finding) float64 { return f.Priority.Weight() }

// Weight returns the risk weight of a finding, used for "share of open risk removed".
func Weight(f model.Finding) float64 { return weight(f) }

var stageOrder = map[model.Stage]int{model.StageNone: 0, model.StageInvestigate: 1, model.StageAssess: 2, model.StagePlan: 3, model.StageImplement: 4, model.StageDone: 5}

// BuildActions rolls the open findings (and those needing confirmation) of
// each system and component into one action. fixed gives, per vulnerability
// id, the advisory's fixed text (patch ids). The result is sorted by
// priority, due date and key, and each finding's ActionKey is set.
func BuildActions(fs []model.Finding, fixed func(vulnID string) string) []Action {
	return Build(fs, Sources{Fixed: fixed})
}

// Build is BuildActions with every source of targets: the advisories'
// fixed texts, their full affected ranges and the end-of-life lines.
func Build(fs []model.Finding, src Sources) []Action {
	// Number the actions first, so that they and their member lists are
	// allocated once, at their size.
	at := map[string]int32{}
	of := make([]int32, len(fs)) // the finding's action, or -1
	var count []int32
	for i := range fs {
		f := &fs[i]
		of[i] = -1
		if !f.IsOpen() && f.State != model.StateConfirm {
			continue
		}
		k := ActionKey(*f)
		f.ActionKey = k
		n, ok := at[k]
		if !ok {
			n = int32(len(count))
			at[k] = n
			count = append(count, 0)
		}
		of[i] = n
		count[n]++
	}
	// members[start[n]:start[n+1]] are action n's findings, in order.
	start := make([]int32, len(count)+1)
	for n, c := range count {
		start[n+1] = start[n] + c
	}
	members := make([]int32, start[len(count)])
	next := slices.Clone(start[:len(count)])
	acts := make([]Action, len(count))
	for i := range fs {
		n := of[i]
		if n < 0 {
			continue
		}
		f := &fs[i]
		a := &acts[n]
		if a.Key == "" {
			*a = Action{Key: f.ActionKey, System: f.System, Product: f.Product, ProductName: f.ProductName, Version: f.Version, Hosts: f.Hosts, Stage: f.Stage,
				Findings: make([]string, 0, count[n])}
		}
		a.Findings = append(a.Findings, f.Key)
		members[next[n]] = int32(i)
		next[n]++
		a.Weight += weight(*f)
		if a.TopPriority == model.PriorityNone || f.Priority < a.TopPriority {
			a.TopPriority = f.Priority
		}
		if !f.Due.IsZero() && (a.Due.IsZero() || f.Due.Before(a.Due)) {
			a.Due = f.Due
		}
		a.Hosts = max(a.Hosts, f.Hosts)
		a.Overdue = a.Overdue || f.Overdue
		a.Exploited = a.Exploited || f.Exploited
		a.Progress[stageOrder[f.Stage]]++
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
	t := targeter{fs: fs, src: src, versions: map[string]version.Version{}, patches: map[string][]string{},
		ranges: map[[2]string][]version.Range{}}
	for n := range acts {
		t.target(&acts[n], members[start[n]:start[n+1]])
		slices.Sort(acts[n].Remediations)
	}
	slices.SortFunc(acts, func(a, b Action) int {
		return cmp.Or(cmp.Compare(a.TopPriority, b.TopPriority), cmp.Compare(b.Weight, a.Weight), a.Due.Compare(b.Due), cmp.Compare(a.Key, b.Key))
	})
	return acts
}

// targeter computes actions' targets, parsing each version and looking
// up each advisory's ranges and patch ids once however many findings
// share them.
type targeter struct {
	fs       []model.Finding
	src      Sources
	versions map[string]version.Version // invalid: unreadable
	patches  map[string][]string
	ranges   map[[2]string][]version.Range
}

// version parses a version once.
func (t *targeter) version(s string) (version.Version, bool) {
	v, ok := t.versions[s]
	if !ok {
		var err error
		if v, err = version.Parse(s); err != nil {
			v = version.Version{} // invalid
		}
		t.versions[s] = v
	}
	return v, v.IsValid()
}

// patchIDs returns the patch ids of a vulnerability's fixed text, once.
func (t *targeter) patchIDs(vulnID string) []string {
	p, ok := t.patches[vulnID]
	if !ok {
		if t.src.Fixed != nil {
			p = patchIDs(t.src.Fixed(vulnID))
		}
		t.patches[vulnID] = p
	}
	return p
}

// rangesOf returns every range the finding's vulnerability names for its
// product; without them, the matched clause's bound ("<X", "<=X"), or
// "*" when the clause is open-ended or its bound unreadable.
func (t *targeter) rangesOf(f *model.Finding) []version.Range {
	k := [2]string{f.VulnID, f.Product}
	rs, ok := t.ranges[k]
	if ok {
		return rs
	}
	if t.src.Ranges != nil {
		rs = t.src.Ranges(f.VulnID, f.Product)
	}
	if len(rs) == 0 {
		op := version.OpLT
		if f.FixInclusive {
			op = version.OpLE
		}
		if v, ok := t.version(f.FixTarget); ok {
			rs = []version.Range{{Clauses: []version.Clause{{Comparators: []version.Comparator{{Op: op, Version: v}}}}}}
		} else {
			rs = []version.Range{{Clauses: []version.Clause{{Any: true}}}}
		}
	}
	t.ranges[k] = rs
	return rs
}

// target computes the action's kind and target: the lowest version newer
// than the installed one that lies outside every affected range of every
// vulnerability the action closes (across all their merged advisories)
// and on no release line past its end of life. An inclusive bound
// ("<=7.2.6") gives "newer than 7.2.6"; an "=X" range names no fix. When
// no such version is known the target stays empty (TargetOpen) and the
// action is a patch (patch ids known), a migration (end of life) or a
// confirmation item.
func (t *targeter) target(a *Action, idx []int32) {
	hasVuln, onlyConfirm, eol := false, true, false
	var patches []string
	var ranges []version.Range
	var cands []point
	for _, i := range idx {
		f := &t.fs[i]
		if f.Kind == model.KindEOL {
			eol = true
			onlyConfirm = false
			continue
		}
		if f.NeedsConfirmation {
			continue
		}
		onlyConfirm = false
		hasVuln = true
		for _, p := range t.patchIDs(f.VulnID) {
			if !slices.Contains(patches, p) {
				patches = append(patches, p)
			}
		}
		for _, r := range t.rangesOf(f) {
			ranges = append(ranges, r)
			for _, c := range r.Clauses {
				cands = candidates(cands, c)
			}
		}
	}
	if inst, ok := t.version(a.Version); ok && hasVuln {
		var onEOL func(version.Version) bool
		if t.src.EOLLine != nil {
			onEOL = func(v version.Version) bool { return t.src.EOLLine(a.Product, v.String()) }
		}
		if p, ok := lowestOutside(cands, ranges, inst, onEOL); ok {
			a.Target, a.TargetAfter = p.v.String(), p.after
		}
	}
	a.EOL = eol
	a.Patches = strings.Join(patches, ", ")
	a.TargetOpen = hasVuln && a.Target == "" && a.Patches == ""
	switch {
	case !hasVuln && eol:
		a.Kind = model.ActionReplace
	case !hasVuln && onlyConfirm:
		a.Kind = model.ActionConfirm
	case a.Target != "":
		a.Kind = model.ActionUpgrade
	case a.Patches != "":
		a.Kind = model.ActionPatch
	case eol:
		a.Kind = model.ActionReplace
	default:
		a.Kind = model.ActionConfirm
	}
}

// patchIDs picks KB numbers and similar patch ids out of a fixed text.
func patchIDs(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == ',' || r == ';' || r == '、' || r == '(' || r == ')' || r == '/'
	}) {
		u := strings.ToUpper(w)
		if strings.HasPrefix(u, "KB") && len(u) > 3 && isDigits(u[2:]) {
			out = append(out, u)
		}
	}
	return out
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}
