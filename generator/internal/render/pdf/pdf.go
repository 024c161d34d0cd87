// Package pdf renders the monthly management report as one PDF per
// language: cover, contents, a one-page executive summary, the body
// sections in a fixed order, and an appendix with the method, the data
// sources and a glossary. Text is set in IPAex Gothic, embedded as a
// subset, with Japanese line breaking and kinsoku done here; charts are
// drawn as vectors from the same descriptions the site uses. The output
// depends only on the report model: the same model gives the same bytes.
package pdf

import (
	"bytes"
	"context"
	"fmt"
	"maps"

	"github.com/go-pdf/fpdf"

	"vulnreport/generator/internal/chart"
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/report"
)

// New returns the PDF renderer. deps.Font is the policy's pdf.font path;
// when empty, IPAex Gothic is searched for in the usual font folders.
func New(deps render.Deps) render.Renderer {
	return &renderer{font: deps.Font}
}

type renderer struct {
	font string
	// dirs overrides the folders searched for the font (tests).
	dirs []string
	// hook receives every line of text laid out (tests).
	hook func(placed)
}

// Render writes report-YYYY-MM-DD.<lang>.pdf for each of the report's
// languages.
func (rd *renderer) Render(ctx context.Context, r *report.Report, w render.Writer) error {
	font, err := loadFont(rd.font, rd.dirs)
	if err != nil {
		return err
	}
	f := newFacts(r)
	ch := chart.Build(r)
	langs := r.Languages
	if len(langs) == 0 {
		langs = []i18n.Lang{i18n.JA}
	}
	for _, lang := range langs {
		if err := ctx.Err(); err != nil {
			return err
		}
		data, err := rd.document(r, lang, font, f, ch)
		if err != nil {
			return fmt.Errorf("pdf (%s): %w", lang, err)
		}
		name := fmt.Sprintf("report-%s.%s.pdf", r.AsOf.Format("2006-01-02"), lang)
		if err := w.WriteFile(name, data); err != nil {
			return err
		}
	}
	return nil
}

// document lays the document out until the section pages and the page
// count agree with the previous pass (normally twice: the first pass
// learns the page numbers the contents and footers print), then writes it.
func (rd *renderer) document(r *report.Report, lang i18n.Lang, font []byte, f *facts, ch chart.Set) ([]byte, error) {
	var pages map[string]int
	total := 0
	for pass := 0; pass < 4; pass++ {
		d := newDoc(r, lang, font, f, ch, pages, total, rd.hook)
		d.build()
		if err := d.pdf.Error(); err != nil {
			return nil, err
		}
		if pass > 0 && maps.Equal(d.pages, pages) && d.pdf.PageNo() == total {
			var buf bytes.Buffer
			if err := d.pdf.Output(&buf); err != nil {
				return nil, err
			}
			return buf.Bytes(), nil
		}
		pages, total = d.pages, d.pdf.PageNo()
	}
	return nil, fmt.Errorf("the page numbers did not settle after four passes")
}

// newDoc starts a document with fixed metadata: dates are the as-of date
// and nothing reads the clock, so the bytes depend on the model only.
func newDoc(r *report.Report, lang i18n.Lang, font []byte, f *facts, ch chart.Set, pages map[string]int, total int, hook func(placed)) *doc {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCreationDate(r.AsOf)
	p.SetModificationDate(r.AsOf)
	p.SetCatalogSort(true)
	p.SetCompression(true)
	p.SetAutoPageBreak(false, 0)
	p.SetMargins(marginL, marginT, marginR)
	p.SetCellMargin(0)
	p.AddUTF8FontFromBytes(family, "", font)
	p.SetTitle(r.Title.Get(lang)+" "+r.AsOf.Format("2006-01-02"), true)
	p.SetAuthor(r.Organization.Get(lang), true)
	p.SetSubject(r.Classification.Get(lang), true)
	p.SetCreator("vulnreport "+r.ToolVersion, true)
	p.SetProducer("vulnreport "+r.ToolVersion+" (go-pdf/fpdf)", true)
	p.SetLang(string(lang))
	p.SetDisplayMode("fullpage", "single")
	d := &doc{pdf: p, r: r, lang: lang, ch: ch, f: f, prevPages: pages, prevTotal: total,
		pages: map[string]int{}, links: map[string]int{}, hook: hook, glyphs: newGlyphs()}
	for _, s := range sections() {
		d.links[s.id] = p.AddLink()
	}
	d.font(sizeBody)
	return d
}

// build lays out every part in the fixed order.
func (d *doc) build() {
	d.cover()
	d.contents()
	for _, s := range sections() {
		d.heading(s)
		s.draw(d)
	}
}
