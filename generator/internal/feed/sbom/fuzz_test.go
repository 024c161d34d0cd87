package sbom

import (
	"testing"

	"vulnreport/generator/internal/feed/internal/feedtest"
)

// FuzzParse checks that no input makes the reader panic or break its counts.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"bomFormat":"CycloneDX","specVersion":"1.4","components":[{"name":"log4j-core","version":"2.14.1","purl":"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1","components":[{"name":"x","cpe":"cpe:2.3:a:apache:tomcat:9.0.80"}]}]}`))
	f.Add([]byte(`{"spdxVersion":"SPDX-2.3","packages":[{"name":"openssl","versionInfo":"3.0.4","externalRefs":[{"referenceType":"purl","referenceLocator":"pkg:alpine/openssl@3.0.4"}]}]}`))
	f.Add([]byte(`{"@context":"https://spdx.org/rdf/3.0.1/spdx-context.jsonld","@graph":[{"type":"software_Package","name":"junit","software_packageVersion":"3.8.1"}]}`))
	// minified, with Japanese text before a component of the wrong kind
	// and one without a version: positions on one long line
	f.Add([]byte(`{"bomFormat":"CycloneDX","specVersion":"1.5","components":[{"name":"部品","description":"日本語の説明","version":"1"},{"name":7},{"name":"版なし"},{"name":"x","version":"2"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		feedtest.Parse(t, Parse, data)
	})
}
