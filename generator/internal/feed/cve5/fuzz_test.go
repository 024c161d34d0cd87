package cve5

import (
	"testing"

	"vulnreport/generator/internal/feed/internal/feedtest"
)

// FuzzParse checks that no input makes the reader panic or break its counts.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"dataType":"CVE_RECORD","cveMetadata":{"cveId":"CVE-2021-44228","state":"PUBLISHED"},"containers":{"cna":{"affected":[{"vendor":"Apache","product":"Log4j2","versions":[{"version":"2.0-beta9","lessThan":"2.15.0","status":"affected","changes":[{"at":"2.3.1","status":"unaffected"}]}]}]}}}`))
	f.Add([]byte(`[{"cveMetadata":{"cveId":"CVE-2024-3094"},"containers":{"adp":[{"providerMetadata":{"shortName":"CISA-ADP"},"affected":[{"cpes":["cpe:2.3:a:tukaani:xz:*"],"versions":[{"version":"8.1.*","status":"affected"}]}]}]}}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		feedtest.Parse(t, Parse, data)
	})
}
