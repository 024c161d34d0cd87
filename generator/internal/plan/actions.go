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
// system facts (report.Action embeds it). What it installs (Fix) and what
// remediation records say of it (Work) are parts it shares with other
// actions, read as its own fields (a.Kind, a.Owner); Build gives every
// action both, and nothing may write into them through an action.
type Action struct {
	// Key is the action's key, system/product@version (ActionKey).
	Key string
	// System, Product and Version name the component; ProductName is the
	// product's name as the inventory gives it (may be blank).
	System      string
	Product     string
	ProductName string
	Version     string
	// Fix is its kind and target.
	*Fix
	// Work is its stage, owner, plan dates and progress.
	*Work
	// Findings are the keys of the open findings it closes (and of those
	// needing confirmation).
	Findings []string
	// Due is the earliest due date among its findings.
	Due time.Time
	// Hosts is the largest host count among its findings (0: not given).
	Hosts int
	// Weight is the risk weight of its findings (the sum of Weight).
	Weight float64
	// TopPriority is the highest priority among its findings.
	TopPriority model.Priority
	// Overdue and Exploited are set when any of its findings is.
	Overdue   bool
	Exploited bool
}

// ActionKey names the action of a finding: system/product@version.
func ActionKey(f model.Finding) string { return f.System + "/" + f.Product + "@" + f.Version }

// actionKey returns f's action key as the prefix of its key when the key
// begins with it (the pipeline's keys do: system/product@version/vuln),
// so that no string is made per finding; else a new one.
func actionKey(f *model.Finding) string {
	k, sys, prod := f.Key, len(f.System), len(f.Product)
	n := sys + 1 + prod + 1 + len(f.Version)
	if len(k) > n && k[n] == '/' && k[:sys] == f.System && k[sys] == '/' && k[sys+1:sys+1+prod] == f.Product &&
		k[sys+1+prod] == '@' && k[sys+2+prod:n] == f.Version {
		return k[:n]
	}
	return ActionKey(*f)
}

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
	return Build(model.FindingSlice(fs), Sources{Fixed: fixed}, func(i int, k string) { fs[i].ActionKey = k })
}

// Build is BuildActions with every source of targets (the advisories'
// fixed texts, their full affected ranges and the end-of-life lines), over
// findings read by index; setKey, when not nil, hears each member
// finding's action key.
func Build(fs model.FindingList, src Sources, setKey func(i int, key string)) []Action {
	// Number the actions first, so that they and their member lists are
	// allocated once, at their size.
	n := fs.Len()
	at := map[string]int32{}
	of := make([]int32, n) // the finding's action, or -1
	var count []int32
	var keys []string
	for i := range n {
		f := fs.At(i)
		of[i] = -1
		if !f.IsOpen() && f.State != model.StateConfirm {
			continue
		}
		k := actionKey(&f)
		if setKey != nil {
			setKey(i, k)
		}
		a, ok := at[k]
		if !ok {
			a = int32(len(count))
			at[k] = a
			count = append(count, 0)
			keys = append(keys, k)
		}
		of[i] = a
		count[a]++
	}
	// members[start[n]:start[n+1]] are action n's findings, in order.
	start := make([]int32, len(count)+1)
	for n, c := range count {
		start[n+1] = start[n] + c
	}
	members := make([]int32, start[len(count)])
	next := slices.Clone(start[:len(count)])
	acts := make([]Action, len(count))
	for i := range n {
		ai := of[i]
		if ai < 0 {
			continue
		}
		fv := fs.At(i)
		f := &fv
		a := &acts[ai]
		first := a.Key == ""
		if first {
			*a = Action{Key: keys[ai], System: f.System, Product: f.Product, ProductName: f.ProductName, Version: f.Version, Hosts: f.Hosts,
				Work: noWork, Findings: make([]string, 0, count[ai])}
		}
		a.Findings = append(a.Findings, f.Key)
		members[next[ai]] = int32(i)
		next[ai]++
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
		a.addWork(f, first)
	}
	t := targeter{fs: fs, src: src, versions: map[string]version.Version{}, patches: map[string][]string{},
		ranges: map[[2]string][]version.Range{}}
	for n := range acts {
		t.target(&acts[n], members[start[n]:start[n+1]])
		acts[n].Work = t.parts.work(*acts[n].Work, int(start[n+1]-start[n]))
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
	fs       model.FindingList
	src      Sources
	versions map[string]version.Version // invalid: unreadable
	patches  map[string][]string
	ranges   map[[2]string][]version.Range
	parts    parts // the actions' shared Fix and Work
	// patchBuf, rangeBuf and candBuf are target's lists, kept between
	// actions so that each action does not allocate its own.
	patchBuf []string
	rangeBuf []version.Range
	candBuf  []point
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
	// The lists are the targeter's, reused action after action.
	patches, ranges, cands := t.patchBuf[:0], t.rangeBuf[:0], t.candBuf[:0]
	defer func() { t.patchBuf, t.rangeBuf, t.candBuf = patches[:0], ranges[:0], cands[:0] }()
	for _, i := range idx {
		fv := t.fs.At(int(i))
		f := &fv
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
	var fx Fix
	if inst, ok := t.version(a.Version); ok && hasVuln {
		var onEOL func(version.Version) bool
		if t.src.EOLLine != nil {
			onEOL = func(v version.Version) bool { return t.src.EOLLine(a.Product, v.String()) }
		}
		if p, ok := lowestOutside(cands, ranges, inst, onEOL); ok {
			fx.Target, fx.TargetAfter = p.v.String(), p.after
		}
	}
	fx.EOL = eol
	fx.Patches = strings.Join(patches, ", ")
	fx.TargetOpen = hasVuln && fx.Target == "" && fx.Patches == ""
	switch {
	case !hasVuln && eol:
		fx.Kind = model.ActionReplace
	case !hasVuln && onlyConfirm:
		fx.Kind = model.ActionConfirm
	case fx.Target != "":
		fx.Kind = model.ActionUpgrade
	case fx.Patches != "":
		fx.Kind = model.ActionPatch
	case eol:
		fx.Kind = model.ActionReplace
	default:
		fx.Kind = model.ActionConfirm
	}
	a.Fix = t.parts.fix(fx)
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
