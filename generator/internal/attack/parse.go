package attack

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Limits on what a log file may hold.
const (
	// MaxLineLength is the longest line read; a longer line is rejected.
	MaxLineLength = 64 << 10
	// MaxDecompressed bounds a gzip log once decompressed.
	MaxDecompressed = 4 << 30
	// MaxGzipRatio bounds decompressed size against compressed size.
	MaxGzipRatio = 200
)

// File is what one log file held.
type File struct {
	Name     string
	Format   Format
	Requests []Request
	Auths    []Auth
	// Read counts the lines read, Rejected those no format parses.
	Read, Rejected int
	// RejectedLines lists the first ten rejected line numbers.
	RejectedLines []int
	// MostlyNotLog is set when most lines of the file are not log lines.
	MostlyNotLog bool
	// chunks hold the requests while the file is read, so that a month
	// of lines is copied once into Requests rather than at every growth.
	chunks [][]Request
}

// requestChunk is how many requests a chunk holds.
const requestChunk = 1 << 14

func (f *File) addRequest(r Request) {
	if n := len(f.chunks); n == 0 || len(f.chunks[n-1]) == requestChunk {
		f.chunks = append(f.chunks, make([]Request, 0, requestChunk))
	}
	last := &f.chunks[len(f.chunks)-1]
	*last = append(*last, r)
}

// gather moves the chunks into Requests.
func (f *File) gather() {
	if len(f.chunks) == 1 {
		f.Requests = f.chunks[0]
	} else if len(f.chunks) > 1 {
		f.Requests = make([]Request, 0, (len(f.chunks)-1)*requestChunk+len(f.chunks[len(f.chunks)-1]))
		for _, c := range f.chunks {
			f.Requests = append(f.Requests, c...)
		}
	}
	f.chunks = nil
}

// ErrLimit is returned when a file exceeds a limit.
var ErrLimit = errors.New("limit exceeded")

// ReadFile reads one log file (plain or gzip) of any known format,
// detected from its first lines. Syslog timestamps carry neither year nor
// zone: they are read in asOf's location (the organisation's time zone)
// and the as-of year, and one that would lie after the as-of date is
// taken as the previous year's.
func ReadFile(name string, r io.Reader, asOf time.Time, compressedSize int64) (*File, error) {
	return readFile(name, r, asOf, GzipLimit(compressedSize))
}

// GzipLimit is how far a gzip log of the given compressed size may
// decompress: MaxGzipRatio times its size, but at least 64 MiB (small
// logs of repetitive lines compress well) and at most MaxDecompressed.
func GzipLimit(compressedSize int64) int64 {
	return min(max(compressedSize*MaxGzipRatio, 64<<20), MaxDecompressed)
}

