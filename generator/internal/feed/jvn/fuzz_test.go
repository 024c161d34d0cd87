package jvn

import (
	"strings"
	"testing"

	"vulnreport/generator/internal/feed/internal/feedtest"
)

// FuzzParse checks that no input makes the reader panic or break its counts.
func FuzzParse(f *testing.F) {
	f.Add([]byte(strings.Replace(vuldef, "%s", "UTF-8", 1)))
	f.Add([]byte(`<rdf:RDF xmlns="http://purl.org/rss/1.0/" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:sec="http://jvn.jp/rss/mod_sec/3.0/"><item><title>t</title><sec:identifier>JVNDB-2099-000002</sec:identifier><sec:cpe version="2.2" vendor="v" product="p">cpe:/a:v:p</sec:cpe><sec:cvss version="3.0" score="9.8" vector="CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"/></item></rdf:RDF>`))
	f.Add([]byte(`{"feed":{"entry":[{"id":"JVNDB-2099-000003","title":"t","products":[{"vname":"v","pname":"p","version":"1.0","product_ids":{"cpe":"cpe:2.3:a:v:p:1.0"}}]}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		feedtest.Parse(t, Parse, data)
	})
}
