package findings

import (
	"bytes"
	"strings"

	"vulnreport/generator/internal/i18n"
)

// CSVHeader is the header row of findings.csv.
var CSVHeader = []string{
	"key", "kind", "system", "product", "version", "hosts", "advisory", "aliases", "scheme", "needs_confirmation", "confirm", "note",
	"cvss", "cvss_version", "severity", "exploited", "kev", "kev_due", "epss", "priority", "reasons_ja",
	"reasons_en", "first_seen", "due", "due_source", "stage", "action", "owner", "state", "overdue", "lifecycle",
	"scanners", "scan_confidence",
}

// SafeCell neutralises a cell that a spreadsheet would run as a formula,
// as OWASP recommends: a cell starting with = + - @ tab or carriage return
// is prefixed with a single quote.
func SafeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	// Full-width forms that some spreadsheets fold to their ASCII twins.
	for _, p := range []string{"＝", "＋", "－", "＠"} {
		if strings.HasPrefix(s, p) {
			return "'" + s
		}
	}
	return s
}

// EncodeCSV writes findings.csv: UTF-8 with a BOM (so Excel in Japan opens
// it as UTF-8), CRLF line ends, every text cell neutralised.
func EncodeCSV(fs []Finding) ([]byte, error) {
	var buf bytes.Buffer
	c, err := NewCSVEncoder(&buf)
	if err != nil {
		return nil, err
	}
	for _, f := range fs {
		if err := c.Add(f); err != nil {
			return nil, err
		}
	}
	if err := c.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Scanners returns the finding's scanner results as one cell
// ("vuls: scans/a/r.json; trivy: scans/a/t.json") and their confidence
// ("vuls: OvalMatch 100; grype: cpe-match (low)"), "" for each when no
// scanner reported it.
func Scanners(f Finding) (sources, confidence string) {
	var s, c []string
	for _, x := range f.Scanners {
		s = append(s, x.Scanner+": "+x.File)
		conf := x.Confidence
		if conf == "" {
			conf = "-"
		}
		if x.LowConfidence {
			conf += " (low)"
		}
		c = append(c, x.Scanner+": "+conf)
	}
	return strings.Join(s, "; "), strings.Join(c, "; ")
}

func reasons(f Finding, lang i18n.Lang) string {
	parts := make([]string, len(f.Reasons))
	for i, r := range f.Reasons {
		parts[i] = r.Text.Get(lang)
	}
	if len(parts) == 0 {
		return f.Priority.String()
	}
	return f.Priority.String() + ": " + strings.Join(parts, " + ")
}