func readFile(name string, r io.Reader, asOf time.Time, gzipLimit int64) (*File, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if head, _ := br.Peek(2); len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%s: the gzip file cannot be read: %w", name, err)
		}
		br = bufio.NewReaderSize(&limitedReader{r: zr, n: gzipLimit}, 64<<10)
	}
	f := &File{Name: name, Format: FormatUnknown}
	defer f.gather()
	p := &lineParser{asOf: asOf}
	line := 0
	for {
		b, err := readLine(br)
		if errors.Is(err, errLongLine) {
			line++
			f.Read++
			f.reject(line)
			continue
		}
		if len(b) > 0 || err == nil {
			line++
			f.parseLine(p, b, line)
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return f, fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	if f.Format == FormatUnknown && f.Read > 0 {
		f.MostlyNotLog = true
	} else if f.Read > 0 && f.Rejected*2 > f.Read {
		f.MostlyNotLog = true
	}
	return f, nil
}

var errLongLine = errors.New("line too long")

// limitedReader fails, rather than ends, past its limit.
type limitedReader struct {
	r io.Reader
	n int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, fmt.Errorf("decompressed log larger than the limit (%w)", ErrLimit)
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

// readLine reads one line without its end; a line over MaxLineLength is
// consumed and reported as errLongLine with its start.
func readLine(br *bufio.Reader) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		buf = append(buf, chunk...)
		if len(buf) > MaxLineLength+2 {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			if err != nil && !errors.Is(err, io.EOF) {
				return nil, err
			}
			return []byte{0}, errLongLine
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		line := bytes.TrimRight(buf, "\r\n")
		if len(line) > MaxLineLength {
			return []byte{0}, errLongLine
		}
		return line, err
	}
}

// parseLine parses one line in the file's format, detecting it first.
func (f *File) parseLine(p *lineParser, b []byte, line int) {
	s := string(b)
	if strings.TrimSpace(s) == "" {
		return
	}
	if strings.HasPrefix(s, "#") {
		if fields, ok := strings.CutPrefix(s, "#Fields:"); ok {
			p.iisFields = strings.Fields(fields)
			f.Format = FormatIIS
		}
		return
	}
	f.Read++
	switch f.Format {
	case FormatUnknown:
		if r, ok := p.access(s, line); ok {
			f.Format = FormatCommon
			if r.UserAgent != "" || r.Referer != "" || p.combined {
				f.Format = FormatCombined
			}
			f.addRequest(r)
			return
		}
		if a, ok, isSSHD := p.sshd(s, line); isSSHD {
			f.Format = FormatSSHD
			if ok {
				f.Auths = append(f.Auths, a)
			}
			return
		}
		f.reject(line)
	case FormatCommon, FormatCombined:
		if r, ok := p.access(s, line); ok {
			if p.combined {
				f.Format = FormatCombined
			}
			f.addRequest(r)
			return
		}
		f.reject(line)
	case FormatIIS:
		if r, ok := p.iis(s, line); ok {
			f.addRequest(r)
			return
		}
		f.reject(line)
	case FormatSSHD:
		a, ok, isSyslog := p.sshd(s, line)
		if ok {
			f.Auths = append(f.Auths, a)
		} else if !isSyslog {
			f.reject(line)
		}
	}
}

func (f *File) reject(line int) {
	f.Rejected++
	if len(f.RejectedLines) < 10 {
		f.RejectedLines = append(f.RejectedLines, line)
	}
}

// lineParser keeps what one file's lines share.
type lineParser struct {
	asOf      time.Time
	iisFields []string
	combined  bool
}

func (p *lineParser) access(s string, line int) (Request, bool) {
	m, ok := splitAccess(s)
	if !ok {
		return Request{}, false
	}
	t, err := parseAccessTime(m[4])
	if err != nil {
		return Request{}, false
	}
	r := Request{Time: t, Remote: m[1], Line: line, Bytes: -1}
	if m[0] != "" && strings.Contains(m[0], ".") && !looksLikeIP(m[1]) && looksLikeIP(m[0]) {
		// the optional first field was the client after all
		return Request{}, false
	}
	// method, target and protocol: the words before the first and after
	// the last space, the target between them
	req := unescapeLog(m[5])
	first, last := strings.IndexByte(req, ' '), strings.LastIndexByte(req, ' ')
	switch {
	case first < 0:
		r.URI = req
	case first == last:
		r.Method, r.URI = req[:first], req[first+1:]
	default:
		r.Method, r.URI, r.Proto = req[:first], req[first+1:last], req[last+1:]
	}
	r.Status, _ = strconv.Atoi(m[6])
	if m[7] != "-" {
		r.Bytes, _ = strconv.ParseInt(m[7], 10, 64)
	}
	if m[8] != "" || m[9] != "" || strings.Contains(s, `" "`) {
		p.combined = true
	}
	r.Referer, r.UserAgent = dash(unescapeLog(m[8])), dash(unescapeLog(m[9]))
	return r, true
}

func looksLikeIP(s string) bool {
	return strings.Count(s, ".") == 3 || strings.Contains(s, ":")
}

func dash(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

// unescapeLog undoes the \" and \x escapes Apache and nginx write.
func unescapeLog(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch s[i] {
		case 'x':
			if i+2 < len(s) {
				if v, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
					b.WriteByte(byte(v))
					i += 2
					continue
				}
			}
			b.WriteString(`\x`)
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// iis reads a W3C extended line by its #Fields header.
func (p *lineParser) iis(s string, line int) (Request, bool) {
	vals := strings.Fields(s)
	if len(vals) != len(p.iisFields) {
		return Request{}, false
	}
	r := Request{Line: line, Bytes: -1}
	var date, tm, stem, query string
	for i, f := range p.iisFields {
		v := vals[i]
		if v == "-" {
			v = ""
		}
		switch strings.ToLower(f) {
		case "date":
			date = v
		case "time":
			tm = v
		case "c-ip":
			r.Remote = v
		case "cs-method":
			r.Method = v
		case "cs-uri-stem":
			stem = v
		case "cs-uri-query":
			query = v
		case "cs-version":
			r.Proto = v
		case "sc-status":
			r.Status, _ = strconv.Atoi(v)
		case "sc-bytes":
			if n, err := strconv.ParseInt(v, 10, 64); err == nil {
				r.Bytes = n
			}
		case "cs(user-agent)":
			r.UserAgent = strings.ReplaceAll(v, "+", " ")
		case "cs(referer)":
			r.Referer = v
		}
	}
	t, err := time.Parse("2006-01-02 15:04:05", date+" "+tm)
	if err != nil || stem == "" || r.Status == 0 {
		return Request{}, false
	}
	r.Time = t // IIS logs in UTC
	r.URI = stem
	if query != "" {
		r.URI += "?" + query
	}
	if r.Proto == "" {
		r.Proto = "HTTP/1.1"
	}
	return r, true
}

var (
	syslogRe  = regexp.MustCompile(`^([A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}) (\S+) ([\w./-]+)(?:\[\d+\])?: (.*)$`)
	isoLogRe  = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})) (\S+) ([\w./-]+)(?:\[\d+\])?: (.*)$`)
	rfc5424Re = regexp.MustCompile(`^<\d{1,3}>1 (\S+) (\S+) (\S+) \S+ \S+ (?:-|\[.*?\]) ?(.*)$`)
	failedRe  = regexp.MustCompile(`^Failed (?:password|publickey|keyboard-interactive/pam) for (invalid user )?(\S*) from (\S+) port \d+`)
	invalidRe = regexp.MustCompile(`^Invalid user (\S*) from (\S+)`)
	acceptRe  = regexp.MustCompile(`^Accepted (?:password|publickey|keyboard-interactive/pam|gssapi-with-mic) for (\S+) from (\S+) port \d+`)
)

// sshd reads an authentication log line: isSyslog says whether it is a
// syslog line at all; ok whether it is an sshd login event.
func (p *lineParser) sshd(s string, line int) (Auth, bool, bool) {
	var ts, prog, msg string
	var t time.Time
	var err error
	if m := syslogRe.FindStringSubmatch(s); m != nil {
		ts, prog, msg = m[1], m[3], m[4]
		t, err = time.ParseInLocation("Jan _2 15:04:05", ts, p.asOf.Location())
		if err == nil {
			t = t.AddDate(p.asOf.Year(), 0, 0)
			if t.After(p.asOf.AddDate(0, 0, 2)) {
				t = t.AddDate(-1, 0, 0) // December lines read in January
			}
		}
	} else if m := isoLogRe.FindStringSubmatch(s); m != nil {
		ts, prog, msg = m[1], m[3], m[4]
		t, err = time.Parse(time.RFC3339Nano, ts)
	} else if m := rfc5424Re.FindStringSubmatch(s); m != nil {
		ts, prog, msg = m[1], m[3], m[4]
		t, err = time.Parse(time.RFC3339Nano, ts)
	} else {
		return Auth{}, false, false
	}
	if err != nil {
		return Auth{}, false, false
	}
	if !strings.HasPrefix(prog, "sshd") {
		return Auth{}, false, true
	}
	a := Auth{Time: t, Line: line}
	switch {
	case failedRe.MatchString(msg):
		m := failedRe.FindStringSubmatch(msg)
		a.Invalid, a.User, a.Remote = m[1] != "", m[2], m[3]
	case invalidRe.MatchString(msg):
		return Auth{}, false, true // the "Failed password" line that follows counts it
	case acceptRe.MatchString(msg):
		m := acceptRe.FindStringSubmatch(msg)
		a.OK, a.User, a.Remote = true, m[1], m[2]
	default:
		return Auth{}, false, true
	}
	return a, true, true
}
