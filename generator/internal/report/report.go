// Package report builds the one model every renderer reads: the month's
// findings, fix actions, lifecycle, decisions, posture, trends and data
// quality, as of one date, sorted by total orders and frozen. Renderers get
// it read-only; nothing here reads the clock, the network or a global.
package report

import (
	"slices"
	"time"

	"vulnreport/generator/internal/attack"
	"vulnreport/generator/internal/lifecycle"

	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/notification"
	"vulnreport/generator/internal/plan"
	"vulnreport/generator/internal/source"
)

// SchemaVersion is the version of the Report model and of findings.json.
const SchemaVersion = "1.1"

// Report is the month's report model: the renderers' schema. Every field
// is set by Build and read-only afterwards.
type Report struct {
	// SchemaVersion is SchemaVersion, the version of this model.
	SchemaVersion string
	// ToolVersion is the version of the tool that built the report.
	ToolVersion string
	// AsOf is the date the report speaks for; every dated judgment uses it.
	AsOf time.Time
	// Previous is the date of the previous build found in history, if any.
	Previous time.Time
	// Languages are the languages to render, in the policy's order.
	Languages []i18n.Lang
	// Organization is the organisation's name, heading every output (policy).
	Organization i18n.Text
	// Title is the report's title (policy).
	Title i18n.Text
	// Classification is the information classification printed on every
	// page and sheet (policy).
	Classification i18n.Text
	// Policy is the policy as applied, for the method sections.
	Policy Policy

	// Systems holds every registered system with its counts, sorted by id.
	Systems []System
	// Components holds every installed component with its lifecycle
	// status, sorted by system, product, version and position.
	Components ComponentStore
	// Findings holds every finding, sorted by priority, due date and key.
	Findings *FindingStore
	// Vulns holds the matched vulnerabilities, sorted by id.
	Vulns []Vuln
	// Actions holds the fix actions in the one risk ranking's order (Score
	// desc, then priority, due date and key): every top list of fix
	// actions takes its first rows.
	Actions []Action
	// Ranking holds every open finding in the one risk ranking's order.
	// Every top list of findings takes Ranking's first rows (filtered as
	// it needs).
	Ranking []Ranked
	// RankOf gives, for each finding (its index in Findings), its 1-based
	// position in Ranking, 0 for a finding not ranked (not open).
	RankOf []int32
	// Exceptions is the exceptions register: moved due dates (honoured or
	// not), acceptances, mitigations and not-affected decisions.
	Exceptions []Exception
	// Scorecards holds one row per owner department, worst first.
	Scorecards []Scorecard
	// Freshness is each public feed's age against the policy's threshold,
	// in policy.FeedKinds order.
	Freshness []FeedAge
	// Coverage is what the data can speak about: how many components some
	// advisory or lifecycle record knows, and how many have a known
	// support status.
	Coverage Coverage
	// Lifecycle holds the release lines in use, for the lifecycle timeline.
	Lifecycle []Line
	// Decisions are the items management must decide this month, most
	// urgent first.
	Decisions []Decision
	// Notifications are reports received from outside.
	Notifications []Notification
	// Acceptances is the risk-acceptance register.
	Acceptances []Acceptance
	// Posture is the month's open findings by system attributes, age and
	// owner, and what falls due soon.
	Posture Posture
	// Trends are the monthly series from history: open counts, flows,
	// SLA compliance, time to remediate and escalations.
	Trends Trends
	// Summary holds the headline figures, with last month's values.
	Summary Summary
	// Sentences is the month's position in at most five sentences.
	Sentences []i18n.Text
	// KEVUnmatched lists KEV entries that match nothing here.
	KEVUnmatched []KEVUnmatched
	// Quality accounts for every input record: read = accepted + rejected,
	// with the diagnostics.
	Quality Quality
	// Sources lists the input files and feeds the report rests on.
	Sources Sources
	// Schemes counts the findings each version scheme decided.
	Schemes []SchemeCount
	// Attacks holds, per system with logs, the signs of attack of the
	// month and the open findings they target (empty without logs/).
	Attacks []attack.SystemSigns `json:",omitempty"`
	// AttackTrend is the month-by-month count of attack signs per system
	// and kind, from history/<date>/attack-signs.json (empty without).
	AttackTrend AttackTrend
	// Scans holds, per system, this month's scanner results and their age,
	// and the systems scanned in an earlier month but not this one.
	Scans []ScanState `json:",omitempty"`
}

