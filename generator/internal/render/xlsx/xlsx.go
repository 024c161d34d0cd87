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

// Render writes the workbook of each of the report's languages.
func (rd *renderer) Render(ctx context.Context, r *report.Report, w render.Writer) error {
	langs := r.Languages
	if len(langs) == 0 {
		langs = []i18n.Lang{i18n.JA}
	}
	sh := &shared{}
	for _, lang := range langs {
		// Written piece by piece as the archive is assembled: the file is
		// never whole in memory beside the model (see render.Create).
		out, err := render.Create(w, FileName(r.AsOf, lang))
		if err != nil {
			return err
		}
		if err := rd.write(ctx, r, lang, out, sh); err != nil {
			out.Close()
			return err
		}
		if err := out.Close(); err != nil {
			return err
		}
	}
	return nil
}

// workbook builds the bytes of the workbook in one language.
func (rd *renderer) workbook(ctx context.Context, r *report.Report, lang i18n.Lang) ([]byte, error) {
	var buf bytes.Buffer
	if err := rd.write(ctx, r, lang, &buf, &shared{}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// shared holds what the workbooks of one report compute alike whatever
// their language: the first computes it, the others reuse it.
type shared struct {
	// planRows are the plan's editable values (see planValues).
	planRows []planRow
	planDone bool
}

// write builds the workbook in one language and writes it to out,
// sharing with the report's other workbooks through sh.
func (rd *renderer) write(ctx context.Context, r *report.Report, lang i18n.Lang, out io.Writer, sh *shared) error {
	f := excelize.NewFile()
	defer f.Close()
	b := &book{f: f, r: r, lang: lang, maxRows: max(rd.maxRows, 2), classification: r.Classification.Get(lang),
		days: map[int64]any{}, widths: map[string][]float64{}, mark: truncMark(lang), comp: newCompressor(),
		shared: sh, rows: map[string]*stream{}, later: map[string]func(io.Writer) error{}, excelizeRows: rd.excelizeRows}
	// The compressed chunks wait in a temporary file rather than on the
	// heap (see spool); in memory should none be available.
	if sp, err := newSpool(); err == nil {
		b.comp.spool = sp
		defer sp.close()
	}
	// Never leave a compression running behind an error.
	defer func() { _ = b.comp.wait() }()
	// The archive goes to out, not to the buffer excelize hands over
	// (which stays empty).
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return newZipWriter(out, b.comp, b.rows, b.later) })
	if err := b.newStyles(); err != nil {
		return err
	}
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
	if _, err := f.WriteToBuffer(); err != nil {
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
