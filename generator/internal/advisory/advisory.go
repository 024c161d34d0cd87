// Package advisory holds vulnerability advisories — written by the user or
// read from public feeds — in one shape, and decodes the user's YAML and
// CSV advisories with every problem reported by position.
package advisory

import (
	"time"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/version"
)

// CVSS is an advisory's CVSS data as given, with the score computed from a
// v3.x vector.
type CVSS struct {
	// Version is "2.0", "3.0", "3.1" or "4.0".
	Version string `json:"version"`
	Vector  string `json:"vector,omitempty"`
	// Score is the base score used: computed from a v3.x vector, otherwise as given.
	Score float64 `json:"score"`
	// Given is the score written in the input, when one was.
	Given float64 `json:"given,omitempty"`
}

// Exploitation is the evidence that a vulnerability is exploited.
type Exploitation struct {
	Exploited bool `json:"exploited"`
	// KEV is set when the vulnerability is in CISA's KEV catalog.
	KEV        bool      `json:"kev,omitempty"`
	DateAdded  time.Time `json:"date_added,omitzero"`
	DueDate    time.Time `json:"due_date,omitzero"`
	Ransomware bool      `json:"ransomware,omitempty"`
	// RequiredAction is KEV's required action text.
	RequiredAction string `json:"required_action,omitempty"`
}

// EPSS is FIRST's exploit prediction score.
type EPSS struct {
	Score      float64   `json:"score"`
	Percentile float64   `json:"percentile"`
	Date       time.Time `json:"date,omitzero"`
	Model      string    `json:"model,omitempty"`
}

// Affected is one product an advisory affects and the versions affected.
type Affected struct {
	// Product is as written; Key is the resolved product key.
	Product string
	Key     string
	// Versions is the range expression as written.
	Versions string
	Range    version.Range
	// FreeText is set when the affected versions are prose (JVN) that
	// could not be read as a range; matches resting on it need confirmation.
	FreeText string
	Pos      source.Pos

	// Scheme names the version scheme Versions is written in (a
	// scheme.Lookup name: "deb", "rpm", "apk", "semver", "pep440",
	// "maven", …); "" when the feed does not say, and the component's
	// scheme decides. When it is set, Range holds the generic reading
	// only if the generic ordering accepts Versions too: read Versions
	// in Scheme instead.
	Scheme string
	// Distro marks a distribution advisory: the distribution ecosystem it
	// speaks for, as OSV writes it ("Debian:12", "Ubuntu:22.04:LTS",
	// "Alpine:v3.16", "AlmaLinux:9") or "Red Hat" (CSAF). It is "" for
	// upstream advisories and for language ecosystems (Go, npm, PyPI, …).
	Distro string
	// DistroAdvisory is the distribution's own advisory id (DSA-3029-1,
	// RHSA-2024:0811) when Distro is set.
	DistroAdvisory string
	// Fixed lists the fixed-in versions the feed names for this product,
	// in Scheme; they are also the upper bounds of Versions.
	Fixed []string
	// Beside marks free text that says what the ranges given beside it for
	// the same product do not express (a CNA's textual versions that the
	// CISA ADP's ranges do not hold): it is kept where ranges exist,
	// unlike other prose, which ranges replace.
	Beside bool
	// NotAffected is set when the distribution states that the product is
	// not affected (CSAF known_not_affected); Versions is then "*" and
	// the entry decides "not affected", never a finding.
	NotAffected bool
	// Scan is set on an entry a scanner's result gave (scans/): which
	// scanner, the installed version it saw and how sure it was.
	Scan *ScanEntry
}

// ScanEntry is what a scanner said about one affected package.
type ScanEntry struct {
	// Scanner is "vuls", "trivy" or "grype".
	Scanner string
	// Installed is the installed version the scanner reported.
	Installed string
	// Confidence is the scanner's own word on the match: Vuls's detection
	// methods with their scores ("OvalMatch 100"), Grype's match types
	// ("exact-direct-match"); "" where the scanner gives none (Trivy).
	Confidence string
	// Low is set when the match rests on a vendor/product or CPE match
	// only: the finding is to be confirmed (要確認).
	Low bool
}

// Advisory is one vulnerability advisory.
type Advisory struct {
	ID         string
	Aliases    []string
	Title      i18n.Text
	Summary    i18n.Text
	Source     string
	Published  time.Time
	Updated    time.Time
	CVSS       *CVSS
	Affected   []Affected
	Fixed      string
	Workaround i18n.Text
	Exploit    Exploitation
	EPSS       *EPSS
	References []string
	CWE        []string
	// Origin names the file the advisory came from.
	Origin string
	Pos    source.Pos
	// Stub, when set, marks an advisory of which a build kept only what
	// merging, the KEV cross-check and the counts need: ID, Aliases,
	// Source, Origin, Pos, Published and Updated; every other field is
	// empty. The snapshot keeps an advisory so when it names no product of
	// the estate and shares no id with one that does (see
	// snapshot.Options.KeepRelevant); vuln.Merge leaves groups of stubs
	// out of the vulnerabilities.
	Stub *Stub
}

// Stub is what a build keeps of an advisory that cannot matter beyond
// its ids: the product keys its affected entries resolve to, so that the
// decision can be checked once every component is known.
type Stub struct {
	Keys []string
}

// IDs returns the advisory's id followed by its aliases.
func (a Advisory) IDs() []string { return append([]string{a.ID}, a.Aliases...) }