// Policy is the policy as applied, for the method sections.
type Policy struct {
	SLADays        map[model.Priority]int
	P1CVSS, P2CVSS float64
	P3CVSS, P2EPSS float64
	EOLWarningDays int
	StaleDays      int
	InspectionDays int
	AckDays        int
	AcceptanceDays int
	DueSoonDays    int
}

// System is a system with the counts reports show beside it.
type System struct {
	inventory.System
	// Open counts open findings by priority.
	Open map[model.Priority]int
	// OpenTotal, Overdue and Exploited count open findings.
	OpenTotal, Overdue, Exploited int
	// EOLComponents counts components past end of life.
	EOLComponents int
	// Stale is set when the inventory was not confirmed within the horizon.
	Stale bool
	// InspectionDue is set for websites not inspected within the interval.
	InspectionDue bool
	// ContractGaps lists the guide's contract clauses missing or expired.
	ContractGaps []string
	// ScanStale is set when a scanner result of the system is older than
	// the policy allows; NotScanned when the system had scanner results in
	// an earlier month and none this month (see Report.Scans).
	ScanStale, NotScanned bool
}

// Component is an installed component with its lifecycle status: one
// row of the inventory. What every row of one product version shares
// (names, support status) sits once behind ComponentFacts, so that a
// million rows of a few tens of thousands of versions keep one copy of
// it; in JSON a component is one flat object (see MarshalJSON).
type Component struct {
	System string
	*ComponentFacts
	Hosts   int
	Patches []string
	// Findings counts the open (or to-confirm) vulnerability findings of
	// this product version on this system.
	Findings int
	At       string
	Source   string
}

// ComponentFacts are the facts of one product version as installed under
// one name: the same for every inventory row that names it.
type ComponentFacts struct {
	Product     string
	ProductName string
	Version     string
	// Lifecycle is the support status; Cycle the release line matched.
	Lifecycle model.LifecycleStatus
	Cycle     string
	EOL       time.Time
	Latest    string
	// NotLatest is set when a newer version of the line is known.
	NotLatest bool
}

// Vuln is a matched vulnerability with where it was found.
type Vuln struct {
	ID          string
	IDs         []string
	Title       i18n.Text
	Summary     i18n.Text
	Source      string
	Published   time.Time
	HasCVSS     bool
	CVSS        float64
	CVSSVersion string
	Vector      string
	Severity    string
	Exploited   bool
	KEV         bool
	KEVAdded    time.Time
	KEVDue      time.Time
	Ransomware  bool
	KEVAction   string
	HasEPSS     bool
	EPSS        float64
	EPSSPct     float64
	Affected    []string
	Fixed       string
	Workaround  i18n.Text
	References  []string
	CWE         []string
	Provenance  map[string]string
	Origins     []string
	// Systems lists the systems with a finding of it, sorted.
	Systems []string
	// Findings counts its findings; Open those still open.
	Findings, Open int
	// TopPriority is the highest priority among its findings.
	TopPriority model.Priority
}

// Plan is a fix action as the plan rolls it up (plan.Action). Action
// embeds it, so that each of its fields is defined once; renderers name it
// through report and never import plan.
type Plan = plan.Action

// Action is a fix action: what an owner does to one component of one
// system, closing all the findings beneath it. The fields of Plan are
// promoted (a.Target, a.Due, a.Stage, …), and so are those of its
// system's ActionSystem; the others are what the report adds. In JSON it
// is one flat object (see MarshalJSON).
type Action struct {
	// Plan is the action as planned, with ProductName set to the
	// product's display name when the inventory gives none and Hosts to
	// the system's host count (at least 1) when no finding gives one.
	// Its TargetText is the one text every output shows for the target
	// (plan.ActionTargetText). It points into the slice plan.Build made
	// (each action its own element), so that the actions are not copied.
	*Plan
	// ActionSystem is what the system register says of its system, shared
	// by the system's actions; never nil.
	*ActionSystem
	// score is its highest-scoring finding's score, reasons and all (the
	// finding's list, shared), with its points for further findings
	// added; Score adds their reason.
	score Score
	// Rank is the action's 1-based position in that ranking (Actions' order).
	Rank int
	// RiskShare is the share of open risk weight the action removes (0–1).
	RiskShare float64
	// further is how many ranked findings it has beyond that one.
	further int32
}

