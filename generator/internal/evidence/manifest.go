// Package evidence is the audit trail of a build: the manifest (every
// input's digest and counts, every feed's version, every output's digest),
// the month's evidence archive (the snapshot as read plus the outputs) and
// verify, which re-checks an output folder or an archive against its
// manifest. It runs after the renderers, on the staged output.
package evidence

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"slices"

	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/publish"
	"vulnreport/generator/internal/report"
	"vulnreport/generator/internal/source"
)

// ManifestName is the manifest's path in the output folder.
const ManifestName = "manifest.json"

// Manifest records what went into a build and what came out, so that an
// auditor can check that nothing was altered afterwards.
type Manifest struct {
	// Schema names the format: "vulnreport/manifest".
	Schema string `json:"schema"`
	// SchemaVersion is "1.0".
	SchemaVersion string `json:"schema_version"`
	// ToolVersion is the vulnreport version that built the output.
	ToolVersion string `json:"tool_version"`
	// AsOf is the snapshot date.
	AsOf string `json:"as_of"`
	// Inputs lists every input file with its digest and record counts.
	Inputs []source.FileStat `json:"inputs"`
	// Feeds lists every public feed with its own version and date.
	Feeds []feed.Info `json:"feeds"`
	// Records sums the inputs' counts.
	Records Counts `json:"records"`
	// Outputs lists every output file but the manifest itself and the
	// evidence package.
	Outputs []publish.File `json:"outputs"`
	// Package names the evidence archive written beside the outputs, if any;
	// it holds this manifest, so it cannot be listed in Outputs.
	Package string `json:"package,omitempty"`
}

// WriteManifest adds the manifest of r to the staged output: every file
// staged so far, and pkg, the evidence archive's name when one follows.
func WriteManifest(stage *publish.Stage, r *report.Report, pkg string) error {
	data, err := EncodeManifest(Manifest{
		ToolVersion: r.ToolVersion, AsOf: r.AsOf.Format("2006-01-02"), Inputs: r.Sources.Inputs, Feeds: r.Sources.Feeds,
		Records: Counts{Read: r.Quality.Read, Accepted: r.Quality.Accepted, Rejected: r.Quality.Rejected},
		Outputs: stage.Files(), Package: pkg,
	})
	if err != nil {
		return err
	}
	return stage.WriteFile(ManifestName, data)
}

// Counts is records read, accepted and rejected.
type Counts struct {
	Read     int `json:"read"`
	Accepted int `json:"accepted"`
	Rejected int `json:"rejected"`
}

// EncodeManifest writes the manifest deterministically.
func EncodeManifest(m Manifest) ([]byte, error) {
	m.Schema, m.SchemaVersion = "vulnreport/manifest", "1.0"
	if m.Inputs == nil {
		m.Inputs = []source.FileStat{}
	}
	if m.Feeds == nil {
		m.Feeds = []feed.Info{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return nil, fmt.Errorf("encoding the manifest: %w", err)
	}
	return buf.Bytes(), nil
}

// DecodeManifest reads a manifest.
func DecodeManifest(data []byte) (Manifest, error) {
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return m, fmt.Errorf("manifest.json: %w", err)
	}
	if m.Schema != "vulnreport/manifest" {
		return m, fmt.Errorf("manifest.json: schema is %q, expected \"vulnreport/manifest\"", m.Schema)
	}
	return m, nil
}

// MaxManifestSize bounds the manifest Verify reads back.
const MaxManifestSize = 64 << 20

// ReadLimited reads a file of fsys that must not be larger than limit
// bytes. Unlike fs.ReadFile it does not trust the size the file claims
// (an entry of a hostile zip archive may claim any), reading at most
// limit+1 bytes.
func ReadLimited(fsys fs.FS, name string, limit int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s is larger than %d bytes", name, limit)
	}
	return b, nil
}

// Difference is one file that does not agree with the manifest.
type Difference struct {
	Path string
	// Kind is "added", "missing" or "changed".
	Kind string
}

func (d Difference) String() string { return d.Kind + ": " + d.Path }

// verifyFS re-hashes every file of fsys against its manifest.json and
// returns each file added, missing or changed, sorted by path.
func verifyFS(fsys fs.FS) ([]Difference, Manifest, error) {
	// Nothing but plain files is opened: a named pipe would block.
	if fi, err := fs.Lstat(fsys, ManifestName); err == nil && !fi.Mode().IsRegular() {
		return nil, Manifest{}, fmt.Errorf("reading %s: not a plain file", ManifestName)
	}
	data, err := ReadLimited(fsys, ManifestName, MaxManifestSize)
	if err != nil {
		return nil, Manifest{}, fmt.Errorf("reading %s: %w", ManifestName, err)
	}
	m, err := DecodeManifest(data)
	if err != nil {
		return nil, m, err
	}
	want := map[string]publish.File{}
	for _, f := range m.Outputs {
		want[f.Path] = f
	}
	var diffs []Difference
	seen := map[string]bool{}
	err = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || p == ManifestName || (m.Package != "" && p == m.Package) {
			return nil
		}
		seen[p] = true
		f, ok := want[p]
		if !ok {
			diffs = append(diffs, Difference{p, "added"})
			return nil
		}
		if !d.Type().IsRegular() {
			// a link, pipe or device where an output was: never opened
			diffs = append(diffs, Difference{p, "changed"})
			return nil
		}
		// Streamed, and never more than one byte past the size the
		// manifest gives: an archive may claim any size for an entry.
		r, err := fsys.Open(p)
		if err != nil {
			return err
		}
		h := sha256.New()
		n, err := io.Copy(h, io.LimitReader(r, max(f.Size, 0)+1))
		r.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		if hex.EncodeToString(h.Sum(nil)) != f.SHA256 || n != f.Size {
			diffs = append(diffs, Difference{p, "changed"})
		}
		return nil
	})
	if err != nil {
		return nil, m, fmt.Errorf("verifying: %w", err)
	}
	for p := range want {
		if !seen[p] {
			diffs = append(diffs, Difference{p, "missing"})
		}
	}
	slices.SortFunc(diffs, func(a, b Difference) int {
		if a.Path != b.Path {
			if a.Path < b.Path {
				return -1
			}
			return 1
		}
		return 0
	})
	return diffs, m, nil
}
