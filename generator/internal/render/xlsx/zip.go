package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// sheetDataEnd closes a worksheet's rows; a table's rows are spliced in
// just before it.
var sheetDataEnd = []byte("</sheetData>")

// zipWriter is the excelize.ZipWriter the workbook is saved through. It
// makes the file reproducible and fast: parts are written in name order
// whatever order excelize hands them over (its stream writers live in a
// map), with no timestamps, and large parts are compressed in parallel.
//
// It also completes the table sheets: excelize writes each of them with
// its header row only, and the rows the book encoded and compressed while
// building (rows, by part name) are spliced in before </sheetData>,
// already compressed. A workbook is saved through one zipWriter once: the
// compressed rows are released as they are written.
type zipWriter struct {
	out  io.Writer
	c    *compressor
	rows map[string]*stream
	// later writes the rows of parts encoded as they are saved, by name.
	later map[string]func(io.Writer) error
	// spliced records the parts that received their rows.
	spliced map[string]bool
	parts   []*part
	cur     *part
}

// part is one file of the archive.
type part struct {
	stream
	name string
	// rows, when set, are spliced into the part before </sheetData>; raw
	// holds the part as excelize wrote it until then.
	rows *stream
	// later, when set, writes rows into the part before </sheetData>.
	later func(io.Writer) error
	raw   []byte
	// offset is where the part's local header starts in the archive, when
	// it is written to a bytes.Buffer.
	offset int64
}

// newZipWriter returns a zipWriter writing to w, compressing with c and
// splicing rows (by part name) into their sheets, already compressed
// (rows) or written as the part is saved (later).
func newZipWriter(w io.Writer, c *compressor, rows map[string]*stream, later map[string]func(io.Writer) error) *zipWriter {
	return &zipWriter{out: w, c: c, rows: rows, later: later, spliced: map[string]bool{}}
}

// Create starts a new part; the previous one is complete.
func (z *zipWriter) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	z.cur = &part{stream: stream{c: z.c}, name: name}
	if rows, ok := z.rows[name]; ok {
		if z.spliced[name] {
			return nil, errors.New("xlsx: part " + name + " written twice")
		}
		z.spliced[name] = true
		z.cur.rows = rows
	}
	if later, ok := z.later[name]; ok {
		if z.spliced[name] {
			return nil, errors.New("xlsx: part " + name + " written twice")
		}
		z.spliced[name] = true
		z.cur.later = later
	}
	z.parts = append(z.parts, z.cur)
	return z.cur, nil
}

// AddFS is part of excelize.ZipWriter; the workbook never adds a file system.
func (z *zipWriter) AddFS(fs.FS) error {
	return errors.New("xlsx: adding a file system is not supported")
}

var _ excelize.ZipWriter = (*zipWriter)(nil)

// Write takes the next bytes of the part.
func (p *part) Write(b []byte) (int, error) {
	if p.rows != nil || p.later != nil {
		p.raw = append(p.raw, b...)
		return len(b), nil
	}
	return p.stream.Write(b)
}

// finish ends the current part: its last chunk is final.
func (z *zipWriter) finish() error {
	p := z.cur
	z.cur = nil
	if p == nil {
		return nil
	}
	if p.later != nil {
		return p.fill()
	}
	if p.rows == nil {
		p.cut(true)
		return nil
	}
	return p.splice()
}

// takeRaw hands over the part as excelize wrote it, with the offset of
// its one </sheetData>, before which rows are inserted.
func (p *part) takeRaw() (raw []byte, at int, err error) {
	raw, p.raw = p.raw, nil
	at = bytes.Index(raw, sheetDataEnd)
	if at < 0 || bytes.Contains(raw[at+len(sheetDataEnd):], sheetDataEnd) {
		return nil, 0, fmt.Errorf("xlsx: %s: no single %s to insert the rows before", p.name, sheetDataEnd)
	}
	return raw, at, nil
}

// fill writes the part as excelize wrote it with the rows p.later writes
// inserted before </sheetData>, all in one stream: its chunks are those
// the whole part written at once would have.
func (p *part) fill() error {
	raw, i, err := p.takeRaw()
	if err != nil {
		return err
	}
	_, _ = p.stream.Write(raw[:i])
	if err := p.later(&p.stream); err != nil {
		return err
	}
	_, _ = p.stream.Write(raw[i:])
	p.cut(true)
	return nil
}