// Score returns the action's place in the one risk ranking: its highest
// finding's score plus, when it has further ranked findings, their term
// ("findings"). The reasons are made when asked, not kept (only the top
// actions show theirs); Points reads the points alone.
func (a *Action) Score() Score {
	if a.further == 0 {
		return a.score
	}
	n := int(a.further)
	return Score{Points: a.score.Points, Reasons: append(slices.Clip(a.score.Reasons), ScoreReason{Code: "findings",
		Text: i18n.Countf("rank.further", n, n), Points: furtherPoints(n)})}
}

// Points returns the action's score points (Score().Points).
func (a *Action) Points() float64 { return a.score.Points }

// ActionSystem is what a fix action shows of its system from the system
// register, shared by all the system's actions. Nothing may write into
// an ActionSystem an action points to.
type ActionSystem struct {
	// SystemName is the system's name (empty when the system is not
	// registered), for its actions' instructions (Text).
	SystemName i18n.Text
	// Department is the system's owner department (blank when none is
	// registered).
	Department string
}

// Text returns the one-line instruction ("upgrade … to … or later") in
// both languages. It is made when asked, not kept: there is one action
// per product version and system, hundreds of thousands at scale.
func (a *Action) Text() i18n.Text { return plan.Text(*a.Plan, a.SystemName, a.ProductName) }

// Sentence is Text in one language.
func (a *Action) Sentence(lang i18n.Lang) string {
	return plan.TextIn(lang, a.Plan, a.SystemName, a.ProductName)
}

// Line is a release line in use, for the lifecycle timeline.
type Line struct {
	Product     string
	ProductName string
	Cycle       string
	Released    time.Time
	SupportEnd  time.Time
	EOL         time.Time
	ExtendedEnd time.Time
	Latest      string
	Status      model.LifecycleStatus
	Systems     []string
	Hosts       int
	// Replacement is the earliest planned replacement among its systems.
	Replacement time.Time
}

// Decision is an item management must decide this month. Decisions are
// ordered: unacknowledged outside reports past the policy's days first,
// then by Score (the one risk ranking); trivial items are not decisions.
type Decision struct {
	// Kind is "no_plan", "overdue", "acceptance_expiring",
	// "acceptance_expired", "service_stop", "notification_unacknowledged", "eol_replacement",
	// "remediation_review".
	Kind   model.DecisionKind
	Text   i18n.Text
	System string
	Ref    string
	// Owner is the person named by the record, if any.
	Owner string
	// Department is the owner department from the system register; never
	// blank: DepartmentName is NoDepartment's text when none is registered.
	Department     string
	DepartmentName i18n.Text
	// Due is the date the underlying item falls due (may be past).
	Due time.Time
	// NeededBy is the date the decision is needed by, never before AsOf;
	// Late is set when Due has passed, and LateSince is that date: print
	// "late since LateSince" instead of a date in the past.
	NeededBy  time.Time
	Late      bool
	LateSince time.Time
	// Reason says why it is a decision for management this month.
	Reason i18n.Text
	// Score is the highest ranking score among the findings involved (0
	// when none); Findings counts them.
	Score    float64
	Findings int
	// Records are the remediation records involved; Cost sums their
	// numeric cost fields (HasCost false when none has one).
	Records []string
	Cost    float64
	HasCost bool
}

// Notice is a report received from outside as recorded
// (notification.Notification); Notification embeds it.
type Notice = notification.Notification

// Notification is a report from outside with its acknowledgement status.
// The fields of Notice are promoted; in JSON it is one flat object
// without Pos (see MarshalJSON).
type Notification struct {
	// Notice is the report as recorded.
	Notice
	// AckDays is the days from receipt to acknowledgement (or to AsOf when not acknowledged).
	AckDays int
	// AckLate is set when acknowledgement took longer than the policy's days.
	AckLate bool
}

