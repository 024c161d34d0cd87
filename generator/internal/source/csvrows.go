package source

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// A CSV file's data rows are parsed on a goroutine of their own while the
// caller's goroutine decodes the records parsed so far. Everything the
// parser reports — records, rejected rows, diagnostics — travels as events
// in batches and takes effect on the caller's goroutine, in the order it
// was found, exactly as if the file were read in one goroutine.

// batchRows is the number of events sent at once.
const batchRows = 256

// minEstimate is how many bytes of a file are read before its row count
// is estimated; the readers buffer at most 72 KiB ahead of the row.
const minEstimate = 8 << 20

// rowReader parses the data rows of one CSV file.
type rowReader struct {
	name   string
	cr     *csvParser
	header []string
	// headerBad, when set, rejects every row with this reason.
	headerBad string
	hdr       *header
	cols      []int // the column of each header key
	transient bool
	// size, read and expect estimate the file's rows (CSVOptions.Expect).
	size     int64
	read     *countReader
	expect   func(int)
	expected bool
	// rows and err are the result, set before the events are closed.
	rows int
	err  error
	cur  *rowBatch
	free chan *rowBatch
}

// rowEvent is a record read, or a note of anything else.
type rowEvent struct {
	rec  Record
	note *rowNote
}

// rowNote is a diagnostic, a rejected row, or an estimate of the rows.
type rowNote struct {
	diag   *Diagnostic
	bad    bool
	pos    Pos
	msg    string
	expect int
}

// rowBatch is a batch of events, reused once applied; arena holds the
// cells of its records, reused too when the records are transient.
type rowBatch struct {
	events []rowEvent
	arena  []cell
}

// run parses the rows on a goroutine and applies the events here.
func (rr *rowReader) run(diags *Diagnostics, fn func(Record), bad func(Pos, string)) (int, error) {
	out := make(chan *rowBatch, 4)
	stop := make(chan struct{})
	rr.free = make(chan *rowBatch, 8)
	go rr.produce(out, stop)
	defer func() {
		// Stop and wait for the parser if a callback panicked.
		close(stop)
		for range out {
		}
	}()
	for b := range out {
		for i := range b.events {
			ev := &b.events[i]
			if n := ev.note; n != nil {
				if n.diag != nil {
					diags.Add(*n.diag)
				}
				if n.bad {
					bad(n.pos, n.msg)
				}
				if n.expect > 0 {
					rr.expect(n.expect)
				}
				continue
			}
			fn(ev.rec)
		}
		// The records were handed over as copies: the events can go,
		// and with them, when the records are transient, their cells.
		clear(b.events)
		b.events = b.events[:0]
		if !rr.transient {
			b.arena = nil
		}
		select {
		case rr.free <- b:
		default:
		}
	}
	return rr.rows, rr.err
}

// produce parses the rows into batches sent on out until the file ends
// or stop is closed.
func (rr *rowReader) produce(out chan<- *rowBatch, stop <-chan struct{}) {
	defer close(out)
	rr.cur = rr.batch()
	send := func() bool {
		select {
		case out <- rr.cur:
			rr.cur = rr.batch()
			return true
		case <-stop:
			return false
		}
	}
	emit := func(ev rowEvent) bool {
		rr.cur.events = append(rr.cur.events, ev)
		return len(rr.cur.events) < batchRows || send()
	}
	rr.rows, rr.err = rr.parse(emit)
	if len(rr.cur.events) > 0 {
		send()
	}
}

// batch returns an empty batch, reusing one applied when there is one.
func (rr *rowReader) batch() *rowBatch {
	var b *rowBatch
	select {
	case b = <-rr.free:
	default:
		b = &rowBatch{events: make([]rowEvent, 0, batchRows)}
	}
	if b.arena == nil {
		b.arena = make([]cell, 0, batchRows*len(rr.cols))
	}
	b.arena = b.arena[:0]
	return b
}

