package history

import (
	"testing"
	"time"

	"vulnreport/generator/internal/source"
)

// TestLoadReportsUnusableFiles: a history file that cannot be used is left
// out and reported as a warning at its own path, the good ones are kept
// oldest first.
func TestLoadReportsUnusableFiles(t *testing.T) {
	good := func(key string) []byte {
		return []byte(`{"schema":"vulnreport/findings","schema_version":"1.0","count":1,"findings":[{"key":"` + key + `","state":"open"}]}`)
	}
	var diags source.Diagnostics
	months := Load([]Input{
		{Date: "2026-10-31", Path: "history/2026-10-31/findings.json", Data: good("b")},
		{Date: "not-a-date", Path: "history/not-a-date/findings.json", Data: good("x")},
		{Date: "2026-09-30", Path: "history/2026-09-30/findings.json", Data: good("a")},
		{Date: "2026-08-31", Path: "history/2026-08-31/findings.json", Data: []byte(`{"schema":"other"}`)},
	}, &diags)
	if len(months) != 2 || !months[0].Date.Equal(time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC)) || !months[1].Date.Equal(time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("months = %+v, want 2026-09-30 and 2026-10-31", months)
	}
	if _, ok := months[0].Lookup("a"); !ok {
		t.Errorf("2026-09-30 lost its finding")
	}
	got := diags.Sorted()
	want := []string{
		`history/2026-08-31/findings.json:1:1: warning: history not used: history/2026-08-31/findings.json: schema is "other", expected "vulnreport/findings"`,
		`history/not-a-date/findings.json:1:1: warning: history not used: history/not-a-date/findings.json: folder name is not a date`,
	}
	if len(got) != len(want) {
		t.Fatalf("diagnostics = %v, want %d", got, len(want))
	}
	for i, d := range got {
		if d.Pos.File == "" || d.Severity != source.Warning {
			t.Errorf("diagnostic %d = %+v: want a warning positioned at its file", i, d)
		}
		if d.String() != want[i] {
			t.Errorf("diagnostic %d = %q, want %q", i, d.String(), want[i])
		}
	}
}
