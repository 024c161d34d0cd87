package model

import (
	"bytes"
	"encoding/json"
	"time"
)

// VulnFacts is what a finding knows of its vulnerability (or end-of-life
// release line): the same for every finding of it, so held once and
// shared. Nothing may write into a VulnFacts a finding points to.
type VulnFacts struct {
	Kind Kind
	// VulnID is the merged vulnerability's primary id; IDs all its ids.
	VulnID string
	IDs    []string
	// CVSS data; HasCVSS is false when no score is known ("no data").
	HasCVSS     bool
	CVSS        float64
	CVSSVersion string
	Severity    string
	// Exploitation evidence.
	Exploited  bool
	KEV        bool
	KEVAdded   time.Time
	KEVDue     time.Time
	Ransomware bool
	// EPSS data; HasEPSS is false when none is known.
	HasEPSS        bool
	EPSS           float64
	EPSSPercentile float64
	// EOL is the date support ended or ends, for end-of-life findings.
	EOL time.Time
}

// ComponentFacts is what a finding knows of its component: the same for
// every finding on it, so held once and shared. Nothing may write into a
// ComponentFacts a finding points to.
type ComponentFacts struct {
	// System is the system id.
	System string
	// Product is the resolved product key; ProductName its display name.
	Product     string
	ProductName string
	Version     string
	// ComponentAt is the component's position in the input.
	ComponentAt string
	// Lifecycle is the component's support status as of the date.
	Lifecycle LifecycleStatus
}

// ClauseFacts is the advisory clause that matched a finding, shared by
// every finding it matched. Nothing may write into a ClauseFacts a
// finding points to.
type ClauseFacts struct {
	// Clause is the advisory clause that matched: product key and range.
	Clause string
	// FixTarget is the lowest version outside the matched clause, when the
	// clause has an upper bound; FixInclusive is set when the bound was
	// "<=" (any later version fixes it). Empty for open-ended clauses.
	FixTarget    string
	FixInclusive bool
	// NeedsConfirmation is set when the match rests on free-text affected
	// versions (JVN); FreeText is that text.
	NeedsConfirmation bool
	FreeText          string
	// Scheme names the version scheme that decided the match ("generic",
	// "deb", "panos", …).
	Scheme string
	// Confirm says why the finding needs confirmation (Confirm…); Note
	// explains it, or shows the upstream range matched beside a
	// distribution advisory's decision.
	Confirm string
	Note    string
}

// Applied is the remediation record applied to a finding — the four steps'
// stage and the action — shared by every finding the record covers (the
// zero Applied: none). Nothing may write into an Applied a finding points
// to.
type Applied struct {
	RemediationID string
	Stage         Stage
	Action        string
	Owner         string
	Planned       time.Time
	Completed     time.Time
	AcceptExpires time.Time
	Justification string
	ApprovedBy    string
	// Notes are the applied remediation record's notes.
	Notes string
	// Ticket and Cost are the applied remediation record's free fields
	// (change or ticket number; cost as written).
	Ticket, Cost string
	// Temporary is set for mitigations (IPS/WAF) that do not fix the cause.
	Temporary bool
	// ExpiredAcceptance is set when an acceptance expired and the finding
	// resurfaced.
	ExpiredAcceptance bool
	// RequestedDue is a due date the record asked for without
	// approved_by: it is not honoured (the finding's Due stays at its
	// SLADue) and the exceptions register lists it as unapproved.
	RequestedDue time.Time
}

