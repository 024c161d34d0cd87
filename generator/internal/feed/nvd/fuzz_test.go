package nvd

import (
	"testing"

	"vulnreport/generator/internal/feed/internal/feedtest"
)

// FuzzParse checks that no input makes the reader panic or break its counts.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"version":"2.0","vulnerabilities":[{"cve":{"id":"CVE-2021-44228","configurations":[{"nodes":[{"cpeMatch":[{"vulnerable":true,"criteria":"cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*","versionStartIncluding":"2.0","versionEndExcluding":"2.15.0"}]}]}]}}]}`))
	f.Add([]byte(`{"CVE_Items":[{"cve":{"CVE_data_meta":{"ID":"CVE-2022-0090"}},"configurations":{"nodes":[{"operator":"AND","children":[{"cpe_match":[{"vulnerable":true,"cpe23Uri":"cpe:2.3:a:gitlab:gitlab:14.6.0:*:*:*:*:*:*:*"}]}]}]}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		feedtest.Parse(t, Parse, data)
	})
}

// FuzzFastMatchesGeneral checks that the fast reader and encoding/json
// read any input to the same advisories, diagnostics and errors.
func FuzzFastMatchesGeneral(f *testing.F) {
	f.Add([]byte(`{"version":"2.0","vulnerabilities":[{"cve":{"id":"CVE-2021-44228","descriptions":[{"lang":"en","value":"a \u00e9 \"x\""}],"metrics":{"cvssMetricV31":[{"type":"Primary","cvssData":{"version":"3.1","vectorString":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H","baseScore":10.0}}]},"configurations":[{"nodes":[{"cpeMatch":[{"vulnerable":true,"criteria":"cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*","versionStartIncluding":"2.0","versionEndExcluding":"2.15.0"}]}]}]}}]}`))
	f.Add(synthetic(3))
	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsGeneral(t, "f.json", data)
	})
}
