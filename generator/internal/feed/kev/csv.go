package kev

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"

	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/source"
)

// columns are the KEV CSV columns, by normalized header name.
var columns = map[string]bool{
	"cveid": true, "vendorproject": true, "product": true, "vulnerabilityname": true,
	"dateadded": true, "shortdescription": true, "requiredaction": true, "duedate": true,
	"knownransomwarecampaignuse": true, "notes": true, "cwes": true,
}

// required lists the columns without which the CSV cannot be read, with
// their names as the catalog writes them.
var required = []struct{ key, name string }{{"cveid", "cveID"}, {"dateadded", "dateAdded"}, {"duedate", "dueDate"}}

func parseCSV(name string, data []byte, diags *source.Diagnostics, res feed.Result) (feed.Result, error) {
	header, err := readHeader(data)
	if err != nil {
		return res, err
	}
	have := map[string]bool{}
	for _, h := range header {
		have[source.NormalizeKey(h)] = true
	}
	for _, r := range required {
		if !have[r.key] {
			return res, fmt.Errorf("the header row has no %q column: expected the KEV CSV header (cveID,vendorProject,product,vulnerabilityName,dateAdded,shortDescription,requiredAction,dueDate,knownRansomwareCampaignUse,notes,cwes)", r.name)
		}
	}
	opt := source.CSVOptions{Known: func(k string) bool { return columns[k] }}
	get := func(rec source.Record, key string) string {
		v, _ := rec.Get(key)
		return v.Text
	}
	_, err = source.ReadCSV(name, bytes.NewReader(data), opt, diags, func(rec source.Record) {
		res.Read++
		e := entry{
			CVEID: get(rec, "cveid"), VendorProject: get(rec, "vendorproject"), Product: get(rec, "product"),
			Name: get(rec, "vulnerabilityname"), DateAdded: get(rec, "dateadded"), DueDate: get(rec, "duedate"),
			Ransomware: get(rec, "knownransomwarecampaignuse"), RequiredAction: get(rec, "requiredaction"), Notes: get(rec, "notes"),
		}
		add(&res, diags, e, rec.Pos)
	}, func(pos source.Pos, msg string) {
		res.Read++
		res.Reject(pos, "feed:kev", "", pos.String()+": "+msg)
	})
	if err != nil {
		return res, err
	}
	for _, k := range res.KEV {
		if d := k.DateAdded.Format(source.DateLayout); d > res.Info.Date {
			res.Info.Date = d
		}
	}
	res.Info.Records = res.Read
	return res, nil
}

// readHeader returns the header row of a CSV file. The header is ASCII in
// every encoding the snapshot accepts, so the raw bytes suffice.
func readHeader(data []byte) ([]string, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("the file is empty; expected %s or the KEV CSV", expected)
	}
	r := csv.NewReader(source.LimitLines(bytes.NewReader(data), source.MaxLineLength))
	r.FieldsPerRecord = -1
	h, err := r.Read()
	if err != nil {
		if pe, ok := err.(*csv.ParseError); ok {
			return nil, fmt.Errorf("header row is not valid CSV at %d:%d: %v", pe.Line, pe.Column, pe.Err)
		}
		return nil, fmt.Errorf("header row is not valid CSV: %v", err)
	}
	for i := range h {
		h[i] = strings.TrimSpace(h[i])
	}
	return h, nil
}
