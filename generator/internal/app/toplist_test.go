package app_test

import (
	"context"
	"html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"vulnreport/generator/internal/app"
)

// TestTopActionsAgree builds the sample and reads the top fix actions back
// from the dashboard and from the Japanese PDF's section 3: both must list
// the same actions (rank, priority, due date) numbered 1, 2, 3… by the one
// ranking, with no rank skipped.
func TestTopActionsAgree(t *testing.T) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("VULNREPORT_PDF") == "required" {
			t.Fatal("pdftotext is required (VULNREPORT_PDF=required) but not installed: apt-get install poppler-utils")
		}
		t.Skip("pdftotext not installed (apt-get install poppler-utils): the PDF's top list is not compared")
	}
	out := t.TempDir()
	data, content := "../../../data", "../../../content"
	if _, err := app.Build(context.Background(), app.Options{Data: os.DirFS(data), DataDir: data, OutDir: out,
		Content: os.DirFS(content), Today: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	i := strings.Index(page, `class="lead">対策数`)
	if i < 0 {
		t.Fatal("dashboard has no top fix actions lead")
	}
	page = page[i:]
	if j := strings.Index(page, "</table>"); j > 0 {
		page = page[:j]
	}
	rowRE := regexp.MustCompile(`(?s)<tr><td>(\d+)</td>(.*?)</tr>`)
	cellRE := regexp.MustCompile(`(?s)<td>(.*?)</td>`)
	var site []string
	for _, m := range rowRE.FindAllStringSubmatch(page, -1) {
		cells := cellRE.FindAllStringSubmatch("<td>"+m[1]+"</td>"+m[2], -1)
		if len(cells) < 9 {
			t.Fatalf("dashboard top row %s has %d cells", m[1], len(cells))
		}
		text := html.UnescapeString(tagRE.ReplaceAllString(cells[1][1]+" "+cells[8][1], " "))
		site = append(site, m[1]+" "+strings.Join(regexp.MustCompile(`P\d|\d{4}-\d\d-\d\d`).FindAllString(text, 2), " "))
	}
	txt, err := exec.Command(bin, "-layout", "-enc", "UTF-8", filepath.Join(out, "report-2026-11-30.ja.pdf"), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	body := string(txt)
	start := strings.Index(body, "3. 優先して実施すべき対策")
	start += strings.Index(body[start+1:], "3. 優先して実施すべき対策") + 1 // past the contents page
	end := strings.Index(body[start:], "4. 期限超過")
	if start <= 0 || end < 0 {
		t.Fatal("PDF section 3 not found")
	}
	pdfRowRE := regexp.MustCompile(`(?m)^\s*(\d+)\s+(P\d)\s.*?(\d{4}-\d\d-\d\d)`)
	var pdf []string
	for _, m := range pdfRowRE.FindAllStringSubmatch(body[start:start+end], -1) {
		pdf = append(pdf, m[1]+" "+m[2]+" "+m[3])
	}
	if len(site) != 10 || len(pdf) != 10 {
		t.Fatalf("top lists: dashboard %d rows %v, PDF %d rows %v; want 10 each", len(site), site, len(pdf), pdf)
	}
	for k := range site {
		if want := regexp.MustCompile(`^\d+`).FindString(pdf[k]); want != strings.Fields(site[k])[0] || want != strconv.Itoa(k+1) {
			t.Errorf("row %d: PDF %q, dashboard %q; want both ranked %d", k+1, pdf[k], site[k], k+1)
		} else if pdf[k] != site[k] {
			t.Errorf("row %d: PDF %q, dashboard %q", k+1, pdf[k], site[k])
		}
	}
}
