package source

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"
)

// ParquetOptions control ReadParquet.
type ParquetOptions struct {
	// Aliases maps normalized column names (see NormalizeKey) to field
	// keys, as CSVOptions.Aliases does for headers.
	Aliases map[string]string
	// Known reports whether a field key is part of the entity; unknown
	// columns give one warning each. Nil accepts every column.
	Known func(key string) bool
}

// parquetBatch is how many rows are read from the library at once.
const parquetBatch = 256

// ReadParquet reads a Parquet file of flat columns, calling fn for each
// row as a Record whose fields are the columns, in the same shape as a CSV
// row: text fields under the column names (with opt.Aliases applied).
// Strings are taken as written; integers, floating-point numbers and
// booleans are written as decimal text, "true" or "false"; DATE columns as
// YYYY-MM-DD; a null is an empty field. Nested, repeated and other column
// types make the file unreadable, named by column.
//
// Positions are the file, the row number (counted from 1 over all row
// groups, in file order) as the line and, for a field, the column's
// ordinal in the file's schema (from 1) as the column. A row with a text
// field that is not valid UTF-8 or longer than MaxLineLength bytes is
// passed to bad instead of fn. More than MaxRecordsPerFile rows stop the
// read with an error, as in a CSV file; so does a file the library cannot
// decode, after the rows before the damage were delivered. It returns the
// number of rows seen.
func ReadParquet(name string, r io.ReaderAt, size int64, opt ParquetOptions, diags *Diagnostics, fn func(Record), bad func(Pos, string)) (rows int, err error) {
	var f *parquet.File
	if err := guard(func() error {
		var e error
		f, e = parquet.OpenFile(r, size, parquet.SkipBloomFilters(true), parquet.SkipPageIndex(true))
		return e
	}); err != nil {
		msg := fmt.Sprintf("not a readable Parquet file: %v: the file is not read", err)
		diags.Errorf(Pos{File: name}, "%s", msg)
		return 0, fmt.Errorf("%s: %s", name, msg)
	}
	cols, hdr, err := parquetColumns(name, f, opt, diags)
	if err != nil {
		return 0, err
	}
	pr := &parquetRows{name: name, cols: cols, hdr: hdr, vals: make([]Value, len(hdr.h.keys)), byLeaf: map[int]int{}}
	for i, c := range cols {
		pr.byLeaf[c.leaf] = i
	}
	for _, rg := range f.RowGroups() {
		done, err := pr.group(rg, diags, fn, bad)
		if err != nil || done {
			return pr.rows, err
		}
	}
	return pr.rows, nil
}

// guard runs a call into the Parquet library, turning a panic on a
// damaged file into an error.
func guard(call func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("damaged file (%v)", p)
		}
	}()
	return call()
}

// parquetColumn is one column read into the records.
type parquetColumn struct {
	leaf    int    // the column's leaf index in the file
	ordinal int    // its position in the schema, from 1
	name    string // its name as written
	conv    func(parquet.Value) string
	slot    int // the field it fills in the records
}

// parquetColumns checks the schema and returns the columns to read and the
// key table of the records.
func parquetColumns(name string, f *parquet.File, opt ParquetOptions, diags *Diagnostics) ([]parquetColumn, *Header, error) {
	unreadable := func(msg string) ([]parquetColumn, *Header, error) {
		diags.Errorf(Pos{File: name}, "schema: %s: the file is not read", msg)
		return nil, nil, fmt.Errorf("%s: schema: %s: the file is not read", name, msg)
	}
	var fields []parquet.Field
	if err := guard(func() error { fields = f.Schema().Fields(); return nil }); err != nil {
		return unreadable(err.Error())
	}
	if len(fields) > MaxFieldsPerRow {
		return unreadable(fmt.Sprintf("%d columns, more than the %d accepted", len(fields), MaxFieldsPerRow))
	}
	var cols []parquetColumn
	var keys []string
	seen := map[string]int{}
	leaf := 0
	for i, fd := range fields {
		colName := fd.Name()
		pos := Pos{name, 0, 0}
		k := NormalizeKey(colName)
		if a, ok := opt.Aliases[k]; ok {
			k = a
		}
		this := leaf
		leaf += leaves(fd)
		switch {
		case k == "":
			diags.Warnf(pos, "column %d has an empty name: the column is ignored", i+1)
			continue
		case seen[k] > 0:
			diags.Errorf(pos, "column %q repeats column %d: the later column is ignored", colName, seen[k])
			continue
		case opt.Known != nil && !opt.Known(k):
			diags.Warnf(pos, "unknown column %q: ignored", colName)
			continue
		}
		seen[k] = i + 1
		conv, err := converter(fd)
		if err != nil {
			return unreadable(fmt.Sprintf("column %q: %v", colName, err))
		}
		cols = append(cols, parquetColumn{leaf: this, ordinal: i + 1, name: colName, conv: conv, slot: len(keys)})
		keys = append(keys, k)
	}
	return cols, NewHeader(keys...), nil
}

// leaves counts the leaf columns under a schema node.
func leaves(n parquet.Node) int {
	if n.Leaf() {
		return 1
	}
	c := 0
	for _, f := range n.Fields() {
		c += leaves(f)
	}
	return c
}

