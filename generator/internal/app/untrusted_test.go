package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// kevCatalog returns a small CISA KEV catalog of n entries, one line each.
func kevCatalog(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"title":"CISA Catalog of Known Exploited Vulnerabilities","catalogVersion":"2026.11.30","dateReleased":"2026-11-30T12:00:00.000Z","count":` + fmt.Sprint(n) + `,"vulnerabilities":[` + "\n")
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"cveID":"CVE-2024-%d","vendorProject":"Example","product":"Server","vulnerabilityName":"Example Server RCE","dateAdded":"2026-01-05","shortDescription":"x","requiredAction":"Apply updates.","dueDate":"2026-01-26","knownRansomwareCampaignUse":"Unknown","notes":"","cwes":[]}`, 10000+i)
	}
	b.WriteString("\n]}\n")
	return b.Bytes()
}

// TestUntrustedFilesStopTheBuild checks class (a) of the README's three
// classes: a file that cannot be parsed at all stops check and build with
// exit 1, a message naming the file, line and column, and the previous
// output untouched.
func TestUntrustedFilesStopTheBuild(t *testing.T) {
	kev := kevCatalog(40)
	cut := kev[:len(kev)*7/10]
	tests := []struct {
		name, file string
		data       []byte
		where      string // the position the messages must name
		diag       string
	}{
		{"kev cut at 70%", "feeds/kev/known_exploited_vulnerabilities.json", cut, "feeds/kev/known_exploited_vulnerabilities.json:" + fmt.Sprint(bytes.Count(cut, []byte("\n"))+1) + ":", "the file is truncated"},
		{"nvd not json", "feeds/nvd/page.json", []byte("\x00\x01binary\xff\xfe garbage"), "feeds/nvd/page.json:1:1", "not a JSON object"},
		{"nvd syntax error", "feeds/nvd/page.json", []byte("{\"vulnerabilities\": [\n  {\"cve\": {\"id\": \"CVE-2024-1\"}},\n  {\"cve\" {}}\n]}"), "feeds/nvd/page.json:3:10", "invalid character"},
		{"sbom as xml", "sbom/web.cdx.json", []byte(`<?xml version="1.0"?><bom xmlns="http://cyclonedx.org/schema/bom/1.5"/>`), "sbom/web.cdx.json:1:1", "CycloneDX XML"},
		{"advisory yaml syntax", "advisories/b.yaml", []byte("- id: CVE-2024-1\n  title: [unclosed\n"), "advisories/b.yaml", "advisories/b.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fixture(month1)
			fsys[tt.file] = &fstest.MapFile{Data: tt.data}

			var o, e bytes.Buffer
			err := Check(Options{Data: fsys, Langs: english}, &o, &e)
			if !errors.Is(err, ErrRejected) {
				t.Fatalf("check: %v, want exit 1", err)
			}
			if !strings.Contains(o.String(), tt.where) || !strings.Contains(o.String(), tt.diag) {
				t.Errorf("check does not name %s (%q):\n%s", tt.where, tt.diag, o.String())
			}
			// counted as one record read and rejected, so that the file
			// shows in the counts (read = accepted + rejected)
			if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(tt.file) + ` +1 +0 +1$`).MatchString(o.String()) {
				t.Errorf("check's counts do not show %s as 1 read, 0 accepted, 1 rejected:\n%s", tt.file, o.String())
			}
			if !strings.Contains(e.String(), tt.where) {
				t.Errorf("check's fatal lines do not name %s:\n%s", tt.where, e.String())
			}

			// a good build first, then the bad one into the same folder
			out := filepath.Join(t.TempDir(), "out")
			good := fixture(month1)
			opt := Options{Data: good, OutDir: out, AsOf: date("2026-11-30"), Today: date("2026-11-30"), Formats: "findings"}
			if _, err := Build(context.Background(), opt, &o, &e); err != nil {
				t.Fatal(err)
			}
			before := treeSum(t, out)
			opt.Data = fsys
			o.Reset()
			e.Reset()
			_, err = Build(context.Background(), opt, &o, &e)
			if err == nil {
				t.Fatalf("the build went on:\n%s", e.String())
			}
			if !strings.Contains(err.Error(), tt.where) {
				t.Errorf("the build's error does not name %s: %v", tt.where, err)
			}
			if treeSum(t, out) != before {
				t.Errorf("the previous output changed")
			}
		})
	}
}
