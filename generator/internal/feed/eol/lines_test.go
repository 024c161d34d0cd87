package eol

import (
	"os"
	"path/filepath"
	"testing"

	"vulnreport/generator/internal/feed/internal/realdata"
	"vulnreport/generator/internal/lifecycle"
)

// TestReleaseLinesRealData places versions as inventories write them in
// the release lines of the real endoflife.date pages of Windows Server,
// Windows and macOS (issue 12 item 6): line names that are not numbers
// ("2012-r2", "23h2-ac", "7-sp1"), written as the line or with the
// product's name, and Windows builds through each line's latest build.
func TestReleaseLinesRealData(t *testing.T) {
	dir := filepath.Join(realdata.Dir(t), "endoflife-date", "products")
	index := func(name string) *lifecycle.Index {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		res, _ := parse(t, name, data)
		for i := range res.Cycles {
			res.Cycles[i].Key = "k"
		}
		return lifecycle.NewIndex(res.Cycles)
	}
	cases := []struct {
		page string
		ver  string
		want string // "" = no line
	}{
		{"windows-server.md", "10.0.20348.2849", "2022"},
		{"windows-server.md", "10.0.20348", "2022"},
		{"windows-server.md", "10.0.26100.4349", "2025"},
		{"windows-server.md", "10.0.25398.1189", "23h2-ac"},
		{"windows-server.md", "23H2-AC", "23h2-ac"},
		{"windows-server.md", "23h2 ac", "23h2-ac"},
		{"windows-server.md", "2012 R2", "2012-r2"},
		{"windows-server.md", "2012-R2", "2012-r2"},
		{"windows-server.md", "Windows Server 2012 R2", "2012-r2"},
		{"windows-server.md", "2012", "2012"},
		{"windows-server.md", "2019", "2019"},
		{"windows-server.md", "2008 R2 SP1", "2008-r2-sp1"},
		// 2019 LTSC and 1809 SAC share build 10.0.17763: the earlier end
		// of life is taken, never the better-supported line.
		{"windows-server.md", "10.0.17763.6532", "1809-sac"},
		{"windows-server.md", "10.0.203480", ""},
		{"windows-server.md", "r3", ""},
		{"windows.md", "10.0.19045.5131", "10-22h2"},
		{"windows.md", "7 SP1", "7-sp1"},
		{"windows.md", "8.1", "8.1"},
		{"windows.md", "6.3.9600.20778", "8.1"},
		{"windows.md", "10.0.26100.2605", "11-24h2-w"},
		{"macos.md", "14.6.1", "14"},
		{"macos.md", "10.15.7", "10.15"},
		{"macos.md", "10.1.5", "10.1"},
		{"macos.md", "10.10.5", "10.10"},
	}
	ixs := map[string]*lifecycle.Index{}
	for _, tc := range cases {
		ix := ixs[tc.page]
		if ix == nil {
			ix = index(tc.page)
			ixs[tc.page] = ix
		}
		c, ok := ix.Find("k", tc.ver)
		got := ""
		if ok {
			got = c.Cycle
		}
		if got != tc.want {
			t.Errorf("%s: %q is in line %q, want %q", tc.page, tc.ver, got, tc.want)
		}
	}
}
