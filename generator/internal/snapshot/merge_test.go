package snapshot

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"vulnreport/generator/internal/source"
)

// TestAdvisoryRowsMergeApart checks that advisory CSV rows sharing an id
// merge when they are not adjacent: later rows add affected products and
// fill in empty fields, a disagreement rejects the advisory with all its
// rows, and everything is reported in the order of the file.
func TestAdvisoryRowsMergeApart(t *testing.T) {
	csv := "id,title,published,affected.product,affected.versions\n" +
		"CVE-1,One,,apache:struts,<2\n" + // 2
		"CVE-2,Two,2020-01-01,apache:tomcat,*\n" + // 3
		"CVE-1,,2021-02-03,apache:httpd,\n" + // 4: fills published
		"CVE-2,Other,,apache:httpd,>=1\n" + // 5: conflicts on title
		"CVE-1,One,2021-02-03,apache:nginx,=> 1\n" // 6: a bad range
	fsys := fstest.MapFS{
		"policy.yaml":       {Data: []byte("organization: x\nas_of: 2026-11-30\n")},
		"advisories/a.csv":  {Data: []byte(csv)},
		"advisories/b.yaml": {Data: []byte("- id: CVE-3\n  title: Three\n  affected: [{product: 'apache:struts', versions: '<2'}]\n")},
	}
	var diags source.Diagnostics
	s := Load(fsys, Options{}, &diags)
	var got []string
	for _, d := range diags.Sorted() {
		got = append(got, d.String())
	}
	want := []string{
		`advisories/a.csv:4:32: warning: field "versions": no versions given for apache:httpd: every version is taken as affected`,
		`advisories/a.csv:5:7: error: field "title": "Other" disagrees with "Two" on the advisory's first row (advisories/a.csv:3:7)`,
		`advisories/a.csv:6:35: error: field "versions": range "=> 1": `,
	}
	if len(got) != len(want) {
		t.Fatalf("diagnostics:\n%s", strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("diagnostic %d = %q, want %q…", i, got[i], want[i])
		}
	}
	var files []string
	for _, f := range s.Files {
		files = append(files, fmt.Sprintf("%s %d/%d/%d", f.Path, f.Read, f.Accepted, f.Rejected))
	}
	if w := []string{"advisories/a.csv 5/0/5", "advisories/b.yaml 1/1/0", "policy.yaml 1/1/0"}; !slices.Equal(files, w) {
		t.Errorf("files = %q, want %q", files, w)
	}
	if len(s.Advisories) != 1 || s.Advisories[0].ID != "CVE-3" {
		t.Fatalf("advisories = %+v", s.Advisories)
	}
	var rejected []string
	for _, r := range s.Rejections {
		rejected = append(rejected, fmt.Sprintf("%s %s %d", r.Location, r.ID, len(r.Reasons)))
	}
	if w := []string{"advisories/a.csv:2:1 CVE-1 1", "advisories/a.csv:3:1 CVE-2 1"}; !slices.Equal(rejected, w) {
		t.Errorf("rejections = %q, want %q", rejected, w)
	}
}
