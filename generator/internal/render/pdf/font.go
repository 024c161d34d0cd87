package pdf

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// fontName is the IPAex Gothic file searched for when the policy names no
// font (Debian and Ubuntu: package fonts-ipaexfont).
const fontName = "ipaexg.ttf"

// fontDirs returns the folders searched for IPAex Gothic, in order.
func fontDirs() []string {
	dirs := []string{
		"/usr/share/fonts/opentype/ipaexfont-gothic",
		"/usr/share/fonts/truetype/ipaexfont-gothic",
		"/usr/share/fonts/truetype",
		"/usr/share/fonts/opentype",
		"/usr/share/fonts",
		"/usr/local/share/fonts",
	}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, ".fonts"), filepath.Join(home, ".local", "share", "fonts"))
	}
	return dirs
}

// loadFont reads the policy's font, or finds IPAex Gothic in dirs (nil:
// the usual folders), and checks that it is a TrueType font.
func loadFont(policy string, dirs []string) ([]byte, error) {
	path := policy
	if path == "" {
		if dirs == nil {
			dirs = fontDirs()
		}
		path = findFont(dirs)
		if path == "" {
			return nil, fmt.Errorf("no Japanese font for the PDF: %s was not found in %v; "+
				"install the Debian package fonts-ipaexfont (apt-get install fonts-ipaexfont) "+
				"or set pdf.font in policy.yaml to the path of a TrueType (.ttf) font", fontName, dirs)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		if policy != "" {
			return nil, fmt.Errorf("the font named by pdf.font in policy.yaml cannot be read: %w; "+
				"set pdf.font to a TrueType (.ttf) font such as IPAex Gothic from the Debian package fonts-ipaexfont", err)
		}
		return nil, fmt.Errorf("reading the PDF font: %w", err)
	}
	if !isTrueType(data) {
		return nil, fmt.Errorf("the PDF font %s is not a TrueType font (.ttf with glyf outlines); "+
			"set pdf.font in policy.yaml to one, such as ipaexg.ttf from the Debian package fonts-ipaexfont", path)
	}
	return data, nil
}

// findFont returns the first ipaexg.ttf in dirs: directly inside each, then
// anywhere below it.
func findFont(dirs []string) string {
	for _, dir := range dirs {
		p := filepath.Join(dir, fontName)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p
		}
	}
	for _, dir := range dirs {
		var found []string
		_ = filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				if e != nil && e.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !e.IsDir() && e.Name() == fontName {
				found = append(found, p)
			}
			return nil
		})
		if len(found) > 0 {
			slices.Sort(found)
			return found[0]
		}
	}
	return ""
}

// isTrueType reports whether data starts like a TrueType font (not a CFF
// OpenType font, which fpdf cannot embed).
func isTrueType(data []byte) bool {
	return len(data) > 12 && (bytes.HasPrefix(data, []byte{0, 1, 0, 0}) || bytes.HasPrefix(data, []byte("true")))
}
