package osv

import "encoding/json"

// record is one OSV record (schema 1.x).
type record struct {
	SchemaVersion string          `json:"schema_version"`
	ID            string          `json:"id"`
	Modified      string          `json:"modified"`
	Published     string          `json:"published"`
	Withdrawn     string          `json:"withdrawn"`
	Aliases       []string        `json:"aliases"`
	Upstream      []string        `json:"upstream"`
	Summary       string          `json:"summary"`
	Details       string          `json:"details"`
	Severity      []severity      `json:"severity"`
	Affected      []affected      `json:"affected"`
	References    []reference     `json:"references"`
	DatabaseSpec  json.RawMessage `json:"database_specific"`
}

type severity struct {
	Type  string `json:"type"`
	Score string `json:"score"`
}

type reference struct {
	Type string `json:"type"`
	URL  string `json:"url"`
}

type affected struct {
	Package struct {
		Ecosystem string `json:"ecosystem"`
		Name      string `json:"name"`
		Purl      string `json:"purl"`
	} `json:"package"`
	Severity []severity `json:"severity"`
	Ranges   []struct {
		Type   string  `json:"type"`
		Repo   string  `json:"repo"`
		Events []event `json:"events"`
	} `json:"ranges"`
	Versions []string `json:"versions"`
}

type event struct {
	Introduced   string `json:"introduced"`
	Fixed        string `json:"fixed"`
	LastAffected string `json:"last_affected"`
	Limit        string `json:"limit"`
}

// dbSpecific is the part of database_specific that GitHub's advisories fill.
type dbSpecific struct {
	CWEIDs []string `json:"cwe_ids"`
}
