// Package realdata locates the shared folder of real public feed samples
// (../shared/realdata next to the repository) for the feed readers' tests.
package realdata

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the realdata folder. The folder sits next to the repository:
// from a package folder generator/internal/feed/<pkg>/ it is
// ../../../../../shared/realdata; Dir finds it from the module root (the
// nearest folder up from the working directory that holds go.mod), so that
// it works from any package. When the folder is absent the test is skipped,
// unless the environment variable REALDATA is "required", which makes it
// fail instead.
func Dir(t testing.TB) string {
	t.Helper()
	if dir := findDir(); dir != "" {
		return dir
	}
	if os.Getenv("REALDATA") == "required" {
		t.Fatal("../shared/realdata not found and REALDATA=required")
	}
	t.Skip("../shared/realdata not found: real-data tests skipped")
	return ""
}

func findDir() string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for dir := wd; ; {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			rd := filepath.Join(dir, "..", "shared", "realdata")
			if st, err := os.Stat(rd); err == nil && st.IsDir() {
				return rd
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Files returns the files under the realdata subfolder sub whose names end
// in one of the suffixes, sorted; the test fails when there is none.
func Files(t testing.TB, sub string, suffixes ...string) []string {
	t.Helper()
	root := filepath.Join(Dir(t), sub)
	var out []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		for _, s := range suffixes {
			if len(p) >= len(s) && p[len(p)-len(s):] == s {
				out = append(out, p)
				break
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("reading %s: %v", root, err)
	}
	if len(out) == 0 {
		t.Fatalf("no %v files under %s", suffixes, root)
	}
	return out
}

// Read returns the contents of the file at the path relative to the
// realdata folder.
func Read(t testing.TB, rel string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(Dir(t), filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return data
}