// converter returns how a flat column's values become text.
func converter(fd parquet.Field) (func(parquet.Value) string, error) {
	if !fd.Leaf() {
		return nil, errors.New("a nested column (group, list or map) where a flat column was expected")
	}
	if fd.Repeated() {
		return nil, errors.New("a repeated column where a flat column was expected; lists are text separated by \";\", as in CSV")
	}
	t := fd.Type()
	var logical format.LogicalTypeValue
	if lt := t.LogicalType(); lt != nil {
		logical = lt.Value
	}
	unsigned := false
	switch l := logical.(type) {
	case nil, *format.StringType, *format.EnumType, *format.JsonType:
	case *format.IntType:
		unsigned = !l.IsSigned
	case *format.DateType:
		if t.Kind() != parquet.Int32 {
			break
		}
		return func(v parquet.Value) string {
			return time.Unix(int64(v.Int32())*86400, 0).UTC().Format(time.DateOnly)
		}, nil
	default:
		return nil, fmt.Errorf("type %s is not read; write it as text (VARCHAR) or, for a date, as DATE", t)
	}
	switch t.Kind() {
	case parquet.ByteArray, parquet.FixedLenByteArray:
		return func(v parquet.Value) string { return string(v.ByteArray()) }, nil
	case parquet.Int32:
		if unsigned {
			return func(v parquet.Value) string { return strconv.FormatUint(uint64(v.Uint32()), 10) }, nil
		}
		return func(v parquet.Value) string { return strconv.FormatInt(int64(v.Int32()), 10) }, nil
	case parquet.Int64:
		if unsigned {
			return func(v parquet.Value) string { return strconv.FormatUint(v.Uint64(), 10) }, nil
		}
		return func(v parquet.Value) string { return strconv.FormatInt(v.Int64(), 10) }, nil
	case parquet.Boolean:
		return func(v parquet.Value) string { return strconv.FormatBool(v.Boolean()) }, nil
	case parquet.Float:
		return func(v parquet.Value) string { return strconv.FormatFloat(float64(v.Float()), 'f', -1, 32) }, nil
	case parquet.Double:
		return func(v parquet.Value) string { return strconv.FormatFloat(v.Double(), 'f', -1, 64) }, nil
	}
	return nil, fmt.Errorf("type %s is not read; write it as text (VARCHAR)", t)
}

// parquetRows reads the rows of one file.
type parquetRows struct {
	name string
	cols []parquetColumn
	hdr  *Header
	vals []Value
	// byLeaf maps a leaf column index to its entry in cols.
	byLeaf map[int]int
	rows   int
}

// group reads one row group; done reports that the read stopped early.
func (pr *parquetRows) group(rg parquet.RowGroup, diags *Diagnostics, fn func(Record), bad func(Pos, string)) (done bool, err error) {
	var rows parquet.Rows
	if err := guard(func() error { rows = rg.Rows(); return nil }); err != nil {
		return true, pr.damaged(diags, err)
	}
	defer func() { _ = guard(rows.Close) }()
	buf := make([]parquet.Row, parquetBatch)
	for {
		var n int
		rerr := guard(func() error {
			var e error
			n, e = rows.ReadRows(buf)
			return e
		})
		for _, row := range buf[:n] {
			if pr.rows >= MaxRecordsPerFile {
				msg := fmt.Sprintf("more than %d records, the limit for one file: the rest of the file is not read", MaxRecordsPerFile)
				diags.Errorf(Pos{pr.name, pr.rows + 1, 0}, "%s", msg)
				return true, fmt.Errorf("%s: %s", pr.name, msg)
			}
			pr.rows++
			pr.row(row, diags, fn, bad)
		}
		switch {
		case rerr == nil:
		case errors.Is(rerr, io.EOF):
			return false, nil
		default:
			return true, pr.damaged(diags, rerr)
		}
		if n == 0 {
			return true, pr.damaged(diags, errors.New("no rows read and no end of the row group"))
		}
	}
}

// damaged reports a file whose rows cannot be read past row pr.rows.
func (pr *parquetRows) damaged(diags *Diagnostics, err error) error {
	msg := fmt.Sprintf("Parquet data after row %d is not readable: %v: the rest of the file is not read", pr.rows, err)
	diags.Errorf(Pos{pr.name, pr.rows + 1, 0}, "%s", msg)
	return fmt.Errorf("%s: %s", pr.name, msg)
}

// row delivers one row as a record, or rejects it.
func (pr *parquetRows) row(row parquet.Row, diags *Diagnostics, fn func(Record), bad func(Pos, string)) {
	pos := Pos{pr.name, pr.rows, 0}
	for _, c := range pr.cols {
		pr.vals[c.slot] = Value{Pos: Pos{pr.name, pr.rows, c.ordinal}}
	}
	for _, v := range row {
		ci, ok := pr.byLeaf[v.Column()]
		if !ok || v.IsNull() {
			continue
		}
		c := &pr.cols[ci]
		at := pr.vals[c.slot].Pos
		var text string
		if err := guard(func() error { text = c.conv(v); return nil }); err != nil {
			pr.reject(diags, pos, at, fmt.Sprintf("column %q: %v", c.name, err), bad)
			return
		}
		switch {
		case len(text) > MaxLineLength:
			pr.reject(diags, pos, at, fmt.Sprintf("column %q is %d bytes long, more than %d (the limit for one field)", c.name, len(text), MaxLineLength), bad)
			return
		case !utf8.ValidString(text):
			pr.reject(diags, pos, at, fmt.Sprintf("column %q is not valid UTF-8 text", c.name), bad)
			return
		}
		pr.vals[c.slot].Text = strings.TrimSpace(text)
	}
	fn(pr.hdr.Row(pos, pr.vals...))
}

// reject reports a row, as a CSV row with invalid text is: an error at
// the field, and the row passed to bad.
func (pr *parquetRows) reject(diags *Diagnostics, rowPos, at Pos, msg string, bad func(Pos, string)) {
	diags.Errorf(at, "%s", msg)
	bad(rowPos, msg)
}
