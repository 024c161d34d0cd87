package snapshot

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"vulnreport/generator/internal/product"
	"vulnreport/generator/internal/source"
)

// streamFixture returns a snapshot whose advisory file spans several
// decoding chunks: advisories of one to three rows, some naming the
// installed product, some rejected (a bad range, a bad date, rows that
// disagree), some warned about (no versions, a bad reference).
func streamFixture(n int) fstest.MapFS {
	var b strings.Builder
	b.WriteString("id,aliases,title.en,published,cvss.vector,affected.product,affected.versions,references\n")
	for i := range n {
		id := fmt.Sprintf("CVE-2099-%05d", i)
		prod := fmt.Sprintf("vendor%d:product%d", i%13, i%7)
		if i%11 == 0 {
			prod = "apache:tomcat"
		}
		rng, date, ref := fmt.Sprintf(">=1.%d <1.%d", i%5, i%5+1), "2024-01-02", "https://example.com/"+id
		switch i % 97 {
		case 5:
			rng = "=> 1"
		case 17:
			date = "2024-13-40"
		case 23:
			rng = ""
		case 31:
			ref = "ftp://example.com/x"
		}
		fmt.Fprintf(&b, "%s,,Title %d,%s,CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H,%s,%s,%s\n", id, i, date, prod, rng, ref)
		for r := range i % 3 {
			title := ""
			if i%89 == 3 && r == 1 {
				title = "Another title"
			}
			fmt.Fprintf(&b, "%s,,%s,,,vendor%d:extra%d,<%d.0,\n", id, title, r, i%5, r+2)
		}
	}
	return fstest.MapFS{
		"systems.yaml":     {Data: []byte("- {id: web, name: Web, category: website, exposure: internet, owner: IT}\n")},
		"components.csv":   {Data: []byte("system,product,version\nweb,apache:tomcat,9.0.1\n")},
		"advisories/a.csv": {Data: []byte(b.String())},
	}
}

// TestStreamedAdvisoriesMatchOnePass reads an advisory file of several
// chunks as a build does (decoded as the rows of each advisory end, added
// chunk by chunk) and as check does (merged whole, then decoded): with
// the advisories that name no installed product reduced afterwards, both
// give the same advisories, rejections, counts and diagnostics.
func TestStreamedAdvisoriesMatchOnePass(t *testing.T) {
	fsys := streamFixture(5*mergedChunk + 123)
	var streamed, whole source.Diagnostics
	s := Load(fsys, Options{KeepRelevant: true}, &streamed)
	w := Load(fsys, Options{}, &whole)
	rel := &relevance{res: product.NewResolver(w.Products), keys: componentKeys(product.NewResolver(w.Products), w.Components),
		lookup: map[[2]string]string{}, strs: map[string]string{}}
	rel.reduceAll(w.Advisories)
	if len(s.Advisories) < 4*mergedChunk || len(s.Rejections) == 0 || streamed.Count(source.Warning) == 0 {
		t.Fatalf("fixture too tame: %d advisories, %d rejections, %d warnings", len(s.Advisories), len(s.Rejections), streamed.Count(source.Warning))
	}
	if len(s.Advisories) != len(w.Advisories) {
		t.Fatalf("%d advisories streamed, %d read whole", len(s.Advisories), len(w.Advisories))
	}
	for i := range s.Advisories {
		if !reflect.DeepEqual(s.Advisories[i], w.Advisories[i]) {
			t.Fatalf("advisory %d:\nstreamed %+v\nwhole    %+v", i, s.Advisories[i], w.Advisories[i])
		}
	}
	for _, c := range []struct {
		what       string
		got, whole any
	}{
		{"rejections", s.Rejections, w.Rejections},
		{"files", s.Files, w.Files},
		{"diagnostics", streamed.Sorted(), whole.Sorted()},
		{"fatal", s.Fatal, w.Fatal},
	} {
		if !reflect.DeepEqual(c.got, c.whole) {
			t.Errorf("%s differ:\nstreamed %v\nwhole    %v", c.what, c.got, c.whole)
		}
	}
}
