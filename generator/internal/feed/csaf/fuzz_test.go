package csaf

import (
	"testing"

	"vulnreport/generator/internal/feed/internal/feedtest"
)

// FuzzParse checks that no input makes the reader panic or break its counts.
func FuzzParse(f *testing.F) {
	f.Add([]byte(minimal))
	f.Add([]byte(`{"document":{"csaf_version":"2.0","tracking":{"id":"X"}},"vulnerabilities":[{"cve":"CVE-1-2"},{"product_status":{"fixed":["a:b"]}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		feedtest.Parse(t, Parse, data)
	})
}
