package lifecycle

import (
	"testing"
	"time"

	"vulnreport/generator/internal/model"
)

func d(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

func TestStatus(t *testing.T) {
	asOf := d("2026-11-30")
	cases := []struct {
		name string
		c    Cycle
		want model.LifecycleStatus
	}{
		{"supported", Cycle{SupportEnd: d("2028-01-01"), EOL: d("2029-01-01")}, model.LifecycleSupported},
		{"ending within 180 days", Cycle{SupportEnd: d("2022-01-11"), EOL: d("2027-01-12")}, model.LifecycleEnding},
		{"ending exactly at the horizon", Cycle{EOL: d("2027-05-29")}, model.LifecycleEnding},
		{"just beyond the horizon", Cycle{EOL: d("2027-05-30")}, model.LifecycleSupported},
		{"security fixes only", Cycle{SupportEnd: d("2025-12-31"), EOL: d("2027-12-31")}, model.LifecycleSecurityOnly},
		{"end of life", Cycle{SupportEnd: d("2020-01-01"), EOL: d("2022-11-28")}, model.LifecycleEOL},
		{"end of life on the day", Cycle{EOL: d("2026-11-30")}, model.LifecycleEOL},
		{"extended support", Cycle{EOL: d("2023-10-10"), ExtendedEnd: d("2026-12-31")}, model.LifecycleExtended},
		{"extended support over", Cycle{EOL: d("2023-10-10"), ExtendedEnd: d("2026-10-13")}, model.LifecycleEOL},
		{"unknown dates", Cycle{}, model.LifecycleUnknown},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Status(tc.c, asOf, 180); got != tc.want {
				t.Errorf("status = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestIndexFind(t *testing.T) {
	ix := NewIndex([]Cycle{
		{Key: "apache:struts", Cycle: "2.5", Latest: "2.5.33", Origin: "lifecycle"},
		{Key: "apache:struts", Cycle: "2.5.1", Origin: "lifecycle"},
		{Key: "apache:struts", Cycle: "2", Origin: "endoflife.date"},
		{Key: "openssl:openssl", Cycle: "1.0.2", Origin: "lifecycle"},
	})
	cases := []struct{ key, ver, want string }{
		{"apache:struts", "2.5.26", "2.5"},
		{"apache:struts", "2.5.10.1", "2.5"},
		{"apache:struts", "2.5.1.3", "2.5.1"},
		{"apache:struts", "2.50.1", "2"},
		{"openssl:openssl", "1.0.2k", "1.0.2"},
		{"openssl:openssl", "1.1.1", ""},
	}
	for _, tc := range cases {
		c, ok := ix.Find(tc.key, tc.ver)
		if got := map[bool]string{true: c.Cycle, false: ""}[ok]; got != tc.want {
			t.Errorf("%s %s: cycle %q, want %q", tc.key, tc.ver, got, tc.want)
		}
	}
	c, _ := ix.Find("apache:struts", "2.5.26")
	if !NotLatest(c, "2.5.26") || NotLatest(c, "2.5.33") {
		t.Error("NotLatest wrong")
	}
}
