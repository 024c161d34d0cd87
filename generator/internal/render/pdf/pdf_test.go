package pdf_test

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/render/pdf"
	"vulnreport/generator/internal/report"
)

const fontPath = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"

// TestFixture renders the fixture and reads it back: file names, the text
// a reader must find, embedded fonts only, the page count, the executive
// summary on one page, and every line of text inside its cell and page.
func TestFixture(t *testing.T) {
	r := analyze(t, fixture())
	var lines []pdf.Placed
	files := renderPDF(t, r, func(p pdf.Placed) { lines = append(lines, p) })
	if len(files) != 2 {
		t.Fatalf("got files %v, want one per language", keys(files))
	}
	checkPlaced(t, lines)
	checkGlyphs(t, lines)
	for _, lang := range []i18n.Lang{i18n.JA, i18n.EN} {
		name := "report-2026-11-30." + string(lang) + ".pdf"
		data, ok := files[name]
		if !ok {
			t.Fatalf("no %s among %v", name, keys(files))
		}
		writePNGs(t, "fixture-"+string(lang), data)
		text := squash(run(t, "pdftotext", data, "-enc", "UTF-8"))
		want := []string{r.Organization.Get(lang), r.Classification.Get(lang), "JVNDB-2017-001621", "CVE-2017-5638",
			"CVE-2020-1938", "2026-11-30", "vulnreport" + r.ToolVersion}
		for _, key := range pdf.SectionKeys() {
			want = append(want, i18n.T(lang, key))
		}
		for _, w := range want {
			if !strings.Contains(text, squash(w)) {
				t.Errorf("%s: pdftotext does not find %q", name, w)
			}
		}
		if !bytes.Contains(data, []byte("/Outlines")) || bytes.Count(data, []byte("/Parent")) < len(pdf.SectionKeys()) {
			t.Errorf("%s: no bookmark for every section", name)
		}
		checkFonts(t, name, run(t, "pdffonts", data))
		pages := pageCount(t, run(t, "pdfinfo", data))
		if pages < 8 || pages > 30 {
			t.Errorf("%s: %d pages, want 8–30", name, pages)
		}
		checkSummaryPage(t, lang, data, pages)
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// checkPlaced asserts that every line of text lies inside its cell and
// every cell inside the content box (header and footer inside the page).
func checkPlaced(t *testing.T, lines []pdf.Placed) {
	t.Helper()
	const eps = 0.01
	bad := 0
	for _, p := range lines {
		var why string
		switch {
		case p.W > p.BoxW+eps:
			why = fmt.Sprintf("text %.2f mm wide in a %.2f mm box", p.W, p.BoxW)
		case p.X < p.BoxX-eps || p.X+p.W > p.BoxX+p.BoxW+eps:
			why = "text outside its box horizontally"
		case p.Y < p.BoxY-eps || p.Y+p.H > p.BoxY+p.BoxH+eps:
			why = "text outside its box vertically"
		case p.Frame && (p.BoxX < 0 || p.BoxY < 0 || p.BoxX+p.BoxW > pdf.PageW || p.BoxY+p.BoxH > pdf.PageH):
			why = "header or footer outside the page"
		case !p.Frame && (p.BoxX < pdf.MarginL-eps || p.BoxX+p.BoxW > pdf.PageW-pdf.MarginR+eps ||
			p.BoxY < pdf.MarginT-eps-8 || p.BoxY+p.BoxH > pdf.Bottom+eps):
			why = fmt.Sprintf("box (%.1f,%.1f %.1f×%.1f) outside the content area", p.BoxX, p.BoxY, p.BoxW, p.BoxH)
		}
		if why != "" {
			bad++
			if bad <= 10 {
				t.Errorf("page %d: %q: %s", p.Page, p.Text, why)
			}
		}
	}
	if len(lines) == 0 {
		t.Error("the layout hook saw no text")
	}
}

// checkGlyphs asserts that the font has a glyph for every character laid
// out, so nothing prints as an empty box.
func checkGlyphs(t *testing.T, lines []pdf.Placed) {
	t.Helper()
	ttf, err := fpdf.TtfParse(fontPath)
	if err != nil {
		t.Skipf("cannot read %s: %v", fontPath, err)
	}
	missing := map[rune]string{}
	for _, p := range lines {
		for _, r := range p.Text {
			if _, ok := ttf.Chars[uint16(r)]; (!ok || r > 0xFFFF) && missing[r] == "" {
				missing[r] = p.Text
			}
		}
	}
	for r, s := range missing {
		t.Errorf("no glyph for %q (U+%04X) in %q", r, r, s)
	}
}

// checkFonts asserts that every font is embedded and none is a core font.
func checkFonts(t *testing.T, name, out string) {
	t.Helper()
	rows := strings.Split(strings.TrimSpace(out), "\n")
	if len(rows) < 3 {
		t.Fatalf("%s: pdffonts lists no font:\n%s", name, out)
	}
	for _, row := range rows[2:] {
		f := strings.Fields(row)
		if len(f) < 7 {
			t.Errorf("%s: unexpected pdffonts row %q", name, row)
			continue
		}
		// name type... encoding emb sub uni object ID: emb is the fifth
		// field from the end.
		if emb := f[len(f)-5]; emb != "yes" {
			t.Errorf("%s: font not embedded: %q", name, row)
		}
		if strings.Contains(strings.ToLower(row), "helvetica") {
			t.Errorf("%s: core font used: %q", name, row)
		}
	}
}

func pageCount(t *testing.T, info string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo gives no page count:\n%s", info)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// checkSummaryPage asserts that the executive summary fills exactly one
// page: its title is on a page whose next page starts the risk overview.
func checkSummaryPage(t *testing.T, lang i18n.Lang, data []byte, pages int) {
	t.Helper()
	summary := squash("1. " + i18n.T(lang, "section.summary"))
	riskTitle := squash("2. " + i18n.T(lang, "section.risk"))
	texts := strings.Split(run(t, "pdftotext", data, "-enc", "UTF-8"), "\f")
	if len(texts) < pages {
		t.Fatalf("%s: pdftotext gives %d pages, pdfinfo %d", lang, len(texts), pages)
	}
	for p := 0; p+1 < pages; p++ {
		text := squash(texts[p])
		if !strings.Contains(text, summary) || strings.Contains(text, squash(i18n.T(lang, "section.toc"))) {
			continue
		}
		if !strings.Contains(squash(texts[p+1]), riskTitle) {
			t.Errorf("%s: the page after the executive summary (page %d) does not start the risk overview", lang, p+1)
		}
		return
	}
	t.Errorf("%s: no page holds the executive summary", lang)
}

// TestDeterministic renders the same model twice and compares the bytes,
// and checks that the PDF dates are the as-of date.
func TestDeterministic(t *testing.T) {
	r := analyze(t, fixture())
	a, b := renderPDF(t, r, nil), renderPDF(t, r, nil)
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two renders of the same model", name)
		}
		if !bytes.Contains(data, []byte("/CreationDate (D:20261130")) {
			t.Errorf("%s: creation date is not the as-of date", name)
		}
	}
}

// TestFontNotFound checks that a missing font names the policy setting
// and the Debian package.
func TestFontNotFound(t *testing.T) {
	r := analyze(t, fixture())
	var w memWriter
	err := pdf.NewForTest("", []string{t.TempDir()}, nil).Render(context.Background(), r, &w)
	if err == nil || !strings.Contains(err.Error(), "pdf.font") || !strings.Contains(err.Error(), "fonts-ipaexfont") {
		t.Errorf("error without a font = %v, want one naming pdf.font and fonts-ipaexfont", err)
	}
	err = pdf.New(render.Deps{Font: "/nonexistent/font.ttf"}).Render(context.Background(), r, &w)
	if err == nil || !strings.Contains(err.Error(), "pdf.font") {
		t.Errorf("error for a missing policy font = %v, want one naming pdf.font", err)
	}
	if len(w.files) != 0 {
		t.Errorf("files were written without a font: %v", keys(w.files))
	}
}

// TestCatalogue checks that every pdf.* label used exists in both
// languages with the same format verbs, and that the glossary and the
// figure definitions are complete.
func TestCatalogue(t *testing.T) {
	var used []string
	for _, k := range i18n.Keys() {
		if strings.HasPrefix(k, "pdf.") {
			used = append(used, k)
		}
	}
	for _, k := range pdf.GlossaryTerms() {
		used = append(used, "pdf.gloss."+k, "pdf.gloss."+k+".def")
	}
	for _, k := range pdf.HeadlineKeys() {
		used = append(used, "pdf.def."+k)
	}
	used = append(used, pdf.SectionKeys()...)
	verbs := regexp.MustCompile(`%(\[\d+\])?[sdvqf]`)
	for _, k := range used {
		if !i18n.Has(k) {
			t.Errorf("label %q is missing", k)
			continue
		}
		m := i18n.Msg(k)
		if m.JA == "" || m.EN == "" {
			t.Errorf("label %q lacks a language: %+v", k, m)
		}
		if a, b := len(verbs.FindAllString(m.JA, -1)), len(verbs.FindAllString(m.EN, -1)); a != b {
			t.Errorf("label %q: %d verbs in Japanese, %d in English", k, a, b)
		}
	}
}

// TestEmptyModel renders a model with nothing in it: every section still
// appears, saying there is nothing to show, and nothing overflows.
func TestEmptyModel(t *testing.T) {
	r := &report.Report{AsOf: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC), Languages: []i18n.Lang{i18n.JA, i18n.EN},
		Organization: i18n.Plain("空の組織"), Classification: i18n.Plain("社外秘")}
	var lines []pdf.Placed
	files := renderPDF(t, r, func(p pdf.Placed) { lines = append(lines, p) })
	checkPlaced(t, lines)
	for name, data := range files {
		writePNGs(t, "empty-"+name, data)
		text := squash(run(t, "pdftotext", data, "-enc", "UTF-8"))
		lang := i18n.Lang(strings.Split(name, ".")[1])
		for _, key := range pdf.SectionKeys() {
			if !strings.Contains(text, squash(i18n.T(lang, key))) {
				t.Errorf("%s: no section %q", name, i18n.T(lang, key))
			}
		}
	}
}
