package evidence

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"path"
	"time"

	"vulnreport/generator/internal/plainfs"
	"vulnreport/generator/internal/publish"
	"vulnreport/generator/internal/report"
)

// PackageName returns the evidence archive's file name for a date.
func PackageName(asOf time.Time) string { return "evidence-" + asOf.Format("2006-01-02") + ".zip" }

// WritePackage adds the month's evidence archive to the output: the
// snapshot as read (under data/, each file checked against the digest taken
// while loading), every output and the manifest (under output/). Entries are
// sorted and stamped with the as-of date, so the archive is byte-identical
// for the same input. The manifest names the archive, and verify checks it.
func WritePackage(stage *publish.Stage, snapshot fs.FS, r *report.Report) error {
	names := stage.Names() // before the archive itself is started
	out, err := stage.Create(PackageName(r.AsOf))
	if err != nil {
		return err
	}
	defer out.Close() // a second Close after the one below is harmless
	zw := zip.NewWriter(out)
	stamp := time.Date(r.AsOf.Year(), r.AsOf.Month(), r.AsOf.Day(), 0, 0, 0, 0, time.UTC)
	add := func(name string, r io.Reader) error {
		h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: stamp}
		h.SetMode(0o644)
		w, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		_, err = io.Copy(w, r)
		return err
	}
	// Files are copied as streams: an export of a million findings is
	// hundreds of megabytes. They are opened as the load opened them (a
	// link only to a plain file inside the snapshot), so that an entry
	// replaced since by a pipe or a link outside is refused, not read.
	data := plainfs.New(snapshot)
	for _, in := range r.Sources.Inputs {
		f, err := data.Open(in.Path)
		if err != nil {
			return fmt.Errorf("packaging %s: %w", in.Path, err)
		}
		sum := sha256.New()
		err = add(path.Join("data", in.Path), io.TeeReader(f, sum))
		f.Close()
		if err != nil {
			return fmt.Errorf("packaging %s: %w", in.Path, err)
		}
		if hex.EncodeToString(sum.Sum(nil)) != in.SHA256 {
			return fmt.Errorf("packaging %s: the file changed during the build", in.Path)
		}
	}
	for _, name := range names {
		f, err := stage.Open(name)
		if err != nil {
			return fmt.Errorf("packaging: %w", err)
		}
		err = add(path.Join("output", name), f)
		f.Close()
		if err != nil {
			return fmt.Errorf("packaging: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("packaging: %w", err)
	}
	return out.Close()
}