// splice writes the part as excelize wrote it with the rows inserted
// before </sheetData>: the head is compressed and flushed, the rows'
// compressed chunks follow as they are, then the tail ends the stream.
// The CRC of the whole is the head's combined with the rows' and
// continued over the tail.
func (p *part) splice() error {
	raw, i, err := p.takeRaw()
	if err != nil {
		return err
	}
	_, _ = p.stream.Write(raw[:i])
	p.cut(false)
	p.crc = crc32Combine(p.crc, p.rows.crc, int64(p.rows.size))
	p.size += p.rows.size
	p.chunks = append(p.chunks, p.rows.chunks...)
	p.rows.chunks = nil
	_, _ = p.stream.Write(raw[i:])
	p.cut(true)
	return nil
}

// Close waits for the compressors and writes the archive, parts sorted by name.
func (z *zipWriter) Close() (err error) {
	err = z.finish()
	if werr := z.c.wait(); err == nil {
		err = werr
	}
	if err != nil {
		return err
	}
	for name := range z.rows {
		if !z.spliced[name] {
			return errors.New("xlsx: the workbook has no part " + name + " for its rows")
		}
	}
	for name := range z.later {
		if !z.spliced[name] {
			return errors.New("xlsx: the workbook has no part " + name + " for its rows")
		}
	}
	slices.SortFunc(z.parts, func(a, b *part) int { return strings.Compare(a.name, b.name) })
	// Where each part's local header starts (its offset), to mark those
	// of parts past 4 GiB as ZIP64 afterwards (see patchZip64): in the
	// buffer written to, or, when the archive goes straight to a file, in
	// one collected in memory first (parts that large are rare).
	var start int64
	out := z.out
	buf, _ := out.(*bytes.Buffer)
	if buf == nil && slices.ContainsFunc(z.parts, func(p *part) bool { return p.size > math.MaxUint32 }) {
		buf = &bytes.Buffer{}
		out = buf
		defer func() {
			if err == nil {
				_, err = buf.WriteTo(z.out)
			}
		}()
	}
	if buf != nil {
		start = int64(buf.Len())
		// One allocation for the archive instead of doubling as it grows.
		n := 1024
		for _, p := range z.parts {
			n += 128 + 2*len(p.name) + int(p.compressedSize())
		}
		buf.Grow(n)
	}
	var chunkBuf []byte // a chunk read back from the spool
	if z.c.spool != nil {
		most := 0
		for _, p := range z.parts {
			for _, c := range p.chunks {
				most = max(most, c.size())
			}
		}
		chunkBuf = make([]byte, most)
	}
	off := start
	zw := zip.NewWriter(out)
	for i, p := range z.parts {
		if i > 0 && p.name == z.parts[i-1].name {
			return errors.New("xlsx: part " + p.name + " written twice")
		}
		csize := p.compressedSize()
		p.offset = off
		off += localHeaderLen + int64(len(p.name)) + int64(csize)
		w, err := zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: p.crc,
			CompressedSize64: csize, UncompressedSize64: p.size})
		if err != nil {
			return err
		}
		for _, c := range p.chunks {
			if err := c.writeTo(w, z.c.spool, chunkBuf); err != nil {
				return err
			}
			c.data = nil
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if buf != nil {
		return patchZip64(buf.Bytes(), z.parts)
	}
	return nil
}

// localHeaderLen is the fixed part of a zip local file header.
const localHeaderLen = 30

// patchZip64 sets "version needed to extract" to 4.5 in the local header
// of every part larger than 4 GiB, as excelize does for the large parts
// it writes itself (it cannot see the spliced rows): archive/zip sets it
// in the central directory only, and Excel reports such a file as corrupt.
func patchZip64(data []byte, parts []*part) error {
	for _, p := range parts {
		if p.size <= math.MaxUint32 {
			continue
		}
		o := p.offset
		if o+localHeaderLen > int64(len(data)) || binary.LittleEndian.Uint32(data[o:]) != 0x04034b50 {
			return errors.New("xlsx: no local header for " + p.name)
		}
		binary.LittleEndian.PutUint16(data[o+4:], 45)
	}
	return nil
}
