package planimport

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLibreOfficeResave edits the plan, saves the workbook again with
// LibreOffice (as a person using it would) and imports it: the same
// records must come out as from the workbook before LibreOffice.
func TestLibreOfficeResave(t *testing.T) {
	bin, err := exec.LookPath("libreoffice")
	if err != nil {
		if bin, err = exec.LookPath("soffice"); err != nil {
			if os.Getenv("VULNREPORT_LIBREOFFICE") == "required" {
				t.Fatal("VULNREPORT_LIBREOFFICE=required but neither libreoffice nor soffice is installed")
			}
			t.Skip("libreoffice not installed (Debian: libreoffice-calc-nogui; set VULNREPORT_LIBREOFFICE=required to fail instead)")
		}
	}
	dir, file := snapshot(t, false)
	book := workbook(t, planReport(file))
	e := openEditor(t, book)
	editPlan(e)
	e.save(book)
	out := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	profile := "-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(out, "profile"))
	args := []string{"--headless", profile, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, book}
	var msg []byte
	for range 2 { // a fresh profile may ask for a restart (exit 81) on first use
		msg, err = exec.CommandContext(ctx, bin, args...).CombinedOutput()
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 81 {
			break
		}
	}
	if err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, msg)
	}
	var log bytes.Buffer
	if err := Run(filepath.Join(out, filepath.Base(book)), dir, false, &log); err != nil {
		t.Fatalf("import after LibreOffice: %v\n%s", err, log.String())
	}
	recs := records(t, file)
	if r := recs["R-1"]; r.Stage != "plan" || r.Owner != "佐藤" || r.Planned.Format(time.DateOnly) != "2026-12-15" || r.Notes != evil {
		t.Errorf("R-1 = %+v", r)
	}
	if r := recs["R-IMPORT-1"]; r.Stage != "investigate" || r.Action != "workaround" || r.Planned.Format(time.DateOnly) != "2026-12-20" {
		t.Errorf("R-IMPORT-1 = %+v", r)
	}
	if strings.Contains(log.String(), office) {
		t.Errorf("LibreOffice's copy shows a change on an action nobody edited:\n%s", log.String())
	}
}
