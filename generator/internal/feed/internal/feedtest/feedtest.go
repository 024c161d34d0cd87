// Package feedtest checks, for the feed readers' tests and fuzz targets,
// the invariants every reader keeps whatever its input.
package feedtest

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/source"
)

// Check verifies a reader's result: Read equals Accepted plus Rejected,
// every rejected record is listed and reported as an error, the accepted
// records are the ones returned, and Info.Records counts the records read.
func Check(t testing.TB, res feed.Result, diags *source.Diagnostics) {
	t.Helper()
	if res.Read != res.Accepted+res.Rejected {
		t.Errorf("read %d != accepted %d + rejected %d", res.Read, res.Accepted, res.Rejected)
	}
	if len(res.Rejections) != res.Rejected {
		t.Errorf("%d rejections listed for %d rejected records", len(res.Rejections), res.Rejected)
	}
	for _, r := range res.Rejections {
		if len(r.Reasons) == 0 {
			t.Errorf("rejection at %s has no reason", r.Location)
		}
	}
	if n := diags.Count(source.Error); n < res.Rejected {
		t.Errorf("%d error diagnostics for %d rejected records", n, res.Rejected)
	}
	got := len(res.Advisories) + len(res.Cycles) + len(res.Components) + len(res.KEV) + len(res.EPSS)
	if got != res.Accepted {
		t.Errorf("%d records returned for %d accepted", got, res.Accepted)
	}
	if res.Info.Records != res.Read {
		t.Errorf("Info.Records %d != read %d", res.Info.Records, res.Read)
	}
}

// Parse runs a reader on data and checks the invariants when it returns
// no error. It is meant for fuzz targets: any panic fails the target.
func Parse(t *testing.T, parse feed.Parser, data []byte) {
	var diags source.Diagnostics
	res, err := parse("fuzz.input", data, &diags)
	InFile(t, data, diags.Sorted())
	if err != nil {
		if err.Error() == "" {
			t.Error("empty error message")
		}
		return
	}
	Check(t, res, &diags)
}

// InFile checks that every position of ds that names a line lies inside
// data: the line exists and the column is at most one past its last
// character, as utf8.RuneCount counts characters. Positions are computed
// incrementally (feedutil.Lines), so this guards that arithmetic on any
// input, minified or not.
func InFile(t testing.TB, data []byte, ds []source.Diagnostic) {
	t.Helper()
	lines := bytes.Split(data, []byte("\n"))
	for _, d := range ds {
		p := d.Pos
		if p.Line == 0 {
			continue
		}
		if p.Line > len(lines) {
			t.Errorf("%s: line %d beyond the file's %d lines", d, p.Line, len(lines))
			continue
		}
		if max := utf8.RuneCount(lines[p.Line-1]) + 1; p.Col > max || p.Col < 0 {
			t.Errorf("%s: column %d beyond the line's end (%d)", d, p.Col, max)
		}
	}
}
