package model

// Kind is what a finding is about: a vulnerability, or a product past its
// end of life.
type Kind string

// Finding kinds.
const (
	KindVulnerability Kind = "vulnerability"
	KindEOL           Kind = "eol"
)

// Kinds lists the finding kinds in display order.
var Kinds = [...]Kind{KindVulnerability, KindEOL}

// State is where a finding stands.
type State string

// Finding states. StateConfirm is the state of a finding whose match
// needs confirmation (要確認) and on which no decision is recorded yet.
const (
	StateOpen        State = "open"
	StateMitigated   State = "mitigated"
	StateConfirm     State = "confirm"
	StateAccepted    State = "accepted"
	StateNotAffected State = "not_affected"
	StateDone        State = "done"
	StateResolved    State = "resolved"
)

// States lists the states in display order.
var States = [...]State{StateOpen, StateMitigated, StateConfirm, StateAccepted, StateNotAffected, StateDone, StateResolved}

// Stage is the step of the guide's four (調査, 影響と対策の検討, 対策作業計画,
// 対策の実施) a remediation has reached, or done; StageNone when none is
// recorded.
type Stage string

// Stages of remediation.
const (
	StageNone        Stage = ""
	StageInvestigate Stage = "investigate"
	StageAssess      Stage = "assess"
	StagePlan        Stage = "plan"
	StageImplement   Stage = "implement"
	StageDone        Stage = "done"
)

// Stages lists the recorded stages in order: the four steps, then done.
var Stages = [...]Stage{StageInvestigate, StageAssess, StagePlan, StageImplement, StageDone}

// LifecycleStatus is a component's support status as of a date.
type LifecycleStatus string

// Support statuses.
const (
	LifecycleSupported    LifecycleStatus = "supported"
	LifecycleEnding       LifecycleStatus = "ending"
	LifecycleSecurityOnly LifecycleStatus = "security_only"
	LifecycleEOL          LifecycleStatus = "eol"
	LifecycleExtended     LifecycleStatus = "extended"
	LifecycleUnknown      LifecycleStatus = "unknown"
)

// LifecycleStatuses lists the statuses, most serious first.
var LifecycleStatuses = [...]LifecycleStatus{LifecycleEOL, LifecycleExtended, LifecycleEnding, LifecycleSecurityOnly, LifecycleSupported, LifecycleUnknown}
