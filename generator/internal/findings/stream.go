package findings

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"vulnreport/generator/internal/i18n"
)

// Encoder writes findings.json one finding at a time, so that a million
// findings never need to be in memory as JSON or as export rows at once.
// Its bytes are exactly those of Encode (which uses it): the indented
// encoding of File.
type Encoder struct {
	w         *bufio.Writer
	scratch   []byte
	elem      bytes.Buffer
	enc       *json.Encoder
	want, got int
	err       error
}

// NewEncoder writes the header of a file of count findings; head's
// Findings are ignored. Add each finding, then Close.
func NewEncoder(w io.Writer, head File, count int) *Encoder {
	e := &Encoder{w: bufio.NewWriterSize(w, 256<<10), want: count}
	head.Schema = "vulnreport/findings"
	head.SchemaVersion = SchemaVersion
	head.Count = count
	head.Findings = []Finding{}
	// The header is the whole file's encoding with an empty list, cut
	// before the list's closing bracket.
	var hb bytes.Buffer
	enc := json.NewEncoder(&hb)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(head); err != nil {
		e.err = fmt.Errorf("encoding findings: %w", err)
		return e
	}
	const empty = "\"findings\": []\n}\n"
	h := hb.Bytes()
	if !bytes.HasSuffix(h, []byte(empty)) {
		e.err = fmt.Errorf("encoding findings: unexpected header %q", h)
		return e
	}
	e.w.Write(h[:len(h)-len(empty)])
	if count == 0 {
		e.w.WriteString("\"findings\": []\n}\n")
	} else {
		e.w.WriteString("\"findings\": [\n")
	}
	e.enc = json.NewEncoder(&e.elem)
	e.enc.SetEscapeHTML(false)
	e.enc.SetIndent("    ", "  ")
	return e
}

// Add writes the next finding.
func (e *Encoder) Add(f Finding) error {
	if e.err != nil {
		return e.err
	}
	if e.got == e.want {
		e.err = fmt.Errorf("encoding findings: more than the %d findings announced", e.want)
		return e.err
	}
	b, ok := appendElement(e.scratch[:0], &f)
	e.scratch = b[:0]
	if !ok {
		e.elem.Reset()
		if err := e.enc.Encode(f); err != nil {
			e.err = fmt.Errorf("encoding findings: %w", err)
			return e.err
		}
		b = bytes.TrimSuffix(e.elem.Bytes(), []byte("\n"))
	}
	e.w.WriteString("    ")
	e.w.Write(b)
	e.got++
	if e.got < e.want {
		e.w.WriteString(",\n")
	} else {
		e.w.WriteString("\n  ]\n}\n")
	}
	return nil
}

// Close checks that every announced finding was written and flushes.
func (e *Encoder) Close() error {
	if e.err != nil {
		return e.err
	}
	if e.got != e.want {
		return fmt.Errorf("encoding findings: %d of the %d findings announced", e.got, e.want)
	}
	return e.w.Flush()
}

// CSVEncoder writes findings.csv one row at a time: UTF-8 with a BOM (so
// Excel in Japan opens it as UTF-8), CRLF line ends, every text cell
// neutralised.
type CSVEncoder struct {
	w   *csv.Writer
	row []string
}

// NewCSVEncoder writes the BOM and the header row.
func NewCSVEncoder(w io.Writer) (*CSVEncoder, error) {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return nil, fmt.Errorf("writing findings.csv: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(CSVHeader); err != nil {
		return nil, fmt.Errorf("writing findings.csv: %w", err)
	}
	return &CSVEncoder{w: cw, row: make([]string, len(CSVHeader))}, nil
}

// Add writes one finding's row.
func (c *CSVEncoder) Add(f Finding) error {
	num := func(p *float64, prec int) string {
		if p == nil {
			return ""
		}
		return strconv.FormatFloat(*p, 'f', prec, 64)
	}
	row := append(c.row[:0],
		f.Key, string(f.Kind), f.System, f.Product, f.Version, strconv.Itoa(f.Hosts), f.Advisory, strings.Join(f.Aliases, ";"),
		f.Scheme, strconv.FormatBool(f.NeedsConfirmation), f.Confirm, f.Note, num(f.CVSS, 1), f.CVSSVersion, f.Severity, strconv.FormatBool(f.Exploited),
		strconv.FormatBool(f.KEV), f.KEVDue, num(f.EPSS, 5), f.Priority.String(), reasons(f, i18n.JA), reasons(f, i18n.EN), f.FirstSeen, f.Due, f.DueSource,
		string(f.Stage), f.Action, f.Owner, string(f.State), strconv.FormatBool(f.Overdue), string(f.Lifecycle), "", "",
	)
	row[len(row)-2], row[len(row)-1] = Scanners(f)
	for i := range row {
		row[i] = SafeCell(row[i])
	}
	if err := c.w.Write(row); err != nil {
		return fmt.Errorf("writing findings.csv: %w", err)
	}
	return nil
}

// Close flushes the rows written.
func (c *CSVEncoder) Close() error {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return fmt.Errorf("writing findings.csv: %w", err)
	}
	return nil
}
