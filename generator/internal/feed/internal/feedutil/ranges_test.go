package feedutil

import (
	"strings"
	"testing"

	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/version"
)

func TestNVDClause(t *testing.T) {
	tests := []struct {
		name                   string
		cpeVer, si, se, ei, ee string
		want                   string
		ok, skip               bool
	}{
		{"end excluding", "*", "", "", "", "2.15.0", "<2.15.0", true, false},
		{"start incl end excl", "*", "2.0", "", "", "2.15.0", ">=2.0 <2.15.0", true, false},
		{"start excl end incl", "*", "", "1.0", "1.9", "", ">1.0 <=1.9", true, false},
		{"exact version in cpe", "2.14.1", "", "", "", "", "=2.14.1", true, false},
		{"any version", "*", "", "", "", "", "*", true, false},
		{"empty version", "", "", "", "", "", "*", true, false},
		{"not applicable", "-", "", "", "", "", "", false, true},
		{"bounds win over dash", "-", "", "", "", "3.0", "<3.0", true, false},
		{"unreadable bound", "*", "", "", "", "12.2(58)se", "<12.2(58)se", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok, skip := NVDClause(tt.cpeVer, tt.si, tt.se, tt.ei, tt.ee)
			if got != tt.want || ok != tt.ok || skip != tt.skip {
				t.Errorf("got (%q, %v, %v), want (%q, %v, %v)", got, ok, skip, tt.want, tt.ok, tt.skip)
			}
		})
	}
}