// Standing is a finding's dates and state as assessed. Assessment writes
// it through the finding, each finding having its own until assessment is
// done; then findings with equal Standings share one (assess interns
// them), and nothing may write into it through a finding.
type Standing struct {
	// FirstSeen is the first build date the finding appeared (history), or AsOf.
	FirstSeen time.Time
	// Due is the date it must be closed by; DueSource says why: "sla",
	// "kev" (the KEV due date is earlier) or "remediation" (an exception).
	Due       time.Time
	DueSource string
	// SLADue is the due date the policy gives (first seen + SLA days, or
	// the earlier KEV due date) before any remediation record moved it;
	// it equals Due unless DueSource is "remediation".
	SLADue time.Time
	// Known is the date from which the finding's age counts: the first
	// build it appeared in when history reaches back that far, else the
	// later of the advisory's publication and the component's install
	// date (end of life: the end-of-life date). KnownFrom says which:
	// "history", "published", "installed", "eol" or "first_seen".
	Known     time.Time
	KnownFrom string
	// State is open, mitigated, accepted, not_affected, done or resolved.
	State State
}

// New returns a finding with its own (unshared) parts, each copied from
// the one given or zero where it is nil: for findings made outside the
// pipeline's stages, which share parts through their own tables.
func New(v *VulnFacts, c *ComponentFacts, cl *ClauseFacts, a *Applied) Finding {
	return Finding{VulnFacts: own(v), ComponentFacts: own(c), ClauseFacts: own(cl), Applied: own(a), Standing: &Standing{}}
}

// Own gives f parts of its own, copies of the ones it shares, so that
// writing a shared field through it (f.CVSS = …) changes no other
// finding: for tests and tools that edit a finding; the pipeline's stages
// give a finding other shared parts instead.
func (f *Finding) Own() {
	f.VulnFacts, f.ComponentFacts, f.ClauseFacts, f.Applied = own(f.VulnFacts), own(f.ComponentFacts), own(f.ClauseFacts), own(f.Applied)
	f.Standing = own(f.Standing)
}

func own[T any](p *T) *T {
	q := new(T)
	if p != nil {
		*q = *p
	}
	return q
}

// Flat is a finding with every field its own, the way tests and tools
// write one down; Finding makes the compact finding of it.
type Flat struct {
	Key               string
	Kind              Kind
	System            string
	Product           string
	ProductName       string
	Version           string
	Hosts             int
	ComponentAt       string
	VulnID            string
	IDs               []string
	Clause            string
	FixTarget         string
	FixInclusive      bool
	NeedsConfirmation bool
	FreeText          string
	Scheme            string
	Confirm           string
	Note              string
	HasCVSS           bool
	CVSS              float64
	CVSSVersion       string
	Severity          string
	Exploited         bool
	KEV               bool
	KEVAdded          time.Time
	KEVDue            time.Time
	Ransomware        bool
	HasEPSS           bool
	EPSS              float64
	EPSSPercentile    float64
	Priority          Priority
	Reasons           []Reason
	FirstSeen         time.Time
	Due               time.Time
	DueSource         string
	SLADue            time.Time
	RequestedDue      time.Time
	Known             time.Time
	KnownFrom         string
	Lifecycle         LifecycleStatus
	EOL               time.Time
	RemediationID     string
	Stage             Stage
	Action            string
	Owner             string
	Planned           time.Time
	Completed         time.Time
	AcceptExpires     time.Time
	Justification     string
	ApprovedBy        string
	Notes             string
	Ticket, Cost      string
	Temporary         bool
	State             State
	Overdue           bool
	ExpiredAcceptance bool
	ActionKey         string
	Scanners          []ScanSource
}

