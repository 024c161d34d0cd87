package planimport

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"

	"vulnreport/generator/internal/remediation"
	"vulnreport/generator/internal/source"
)

// csvDoc edits remediation.csv: the header keeps its names (English or
// Japanese), a field the file has no column for gets one at the end under
// its English name, and the file is written back in its own encoding
// (UTF-8, with a BOM if it had one, or Shift_JIS) and line ends.
type csvDoc struct {
	header []string
	// col maps a field to its column.
	col   map[string]int
	rows  [][]string
	lines []int
	bom   bool
	sjis  bool
	crlf  bool
}

func newCSVDoc(data []byte) (*csvDoc, error) {
	d := &csvDoc{col: map[string]int{}, crlf: bytes.Contains(data, []byte("\r\n"))}
	if b, ok := bytes.CutPrefix(data, []byte("\xef\xbb\xbf")); ok {
		data, d.bom = b, true
	} else if !utf8.Valid(data) {
		u, err := japanese.ShiftJIS.NewDecoder().Bytes(data)
		if err != nil {
			return nil, fmt.Errorf("neither UTF-8 nor Shift_JIS: %w", err)
		}
		data, d.sjis = u, true
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	for {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		line, _ := r.FieldPos(0)
		if d.header == nil {
			d.header = row
			for i, h := range row {
				k := source.NormalizeKey(h)
				if f, ok := remediation.Aliases[k]; ok {
					k = f
				}
				if _, dup := d.col[k]; !dup {
					d.col[k] = i
				}
			}
			continue
		}
		d.rows = append(d.rows, row)
		d.lines = append(d.lines, line)
	}
	return d, nil
}

func (d *csvDoc) records() []record {
	out := make([]record, len(d.rows))
	for i, row := range d.rows {
		r := record{fields: map[string]string{}, line: d.lines[i]}
		for f, c := range d.col {
			if c < len(row) && row[c] != "" {
				r.fields[f] = row[c]
			}
		}
		out[i] = r
	}
	return out
}

// column returns the column of a field, adding one when missing.
func (d *csvDoc) column(field string) int {
	if c, ok := d.col[field]; ok {
		return c
	}
	d.header = append(d.header, field)
	d.col[field] = len(d.header) - 1
	return len(d.header) - 1
}

func (d *csvDoc) set(i int, field, value string) {
	c := d.column(field)
	for len(d.rows[i]) <= c {
		d.rows[i] = append(d.rows[i], "")
	}
	d.rows[i][c] = value
}

func (d *csvDoc) add(fields map[string]string) {
	d.rows = append(d.rows, nil)
	d.lines = append(d.lines, 0)
	for _, f := range fieldOrder {
		if v := fields[f]; v != "" {
			d.set(len(d.rows)-1, f, v)
		}
	}
}

func (d *csvDoc) encode() ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = d.crlf
	if err := w.Write(d.header); err != nil {
		return nil, err
	}
	for _, row := range d.rows {
		for len(row) < len(d.header) {
			row = append(row, "")
		}
		if err := w.Write(row); err != nil {
			return nil, err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, err
	}
	out := buf.Bytes()
	if d.sjis {
		b, err := japanese.ShiftJIS.NewEncoder().Bytes(out)
		if err != nil {
			return nil, fmt.Errorf("the merged records cannot be written in Shift_JIS (the file's encoding): %w", err)
		}
		return b, nil
	}
	if d.bom {
		return append([]byte("\xef\xbb\xbf"), out...), nil
	}
	return out, nil
}
