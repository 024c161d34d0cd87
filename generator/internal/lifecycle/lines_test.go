package lifecycle

import (
	"testing"
	"time"
)

// TestWordLines covers lines named by words (issue 12 item 6): equal to
// the version without regard to case or spacing, or after the product's
// name, never a numeric prefix; and builds through a line's latest build.
func TestWordLines(t *testing.T) {
	eol := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	ix := NewIndex([]Cycle{
		{Key: "microsoft:windows_server_2012", Cycle: "r2", Origin: "lifecycle"},
		{Key: "mozilla:firefox", Cycle: "esr", Origin: "lifecycle"},
		{Key: "mozilla:firefox", Cycle: "115", Origin: "lifecycle"},
		{Key: "microsoft:windows", Cycle: "xp", Origin: "lifecycle"},
		{Key: "microsoft:windows", Cycle: "23h2-ac", Latest: "10.0.25398", Origin: "endoflife.date", EOL: eol("2026-05-12")},
		{Key: "w", Cycle: "a-sac", Latest: "10.0.17763", Origin: "endoflife.date", EOL: eol("2020-11-10")},
		{Key: "w", Cycle: "b", Latest: "10.0.17763", Origin: "endoflife.date", EOL: eol("2029-01-09")},
		{Key: "w2", Cycle: "a-sac", Latest: "10.0.17763", Origin: "endoflife.date", EOL: eol("2020-11-10")},
		{Key: "w2", Cycle: "2019", Latest: "10.0.17763", Origin: "lifecycle"},
	})
	cases := []struct{ key, ver, want string }{
		{"microsoft:windows_server_2012", "r2", "r2"},
		{"microsoft:windows_server_2012", "R2", "r2"},
		{"microsoft:windows_server_2012", "2012 R2", "r2"}, // written with the product's name
		{"microsoft:windows_server_2012", "Windows Server 2012 R2", "r2"},
		{"microsoft:windows_server_2012", "2016 R2", ""},
		{"mozilla:firefox", "ESR", "esr"},
		{"mozilla:firefox", "Firefox ESR", "esr"},
		{"mozilla:firefox", "115.5.0", "115"},
		{"microsoft:windows", "XP", "xp"},
		{"microsoft:windows", "Windows XP", "xp"},
		{"microsoft:windows", "xp2", ""},
		{"microsoft:windows", "23H2 AC", "23h2-ac"},
		{"microsoft:windows", "10.0.25398.1189", "23h2-ac"},
		{"microsoft:windows", "10.0.253981", ""},
		{"w", "10.0.17763.1", "a-sac"}, // shared build: the earlier end of life
		{"w2", "10.0.17763.1", "2019"}, // a local record says which line
	}
	for _, tc := range cases {
		c, ok := ix.Find(tc.key, tc.ver)
		if got := map[bool]string{true: c.Cycle}[ok]; got != tc.want {
			t.Errorf("%s %q: line %q, want %q", tc.key, tc.ver, got, tc.want)
		}
	}
	if ix.Placeable("mozilla:firefox", "N/A") || !ix.Placeable("mozilla:firefox", "ESR") || !ix.Placeable("mozilla:firefox", "1.0") {
		t.Error("Placeable wrong")
	}
}
