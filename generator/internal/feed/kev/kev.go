// Package kev reads CISA's Known Exploited Vulnerabilities catalog, in its
// JSON form ({"catalogVersion", "dateReleased", "vulnerabilities": […]}) or
// its CSV form (one entry a row, header row first), told apart by content.
// Each entry becomes a [feed.KEVEntry]; the snapshot joins them to
// advisories by CVE id (KEV itself names no versions or CPEs).
//
// Every entry needs a CVE id, a dateAdded and a dueDate (YYYY-MM-DD);
// knownRansomwareCampaignUse "Known" sets Ransomware, "Unknown" or nothing
// leaves it false, another value is a warning. An entry that breaks these
// rules is rejected with its position; the rest of the file is read.
//
// A CSV file whose header lacks a required column (cveID, dateAdded or
// dueDate) cannot be read at all: Parse returns an error naming the
// column. CSV files may be UTF-8, with or without BOM, or Shift_JIS, as
// for every CSV input; header names are compared without regard to case
// and spacing. The CSV form carries no catalog version: Info.Version is
// empty and Info.Date is the newest dateAdded.
package kev

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/feed/internal/feedutil"
	"vulnreport/generator/internal/source"
)

// Kind is the feed kind of KEV files.
const Kind = "kev"

const expected = `a CISA KEV catalog ({"catalogVersion": …, "vulnerabilities": [{"cveID": …}]})`

// entry is one element of the JSON catalog's vulnerabilities.
type entry struct {
	CVEID          string `json:"cveID"`
	VendorProject  string `json:"vendorProject"`
	Product        string `json:"product"`
	Name           string `json:"vulnerabilityName"`
	DateAdded      string `json:"dateAdded"`
	DueDate        string `json:"dueDate"`
	Ransomware     string `json:"knownRansomwareCampaignUse"`
	RequiredAction string `json:"requiredAction"`
	Notes          string `json:"notes"`
}

// Parse reads one KEV file; see the package documentation.
func Parse(name string, data []byte, diags *source.Diagnostics) (feed.Result, error) {
	res := feed.Result{Info: feed.Info{Kind: Kind, Path: name}}
	switch feedutil.Kind(data) {
	case '{':
		return parseJSON(name, data, diags, res)
	case '[', '<':
		return res, fmt.Errorf("neither a KEV JSON catalog nor a KEV CSV file; expected %s or the KEV CSV", expected)
	}
	return parseCSV(name, data, diags, res)
}

func parseJSON(name string, data []byte, diags *source.Diagnostics, res feed.Result) (feed.Result, error) {
	lines := feedutil.NewLines(name, data)
	top, found, err := feedutil.Each(data, []string{"vulnerabilities"}, func(off int, e *entry, err error) {
		res.Read++
		pos := lines.Pos(off)
		if err != nil {
			epos, msg := feedutil.RecordError(lines, off, err)
			reject(&res, diags, epos, "", msg)
			return
		}
		add(&res, diags, *e, pos)
	})
	if err != nil {
		return res, feedutil.FileError(data, err, expected)
	}
	if !found {
		return res, fmt.Errorf(`no "vulnerabilities" array; expected %s`, expected)
	}
	var s string
	if raw, ok := top["catalogVersion"]; ok && json.Unmarshal(raw, &s) == nil {
		res.Info.Version = s
	}
	s = ""
	if raw, ok := top["dateReleased"]; ok && json.Unmarshal(raw, &s) == nil {
		res.Info.Date = feedutil.DateString(s)
	}
	var count int
	if raw, ok := top["count"]; ok && json.Unmarshal(raw, &count) == nil && count != res.Read {
		diags.Warnf(source.Pos{File: name, Line: 1, Col: 1}, "KEV catalog says count %d but holds %d entries", count, res.Read)
	}
	res.Info.Records = res.Read
	return res, nil
}

func reject(res *feed.Result, diags *source.Diagnostics, pos source.Pos, id string, reasons ...string) {
	label := id
	if label == "" {
		label = "(no cveID)"
	}
	for i, r := range reasons {
		diags.Errorf(pos, "KEV entry %s: %s", label, r)
		reasons[i] = pos.String() + ": " + r
	}
	res.Reject(pos, "feed:kev", id, reasons...)
}

// add checks one entry and keeps it, or rejects it.
func add(res *feed.Result, diags *source.Diagnostics, e entry, pos source.Pos) {
	id := strings.TrimSpace(e.CVEID)
	var reasons []string
	if !feedutil.IsCVE(id) {
		if id == "" {
			reasons = append(reasons, `"cveID" is missing`)
		} else {
			reasons = append(reasons, fmt.Sprintf(`"cveID" %q is not a CVE id (CVE-YYYY-NNNN)`, feedutil.Clip(id)))
		}
		id = ""
	}
	date := func(field, s string) time.Time {
		s = strings.TrimSpace(s)
		if s == "" {
			reasons = append(reasons, fmt.Sprintf("%q is missing", field))
			return time.Time{}
		}
		t, err := source.ParseDate(s)
		if err != nil {
			reasons = append(reasons, fmt.Sprintf("%q: %v", field, err))
		}
		return t
	}
	k := feed.KEVEntry{
		CVE: id, Vendor: strings.TrimSpace(e.VendorProject), Product: strings.TrimSpace(e.Product),
		Name: strings.TrimSpace(e.Name), RequiredAction: strings.TrimSpace(e.RequiredAction),
		Notes: strings.TrimSpace(e.Notes), Pos: pos,
	}
	k.DateAdded = date("dateAdded", e.DateAdded)
	k.DueDate = date("dueDate", e.DueDate)
	if len(reasons) > 0 {
		reject(res, diags, pos, id, reasons...)
		return
	}
	switch r := strings.TrimSpace(e.Ransomware); {
	case strings.EqualFold(r, "Known"):
		k.Ransomware = true
	case r == "" || strings.EqualFold(r, "Unknown"):
	default:
		diags.Warnf(pos, "KEV entry %s: knownRansomwareCampaignUse %q is neither Known nor Unknown: read as Unknown", id, feedutil.Clip(r))
	}
	// A dueDate before dateAdded is genuine: entries carried over from
	// earlier CISA directives keep their original due dates.
	res.Accepted++
	res.KEV = append(res.KEV, k)
}