// Acceptance is one entry of the risk-acceptance register.
type Acceptance struct {
	ID            string
	System        string
	Advisory      string
	Product       string
	Justification string
	ApprovedBy    string
	Expires       time.Time
	Expired       bool
	ExpiringSoon  bool
	Findings      int
	Notes         string
}

// Posture holds the organisation-level facts the guide asks about.
type Posture struct {
	NoOwner           []string
	StaleInventory    []string
	InspectionOverdue []string
	ContractIssues    []ContractIssue
	// ClientEOL lists client fleets running end-of-life software.
	ClientEOL []string
	// Matrix counts open findings by category, exposure and priority.
	Matrix []MatrixCell
	// Age counts open findings by priority and age bucket (<7, 7–30, 31–90, >90 days).
	Age []AgeRow
	// ByOwner counts open and overdue findings per department, worst first.
	ByOwner []OwnerRow
	// DueSoon lists open findings due within the policy's days, by due date.
	DueSoon []string
}

// ContractIssue is a contractor-run system whose contract lacks a clause.
type ContractIssue struct {
	System     string
	Contractor string
	Gaps       []string
}

// MatrixCell is one cell of the category × exposure × priority matrix.
type MatrixCell struct {
	Category, Exposure string
	Priority           model.Priority
	Count              int
}

// AgeRow counts open findings of one priority by age bucket.
type AgeRow struct {
	Priority model.Priority
	Buckets  [4]int
}

// OwnerRow counts one department's open and overdue findings.
type OwnerRow struct {
	Owner                 string
	Open, Overdue, P1, P2 int
	Actions               int
}

// Trends holds the month-over-month view from history.
type Trends struct {
	// Months has one point per history build and the current one, oldest first.
	Months []MonthPoint
	// New, Resolved, Carried and Reopened compare with the previous build.
	New, Resolved, Carried, Reopened int
	// MTTR is the mean and median days to remediate by priority, over
	// findings resolved in the period.
	MTTR []MTTRRow
	// SLA is the compliance by priority.
	SLA []SLARow
	// Escalated lists findings newly exploited or newly overdue since the last build.
	Escalated []Escalation
}

// MonthPoint is one build's counts.
type MonthPoint struct {
	Date       time.Time
	Open       int
	ByPriority map[model.Priority]int
	New        int
	Resolved   int
	Overdue    int
}

// MTTRRow is the time to remediate of one priority.
type MTTRRow struct {
	Priority    model.Priority
	Count       int
	MeanDays    float64
	MedianDays  float64
	OpenAgeMean float64
	TargetDays  int
}

// SLARow is the SLA compliance of one priority: closed within target ÷ closed.
type SLARow struct {
	Priority     model.Priority
	Closed       int
	ClosedInTime int
	OpenPastDue  int
	OpenTotal    int
	TargetDays   int
	// Rate is ClosedInTime / Closed; HasRate is false when nothing closed.
	Rate    float64
	HasRate bool
}

// Summary holds the headline figures, with the previous build's values.
type Summary struct {
	Systems, SystemsActive, Hosts, Components int
	// SystemsCurrent counts systems whose inventory is current.
	SystemsCurrent int
	Open           map[model.Priority]int
	OpenTotal      int
	Overdue        int
	// ExploitedInternet counts open exploited findings on internet-facing systems.
	ExploitedInternet int
	ExploitedOpen     int
	// KEVOpen counts the open exploited findings listed in CISA KEV (the
	// rest are reported exploited elsewhere); KEVOldestDays and
	// KEVPastDue are over the same findings, so "KEVPastDue of KEVOpen
	// past the KEV due date" reads true.
	KEVOpen       int
	KEVOldestDays int
	KEVPastDue    int
	EOLInUse      int
	// EOLSoon counts components reaching their end of life within each
	// window of lifecycle.WindowMonths (3, 6 and 12 months), cumulatively.
	EOLSoon           [len(lifecycle.WindowMonths)]int
	NeedsConfirmation int
	Mitigated         int
	Accepted          int
	Actions           int
	// OverdueSLA counts open findings past their SLA date, as if no moved
	// due date were honoured (i18n.TermOverdueSLA); OverdueActions counts
	// fix actions with an overdue finding and no completion date
	// (i18n.TermOverdueActions).
	OverdueSLA     int
	OverdueActions int
	// Extensions counts honoured due-date extensions in the exceptions
	// register; ExtensionsUnapproved those not honoured for want of approved_by.
	Extensions, ExtensionsUnapproved int
	// SLARate is the overall SLA compliance; HasSLARate false when nothing closed.
	SLARate    float64
	HasSLARate bool
	// Departments counts the registered departments among the scorecards.
	// Systems with no registered owner are not a department: their open
	// and overdue findings are counted apart (Unowned…): findings nobody
	// owns.
	Departments                 int
	UnownedOpen, UnownedOverdue int
	// Prev holds last month's values of the same figures, when history has them.
	Prev *Previous
	// Headlines are the page-one figures.
	Headlines []Headline
}