func TestCPEVersion(t *testing.T) {
	tests := map[string]string{
		"cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*":                        "2.14.1",
		"cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*":                             "*",
		"cpe:2.3:h:espressif:esp32:-:*:*:*:*:*:*:*":                          "-",
		"cpe:2.3:a:open62541:open62541:1.3:rc1:*:*:*:*:*:*":                  "1.3-rc1",
		"cpe:2.3:a:netapp:clustered_data_ontap:9.8:p7:*:*:*":                 "9.8P7",
		"cpe:2.3:o:paloaltonetworks:pan-os:10.2.8:h1:*:*:*:*:*:*":            "10.2.8-h1",
		"cpe:2.3:o:juniper:junos:21.4:r3-s5:*:*:*:*:*:*":                     "21.4R3-S5",
		"cpe:2.3:o:apple:macos:10.15.7:security_update_2022-001:*:*:*:*:*:*": "10.15.7_security_update_2022-001",
		"cpe:2.3:a:oracle:jdk:1.8.0:update361:*:*:*:*:*:*":                   "1.8.0_361",
		"cpe:/o:paloaltonetworks:pan-os:10.2.8:h1":                           "10.2.8-h1",
		"cpe:2.3:o:apple:macos:*:security_update_2022-001:*:*:*:*:*:*":       "*",
		"cpe:2.3:a:oracle:jdk:1.8.0:update_45:*:*:*:*:*:*":                   "1.8.0_45",
		// no rule folds it: text, so the clause is free text, never "=2.0"
		"cpe:2.3:a:vendor:product:2.0:something:*:*:*:*:*:*": "2.0 update something",
		"cpe:2.3:a:vendor:prod\\:uct:1.0\\:beta:*:*:*:*:*:*": "1.0:beta",
		"cpe:/a:jacic:electronic_bidding_core_system:6.4":    "6.4",
		"cpe:/a:jacic:electronic_bidding_core_system":        "",
		"not a cpe": "",
		"cpe:2.3:a:themeisle:wp_maintenance_mode_\\&_coming:*": "*",
	}
	for in, want := range tests {
		if got := CPEVersion(in); got != want {
			t.Errorf("CPEVersion(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCVE5Clauses(t *testing.T) {
	ch := func(pairs ...string) []CVE5Change {
		var out []CVE5Change
		for i := 0; i+1 < len(pairs); i += 2 {
			out = append(out, CVE5Change{At: pairs[i], Status: pairs[i+1]})
		}
		return out
	}
	tests := []struct {
		name string
		v    CVE5Version
		want string // clauses joined with " || "
		free string
	}{
		{"range", CVE5Version{Version: "2.0", LessThan: "2.15.0", Status: "affected"}, ">=2.0 <2.15.0", ""},
		{"exact", CVE5Version{Version: "2.14.1", Status: "affected"}, "=2.14.1", ""},
		{"lessThanOrEqual", CVE5Version{Version: "8.5.0", LessThanOrEqual: "8.5.95", Status: "affected"}, ">=8.5.0 <=8.5.95", ""},
		{"zero lower bound", CVE5Version{Version: "0", LessThan: "3.0.15", Status: "affected"}, "<3.0.15", ""},
		{"star lower bound", CVE5Version{Version: "*", LessThanOrEqual: "21.7.2", Status: "affected"}, "<=21.7.2", ""},
		{"unspecified lower bound", CVE5Version{Version: "unspecified", LessThan: "1.4.2", Status: "affected"}, "<1.4.2", ""},
		{"open upper bound", CVE5Version{Version: "6.10", LessThanOrEqual: "*", Status: "affected"}, ">=6.10", ""},
		{"everything", CVE5Version{Version: "0", LessThanOrEqual: "*", Status: "affected"}, "*", ""},
		{"all", CVE5Version{Version: "All", Status: "affected"}, "*", ""},
		{"wildcard exact", CVE5Version{Version: "8.1.*", Status: "affected"}, ">=8.1 <8.2", ""},
		{"x wildcard exact", CVE5Version{Version: "4.x", Status: "affected"}, ">=4 <5", ""},
		{"wildcard lower", CVE5Version{Version: "8.0.x", LessThan: "8.0.28", Status: "affected"}, ">=8.0 <8.0.28", ""},
		{"wildcard upper inclusive", CVE5Version{Version: "6.1", LessThanOrEqual: "6.1.*", Status: "affected"}, ">=6.1 <6.2", ""},
		{"operator in version", CVE5Version{Version: ">= 8.4.0", Status: "affected"}, ">=8.4.0", ""},
		{"same bounds mean before", CVE5Version{Version: "129.0.6668.58", LessThan: "129.0.6668.58", Status: "affected"}, "<129.0.6668.58", ""},
		{"log4shell changes", CVE5Version{Version: "2.0-beta9", LessThan: "log4j-core*", Status: "affected",
			Changes: ch("2.3.1", "unaffected", "2.4", "affected", "2.12.2", "unaffected", "2.13.0", "affected", "2.15.0", "unaffected")},
			">=2.0-beta9 <2.3.1 || >=2.4 <2.12.2 || >=2.13.0 <2.15.0", ""},
		{"changes out of order", CVE5Version{Version: "1.0", LessThan: "3.0", Status: "affected", Changes: ch("2.0", "unaffected", "1.5", "unaffected")},
			">=1.0 <1.5", ""},
		{"changes ending affected", CVE5Version{Version: "1.0", LessThan: "3.0", Status: "affected", Changes: ch("1.5", "unaffected", "2.0", "affected")},
			">=1.0 <1.5 || >=2.0 <3.0", ""},
		{"unaffected subtracts nothing", CVE5Version{Version: "2.15.0", Status: "unaffected"}, "", ""},
		{"n/a", CVE5Version{Version: "n/a", Status: "affected"}, "", "version n/a"},
		{"unspecified exact", CVE5Version{Version: "unspecified", Status: "affected"}, "", "version unspecified"},
		{"prose", CVE5Version{Version: "FastConnect 6700", Status: "affected"}, "", "version FastConnect 6700"},
		{"unreadable upper", CVE5Version{Version: "1.31.0", LessThan: "unspecified", Status: "affected"}, "", "version 1.31.0, lessThan unspecified"},
		{"unknown status", CVE5Version{Version: "1.0", Status: "unknown"}, "", "version 1.0, status unknown"},
		{"description kept", CVE5Version{Version: "", LessThanOrEqual: "x y", Status: "affected", Description: "バージョン 1.0 未満"}, "", "バージョン 1.0 未満"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, free := CVE5Clauses(tt.v)
			got := strings.Join(cs, " || ")
			if got != tt.want || free != tt.free {
				t.Errorf("got (%q, %q), want (%q, %q)", got, free, tt.want, tt.free)
			}
			if got != "" {
				if _, err := version.ParseRange(got); err != nil {
					t.Errorf("result %q is not a range: %v", got, err)
				}
			}
		})
	}
}

func TestGroup(t *testing.T) {
	pos := source.Pos{File: "f", Line: 1}
	items := []Item{
		{Key: "apache:log4j", Clause: ">=2.0 <2.15.0", Pos: pos},
		{Key: "apache:log4j", Clause: ">=2.0 <2.15.0", Pos: pos},
		{Key: "apache:log4j", Clause: "=2.16.0-rc1", Pos: pos},
		{Key: "apache:log4j", Clause: ">=3 <2", Pos: pos},
		{Key: "apache:log4j", Free: "prose", Pos: pos},
		{Key: "", Product: "xz", Clause: "*", Pos: pos},
		{Key: "", Product: "xz", Clause: "=5.6.0", Pos: pos},
	}
	var warnings []string
	got := Group(items, func(_ source.Pos, msg string) { warnings = append(warnings, msg) })
	if len(got) != 3 {
		t.Fatalf("got %d affected, want 3: %+v", len(got), got)
	}
	if got[0].Versions != ">=2.0 <2.15.0 || =2.16.0-rc1" || got[0].FreeText != "" {
		t.Errorf("ranged entry: %+v", got[0])
	}
	if !got[0].Range.Contains(version.MustParse("2.14.1")) || got[0].Range.Contains(version.MustParse("2.15.0")) {
		t.Errorf("range %q contains the wrong versions", got[0].Versions)
	}
	if got[1].FreeText != ">=3 <2; prose" || got[1].Key != "apache:log4j" {
		t.Errorf("free entry: %+v", got[1])
	}
	if got[2].Versions != "*" || got[2].Product != "xz" {
		t.Errorf("star entry: %+v", got[2])
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], ">=3 <2") {
		t.Errorf("warnings: %q", warnings)
	}
}

func TestNextLine(t *testing.T) {
	for in, want := range map[string]string{"8.1": "8.2", "4": "5", "1.9": "1.10", "2.99": "2.100"} {
		if got := nextLine(in); got != want {
			t.Errorf("nextLine(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGroupMany(t *testing.T) {
	var items []Item
	for i := range 100 {
		key := "v:p" + strings.Repeat("x", i%40)
		items = append(items, Item{Key: key, Clause: "=1." + strings.Repeat("1", 1+i/40)})
	}
	got := Group(items, func(source.Pos, string) { t.Error("unexpected warning") })
	if len(got) != 40 {
		t.Fatalf("%d groups, want 40", len(got))
	}
	if got[0].Versions != "=1.1 || =1.11 || =1.111" || got[39].Versions != "=1.1 || =1.11" {
		t.Errorf("first %q, last %q", got[0].Versions, got[39].Versions)
	}
}
