// Package attack reads a system's web server access logs and sshd
// authentication logs and finds the signs of attack in them, the way
// IPA's iLogScanner does: every logged request is replayed through the
// OWASP Core Rule Set on the Coraza engine (detection only), the rules
// that fire are grouped into the guide's categories (SQL injection,
// cross-site scripting, directory traversal, OS command injection, …),
// and a request that got a 2xx answer of a markedly different size than
// that path usually returns is marked "may have succeeded". sshd logs
// give bursts of failed logins, logins outside business hours and root
// logins. Signs are then put beside the open findings of the same system
// whose weakness they target (correlate.go).
package attack

import "time"

// Request is one access-log line as a request and its answer.
type Request struct {
	Time      time.Time
	Remote    string
	Method    string
	URI       string // path and query as logged
	Proto     string
	Status    int
	Bytes     int64 // -1 when not logged
	UserAgent string
	Referer   string
	Line      int
}

// Auth is one sshd authentication event.
type Auth struct {
	Time   time.Time
	Remote string
	User   string
	OK     bool
	// Invalid is set for "invalid user" attempts.
	Invalid bool
	Line    int
}

// Format names a log format, as the manifest shows it.
type Format string

// The formats a log file may be in.
const (
	FormatCombined Format = "apache-combined"
	FormatCommon   Format = "apache-common"
	FormatIIS      Format = "iis-w3c"
	FormatSSHD     Format = "sshd"
	FormatUnknown  Format = "unknown"
)
