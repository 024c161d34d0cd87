// Package model defines the Finding — one vulnerability (or end-of-life
// product) on one component of one system — as matching creates it and the
// assessment stages annotate it, and the FindingStore that holds a month's
// findings as columns of small integers (packed by a FindingBuilder as
// assessment judges each one). The counting unit throughout is
// system × component × vulnerability, aliases merged.
package model

import "vulnreport/generator/internal/i18n"

// Why a finding needs confirmation (要確認).
const (
	// ConfirmFreeText: the advisory's affected versions are prose.
	ConfirmFreeText = "free_text"
	// ConfirmVersion: the component's version cannot be read in its scheme.
	ConfirmVersion = "version_unreadable"
	// ConfirmRange: the advisory's range cannot be read in the scheme.
	ConfirmRange = "range_unreadable"
	// ConfirmBackport: a distribution package matched an upstream range
	// on its upstream version; the distribution may have backported the fix.
	ConfirmBackport = "backport"
	// ConfirmLine: the version cannot be placed in a release line of a
	// product with lines past their end of life.
	ConfirmLine = "line_unknown"
)

// Reason is one reason for a finding's priority, in both languages.
// ReasonAttackSigns is the reason code of a finding whose system's logs
// show attacks on the weakness it leaves open (「攻撃の兆候あり」).
const ReasonAttackSigns = "attack_signs"

// HasReason reports whether the finding carries a reason with the code.
func (f *Finding) HasReason(code string) bool {
	for _, r := range f.Reasons {
		if r.Code == code {
			return true
		}
	}
	return false
}

type Reason struct {
	Code string    `json:"code"`
	Text i18n.Text `json:"text"`
}

// Finding is one finding with everything the reports say about it. It is
// a compact record: what it shares with other findings — the facts of its
// vulnerability, of its component, of the advisory clause that matched and
// of the remediation record applied — is held once in shared parts it
// points to, whose fields read as the finding's own (f.CVSS, f.System,
// f.Clause, f.Owner); its dates and state (Standing) are shared by the
// findings that have the same ones once assessment is done; what is its
// own follows. The shared parts are made once, by the stage that owns
// them, and never written through a finding afterwards: a stage that
// changes a shared fact gives the finding another part (see New and Flat
// for building findings outside the pipeline, Own for editing one). All
// five are non-nil in every finding the pipeline or New makes.
type Finding struct {
	*VulnFacts
	*ComponentFacts
	*ClauseFacts
	*Applied
	*Standing

	// Key is stable across runs: system/product@version/vulnerability.
	Key string
	// Hosts is how many hosts run the component (rows of one system with
	// the same product and version add up; rows with the fix as a patch
	// do not count).
	Hosts int

	// Priority is P1–P4 with its reasons.
	Priority Priority
	// Overdue is set when the finding is open past its due date.
	Overdue bool
	Reasons []Reason
	// ActionKey names the fix action the finding belongs to.
	ActionKey string
	// Scanners lists the scanner results (scans/) that reported the
	// finding, with each scanner's confidence; empty when only
	// vulnreport's own matching found it.
	Scanners []ScanSource
}

// ScanSource is one scanner result that reported a finding.
type ScanSource struct {
	// Scanner is "vuls", "trivy" or "grype"; File the result's path.
	Scanner string `json:"scanner"`
	File    string `json:"file"`
	// Confidence is the scanner's word on the match (Vuls detection
	// methods and scores, Grype match types), "" where it gives none.
	Confidence string `json:"confidence,omitempty"`
	// Low marks a vendor/product or CPE match only: to be confirmed.
	Low bool `json:"low_confidence,omitempty"`
}

// IsOpen reports whether the finding still needs work: open or mitigated.
func (f Finding) IsOpen() bool { return f.State == StateOpen || f.State == StateMitigated }

// PriorityRank returns 1–4 for P1–P4, 5 when unset.
func (f Finding) PriorityRank() int {
	return f.Priority.Rank()
}
