//go:build unix

package app

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// TestSkippedFilesInBanner: entries that are not plain files are not read
// and are counted in the model's data-quality alert, so the dashboard's
// and the PDF's first-page banner say so even when no record was rejected.
func TestSkippedFilesInBanner(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("systems.yaml", "- {id: web, name: Web, category: website, exposure: internet, owner: IT}\n")
	write("components.csv", "system,product,version\nweb,apache:struts,2.5.10\n")
	if err := syscall.Mkfifo(filepath.Join(dir, "notifications.csv"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	outside := filepath.Join(t.TempDir(), "lifecycle.yaml")
	os.WriteFile(outside, []byte("[]\n"), 0o644)
	if err := os.Symlink(outside, filepath.Join(dir, "lifecycle.yaml")); err != nil {
		t.Fatal(err)
	}
	res, err := Build(context.Background(), Options{Data: os.DirFS(dir), DataDir: dir, OutDir: filepath.Join(t.TempDir(), "out"),
		AsOf: date("2026-11-30"), Formats: "findings,site"}, io.Discard, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	q := res.Report.Quality
	if !slices.Equal(q.Skipped, []string{"lifecycle.yaml", "notifications.csv"}) || !q.Alert() || q.Rejected != 0 {
		t.Errorf("skipped %v alert %v rejected %d", q.Skipped, q.Alert(), q.Rejected)
	}
	page, ok := res.Files.Get("index.html")
	if !ok || !strings.Contains(string(page), "0 件を不採用とし、2 ファイルを読み飛ばしました") {
		t.Errorf("the dashboard's banner does not count the 2 skipped files")
	}
}
