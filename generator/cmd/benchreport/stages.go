package main

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"strconv"
	"strings"

	"vulnreport/generator/internal/app"
)

// benchStages are the stages measured, in execution order: app's stages
// but publish, which writes the output folder to disk.
func benchStages() []string {
	var out []string
	for _, s := range app.Stages() {
		if s != app.StagePublish {
			out = append(out, s)
		}
	}
	return out
}

// pipeline runs app's stages — the very methods a build runs — one by one;
// the hook given to app measures each as it starts and ends.
type pipeline struct {
	p *app.Pipeline
	w digestWriter
	// found and patched are match's counts, once match has run.
	found, patched int
	matched        bool
}

// newPipeline reads the snapshot in fsys and renders the findings exports.
func newPipeline(fsys fs.FS, hook app.Hook) *pipeline {
	b := &pipeline{}
	b.p = app.NewPipeline(app.Options{Data: fsys, Formats: "findings"}, nil, func(e app.Event) {
		if e.Done && e.Stage == app.StageMatch {
			b.found, b.patched, b.matched = count(e.Counts, "findings"), count(e.Counts, "closed by patch ids"), true
		}
		hook(e)
	})
	// As vulnreport build does: each stage lets go of what only it reads.
	b.p.ConsumeInputs()
	return b
}

// steps returns the call of each measured stage.
func (b *pipeline) steps(ctx context.Context) map[string]func() error {
	return map[string]func() error{
		app.StageLoad: func() error {
			if err := b.p.Load(); err != nil {
				return err
			}
			if b.p.AsOf().IsZero() {
				return errors.New("the policy has no as_of date (the benchmark does not read the clock)")
			}
			return nil
		},
		app.StageMerge:  func() error { b.p.Merge(); return nil },
		app.StageMatch:  func() error { b.p.Match(); return nil },
		app.StageAssess: func() error { b.p.Assess(); return nil },
		app.StageReport: func() error { b.p.Report(); return nil },
		// The findings exports, streamed as a build writes them, into a
		// digest instead of a file, so that the figures are the encoders'
		// and not the disk's.
		app.StageRender: func() error { return b.p.Render(ctx, &b.w) },
	}
}

// count returns the count named name, or 0.
func count(cs []app.Count, name string) int {
	for _, c := range cs {
		if c.Name == name {
			return c.N
		}
	}
	return 0
}

// countText writes a stage's counts as "3 findings, 1 open".
func countText(cs []app.Count) string {
	var parts []string
	for _, c := range cs {
		parts = append(parts, strconv.Itoa(c.N)+" "+c.Name)
	}
	return strings.Join(parts, ", ")
}

// digestWriter is a render.Writer and render.Creator that keeps the size
// and SHA-256 of each file written, not its bytes.
type digestWriter struct {
	files []string
}

func (d *digestWriter) WriteFile(name string, data []byte) error {
	w, _ := d.Create(name)
	w.Write(data)
	return w.Close()
}

func (d *digestWriter) Create(name string) (io.WriteCloser, error) {
	return &digestFile{d: d, name: name, h: sha256.New()}, nil
}

type digestFile struct {
	d    *digestWriter
	name string
	h    hash.Hash
	n    int64
}

func (f *digestFile) Write(p []byte) (int, error) {
	f.n += int64(len(p))
	return f.h.Write(p)
}

func (f *digestFile) Close() error {
	f.d.files = append(f.d.files, fmt.Sprintf("%s %s (sha256 %x…)", f.name, mib(uint64(f.n)), f.h.Sum(nil)[:4]))
	return nil
}
