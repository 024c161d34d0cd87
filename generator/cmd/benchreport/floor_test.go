package main

import (
	"os"
	"path/filepath"
	"testing"

	"vulnreport/generator/internal/synth"
)

// TestFloorProbe runs the probe on a small synthetic enterprise: it must
// find exactly the (component row, advisory) pairs the generator's ranges
// cover (the probe ignores KB patch ids, as the count does) and write
// every output it stands for.
func TestFloorProbe(t *testing.T) {
	if findProbeFont() == "" {
		t.Skip("no ipaexg.ttf (Debian package fonts-ipaexfont): the probe's PDF cannot be written")
	}
	dir, out := t.TempDir(), t.TempDir()
	st, err := synth.Write(dir, synth.Config{Systems: 40, Components: 2000, Advisories: 3000})
	if err != nil {
		t.Fatal(err)
	}
	got, err := floorProbe(dir, out)
	if err != nil {
		t.Fatal(err)
	}
	if int64(got.Findings) != st.ExpectedMatches || got.Findings == 0 {
		t.Errorf("probe found %d findings; the generator's ranges cover %d", got.Findings, st.ExpectedMatches)
	}
	if got.Systems != st.Systems || got.Rows != st.Components {
		t.Errorf("probe read %d systems and %d rows; generated %d and %d", got.Systems, got.Rows, st.Systems, st.Components)
	}
	if want := st.Systems + 3; got.Files != want {
		t.Errorf("probe wrote %d files, want %d (a page per system, findings.json, the workbook, the PDF)", got.Files, want)
	}
	for _, name := range []string{"findings.json", "findings.xlsx", "report.pdf"} {
		if fi, err := os.Stat(filepath.Join(out, name)); err != nil || fi.Size() == 0 {
			t.Errorf("%s: not written (%v)", name, err)
		}
	}
}
