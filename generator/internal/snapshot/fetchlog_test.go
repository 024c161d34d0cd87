package snapshot

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/source"
)

// nvdStub returns one advisory per "id@updated" in the file's text.
func nvdStub(name string, data []byte, _ *source.Diagnostics) (feed.Result, error) {
	res := feed.Result{Info: feed.Info{Kind: "nvd"}}
	for _, f := range strings.Fields(string(data)) {
		id, upd, _ := strings.Cut(f, "@")
		t, _ := time.Parse("2006-01-02", upd)
		res.Advisories = append(res.Advisories, advisory.Advisory{ID: id, Updated: t, Origin: name})
		res.Read++
		res.Accepted++
	}
	return res, nil
}

// TestSupersedeAndFetchLog: of the same CVE in two NVD pages the copy
// updated last is used, with a warning; FETCH.json's URL and time reach
// the feed's Info; a FETCH.json that is not one is a warning.
func TestSupersedeAndFetchLog(t *testing.T) {
	fsys := fstest.MapFS{
		"systems.yaml":                    {Data: []byte("- id: web\n  name: Web\n  category: website\n  exposure: internet\n  criticality: high\n")},
		"feeds/nvd/nvd-2026a-000000.json": {Data: []byte("CVE-2024-1@2026-01-05 CVE-2024-2@2026-01-01")},
		"feeds/nvd/nvd-2026b-000000.json": {Data: []byte("CVE-2024-1@2026-03-01 CVE-2024-3@2026-03-01")},
		"feeds/FETCH.json": {Data: []byte(`{"schema":"vulnreport/fetch 1.0","files":[{"path":"feeds/nvd/nvd-2026b-000000.json",
			"url":"https://mirror.example/nvd?x","fetched":"2026-12-07T03:00:00Z"}]}`)},
	}
	var diags source.Diagnostics
	s := Load(fsys, Options{Feeds: map[string]feed.Parser{"nvd": nvdStub}}, &diags)
	var got []string
	for _, a := range s.Advisories {
		got = append(got, a.ID+"@"+strings.TrimPrefix(a.Origin, "feeds/nvd/nvd-")[:5])
	}
	if strings.Join(got, " ") != "CVE-2024-2@2026a CVE-2024-1@2026b CVE-2024-3@2026b" {
		t.Errorf("advisories %v", got)
	}
	warned := false
	for _, d := range diags.Sorted() {
		if strings.Contains(d.Msg, "1 records appear again in a newer copy of the nvd feed") {
			warned = true
		}
	}
	if !warned {
		t.Errorf("no supersede warning: %v", diags.Sorted())
	}
	var info feed.Info
	for _, f := range s.Feeds {
		if f.Path == "feeds/nvd/nvd-2026b-000000.json" {
			info = f
		}
	}
	if info.URL != "https://mirror.example/nvd?x" || info.Fetched != "2026-12-07T03:00:00Z" {
		t.Errorf("provenance %+v", info)
	}
	hashed := false
	for _, f := range s.Files {
		hashed = hashed || (f.Path == "feeds/FETCH.json" && f.SHA256 != "")
	}
	if !hashed {
		t.Error("FETCH.json not among the inputs")
	}
	fsys["feeds/FETCH.json"] = &fstest.MapFile{Data: []byte(`{"x":1}`)}
	diags = source.Diagnostics{}
	Load(fsys, Options{Feeds: map[string]feed.Parser{"nvd": nvdStub}}, &diags)
	if !strings.Contains(diagText(diags), "not a vulnreport fetch log") {
		t.Errorf("bad FETCH.json not reported: %s", diagText(diags))
	}
}

func diagText(d source.Diagnostics) string {
	var b strings.Builder
	for _, x := range d.Sorted() {
		b.WriteString(x.String() + "\n")
	}
	return b.String()
}
