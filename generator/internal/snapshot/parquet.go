package snapshot

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"

	"vulnreport/generator/internal/source"
)

// parquetRecords reads a Parquet entity file (components.parquet),
// calling fn for every row; see source.ReadParquet. The file is hashed as
// it is read and, when the file system gives no random access, held in
// memory (up to source.MaxFileSize).
func (l *loader) parquetRecords(name, kind string, aliases map[string]string, known func(string) bool, fn func(source.Record, *source.FileStat), bad func(*source.FileStat) func(source.Pos, string)) {
	f, err := l.open(name)
	if err != nil {
		l.fatal("%s: %v", name, err)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		l.fatal("%s: %v", name, err)
		return
	}
	if fi.Size() > source.MaxFileSize {
		l.fatal("%s: file is %d bytes, larger than %d bytes, the limit", name, fi.Size(), int64(source.MaxFileSize))
		return
	}
	h := sha256.New()
	var ra io.ReaderAt
	size := fi.Size()
	if r, ok := f.(io.ReaderAt); ok && fi.Mode().IsRegular() {
		if _, err := io.Copy(h, io.NewSectionReader(r, 0, size)); err != nil {
			l.fatal("%s: %v", name, err)
			return
		}
		ra = r
	} else {
		data, err := io.ReadAll(io.LimitReader(f, source.MaxFileSize+1))
		if err != nil {
			l.fatal("%s: %v", name, err)
			return
		}
		if len(data) > source.MaxFileSize {
			l.fatal("%s: file is larger than %d bytes, the limit", name, int64(source.MaxFileSize))
			return
		}
		h.Write(data)
		ra, size = bytes.NewReader(data), int64(len(data))
	}
	st := &source.FileStat{Path: name, Kind: kind, Size: size, SHA256: hex.EncodeToString(h.Sum(nil)), Encoding: source.EncUTF8}
	l.stats[name] = st
	_, err = source.ReadParquet(name, ra, size, source.ParquetOptions{Aliases: aliases, Known: known}, l.diags,
		func(r source.Record) {
			st.Read++
			fn(r, st)
		}, bad(st))
	if err != nil {
		l.fatal("%v", err)
	}
}
