package xlsx

import (
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"os"
	"runtime"
	"sync"
)

// chunkSize is how much of a part is compressed at once. Chunks are
// compressed in parallel and joined into one deflate stream: every chunk
// but the last ends with a sync flush (byte-aligned, not final), the last
// with the final block, as parallel gzip tools do.
const chunkSize = 1 << 20

// compressor compresses chunks in parallel, at most two per CPU at a time,
// reusing its deflate writers and input buffers so that compressing a
// large sheet allocates little more than its compressed bytes.
type compressor struct {
	sem     chan struct{}
	wg      sync.WaitGroup
	writers sync.Pool // *deflater
	bufs    sync.Pool // *[]byte, emptied input buffers
	mu      sync.Mutex
	err     error
	// spool, when set, holds the compressed chunks instead of the heap.
	spool *spool
}

// spool is a temporary file the compressed chunks are written to as they
// are made, and read back from when the archive is assembled. A
// workbook's table rows are compressed while it is built and kept until
// it is saved (its parts go in name order): 215 MB per workbook at 10,000
// systems, which on the heap counted against the limit the collector
// paces itself by (see heapbudget), beside a model of 1.1 GiB it marks
// in full at each collection.
type spool struct {
	mu  sync.Mutex
	f   *os.File
	off int64
	// removed says that the file's name is already gone.
	removed bool
}

// newSpool creates the spool's file; close removes it. Where the system
// allows it, its name is removed at once (the open file stays), so that
// a build killed meanwhile leaves nothing behind.
func newSpool() (*spool, error) {
	f, err := os.CreateTemp("", "vulnreport-xlsx-*")
	if err != nil {
		return nil, err
	}
	return &spool{f: f, removed: os.Remove(f.Name()) == nil}, nil
}

// put writes b at the end of the spool and returns where.
func (s *spool) put(b []byte) (int64, error) {
	s.mu.Lock()
	off := s.off
	s.off += int64(len(b))
	s.mu.Unlock()
	_, err := s.f.WriteAt(b, off)
	return off, err
}

// close closes and removes the spool's file.
func (s *spool) close() {
	s.f.Close()
	if !s.removed {
		os.Remove(s.f.Name())
	}
}

// deflater is a deflate writer with the buffer it writes to.
type deflater struct {
	fw  *flate.Writer
	out bytes.Buffer
}

// chunk is one compressed piece of a stream; data is set once the
// compressor's wait returns.
type chunk struct {
	data []byte
	// off and n place the chunk in the compressor's spool, when it has one.
	off int64
	n   int
}

// size is the chunk's compressed size.
func (c *chunk) size() int { return c.n }

// writeTo writes the compressed chunk to w, reading it from the spool
// into buf (which has room for any chunk) when it is there.
func (c *chunk) writeTo(w io.Writer, sp *spool, buf []byte) error {
	if c.data != nil || sp == nil {
		_, err := w.Write(c.data)
		return err
	}
	if _, err := sp.f.ReadAt(buf[:c.n], c.off); err != nil {
		return err
	}
	_, err := w.Write(buf[:c.n])
	return err
}

// newCompressor returns a compressor writing deflate's fastest level,
// which the workbook has always used.
func newCompressor() *compressor {
	c := &compressor{sem: make(chan struct{}, 2*max(runtime.GOMAXPROCS(0), 1))}
	c.writers.New = func() any {
		fw, _ := flate.NewWriter(io.Discard, flate.BestSpeed)
		return &deflater{fw: fw}
	}
	return c
}

// buffer returns an empty input buffer with room for a chunk and a row.
func (c *compressor) buffer() []byte {
	if p, ok := c.bufs.Get().(*[]byte); ok {
		return (*p)[:0]
	}
	return make([]byte, 0, chunkSize+chunkSize/4)
}

