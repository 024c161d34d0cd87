package fetch

import (
	_ "embed"
	"strings"
	"sync"
)

// eolTable maps product keys to endoflife.date product names, one
// "key<TAB>name" a line. It is made from the identifiers (CPE and purl)
// of every endoflife.date product page (TestEOLTable checks it against
// the pages in ../shared/realdata and rewrites it with -update).
//
//go:embed eol_products.tsv
var eolTable string

// eolByKey returns the table as a map, parsed once.
var eolByKey = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	for _, line := range strings.Split(eolTable, "\n") {
		key, name, ok := strings.Cut(line, "\t")
		if ok && !strings.HasPrefix(line, "#") {
			m[key] = append(m[key], name)
		}
	}
	return m
})
