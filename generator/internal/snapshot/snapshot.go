// Package snapshot reads a snapshot folder — policy, inventory,
// advisories, feeds, lifecycle, remediation, notifications, changes and
// history — into typed records, each with its position, and validates the
// references between them. Every record read is accepted or rejected with
// its reasons; per-file counts always reconcile.
package snapshot

import (
	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/lifecycle"
	"vulnreport/generator/internal/notification"
	"vulnreport/generator/internal/policy"
	"vulnreport/generator/internal/product"
	"vulnreport/generator/internal/remediation"
	"vulnreport/generator/internal/source"
)

// Snapshot is everything read from one snapshot folder.
type Snapshot struct {
	Policy        policy.Policy
	PolicyOK      bool
	Systems       []inventory.System
	Components    []inventory.Component
	Products      []product.Product
	Resolver      *product.Resolver
	Advisories    []advisory.Advisory
	Cycles        []lifecycle.Cycle
	Remediations  []remediation.Record
	Notifications []notification.Notification
	Changes       []inventory.Change
	KEV           []feed.KEVEntry
	EPSS          map[string]feed.EPSSEntry
	EPSSDate      string
	EPSSModel     string
	// History maps a YYYY-MM-DD folder name to the path of its findings.json.
	History []HistoryFile
	// AttackHistory holds earlier months' attack-signs.json, found under
	// history/<YYYY-MM-DD>/, for the month-by-month trend of attack signs.
	AttackHistory []HistoryFile
	// Logs lists the systems' log files, by path.
	Logs []LogFile
	// Files lists every input file read, with hashes and counts, by path.
	Files []source.FileStat
	// Feeds describes every feed file read.
	Feeds []feed.Info
	// Rejections lists every rejected record with its reasons.
	Rejections []source.Rejection
	// Skipped lists the entries that are not plain files inside the
	// snapshot (links leading outside, pipes, sockets, devices) and were
	// not read; the first page's data-quality banner counts them.
	Skipped []string
	// Fatal lists problems that stop a build: an unreadable file or an invalid policy.
	Fatal []string
	// Restored counts the advisories read again in full after they had
	// been kept as stubs (Options.KeepRelevant).
	Restored int
}

// LogFile is a web server or sshd log of one system, under
// logs/<system-id>/. The loader only lists it: logs can be large, and the
// attack-signs stage reads each one as a stream.
type LogFile struct {
	System string
	Path   string
}

// HistoryFile is an earlier month's findings export found under history/.
type HistoryFile struct {
	Date string
	Path string
	Data []byte
}

// Options control Load.
type Options struct {
	// Feeds maps a folder name under feeds/ ("nvd", "kev", …) and "sbom"
	// to the parser of that format. Feed files of a kind with no parser are
	// reported as unread.
	Feeds map[string]feed.Parser
	// Progress, when set, is told each stage and a record count.
	Progress func(stage string, n int)
	// KeepRelevant keeps in full only the advisories from the user's
	// advisory files and feeds/ that can matter to matching: those naming
	// a product of a component, and those sharing an id or alias with an
	// advisory kept in full; of the others only an advisory.Stub is kept
	// (relevance.go). Every count stays as without it. Builds set it;
	// check, which lists every advisory's problems, need not.
	KeepRelevant bool
	// Reducing maps feed kinds to readers that reduce each advisory as
	// they read it; with KeepRelevant they read feeds/ in place of Feeds,
	// so that a feed's irrelevant advisories are never all alive in full.
	Reducing map[string]feed.ReducingParser
}

// Counts sums the per-file counts.
func (s *Snapshot) Counts() (read, accepted, rejected int) {
	for _, f := range s.Files {
		read += f.Read
		accepted += f.Accepted
		rejected += f.Rejected
	}
	return
}