// cells returns the storage of one record's cells, in the batch's arena:
// one allocation for a batch of records, which live about as long.
func (rr *rowReader) cells() []cell {
	n := len(rr.cols)
	b := rr.cur
	at := len(b.arena)
	b.arena = b.arena[:at+n]
	return b.arena[at : at+n : at+n]
}

// problem emits a diagnostic at pos, the row at rowPos being rejected
// with the same message unless rowPos is nil.
func (rr *rowReader) problem(emit func(rowEvent) bool, pos Pos, msg string, rowPos *Pos, badMsg string) bool {
	n := &rowNote{diag: &Diagnostic{Pos: pos, Severity: Error, Msg: msg}}
	if rowPos != nil {
		n.bad, n.pos, n.msg = true, *rowPos, badMsg
	}
	return emit(rowEvent{note: n})
}

// parse reads the data rows, emitting an event for each; it returns the
// number of rows seen and the error that ended the file early.
func (rr *rowReader) parse(emit func(rowEvent) bool) (rows int, err error) {
	name, cr := rr.name, rr.cr
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if rows >= MaxRecordsPerFile {
			line := 0
			if err == nil {
				line, _ = cr.FieldPos(0)
			}
			msg := fmt.Sprintf("more than %d records, the limit for one file: the rest of the file is not read", MaxRecordsPerFile)
			rr.problem(emit, Pos{name, line, 1}, msg, nil, "")
			return rows, fmt.Errorf("%s: %s", name, msg)
		}
		if err != nil {
			var re *rowError
			if !errors.As(err, &re) {
				return rows, fmt.Errorf("reading %s: %w", name, err)
			}
			rows++
			pos := Pos{name, re.line, 1}
			for i, at := range re.at {
				at.File = name
				var rowPos *Pos
				if i == len(re.at)-1 {
					rowPos = &pos
				}
				if !rr.problem(emit, at, re.msgs[i], rowPos, re.msgs[i]) {
					return rows, nil
				}
			}
			continue
		}
		line, _ := cr.FieldPos(0)
		rows++
		pos := Pos{name, line, 1}
		if rr.headerBad != "" {
			if !emit(rowEvent{note: &rowNote{bad: true, pos: pos, msg: rr.headerBad}}) {
				return rows, nil
			}
			continue
		}
		if !rr.estimate(rows, emit) || !rr.row(row, pos, emit) {
			return rows, nil
		}
	}
}

// row emits the record of a row of the right length, or rejects the row
// when a field is not valid text.
func (rr *rowReader) row(row []string, pos Pos, emit func(rowEvent) bool) bool {
	cells := rr.cells()
	fits := true
	for j, i := range rr.cols {
		text := row[i]
		l, c := rr.cr.FieldPos(i)
		fits = fits && fitsCell(Pos{Line: l, Col: c})
		cells[j].text, cells[j].line, cells[j].col = strings.TrimSpace(text), uint32(l), uint32(c)
	}
	if !fits {
		return emit(rowEvent{rec: rr.slowRecord(pos, cells)})
	}
	return emit(rowEvent{rec: Record{Pos: pos, hdr: rr.hdr, cells: cells}})
}

// slowRecord builds a row whose positions do not fit in cells (a file of
// over four billion lines) as a list of fields.
func (rr *rowReader) slowRecord(pos Pos, cells []cell) Record {
	rec := NewRecord(pos)
	for j, k := range rr.hdr.keys {
		l, c := rr.cr.FieldPos(rr.cols[j])
		rec.Set(k, Value{Text: cells[j].text, Pos: Pos{pos.File, l, c}})
	}
	return rec
}

// estimate emits, once enough of the file was read, an estimate of the
// rows it holds in all.
func (rr *rowReader) estimate(rows int, emit func(rowEvent) bool) bool {
	if rr.expect == nil || rr.expected {
		return true
	}
	read := rr.read.n.Load()
	if read < minEstimate {
		return true
	}
	rr.expected = true
	est := float64(rows) * float64(rr.size) / float64(read) * 1.02
	return emit(rowEvent{note: &rowNote{expect: int(min(est, MaxRecordsPerFile)) + 64}})
}
