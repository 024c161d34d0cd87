package xlsx_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"vulnreport/generator/internal/app"
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/render/xlsx"
	"vulnreport/generator/internal/source"
)

type dirWriter string

func (d dirWriter) WriteFile(name string, data []byte) error {
	return os.WriteFile(filepath.Join(string(d), name), data, 0o644)
}

// TestSampleWorkbook renders the workbook of the sample snapshot in data/
// to $VULNREPORT_SAMPLE_OUT (default: a temporary folder) when
// VULNREPORT_SAMPLE=1, for a person to open.
func TestSampleWorkbook(t *testing.T) {
	if os.Getenv("VULNREPORT_SAMPLE") != "1" {
		t.Skip("set VULNREPORT_SAMPLE=1 to render the sample snapshot's workbook")
	}
	data := filepath.Join("..", "..", "..", "..", "data")
	var diags source.Diagnostics
	r, _, err := app.Analyze(app.Options{Data: os.DirFS(data), DataDir: data, Today: time.Now().UTC()}, &diags, func(string, int) {})
	if err != nil {
		t.Fatal(err)
	}
	out := os.Getenv("VULNREPORT_SAMPLE_OUT")
	if out == "" {
		out = t.TempDir()
	}
	if err := xlsx.New(render.Deps{}).Render(context.Background(), r, dirWriter(out)); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d findings, %d actions)", filepath.Join(out, xlsx.FileName(r.AsOf, r.Languages[0])), r.Findings.Len(), len(r.Actions))
}
