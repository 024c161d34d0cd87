package xlsx

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestLibreOfficeOpensWorkbook converts the workbook to PDF with
// LibreOffice, headless, when it is installed: the file must open and
// print without errors.
func TestLibreOfficeOpensWorkbook(t *testing.T) {
	bin, err := exec.LookPath("libreoffice")
	if err != nil {
		if bin, err = exec.LookPath("soffice"); err != nil {
			t.Skip("libreoffice not installed")
		}
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "report.xlsx")
	if err := os.WriteFile(in, renderBytes(t, fixture(), 0), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	profile := "-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile"))
	args := []string{"--headless", profile, "--convert-to", "pdf", "--outdir", dir, in}
	var out []byte
	for range 2 { // a fresh profile may ask for a restart (exit 81) on first use
		out, err = exec.CommandContext(ctx, bin, args...).CombinedOutput()
		if exitCode(err) != 81 {
			break
		}
	}
	if err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	if st, err := os.Stat(filepath.Join(dir, "report.pdf")); err != nil || st.Size() == 0 {
		t.Fatalf("no PDF (%v)\n%s", err, out)
	}
}

func exitCode(err error) int {
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	return 0
}
