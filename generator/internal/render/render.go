// Package render chooses and runs the renderers that turn the report model
// into files: the static site, the PDF report, the Excel workbook and the
// findings exports. Renderers read the model and never change it; they
// write through a Writer so that publishing stays atomic and testable.
package render

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"

	"vulnreport/generator/internal/report"
)

// Writer receives output files by slash-separated path relative to the
// output folder. Implementations reject paths that would leave it, and do
// not keep data after WriteFile returns: the caller may reuse it.
type Writer interface {
	WriteFile(name string, data []byte) error
}

// Creator is implemented by Writers that also take a file piece by piece
// (publish.Stage), so that a large file is never whole in memory.
type Creator interface {
	Create(name string) (io.WriteCloser, error)
}

// Create starts the file name on w: piece by piece when w is a Creator,
// else collected in memory and written by Close.
func Create(w Writer, name string) (io.WriteCloser, error) {
	if c, ok := w.(Creator); ok {
		return c.Create(name)
	}
	return &collected{w: w, name: name}, nil
}

// collected is a file collected in memory for a Writer.
type collected struct {
	bytes.Buffer
	w    Writer
	name string
}

func (c *collected) Close() error { return c.w.WriteFile(c.name, c.Bytes()) }

// Renderer turns a report into files.
type Renderer interface {
	Render(ctx context.Context, r *report.Report, w Writer) error
}

// Func adapts a function to Renderer.
type Func func(ctx context.Context, r *report.Report, w Writer) error

// Render calls f.
func (f Func) Render(ctx context.Context, r *report.Report, w Writer) error { return f(ctx, r, w) }

// Deps are what renderers may need besides the report.
type Deps struct {
	// Templates overrides the built-in templates file by file (may be nil).
	Templates fs.FS
	// Content holds content/*.md pages (may be nil).
	Content fs.FS
	// Font is the TrueType font path for the PDF ("" finds IPAex Gothic).
	Font string
}

// Format names an output format.
type Format string

// The formats, in the order they are rendered.
const (
	Findings Format = "findings"
	Site     Format = "site"
	PDF      Format = "pdf"
	XLSX     Format = "xlsx"
)

// Formats lists every format.
var Formats = []Format{Findings, Site, PDF, XLSX}

// ParseFormats reads a comma-separated list; "all" or "" means every format.
func ParseFormats(s string) ([]Format, error) {
	if s == "" || s == "all" {
		return slices.Clone(Formats), nil
	}
	var out []Format
	for _, p := range strings.Split(s, ",") {
		f := Format(strings.TrimSpace(p))
		if !slices.Contains(Formats, f) {
			return nil, fmt.Errorf("unknown format %q: expected one of findings, site, pdf, xlsx or all", p)
		}
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out, nil
}
