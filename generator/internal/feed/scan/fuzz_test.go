package scan

import (
	"os"
	"testing"

	"vulnreport/generator/internal/source"
)

// FuzzParse: no input panics, and the counts always reconcile.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"trivy-image.json", "vuls-ubuntu.json", "grype-dir.json"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"jsonVersion": 4, "scannedCves": {"CVE-1": {"cpeURIs": ["cpe:/a:x:y"]}}}`))
	f.Add([]byte(`{"SchemaVersion": 2, "Results": [{"Type": "jar", "Vulnerabilities": [{"VulnerabilityID": "x", "PkgName": "a:b", "InstalledVersion": "1", "FixedVersion": "0, 2"}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var d source.Diagnostics
		res, err := Parse("scans/x/f.json", data, &d)
		if err != nil {
			return
		}
		if res.Read != res.Accepted+res.Rejected || len(res.Rejections) != res.Rejected {
			t.Fatalf("read %d accepted %d rejected %d rejections %d", res.Read, res.Accepted, res.Rejected, len(res.Rejections))
		}
		for _, a := range res.Advisories {
			if len(a.Affected) != 1 || a.Affected[0].FreeText == "" && len(a.Affected[0].Range.Clauses) == 0 {
				t.Fatalf("advisory %s without a usable affected entry: %+v", a.ID, a.Affected)
			}
		}
	})
}