// compress compresses data in the background and returns its chunk. It
// takes data over: the buffer is reused once compressed.
func (c *compressor) compress(data []byte, last bool) *chunk {
	ch := &chunk{}
	c.sem <- struct{}{}
	c.wg.Add(1)
	go func() {
		defer func() { <-c.sem; c.wg.Done() }()
		d := c.writers.Get().(*deflater)
		d.out.Reset()
		d.fw.Reset(&d.out)
		_, err := d.fw.Write(data)
		if err == nil {
			if last {
				err = d.fw.Close()
			} else {
				err = d.fw.Flush()
			}
		}
		ch.n = d.out.Len()
		if c.spool != nil && err == nil {
			ch.off, err = c.spool.put(d.out.Bytes())
		} else {
			ch.data = bytes.Clone(d.out.Bytes())
		}
		c.writers.Put(d)
		if cap(data) <= 2*chunkSize {
			data = data[:0]
			c.bufs.Put(&data)
		}
		if err != nil {
			c.mu.Lock()
			if c.err == nil {
				c.err = err
			}
			c.mu.Unlock()
		}
	}()
	return ch
}

// wait waits until every chunk is compressed and returns the first error.
func (c *compressor) wait() error {
	c.wg.Wait()
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// stream is one deflate stream cut into chunks compressed in parallel,
// with the CRC-32 and size of what was written. Bytes come through Write
// or are appended to buf directly, followed by a call to full.
type stream struct {
	c      *compressor
	crc    uint32
	size   uint64
	buf    []byte
	chunks []*chunk
}

// Write buffers b, handing full chunks to the compressor.
func (s *stream) Write(b []byte) (int, error) {
	n := len(b)
	for len(b) > 0 {
		if s.buf == nil {
			s.buf = s.c.buffer()
		}
		if len(s.buf) >= chunkSize {
			s.cut(false)
			continue
		}
		k := min(len(b), chunkSize-len(s.buf))
		s.buf = append(s.buf, b[:k]...)
		b = b[k:]
	}
	return n, nil
}

// full hands the buffer to the compressor once it holds a chunk.
func (s *stream) full() {
	if len(s.buf) >= chunkSize {
		s.cut(false)
	}
}

// cut compresses what is buffered as the next chunk, the final one when
// last is set (then even if nothing is buffered).
func (s *stream) cut(last bool) {
	if len(s.buf) == 0 && !last {
		return
	}
	s.crc = crc32.Update(s.crc, crc32.IEEETable, s.buf)
	s.size += uint64(len(s.buf))
	s.chunks = append(s.chunks, s.c.compress(s.buf, last))
	s.buf = nil
}

// compressedSize is the size of the stream's chunks, once compressed.
func (s *stream) compressedSize() uint64 {
	var n uint64
	for _, c := range s.chunks {
		n += uint64(c.size())
	}
	return n
}

// crc32Combine returns the CRC-32 (IEEE) of a+b from crcA, that of a, and
// crcB, that of b, which is n bytes long: zlib's crc32_combine, which
// applies n zero bytes to crcA by repeated squaring of the CRC operator.
func crc32Combine(crcA, crcB uint32, n int64) uint32 {
	if n <= 0 {
		return crcA ^ crcB
	}
	var even, odd [32]uint32
	odd[0] = 0xedb88320 // the operator for one zero bit
	row := uint32(1)
	for i := 1; i < 32; i++ {
		odd[i] = row
		row <<= 1
	}
	gf2Square(&even, &odd) // two zero bits
	gf2Square(&odd, &even) // four zero bits
	for {
		gf2Square(&even, &odd) // then one zero byte, two, four…
		if n&1 != 0 {
			crcA = gf2Times(&even, crcA)
		}
		if n >>= 1; n == 0 {
			break
		}
		gf2Square(&odd, &even)
		if n&1 != 0 {
			crcA = gf2Times(&odd, crcA)
		}
		if n >>= 1; n == 0 {
			break
		}
	}
	return crcA ^ crcB
}

// gf2Times multiplies the 32×32 matrix over GF(2) mat by the vector vec.
func gf2Times(mat *[32]uint32, vec uint32) uint32 {
	var sum uint32
	for i := 0; vec != 0; i, vec = i+1, vec>>1 {
		if vec&1 != 0 {
			sum ^= mat[i]
		}
	}
	return sum
}

// gf2Square sets square to mat × mat.
func gf2Square(square, mat *[32]uint32) {
	for i := range mat {
		square[i] = gf2Times(mat, mat[i])
	}
}
