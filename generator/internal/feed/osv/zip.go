package osv

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"

	"vulnreport/generator/internal/source"
)

// Limits on an OSV zip, against archives that expand without bound.
const (
	// maxEntrySize is the largest record one zip entry may expand to.
	maxEntrySize = 64 << 20
	// maxZipTotal is the most all entries of one zip may expand to.
	maxZipTotal = 16 << 30
)

// zip reads an OSV ecosystem zip: every .json entry is one record, its
// positions named "<zip>!/<entry>:line:col". Entries are read in name
// order; other entries are reported and skipped.
func (p *parser) zip(name string, data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("not a readable zip (%v); expected %s", err, expected)
	}
	files := slices.Clone(zr.File)
	slices.SortFunc(files, func(a, b *zip.File) int { return strings.Compare(a.Name, b.Name) })
	if len(files) > source.MaxRecordsPerFile {
		return fmt.Errorf("the zip holds %d entries, more than %d, the limit for one file", len(files), source.MaxRecordsPerFile)
	}
	var total uint64
	for _, f := range files {
		if f.FileInfo().IsDir() {
			continue
		}
		entry := name + "!/" + f.Name
		epos := source.Pos{File: entry}
		if !strings.EqualFold(path.Ext(f.Name), ".json") {
			p.diags.Warnf(epos, "zip entry is not a .json OSV record: not read")
			continue
		}
		if f.UncompressedSize64 > maxEntrySize {
			p.res.Read++
			p.reject(epos, "", fmt.Sprintf("the entry expands to %d bytes, more than %d, the limit for one record", f.UncompressedSize64, maxEntrySize))
			continue
		}
		if total += f.UncompressedSize64; total > maxZipTotal {
			return fmt.Errorf("the zip expands to more than %d bytes, the limit for one OSV zip", uint64(maxZipTotal))
		}
		rc, err := f.Open()
		if err != nil {
			p.res.Read++
			p.reject(epos, "", "the entry cannot be opened: "+err.Error())
			continue
		}
		body, err := io.ReadAll(io.LimitReader(rc, maxEntrySize+1))
		rc.Close()
		switch {
		case err != nil:
			p.res.Read++
			p.reject(epos, "", "the entry cannot be read: "+err.Error())
			continue
		case len(body) > maxEntrySize:
			p.res.Read++
			p.reject(epos, "", fmt.Sprintf("the entry expands to more than %d bytes, the limit for one record", maxEntrySize))
			continue
		}
		before := p.res.Read
		if err := p.file(entry, body, false); err != nil {
			if p.res.Read == before {
				p.res.Read++
			}
			p.reject(source.Pos{File: entry, Line: 1, Col: 1}, "", err.Error())
		}
	}
	p.name = name
	return nil
}
