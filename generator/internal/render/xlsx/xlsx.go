// Package xlsx renders the report model as one Excel workbook per report
// language, report-YYYY-MM-DD.ja.xlsx and .en.xlsx, each with its own
// sheet names and labels (SheetKeys, SheetName): a summary with native
// charts, the decisions for management, the department scorecards, the
// remediation plan (one row per fix action, with drop-down lists, meant to
// be edited and read back by import-plan; computed columns locked), every
// finding, the exceptions register, the systems, components, release
// lines, advisories, reports from outside, data quality and the method.
//
// Text from the snapshot is always stored as a string cell, never as a
// formula; dates are Excel dates and numbers are numbers. List sheets are
// laid out with excelize's StreamWriter (header, columns, panes, filters,
// formats) but their rows are encoded by this package, compressed while
// they are written (kept in a temporary file, off the heap, see spool)
// and spliced into the sheet when the workbook is saved, which writes it
// straight to its output file (see rowEncoder and zipWriter); the two
// workbooks of a report compute what does not depend on the language
// once (see shared); lists continue on numbered sheets past
// Excel's row limit. The same report gives the same bytes: document
// properties carry the as-of date and the archive is written in a fixed
// order with no timestamps.
package xlsx

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/xuri/excelize/v2"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/report"
)

// renderer writes the workbook.
type renderer struct {
	deps render.Deps
	// maxRows is the rows one sheet may hold, header included; tests lower it.
	maxRows int
	// excelizeRows writes table rows through excelize (see book.excelizeRows).
	excelizeRows bool
}

// New returns the workbook renderer.
func New(deps render.Deps) render.Renderer {
	return &renderer{deps: deps, maxRows: excelize.TotalRows}
}

// Render writes the workbook of each of the report's languages. The
// workbooks are built side by side (see buildAll), then saved one after
// the other, each straight to its file.
func (rd *renderer) Render(ctx context.Context, r *report.Report, w render.Writer) error {
	langs := r.Languages
	if len(langs) == 0 {
		langs = []i18n.Lang{i18n.JA}
	}
	sh := &shared{}
	books := make([]*book, 0, len(langs))
	defer func() {
		for _, b := range books {
			if b != nil {
				b.close()
			}
		}
	}()
	for _, lang := range langs {
		b, err := rd.newBook(r, lang, sh)
		if err != nil {
			return err
		}
		books = append(books, b)
	}
	// The books' rows of the meta sheet are written as they are saved,
	// under the same context.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if err := buildAll(ctx, cancel, books); err != nil {
		return err
	}
	for i, b := range books {
		// Written piece by piece as the archive is assembled: the file is
		// never whole in memory beside the model (see render.Create).
		out, err := render.Create(w, FileName(r.AsOf, b.lang))
		if err != nil {
			return err
		}
		if err := b.save(out); err != nil {
			out.Close()
			return err
		}
		if err := out.Close(); err != nil {
			return err
		}
		b.close()
		books[i] = nil
	}
	return nil
}

// workbook builds the bytes of the workbook in one language.
func (rd *renderer) workbook(ctx context.Context, r *report.Report, lang i18n.Lang) ([]byte, error) {
	b, err := rd.newBook(r, lang, &shared{})
	if err != nil {
		return nil, err
	}
	defer b.close()
	var buf bytes.Buffer
	if err := b.build(ctx); err != nil {
		return nil, err
	}
	if err := b.save(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// shared holds what the workbooks of one report compute alike whatever
// their language: the first computes it, the others reuse it.
type shared struct {
	// planRows are the plan's rows (see planValues).
	planRows []planRow
	planDone bool
	// links are the model's references resolved (see book.links).
	links *links
}

// newBook starts the workbook in one language, sharing with the report's
// other workbooks through sh; close releases it.
func (rd *renderer) newBook(r *report.Report, lang i18n.Lang, sh *shared) (*book, error) {
	f := excelize.NewFile()
	b := &book{f: f, r: r, lang: lang, maxRows: max(rd.maxRows, 2), classification: r.Classification.Get(lang),
		days: map[int64]any{}, widths: map[string][]float64{}, mark: truncMark(lang), comp: newCompressor(),
		shared: sh, rows: map[string]*stream{}, later: map[string]func(io.Writer) error{}, excelizeRows: rd.excelizeRows}
	// The compressed chunks wait in a temporary file rather than on the
	// heap (see spool); in memory should none be available.
	if sp, err := newSpool(); err == nil {
		b.comp.spool = sp
	}
	if err := b.newStyles(); err != nil {
		b.close()
		return nil, err
	}
	return b, nil
}

// close releases the workbook: its file, its compressions (never left
// running behind an error) and their spool.
func (b *book) close() {
	_ = b.comp.wait()
	if b.comp.spool != nil {
		b.comp.spool.close()
		b.comp.spool = nil
	}
	b.f.Close()
}

// build writes the workbook's sheets; save then writes the archive.
func (b *book) build(ctx context.Context) error {
	f := b.f
	summary := b.sheet(SheetSummary)
	if err := f.SetSheetName("Sheet1", summary); err != nil {
		return err
	}
	if err := b.pageSetup(summary, 0); err != nil {
		return err
	}
	steps := []func(context.Context) error{b.decisions, b.departments, b.plan, b.findings, b.exceptions, b.systems,
		b.attacks, b.components, b.lifecycle, b.advisories, b.notifications, b.quality, b.method, b.meta}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return err
		}
	}
	// The summary is filled last: it lists every sheet's rows and the
	// tables continued on numbered sheets.
	if err := b.summary(summary); err != nil {
		return err
	}
	if err := b.properties(); err != nil {
		return err
	}
	// The summary, created first, is the active sheet. (SetActiveSheet
	// would read back every streamed sheet.)
	// excelize adds the image content types of a drawing from a map, in
	// random order: sort them so that the same report gives the same bytes.
	if ct := f.ContentTypes; ct != nil {
		sort.SliceStable(ct.Defaults, func(i, j int) bool { return ct.Defaults[i].Extension < ct.Defaults[j].Extension })
	}
	return nil
}

// save writes the built workbook's archive to out.
func (b *book) save(out io.Writer) error {
	// The archive goes to out, not to the buffer excelize hands over
	// (which stays empty).
	b.f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return newZipWriter(out, b.comp, b.rows, b.later) })
	if _, err := b.f.WriteToBuffer(); err != nil {
		return fmt.Errorf("writing the workbook: %w", err)
	}
	return nil
}

// properties fixes the document properties so that the same report gives
// the same bytes: created and modified are the as-of date at midnight UTC.
func (b *book) properties() error {
	y, m, d := b.r.AsOf.Date()
	stamp := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Format(time.RFC3339)
	title := b.r.Title.Get(b.lang)
	if org := b.r.Organization.Get(b.lang); org != "" {
		title = org + " " + title
	}
	if err := b.f.SetDocProps(&excelize.DocProperties{
		Title: title, Subject: title + " (" + day(b.r.AsOf) + ")", Creator: "vulnreport", LastModifiedBy: "vulnreport",
		Created: stamp, Modified: stamp, Category: b.classification, Description: b.classification,
		Language: string(b.lang), Version: b.r.ToolVersion, Identifier: "vulnreport-" + day(b.r.AsOf),
	}); err != nil {
		return err
	}
	return b.f.SetAppProps(&excelize.AppProperties{Application: "vulnreport", Company: b.r.Organization.Get(b.lang)})
}
