package app

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"vulnreport/generator/internal/publish"
)

// ErrVerify is returned when an output folder disagrees with its manifest.
var ErrVerify = errors.New("the output does not match its manifest")

// Verify re-checks an output folder, or an evidence package (.zip),
// against its manifest and prints every file added, missing or changed.
func Verify(path string, stdout io.Writer) error {
	var fsys fs.FS
	if strings.HasSuffix(strings.ToLower(path), ".zip") {
		zr, err := zip.OpenReader(path)
		if err != nil {
			return fmt.Errorf("verify: %w", err)
		}
		defer zr.Close()
		sub, err := fs.Sub(zr, "output")
		if err != nil {
			return fmt.Errorf("verify: %w", err)
		}
		fsys = sub
	} else {
		st, err := os.Stat(path)
		if err != nil {
			return fmt.Errorf("verify: %w", err)
		}
		if !st.IsDir() {
			return fmt.Errorf("verify: %s is neither a folder nor a .zip evidence package", path)
		}
		fsys = os.DirFS(path)
	}
	diffs, m, err := publish.Verify(fsys)
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	for _, d := range diffs {
		fmt.Fprintln(stdout, d.String())
	}
	if len(diffs) > 0 {
		return fmt.Errorf("%d files differ: %w", len(diffs), ErrVerify)
	}
	fmt.Fprintf(stdout, "ok: %d files match the manifest (as of %s, vulnreport %s)\n", len(m.Outputs), m.AsOf, m.ToolVersion)
	return nil
}