// Previous holds last month's figures.
type Previous struct {
	Date              time.Time
	Open              map[model.Priority]int
	OpenTotal         int
	Overdue           int
	ExploitedInternet int
	EOLInUse          int
}

// Headline is one page-one figure with its target.
type Headline struct {
	Key     string
	Label   i18n.Text
	Value   int
	HasPrev bool
	Prev    int
	// Rule is how the target reads (TargetAtMost, TargetAtLeast,
	// TargetNoIncrease); Target is its number: the most allowed, the
	// least percentage, or last month's value for TargetNoIncrease (-1
	// without history).
	Rule   TargetRule
	Target int
	// Met says the target is met. NoBasis is set when there is nothing to
	// judge against (no last month for TargetNoIncrease, nothing closed
	// for a rate): the figure is neither met nor missed and every output
	// prints "—"; Met is then false.
	Met     bool
	NoBasis bool
	// Link is the filtered list behind the figure (site-relative query).
	Link string
}

// TargetRule is how a headline's target reads. The PDF, the dashboard
// and the workbook print the same rule from the catalogue (target.*).
type TargetRule uint8

const (
	// TargetAtMost: met when the value is at most Target (zero: none).
	TargetAtMost TargetRule = iota
	// TargetAtLeast: a percentage met when at least Target.
	TargetAtLeast
	// TargetNoIncrease: met when the value is no more than last month's.
	TargetNoIncrease
)

// KEVEntry is an entry of CISA's KEV catalog (feed.KEVEntry);
// KEVUnmatched embeds it.
type KEVEntry = feed.KEVEntry

// KEVUnmatched is a KEV entry that matches no advisory here. The fields of
// KEVEntry are promoted; in JSON it is one flat object without the
// entry's required action, notes and position (see MarshalJSON).
type KEVUnmatched struct {
	// KEVEntry is the catalog's entry.
	KEVEntry
	// Key is the product key the entry's vendor and product resolve to.
	Key string
	// Installed is set when a component with that product key is installed.
	Installed bool
}

// Quality is the data-quality section.
type Quality struct {
	Files       []source.FileStat
	Rejections  []source.Rejection
	Unmatched   []Component
	BadVersions []Component
	Errors      int
	Warnings    int
	// Diagnostics holds every diagnostic line, sorted.
	Diagnostics []string
	Read        int
	Accepted    int
	Rejected    int
	// Skipped lists input files skipped whole (unreadable or unknown).
	Skipped []string
	// Reviews lists the remediation records that change the picture
	// wholesale, each with its file and line; each is also a decision.
	Reviews []RemediationReview
}

// Alert reports whether the data-quality banner must be shown: records
// were rejected or files skipped, so figures may understate.
func (q Quality) Alert() bool { return q.Rejected > 0 || len(q.Skipped) > 0 }

// Sources describes what went in, for the method sections.
type Sources struct {
	Feeds     []feed.Info
	EPSSDate  string
	EPSSModel string
	Inputs    []source.FileStat
}

// EOLWindow places a component's end of life among the look-ahead windows
// (lifecycle.WindowMonths: 3, 6, 12 months) as of the report's date: the
// position of the smallest window it falls within, -1 when none (unknown,
// already past, or further ahead).
func (r *Report) EOLWindow(c *Component) int { return lifecycle.Window(c.EOL, r.AsOf) }
