// Package epss reads FIRST's daily EPSS score files: CSV with an optional
// first comment line "#model_version:v2023.03.01,score_date:2025-02-20T00:00:00+0000"
// and the header "cve,epss,percentile". Each row becomes a
// [feed.EPSSEntry]; the comment's model version and score date fill
// Result.EPSSModel, Result.EPSSDate and the file's Info.
//
// A row is rejected, with its line, when its CVE id is not one, when a
// score or percentile is not a number in [0, 1], or when it has the wrong
// number of fields. A file without the cve and epss columns cannot be
// read. FIRST publishes the daily file gzip-compressed
// (epss_scores-YYYY-MM-DD.csv.gz, as `vulnreport fetch` stores it): a
// gzip file is decompressed first, up to MaxDecompressed bytes; a gzip
// stream that is cut off or corrupt cannot be read.
package epss

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/feed/internal/feedutil"
	"vulnreport/generator/internal/source"
)

// Kind is the feed kind of EPSS files.
const Kind = "epss"

const expected = `the EPSS CSV ("#model_version:…,score_date:…" comment, then "cve,epss,percentile")`

// MaxDecompressed bounds a gzip-compressed EPSS file once decompressed
// (the daily file is about 15 MB of CSV).
const MaxDecompressed = 512 << 20

// gunzip decompresses a whole gzip file within MaxDecompressed; the gzip
// trailer's checksum and length prove the file complete.
func gunzip(data []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("the gzip file cannot be read: %v", err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, MaxDecompressed+1))
	if err != nil {
		return nil, fmt.Errorf("the gzip file is cut off or corrupt: %v", err)
	}
	if len(out) > MaxDecompressed {
		return nil, fmt.Errorf("the gzip file decompresses to more than %d bytes", MaxDecompressed)
	}
	return out, nil
}

// Parse reads one EPSS file; see the package documentation.
func Parse(name string, data []byte, diags *source.Diagnostics) (feed.Result, error) {
	res := feed.Result{Info: feed.Info{Kind: Kind, Path: name}}
	if bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
		plain, err := gunzip(data)
		if err != nil {
			return res, err
		}
		data = plain
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	line := 1
	if bytes.HasPrefix(data, []byte("#")) {
		end := bytes.IndexByte(data, '\n')
		if end < 0 {
			end = len(data)
		}
		readComment(name, string(bytes.TrimRight(data[:end], "\r")), diags, &res)
		data = data[min(end+1, len(data)):]
		line = 2
	}
	r := csv.NewReader(source.LimitLines(bytes.NewReader(data), source.MaxLineLength))
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	r.Comment = '#'
	header, err := r.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return res, fmt.Errorf("no header row; expected %s", expected)
		}
		return res, fmt.Errorf("header row is not valid CSV: %v; expected %s", err, expected)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	ci, ok1 := col["cve"]
	ei, ok2 := col["epss"]
	pi, hasPct := col["percentile"]
	if !ok1 || !ok2 {
		return res, fmt.Errorf("the header row %q lacks the cve or epss column; expected %s", feedutil.Clip(strings.Join(header, ",")), expected)
	}
	res.EPSS = make([]feed.EPSSEntry, 0, bytes.Count(data, []byte{'\n'}))
	last := 0 // last line read, to stop when the reader makes no progress
	for {
		row, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		pos := source.Pos{File: name, Col: 1}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return res, err
			}
			if pe.Line <= last && pe.StartLine <= last {
				break
			}
			last = max(pe.Line, pe.StartLine)
			pos.Line = pe.StartLine + line - 1
			res.Read++
			reject(&res, diags, pos, "", fmt.Sprintf("row is not valid CSV: %v", pe.Err))
			continue
		}
		l, _ := r.FieldPos(0)
		pos.Line = l + line - 1
		last = l
		res.Read++
		if len(row) != len(header) {
			reject(&res, diags, pos, "", fmt.Sprintf("row has %d fields, the header has %d", len(row), len(header)))
			continue
		}
		e := feed.EPSSEntry{CVE: strings.TrimSpace(row[ci])}
		var reasons []string
		if !feedutil.IsCVE(e.CVE) {
			reasons = append(reasons, fmt.Sprintf("%q is not a CVE id (CVE-YYYY-NNNN)", feedutil.Clip(e.CVE)))
		}
		e.Score, reasons = unit(row[ei], "epss", reasons)
		if hasPct {
			e.Percentile, reasons = unit(row[pi], "percentile", reasons)
		}
		if len(reasons) > 0 {
			id := e.CVE
			if !feedutil.IsCVE(id) {
				id = ""
			}
			reject(&res, diags, pos, id, reasons...)
			continue
		}
		res.Accepted++
		res.EPSS = append(res.EPSS, e)
	}
	res.Info.Records = res.Read
	return res, nil
}

// unit reads a probability in [0, 1].
func unit(s, field string, reasons []string) (float64, []string) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || f != f {
		return 0, append(reasons, fmt.Sprintf("%s %q is not a number", field, feedutil.Clip(s)))
	}
	if f < 0 || f > 1 {
		return 0, append(reasons, fmt.Sprintf("%s %v is not in [0, 1]", field, f))
	}
	return f, reasons
}

func reject(res *feed.Result, diags *source.Diagnostics, pos source.Pos, id string, reasons ...string) {
	for i, r := range reasons {
		diags.Errorf(pos, "EPSS row: %s", r)
		reasons[i] = pos.String() + ": " + r
	}
	res.Reject(pos, "feed:epss", id, reasons...)
}

// readComment reads "#model_version:v2023.03.01,score_date:2025-02-20T00:00:00+0000".
func readComment(name, line string, diags *source.Diagnostics, res *feed.Result) {
	pos := source.Pos{File: name, Line: 1, Col: 1}
	for _, part := range strings.Split(strings.TrimPrefix(line, "#"), ",") {
		k, v, _ := strings.Cut(part, ":")
		switch strings.TrimSpace(k) {
		case "model_version":
			res.EPSSModel = strings.TrimSpace(v)
		case "score_date":
			if t, ok := feedutil.Date(strings.TrimSpace(v)); ok {
				res.EPSSDate = t
			} else {
				diags.Warnf(pos, "EPSS score_date %q is not a date: ignored", feedutil.Clip(v))
			}
		}
	}
	if res.EPSSModel == "" && res.EPSSDate.IsZero() {
		diags.Warnf(pos, "the comment line names no model_version or score_date")
	}
	res.Info.Version = res.EPSSModel
	if !res.EPSSDate.IsZero() {
		res.Info.Date = res.EPSSDate.Format(source.DateLayout)
	}
}
