package source

import (
	"bytes"
	"fmt"
	"io"
)

// Limits on input, documented in the README. Each is enforced with an error
// that names the file and the limit.
const (
	// MaxFileSize is the largest input file read, in bytes.
	MaxFileSize = 2 << 30
	// MaxYAMLSize is the largest YAML file read; larger data belongs in CSV.
	MaxYAMLSize = 64 << 20
	// MaxLineLength is the longest physical line accepted in a CSV file.
	MaxLineLength = 1 << 20
	// MaxRecordsPerFile bounds the records of one file.
	MaxRecordsPerFile = 5_000_000
	// MaxNesting bounds the depth of YAML and JSON structures.
	MaxNesting = 64
)

// LineTooLongError reports a physical line longer than MaxLineLength.
type LineTooLongError struct {
	Line  int
	Limit int
}

func (e *LineTooLongError) Error() string {
	return fmt.Sprintf("line %d is longer than %d bytes (the limit for one line)", e.Line, e.Limit)
}

// lineLimitReader fails with LineTooLongError when a line passes limit.
type lineLimitReader struct {
	r     io.Reader
	limit int
	cur   int
	line  int
}

// LimitLines wraps r so that a physical line longer than limit bytes stops
// the read with a *LineTooLongError.
func LimitLines(r io.Reader, limit int) io.Reader {
	return &lineLimitReader{r: r, limit: limit, line: 1}
}

func (l *lineLimitReader) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	b := p[:n]
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			l.cur += len(b)
			break
		}
		l.cur += i
		if l.cur > l.limit {
			return 0, &LineTooLongError{Line: l.line, Limit: l.limit}
		}
		l.cur = 0
		l.line++
		b = b[i+1:]
	}
	if l.cur > l.limit {
		return 0, &LineTooLongError{Line: l.line, Limit: l.limit}
	}
	return n, err
}
