package site_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"vulnreport/generator/internal/app"
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/render/site"
	"vulnreport/generator/internal/source"
)

// TestSampleSite renders the repository's sample snapshot (data/) with
// the sample content pages and checks every page and link. It skips when
// the snapshot does not load. With VULNREPORT_SITE_OUT set, it also writes
// the site there, for looking at.
func TestSampleSite(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	var diags source.Diagnostics
	r, _, err := app.Analyze(app.Options{Data: os.DirFS("../../../../data"), Today: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)}, &diags, func(string, int) {})
	if err != nil {
		t.Skipf("sample snapshot does not load: %v", err)
	}
	mem := build(t, r, render.Deps{Content: os.DirFS("../../../../content")}, site.PageSize)
	checkSite(t, mem)
	if dir := os.Getenv("VULNREPORT_SITE_OUT"); dir != "" {
		for _, n := range mem.Names() {
			data, _ := mem.Get(n)
			p := filepath.Join(dir, filepath.FromSlash(n))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("wrote %d files to %s", len(mem.Names()), dir)
	}
}
