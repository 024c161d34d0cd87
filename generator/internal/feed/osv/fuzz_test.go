package osv

import (
	"testing"

	"vulnreport/generator/internal/feed/internal/feedtest"
)

// FuzzParse checks that no input makes the reader panic or break its counts.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"id":"DSA-3029-1","aliases":["CVE-2014-3616"],"affected":[{"package":{"ecosystem":"Debian:7","name":"nginx"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.2.1-2.2+wheezy3"}]}]}]}`))
	f.Add([]byte(`[{"id":"GHSA-x","affected":[{"package":{"ecosystem":"npm","name":"@a/b"},"ranges":[{"type":"SEMVER","events":[{"introduced":"1.0.0"},{"last_affected":"1.2.0"},{"introduced":"2.0.0"},{"limit":"3"}]},{"type":"GIT","events":[{"introduced":"abc"}]}],"versions":["1.0.0"]}]}]`))
	f.Add(zipOf(f, map[string]string{"A.json": `{"id":"A","affected":[]}`, "B.json": `{"id":`}))
	f.Fuzz(func(t *testing.T, data []byte) {
		feedtest.Parse(t, Parse, data)
	})
}
