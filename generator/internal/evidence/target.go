package evidence

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"vulnreport/generator/internal/i18n"
)

// TargetError says why a folder may not be used as a build's output: the
// build would replace it, and with it files vulnreport did not write.
type TargetError struct {
	Out string
	// Ja and En say why, in each language.
	Ja, En string
}

func (e *TargetError) Error() string {
	return fmt.Sprintf("--out %s: %s\n  --out %s: %s", e.Out, e.Ja, e.Out, e.En)
}

// osCache reports whether an entry is a thumbnail or view cache that
// Finder or Explorer writes into any folder it shows (an output on a file
// share gets them): regenerated at will, so replacing them loses nothing.
func osCache(d fs.DirEntry) bool {
	return d.Type().IsRegular() && (d.Name() == ".DS_Store" || d.Name() == "Thumbs.db")
}

// maxNamed bounds the foreign files a refusal names.
const maxNamed = 3

// CheckTarget decides whether out may be replaced by a build: it may be
// missing, an empty folder, or a previous vulnreport output — a folder
// with a vulnreport manifest.json in which every file is the manifest, the
// evidence package it names or an output it lists. Anything else (a file,
// a symbolic link, a folder holding anything vulnreport did not write) is
// refused with a *TargetError naming the first foreign files. The caches
// Finder and Explorer write (.DS_Store, Thumbs.db) count as nothing. Files are
// recognised by name: an output edited in place (a workbook filled in for
// import-plan) is still the tool's and is replaced.
func CheckTarget(out string) error {
	// refuse says why in the catalogue's words (evidence.refuse.*).
	refuse := func(key string, args ...any) error {
		t := i18n.Sentencef(key, args...)
		return &TargetError{Out: out, Ja: t.JA, En: t.EN}
	}
	st, err := os.Lstat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return refuse("evidence.refuse.unchecked", err.Error())
	case st.Mode()&fs.ModeSymlink != 0:
		return refuse("evidence.refuse.symlink")
	case !st.IsDir():
		return refuse("evidence.refuse.not_folder")
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return refuse("evidence.refuse.unreadable", err.Error())
	}
	if !slices.ContainsFunc(entries, func(e fs.DirEntry) bool { return !osCache(e) }) {
		return nil
	}
	// Only a plain manifest is read: a named pipe would block the build.
	var m Manifest
	mst, err := os.Lstat(filepath.Join(out, ManifestName))
	if err == nil && !mst.Mode().IsRegular() {
		err = errors.New("manifest.json is not a plain file")
	}
	if err == nil {
		var data []byte
		if data, err = ReadLimited(os.DirFS(out), ManifestName, MaxManifestSize); err == nil {
			m, err = DecodeManifest(data)
		}
	}
	if err != nil {
		return refuse("evidence.refuse.not_output")
	}
	ours := map[string]bool{ManifestName: true}
	if m.Package != "" {
		ours[m.Package] = true
	}
	for _, f := range m.Outputs {
		ours[f.Path] = true
	}
	var foreign []string
	n := 0
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() || (d.Type().IsRegular() && ours[rel]) || osCache(d) {
			return nil
		}
		n++
		if len(foreign) < maxNamed {
			foreign = append(foreign, rel)
		}
		return nil
	})
	if err != nil {
		return refuse("evidence.refuse.unchecked", err.Error())
	}
	if n == 0 {
		return nil
	}
	list := strings.Join(foreign, ", ")
	var more i18n.Text
	if n > len(foreign) {
		more = i18n.Sentencef("evidence.refuse.more", n-len(foreign))
	}
	return refuse("evidence.refuse.foreign", list, more)
}
