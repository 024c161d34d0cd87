package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"
)

// chunkSize is how much of a part is compressed at once. Chunks are
// compressed in parallel and joined into one deflate stream: every chunk
// but the last ends with a sync flush (byte-aligned, not final), the last
// with the final block, as parallel gzip tools do.
const chunkSize = 1 << 20

// zipWriter is the excelize.ZipWriter the workbook is saved through. It
// makes the file reproducible and fast: parts are written in name order
// whatever order excelize hands them over (its stream writers live in a
// map), with no timestamps, and large parts are compressed in parallel.
type zipWriter struct {
	out     io.Writer
	parts   []*part
	cur     *part
	sem     chan struct{}
	wg      sync.WaitGroup
	pool    sync.Pool
	errOnce sync.Once
	err     error
}

type part struct {
	name   string
	crc    uint32
	size   uint64
	buf    []byte
	chunks []*chunk
	z      *zipWriter
}

type chunk struct {
	data []byte
	done chan struct{}
}

func newZipWriter(w io.Writer) excelize.ZipWriter {
	n := max(runtime.GOMAXPROCS(0), 1)
	z := &zipWriter{out: w, sem: make(chan struct{}, 2*n)}
	z.pool.New = func() any {
		fw, _ := flate.NewWriter(io.Discard, flate.BestSpeed)
		return fw
	}
	return z
}

// Create starts a new part; the previous one is complete.
func (z *zipWriter) Create(name string) (io.Writer, error) {
	z.finish()
	z.cur = &part{name: name, z: z}
	z.parts = append(z.parts, z.cur)
	return z.cur, nil
}

// AddFS is part of excelize.ZipWriter; the workbook never adds a file system.
func (z *zipWriter) AddFS(fs.FS) error {
	return errors.New("xlsx: adding a file system is not supported")
}

// Write buffers p, handing full chunks to the compressors.
func (p *part) Write(b []byte) (int, error) {
	n := len(b)
	p.crc = crc32.Update(p.crc, crc32.IEEETable, b)
	p.size += uint64(n)
	for len(b) > 0 {
		if p.buf == nil {
			p.buf = make([]byte, 0, chunkSize)
		}
		k := min(len(b), chunkSize-len(p.buf))
		p.buf = append(p.buf, b[:k]...)
		b = b[k:]
		if len(p.buf) == chunkSize {
			p.submit(false)
		}
	}
	return n, nil
}

func (p *part) submit(last bool) {
	c := &chunk{done: make(chan struct{})}
	p.chunks = append(p.chunks, c)
	data := p.buf
	p.buf = nil
	z := p.z
	z.sem <- struct{}{}
	z.wg.Add(1)
	go func() {
		defer func() { <-z.sem; z.wg.Done(); close(c.done) }()
		var out bytes.Buffer
		out.Grow(len(data)/4 + 64)
		fw := z.pool.Get().(*flate.Writer)
		fw.Reset(&out)
		_, err := fw.Write(data)
		if err == nil {
			if last {
				err = fw.Close()
			} else {
				err = fw.Flush()
			}
		}
		z.pool.Put(fw)
		if err != nil {
			z.errOnce.Do(func() { z.err = err })
		}
		c.data = out.Bytes()
	}()
}

func (z *zipWriter) finish() {
	if z.cur != nil {
		z.cur.submit(true)
		z.cur = nil
	}
}

// Close waits for the compressors and writes the archive, parts sorted by name.
func (z *zipWriter) Close() error {
	z.finish()
	z.wg.Wait()
	if z.err != nil {
		return z.err
	}
	slices.SortFunc(z.parts, func(a, b *part) int { return strings.Compare(a.name, b.name) })
	if buf, ok := z.out.(*bytes.Buffer); ok {
		// One allocation for the archive instead of doubling as it grows.
		n := 1024
		for _, p := range z.parts {
			n += 128 + 2*len(p.name)
			for _, c := range p.chunks {
				n += len(c.data)
			}
		}
		buf.Grow(n)
	}
	zw := zip.NewWriter(z.out)
	for i, p := range z.parts {
		if i > 0 && p.name == z.parts[i-1].name {
			return errors.New("xlsx: part " + p.name + " written twice")
		}
		var csize uint64
		for _, c := range p.chunks {
			csize += uint64(len(c.data))
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: p.crc,
			CompressedSize64: csize, UncompressedSize64: p.size})
		if err != nil {
			return err
		}
		for _, c := range p.chunks {
			if _, err := w.Write(c.data); err != nil {
				return err
			}
			c.data = nil
		}
	}
	return zw.Close()
}
