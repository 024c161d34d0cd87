package eol

import (
	"testing"

	"vulnreport/generator/internal/feed/internal/feedtest"
)

// FuzzParse checks that no input makes the reader panic or break its counts.
func FuzzParse(f *testing.F) {
	f.Add([]byte("---\ntitle: Apache Tomcat\npermalink: /tomcat\nidentifiers:\n  - cpe: cpe:2.3:a:apache:tomcat\nreleases:\n  - releaseCycle: \"8.5\"\n    releaseDate: 2016-03-17\n    eol: 2024-03-31\n    latest: \"8.5.100\"\n---\n"))
	f.Add([]byte(`[{"cycle":"2","releaseDate":"2014-07-12","eol":true,"support":false}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		feedtest.Parse(t, Parse, data)
	})
}
