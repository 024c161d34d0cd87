package epss

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"

	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/feed/internal/feedtest"
	"vulnreport/generator/internal/feed/internal/realdata"
	"vulnreport/generator/internal/source"
)

func parse(t *testing.T, data string) (feed.Result, *source.Diagnostics) {
	t.Helper()
	var diags source.Diagnostics
	res, err := Parse("epss.csv", []byte(data), &diags)
	if err != nil {
		t.Fatal(err)
	}
	feedtest.Check(t, res, &diags)
	return res, &diags
}

func TestRealData(t *testing.T) {
	res, diags := parse(t, string(realdata.Read(t, "epss/epss_scores-example-1.csv")))
	if res.Read != 5 || res.Accepted != 5 || diags.Len() != 0 {
		t.Fatalf("read %d accepted %d: %v", res.Read, res.Accepted, diags.Sorted())
	}
	if res.EPSSModel != "v2023.03.01" || res.EPSSDate.Format(source.DateLayout) != "2025-02-20" ||
		res.Info.Version != "v2023.03.01" || res.Info.Date != "2025-02-20" {
		t.Errorf("model %q date %v info %+v", res.EPSSModel, res.EPSSDate, res.Info)
	}
	last := res.EPSS[4]
	if last.CVE != "CVE-1999-0005" || last.Score != 0.91963 || last.Percentile != 0.99214 {
		t.Errorf("last row %+v", last)
	}
}

func TestRows(t *testing.T) {
	data := "#model_version:v2025.03.14,score_date:2025-03-20T00:00:00+0000\n" +
		"cve,epss,percentile\n" +
		"CVE-2021-44228,0.97565,0.99998\n" +
		"CVE-2021-0001,1.5,0.5\n" +
		"CVE-2021-0002,abc,0.5\n" +
		"not-a-cve,0.1,0.2\n" +
		"CVE-2021-0003,0.1\n" +
		"CVE-2021-0004,-0.01,0.2\n" +
		"CVE-2021-0005,\"0.2\n"
	res, _ := parse(t, data)
	if res.Read != 7 || res.Accepted != 1 || res.Rejected != 6 {
		t.Fatalf("read %d accepted %d rejected %d", res.Read, res.Accepted, res.Rejected)
	}
	wants := []string{"epss 1.5 is not in [0, 1]", `epss "abc" is not a number`, `"not-a-cve" is not a CVE id`, "row has 2 fields", "epss -0.01 is not in [0, 1]", "not valid CSV"}
	for i, w := range wants {
		r := res.Rejections[i]
		if r.Pos.Line != i+4 || !strings.Contains(strings.Join(r.Reasons, "; "), w) {
			t.Errorf("rejection %d: %+v, want line %d and %q", i, r, i+4, w)
		}
	}
	if res.EPSSModel != "v2025.03.14" || res.EPSSDate.Format(source.DateLayout) != "2025-03-20" {
		t.Errorf("comment: %q %v", res.EPSSModel, res.EPSSDate)
	}
	// Without the comment line, with a BOM and CRLF.
	res, _ = parse(t, "\ufeffcve,epss,percentile\r\nCVE-2021-44228,0.9,0.99\r\n")
	if res.Accepted != 1 || !res.EPSSDate.IsZero() || res.EPSS[0].Percentile != 0.99 {
		t.Errorf("plain file: %+v", res)
	}
}

func TestUnreadable(t *testing.T) {
	for _, tt := range []struct{ name, data, want string }{
		{"gzip cut off", "\x1f\x8b\x08\x00rest", "gzip file"},
		{"no header", "#model_version:v1,score_date:2025-01-01\n", "no header row"},
		{"wrong columns", "id,score\nCVE-2021-44228,0.1\n", "lacks the cve or epss column"},
	} {
		var diags source.Diagnostics
		if _, err := Parse("e.csv", []byte(tt.data), &diags); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

// TestGzip: the daily file as FIRST publishes it (gzip) reads like the
// plain CSV; a gzip file cut short is refused.
func TestGzip(t *testing.T) {
	plain := "#model_version:v2025.03.14,score_date:2025-03-20T00:00:00+0000\ncve,epss,percentile\nCVE-2021-44228,0.94,0.99\n"
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(plain))
	zw.Close()
	var diags source.Diagnostics
	res, err := Parse("e.csv.gz", buf.Bytes(), &diags)
	if err != nil || len(res.EPSS) != 1 || res.EPSS[0].Score != 0.94 || res.EPSSModel != "v2025.03.14" {
		t.Fatalf("gzip: %v %+v", err, res)
	}
	if _, err := Parse("e.csv.gz", buf.Bytes()[:buf.Len()-6], &diags); err == nil || !strings.Contains(err.Error(), "cut off") {
		t.Errorf("truncated gzip: %v", err)
	}
}