// Finding makes the finding of x, with parts of its own.
func (x Flat) Finding() Finding {
	return Finding{
		VulnFacts: &VulnFacts{Kind: x.Kind, VulnID: x.VulnID, IDs: x.IDs, HasCVSS: x.HasCVSS, CVSS: x.CVSS, CVSSVersion: x.CVSSVersion,
			Severity: x.Severity, Exploited: x.Exploited, KEV: x.KEV, KEVAdded: x.KEVAdded, KEVDue: x.KEVDue, Ransomware: x.Ransomware,
			HasEPSS: x.HasEPSS, EPSS: x.EPSS, EPSSPercentile: x.EPSSPercentile, EOL: x.EOL},
		ComponentFacts: &ComponentFacts{System: x.System, Product: x.Product, ProductName: x.ProductName, Version: x.Version,
			ComponentAt: x.ComponentAt, Lifecycle: x.Lifecycle},
		ClauseFacts: &ClauseFacts{Clause: x.Clause, FixTarget: x.FixTarget, FixInclusive: x.FixInclusive, NeedsConfirmation: x.NeedsConfirmation,
			FreeText: x.FreeText, Scheme: x.Scheme, Confirm: x.Confirm, Note: x.Note},
		Applied: &Applied{RemediationID: x.RemediationID, Stage: x.Stage, Action: x.Action, Owner: x.Owner, Planned: x.Planned,
			Completed: x.Completed, AcceptExpires: x.AcceptExpires, Justification: x.Justification, ApprovedBy: x.ApprovedBy,
			Notes: x.Notes, Ticket: x.Ticket, Cost: x.Cost, Temporary: x.Temporary, ExpiredAcceptance: x.ExpiredAcceptance,
			RequestedDue: x.RequestedDue},
		Standing: &Standing{FirstSeen: x.FirstSeen, Due: x.Due, DueSource: x.DueSource, SLADue: x.SLADue, Known: x.Known,
			KnownFrom: x.KnownFrom, State: x.State},
		Key: x.Key, Hosts: x.Hosts, Priority: x.Priority, Overdue: x.Overdue, Reasons: x.Reasons,
		ActionKey: x.ActionKey, Scanners: x.Scanners,
	}
}

// Findings makes the findings of xs.
func Findings(xs ...Flat) []Finding {
	out := make([]Finding, len(xs))
	for i, x := range xs {
		out[i] = x.Finding()
	}
	return out
}

// Flat returns f with every field its own; a nil part reads as zero.
func (f Finding) Flat() Flat {
	v, c, cl, a := deref(f.VulnFacts), deref(f.ComponentFacts), deref(f.ClauseFacts), deref(f.Applied)
	st := deref(f.Standing)
	return Flat{
		Key: f.Key, Kind: v.Kind, System: c.System, Product: c.Product, ProductName: c.ProductName, Version: c.Version,
		Hosts: f.Hosts, ComponentAt: c.ComponentAt, VulnID: v.VulnID, IDs: v.IDs, Clause: cl.Clause, FixTarget: cl.FixTarget,
		FixInclusive: cl.FixInclusive, NeedsConfirmation: cl.NeedsConfirmation, FreeText: cl.FreeText, Scheme: cl.Scheme,
		Confirm: cl.Confirm, Note: cl.Note, HasCVSS: v.HasCVSS, CVSS: v.CVSS, CVSSVersion: v.CVSSVersion, Severity: v.Severity,
		Exploited: v.Exploited, KEV: v.KEV, KEVAdded: v.KEVAdded, KEVDue: v.KEVDue, Ransomware: v.Ransomware,
		HasEPSS: v.HasEPSS, EPSS: v.EPSS, EPSSPercentile: v.EPSSPercentile, Priority: f.Priority, Reasons: f.Reasons,
		FirstSeen: st.FirstSeen, Due: st.Due, DueSource: st.DueSource, SLADue: st.SLADue, RequestedDue: a.RequestedDue,
		Known: st.Known, KnownFrom: st.KnownFrom, Lifecycle: c.Lifecycle, EOL: v.EOL, RemediationID: a.RemediationID,
		Stage: a.Stage, Action: a.Action, Owner: a.Owner, Planned: a.Planned, Completed: a.Completed,
		AcceptExpires: a.AcceptExpires, Justification: a.Justification, ApprovedBy: a.ApprovedBy, Notes: a.Notes,
		Ticket: a.Ticket, Cost: a.Cost, Temporary: a.Temporary, State: st.State, Overdue: f.Overdue,
		ExpiredAcceptance: a.ExpiredAcceptance, ActionKey: f.ActionKey, Scanners: f.Scanners,
	}
}

func deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}

// MarshalJSON writes f as its Flat form: every field by name, in the
// order the finding always had, whichever part holds it. It escapes no
// HTML: an encoder that does escapes the text it is given.
func (f Finding) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(f.Flat()); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
