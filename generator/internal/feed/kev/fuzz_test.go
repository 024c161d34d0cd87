package kev

import (
	"testing"

	"vulnreport/generator/internal/feed/internal/feedtest"
)

// FuzzParse checks that no input makes the reader panic or break its counts.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"catalogVersion":"2025.08.25","dateReleased":"2025-08-25T17:04:19Z","count":1,"vulnerabilities":[{"cveID":"CVE-2021-44228","vendorProject":"Apache","product":"Log4j2","dateAdded":"2021-12-10","dueDate":"2021-12-24","knownRansomwareCampaignUse":"Known"}]}`))
	f.Add([]byte(header + "CVE-2021-44228,Apache,Log4j2,RCE,2021-12-10,d,a,2021-12-24,Known,,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		feedtest.Parse(t, Parse, data)
	})
}
