package findings

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"

	"vulnreport/generator/internal/i18n"
)

// CSVHeader is the header row of findings.csv.
var CSVHeader = []string{
	"key", "kind", "system", "product", "version", "hosts", "advisory", "aliases", "needs_confirmation",
	"cvss", "cvss_version", "severity", "exploited", "kev", "kev_due", "epss", "priority", "reasons_ja",
	"reasons_en", "first_seen", "due", "due_source", "stage", "action", "owner", "state", "overdue", "lifecycle",
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
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	if err := w.Write(CSVHeader); err != nil {
		return nil, err
	}
	num := func(p *float64, prec int) string {
		if p == nil {
			return ""
		}
		return strconv.FormatFloat(*p, 'f', prec, 64)
	}
	for _, f := range fs {
		ja, en := reasons(f, i18n.JA), reasons(f, i18n.EN)
		row := []string{
			f.Key, f.Kind, f.System, f.Product, f.Version, strconv.Itoa(f.Hosts), f.Advisory, strings.Join(f.Aliases, ";"),
			strconv.FormatBool(f.NeedsConfirmation), num(f.CVSS, 1), f.CVSSVersion, f.Severity, strconv.FormatBool(f.Exploited),
			strconv.FormatBool(f.KEV), f.KEVDue, num(f.EPSS, 5), f.Priority, ja, en, f.FirstSeen, f.Due, f.DueSource,
			f.Stage, f.Action, f.Owner, f.State, strconv.FormatBool(f.Overdue), f.Lifecycle,
		}
		for i := range row {
			row[i] = SafeCell(row[i])
		}
		if err := w.Write(row); err != nil {
			return nil, fmt.Errorf("writing findings.csv: %w", err)
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

func reasons(f Finding, lang i18n.Lang) string {
	parts := make([]string, len(f.Reasons))
	for i, r := range f.Reasons {
		parts[i] = r.Text.Get(lang)
	}
	if len(parts) == 0 {
		return f.Priority
	}
	return f.Priority + ": " + strings.Join(parts, " + ")
}
