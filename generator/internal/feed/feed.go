// Package feed defines what every public-feed reader returns, so that the
// snapshot loader can treat NVD, CVE 5, JVN, KEV, EPSS, endoflife.date and
// SBOM files alike. Each format has its own subpackage.
package feed

import (
	"time"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/lifecycle"
	"vulnreport/generator/internal/source"
)

// Info describes one feed file for the manifest and the method sections.
type Info struct {
	// Kind is the feed's format: "nvd", "cve5", "jvn", "kev", "epss", "endoflife", "sbom", "osv", "csaf", "scan".
	Kind string `json:"kind"`
	// Path is the file's path in the snapshot.
	Path string `json:"path"`
	// Version is the feed's own version (KEV catalogVersion, EPSS model
	// version, NVD API version, SBOM spec version).
	Version string `json:"version,omitempty"`
	// Date is the feed's own date (KEV dateReleased, EPSS score date, NVD
	// timestamp, latest OSV modified, CSAF current_release_date).
	Date string `json:"date,omitempty"`
	// Subject is what a scanner result describes: the scanned host or
	// image, as the scanner names it.
	Subject string `json:"subject,omitempty"`
	// Records counts the records the file held.
	Records int `json:"records"`
	// URL and Fetched say where and when `vulnreport fetch` got the file
	// (from feeds/FETCH.json); empty for a file placed by hand.
	URL     string `json:"url,omitempty"`
	Fetched string `json:"fetched,omitempty"`
}

// KEVEntry is one entry of CISA's Known Exploited Vulnerabilities catalog.
type KEVEntry struct {
	CVE            string
	Vendor         string
	Product        string
	Name           string
	DateAdded      time.Time
	DueDate        time.Time
	Ransomware     bool
	RequiredAction string
	Notes          string
	Pos            source.Pos
}

// EPSSEntry is one CVE's EPSS score.
type EPSSEntry struct {
	CVE        string
	Score      float64
	Percentile float64
}

// Result is what a feed reader returns for one file.
type Result struct {
	Info       Info
	Advisories []advisory.Advisory
	Cycles     []lifecycle.Cycle
	Components []inventory.Component
	KEV        []KEVEntry
	EPSS       []EPSSEntry
	// EPSSDate and EPSSModel come from the EPSS file's comment line.
	EPSSDate  time.Time
	EPSSModel string
	// Read, Accepted and Rejected count the file's records; Read equals
	// Accepted plus Rejected.
	Read, Accepted, Rejected int
	Rejections               []source.Rejection
}

// Reject records one rejected record of the file.
func (r *Result) Reject(pos source.Pos, kind, id string, reasons ...string) {
	r.Rejected++
	r.Rejections = append(r.Rejections, source.Rejection{Pos: pos, Location: pos.String(), Kind: kind, ID: id, Reasons: reasons})
}

// Parser reads one feed file. name is the file's path for positions;
// diags collects every problem. An error means the file could not be read
// at all (not JSON, wrong schema); the rest of the snapshot still builds.
type Parser func(name string, data []byte, diags *source.Diagnostics) (Result, error)

// ReducingParser is a Parser that hands each advisory, as soon as it is
// read, to reduce, which may replace it by what of it the caller keeps
// (a build keeps only the advisories that can matter to it in full):
// Result.Advisories holds what reduce left. reduce is called from one
// goroutine at a time, not always the caller's.
type ReducingParser func(name string, data []byte, diags *source.Diagnostics, reduce func(*advisory.Advisory)) (Result, error)
