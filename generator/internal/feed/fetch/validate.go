package fetch

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"vulnreport/generator/internal/feed/all"
	"vulnreport/generator/internal/source"
)

// validate checks that a fetched body is what its feed claims to be, with
// the reader the build uses, and returns how many records it holds. A
// body that the reader cannot read at all, or that holds no record where
// the feed always has some, is refused, so that it never replaces a good
// copy.
func validate(feedName, rel string, body []byte) (int, error) {
	if feedName == FeedOSV {
		return validateOSVZip(body)
	}
	parse, ok := all.Parsers()[feedName]
	if !ok {
		return 0, fmt.Errorf("no reader for feed %s", feedName)
	}
	var diags source.Diagnostics
	res, err := parse(rel, body, &diags)
	if err != nil {
		return 0, err
	}
	switch {
	case feedName == FeedNVD:
		// an NVD page of a quiet window may hold no CVE
		if !bytes.Contains(body[:min(len(body), 4096)], []byte(`"NVD_CVE"`)) {
			return 0, fmt.Errorf(`not an NVD CVE API 2.0 answer (no "format": "NVD_CVE")`)
		}
	case feedName == FeedJVN:
		// a detail answer for an id JVN no longer serves holds no entry
	case res.Accepted == 0:
		return 0, fmt.Errorf("the file holds no %s record (%d rejected)", feedName, res.Rejected)
	}
	return res.Accepted, nil
}

// maxOSVEntry bounds one record in an OSV archive.
const maxOSVEntry = 16 << 20

// validateOSVZip checks an OSV per-ecosystem archive: a complete zip
// whose every .json entry is an OSV record with an id.
func validateOSVZip(body []byte) (int, error) {
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		return 0, fmt.Errorf("not a complete zip archive: %v", err)
	}
	n := 0
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".json") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return n, fmt.Errorf("%s: %v", f.Name, err)
		}
		b, err := io.ReadAll(io.LimitReader(rc, maxOSVEntry+1))
		rc.Close()
		if err != nil {
			return n, fmt.Errorf("%s: %v", f.Name, err)
		}
		var rec struct {
			ID string `json:"id"`
		}
		if len(b) > maxOSVEntry || json.Unmarshal(b, &rec) != nil || rec.ID == "" {
			return n, fmt.Errorf("%s: not an OSV record", f.Name)
		}
		n++
	}
	if n == 0 {
		return 0, fmt.Errorf("the archive holds no OSV record")
	}
	return n, nil
}
