package evidence

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"

	"vulnreport/generator/internal/publish"
)

// ErrVerify is returned when an output folder disagrees with its manifest.
var ErrVerify = errors.New("the output does not match its manifest")

// Verify re-checks an output folder, or an evidence package (.zip),
// against its manifest and prints every file added, missing or changed.
// For a package it also checks the snapshot files it carries against the
// manifest's input digests; for a folder holding a package, the package too.
func Verify(p string, stdout io.Writer) error {
	if strings.HasSuffix(strings.ToLower(p), ".zip") {
		return verifyZip(p, stdout)
	}
	st, err := os.Stat(p)
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	if !st.IsDir() {
		return fmt.Errorf("verify: %s is neither a folder nor a .zip evidence package", p)
	}
	diffs, m, err := verifyFS(os.DirFS(p))
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	if m.Package != "" && (publish.CheckPath(m.Package) != nil || strings.Contains(m.Package, "/")) {
		return fmt.Errorf("verify: %s names the package %q, which is not a file of the folder: %w", ManifestName, m.Package, ErrVerify)
	}
	pkg := ""
	if m.Package != "" {
		// The package must be there, and carry this very manifest.
		pkg = path.Join(p, m.Package)
		own, _ := ReadLimited(os.DirFS(p), ManifestName, MaxManifestSize)
		if st, err := os.Lstat(pkg); errors.Is(err, fs.ErrNotExist) {
			diffs = append(diffs, Difference{Path: m.Package, Kind: "missing"})
			pkg = ""
		} else if err == nil && !st.Mode().IsRegular() {
			// a link, pipe or device in its place: never opened
			diffs = append(diffs, Difference{Path: m.Package, Kind: "changed"})
			pkg = ""
		} else if inZip, err := zipManifest(pkg); err == nil && !bytes.Equal(own, inZip) {
			diffs = append(diffs, Difference{Path: ManifestName + " (not the manifest in " + m.Package + ")", Kind: "changed"})
		}
	}
	n := printDiffs(stdout, diffs)
	if pkg != "" {
		if err := verifyZip(pkg, stdout); err != nil {
			return err
		}
	}
	if n > 0 {
		return fmt.Errorf("%d files differ: %w", n, ErrVerify)
	}
	fmt.Fprintf(stdout, "ok: %d files match the manifest (as of %s, vulnreport %s)\n", len(m.Outputs), m.AsOf, m.ToolVersion)
	return nil
}

func printDiffs(w io.Writer, diffs []Difference) int {
	for _, d := range diffs {
		fmt.Fprintln(w, d.String())
	}
	return len(diffs)
}

// zipManifest returns the manifest an evidence package carries.
func zipManifest(p string) ([]byte, error) {
	zr, err := zip.OpenReader(p)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return ReadLimited(zr, "output/"+ManifestName, MaxManifestSize)
}

func verifyZip(p string, stdout io.Writer) error {
	if st, err := os.Stat(p); err == nil && !st.Mode().IsRegular() {
		return fmt.Errorf("verify: %s is not a plain file", p)
	}
	zr, err := zip.OpenReader(p)
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	defer zr.Close()
	out, err := fs.Sub(zr, "output")
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	diffs, m, err := verifyFS(out)
	if err != nil {
		return fmt.Errorf("verify %s: %w", p, err)
	}
	for i := range diffs {
		diffs[i].Path = "output/" + diffs[i].Path
	}
	want := map[string]string{}
	size := map[string]int64{}
	for _, in := range m.Inputs {
		want["data/"+in.Path] = in.SHA256
		size["data/"+in.Path] = in.Size
	}
	seen := map[string]bool{}
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "data/") {
			continue
		}
		seen[f.Name] = true
		sum, ok := want[f.Name]
		if !ok {
			diffs = append(diffs, Difference{Path: f.Name, Kind: "added"})
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return fmt.Errorf("verify %s: %w", p, err)
		}
		// never more than one byte past the size the manifest gives
		h := sha256.New()
		n, err := io.Copy(h, io.LimitReader(rc, max(size[f.Name], 0)+1))
		rc.Close()
		if err != nil {
			return fmt.Errorf("verify %s: %s: %w", p, f.Name, err)
		}
		if hex.EncodeToString(h.Sum(nil)) != sum || n != size[f.Name] {
			diffs = append(diffs, Difference{Path: f.Name, Kind: "changed"})
		}
	}
	for name := range want {
		if !seen[name] {
			diffs = append(diffs, Difference{Path: name, Kind: "missing"})
		}
	}
	if n := printDiffs(stdout, diffs); n > 0 {
		return fmt.Errorf("%s: %d files differ: %w", p, n, ErrVerify)
	}
	fmt.Fprintf(stdout, "ok: %s: %d outputs and %d snapshot files match the manifest\n", path.Base(p), len(m.Outputs), len(m.Inputs))
	return nil
}
