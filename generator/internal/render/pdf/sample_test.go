package pdf_test

import (
	"os"
	"path/filepath"
	"testing"

	"vulnreport/generator/internal/render/pdf"
)

// TestSample renders the snapshot folder named by VULNREPORT_PDF_DATA
// (for example ../../../../data) into os.TempDir()/vulnreport-pdf-pages,
// with PNG pages when VULNREPORT_PDF_PNG=1, for review by eye.
func TestSample(t *testing.T) {
	dir := os.Getenv("VULNREPORT_PDF_DATA")
	if dir == "" {
		t.Skip("set VULNREPORT_PDF_DATA to a snapshot folder to render its report for review")
	}
	r := analyze(t, os.DirFS(dir))
	var lines []pdf.Placed
	files := renderPDF(t, r, func(p pdf.Placed) { lines = append(lines, p) })
	checkPlaced(t, lines)
	checkGlyphs(t, lines)
	out := filepath.Join(os.TempDir(), "vulnreport-pdf-pages")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		writePNGs(t, "sample-"+name, data)
		t.Logf("wrote %s", filepath.Join(out, name))
	}
}
