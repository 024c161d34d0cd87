package cvss

import (
	"strings"
	"testing"
)

// TestBaseScoreKnownVectors checks BaseScore against published scores.
// Entries naming a CVE use the vector and base score published by NVD.
func TestBaseScoreKnownVectors(t *testing.T) {
	tests := []struct {
		name   string
		vector string
		want   float64
	}{
		// Real CVEs (NVD vectors and scores).
		{"CVE-2017-5638 Struts (v3.0, S:C)", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0},
		{"CVE-2021-44228 Log4Shell", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0},
		{"CVE-2021-45046 Log4j (AC:H, S:C)", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H", 9.0},
		{"CVE-2021-44832 Log4j (PR:H)", "CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:U/C:H/I:H/A:H", 6.6},
		{"CVE-2021-26855 ProxyLogon", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8},
		{"CVE-2020-1938 Ghostcat", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8},
		{"CVE-2019-19781 Citrix ADC", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8},
		{"CVE-2014-0160 Heartbleed", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5},
		{"CVE-2017-0144 EternalBlue", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H", 8.1},
		{"CVE-2018-11776 Struts (v3.0)", "CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H", 8.1},
		{"CVE-2021-34527 PrintNightmare", "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 8.8},
		{"CVE-2021-3156 sudo Baron Samedit", "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8},
		{"CVE-2016-5195 Dirty COW", "CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.0},
		{"CVE-2020-0601 CurveBall (UI:R)", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:N", 8.1},
		{"CVE-2017-5753 Spectre (PR:L under S:C)", "CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:C/C:H/I:N/A:N", 5.6},
		{"CVE-2014-3566 POODLE (low, S:C, UI:R)", "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:L/I:N/A:N", 3.4},

		// Common NVD vector/score pairs.
		{"reflected XSS", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1},
		{"stored XSS by user (PR:L under S:C)", "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N", 6.4},
		{"stored XSS by admin (PR:H under S:C)", "CVSS:3.1/AV:N/AC:L/PR:H/UI:R/S:C/C:L/I:L/A:N", 4.8},
		{"high-complexity disclosure", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N", 5.9},
		{"network DoS", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 7.5},
		{"physical disclosure (AV:P)", "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 4.6},
		{"local DoS", "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:H", 5.5},
		{"network C:H/I:H/A:N", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N", 9.1},
		{"adjacent, everything low", "CVSS:3.1/AV:A/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 1.8},

		// No impact at all scores 0.0 in both scopes.
		{"all-N impact, S:U", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0},
		{"all-N impact, S:C", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:N/A:N", 0.0},

		// Metric order and temporal/environmental metrics do not matter.
		{"any order", "CVSS:3.1/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N", 9.8},
		{"with temporal and environmental", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:U/CR:L/MAV:P/MS:C/MA:N", 9.8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := ParseV3(tt.vector)
			if err != nil {
				t.Fatalf("ParseV3(%q): %v", tt.vector, err)
			}
			if got := v.BaseScore(); got != tt.want {
				t.Errorf("BaseScore(%q) = %v, want %v", tt.vector, got, tt.want)
			}
		})
	}
}

// TestBaseScoreHandComputed pins intermediate-value cases computed by hand
// from the specification formulas.
func TestBaseScoreHandComputed(t *testing.T) {
	tests := []struct {
		vector string
		want   float64
	}{
		// Exploitability 8.22*0.85*0.77*0.85*0.85 = 3.8870; impact 6.42*0.22 = 1.4124;
		// sum 5.2994 -> 5.3.
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N", 5.3},
		// Exploitability 8.22*0.85*0.77*0.5*0.85 = 2.2865 (PR:H = 0.5 under S:C);
		// ISS 0.56, impact 7.52*0.531 - 3.25*0.54^15 = 3.9928;
		// 1.08 * 6.2793 = 6.7816 -> 6.8.
		{"CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:C/C:H/I:N/A:N", 6.8},
		// Same metrics with S:U: PR:H = 0.27; 1.2347 + 3.5952 = 4.8299 -> 4.9.
		{"CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:N/A:N", 4.9},
		// Changed scope capped at 10: 1.08 * (3.887 + 6.0477) > 10.
		{"CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:N", 10.0},
	}
	for _, tt := range tests {
		v, err := ParseV3(tt.vector)
		if err != nil {
			t.Fatalf("ParseV3(%q): %v", tt.vector, err)
		}
		if got := v.BaseScore(); got != tt.want {
			t.Errorf("BaseScore(%q) = %v, want %v", tt.vector, got, tt.want)
		}
	}
}

func TestParseV3Errors(t *testing.T) {
	tests := []struct {
		vector string
		want   string
	}{
		{"", `cvss: missing "CVSS:3.0/" or "CVSS:3.1/" prefix`},
		{"AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", `cvss: missing "CVSS:3.0/" or "CVSS:3.1/" prefix`},
		{"cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", `cvss: missing "CVSS:3.0/" or "CVSS:3.1/" prefix`},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", `cvss: unsupported version "4.0" in v3 vector (want 3.0 or 3.1)`},
		{"CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", `cvss: unsupported version "3.2" in v3 vector (want 3.0 or 3.1)`},
		{"CVSS:3.1", "cvss: missing base metric(s) AV, AC, PR, UI, S, C, I, A"},
		{"CVSS:3.1/", "cvss: missing base metric(s) AV, AC, PR, UI, S, C, I, A"},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/XX:H", `cvss: unknown metric "XX"`},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L", `cvss: duplicate metric "AV"`},
		{"CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", `cvss: bad value "AV:Q" (allowed values for AV: N, A, L, P)`},
		{"CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", `cvss: bad value "AV:n" (allowed values for AV: N, A, L, P)`},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:Z", `cvss: bad value "E:Z" (allowed values for E: X, H, F, P, U)`},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/MPR:R", `cvss: bad value "MPR:R" (allowed values for MPR: X, N, L, H)`},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:HH", `cvss: bad value "A:HH" (allowed values for A: H, L, N)`},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H", "cvss: missing base metric(s) I, A"},
		{"CVSS:3.1/AV:N/PR:N/UI:N/S:U/C:H/I:H/A:H", "cvss: missing base metric(s) AC"},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/", `cvss: empty metric (stray "/")`},
		{"CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", `cvss: empty metric (stray "/")`},
		{"CVSS:3.1/AV:N/AC/PR:N/UI:N/S:U/C:H/I:H/A:H", `cvss: malformed metric "AC" (want NAME:VALUE)`},
		{"CVSS:3.1/AV:/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", `cvss: malformed metric "AV:" (want NAME:VALUE)`},
		{"CVSS:3.1/AV:N/AC:L/Au:N/C:P/I:P/A:P", `cvss: unknown metric "Au"`},
	}
	for _, tt := range tests {
		_, err := ParseV3(tt.vector)
		if err == nil {
			t.Errorf("ParseV3(%q) succeeded, want error %q", tt.vector, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("ParseV3(%q) error = %q, want %q", tt.vector, err, tt.want)
		}
	}
}

func TestParseV3Fields(t *testing.T) {
	v, err := ParseV3("  CVSS:3.0/S:C/AV:A/AC:H/PR:L/UI:R/C:L/I:N/A:H/MA:X/E:P  ")
	if err != nil {
		t.Fatal(err)
	}
	want := V3{Version: "3.0", AV: 'A', AC: 'H', PR: 'L', UI: 'R', S: 'C', C: 'L', I: 'N', A: 'H', E: 'P', MA: 'X'}
	if v != want {
		t.Errorf("ParseV3 = %+v, want %+v", v, want)
	}
}

func TestV3String(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"},
		{"CVSS:3.0/A:N/I:N/C:H/S:U/UI:N/PR:N/AC:L/AV:N", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"},
		{
			"CVSS:3.1/MA:X/AR:H/RC:C/E:F/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/RL:O",
			"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:F/RL:O/RC:C/AR:H/MA:X",
		},
	}
	for _, tt := range tests {
		v, err := ParseV3(tt.in)
		if err != nil {
			t.Fatalf("ParseV3(%q): %v", tt.in, err)
		}
		got := v.String()
		if got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
		again, err := ParseV3(got)
		if err != nil || again != v {
			t.Errorf("ParseV3(String()) = %+v, %v; want %+v", again, err, v)
		}
	}
}

// TestRoundupV30AndV31 checks the two rounding rules, including the
// floating-point artefact on which they differ.
func TestRoundupV30AndV31(t *testing.T) {
	tests := []struct {
		in       float64
		v30, v31 float64
	}{
		{4.0, 4.0, 4.0},
		{4.02, 4.1, 4.1},
		{4.000000000000001, 4.1, 4.0}, // artefact: v3.1 treats it as 4.0
		{7.4998, 7.5, 7.5},
		{0.0, 0.0, 0.0},
		{10.0, 10.0, 10.0},
	}
	for _, tt := range tests {
		if got := roundup30(tt.in); got != tt.v30 {
			t.Errorf("roundup30(%v) = %v, want %v", tt.in, got, tt.v30)
		}
		if got := roundup31(tt.in); got != tt.v31 {
			t.Errorf("roundup31(%v) = %v, want %v", tt.in, got, tt.v31)
		}
	}
}

// TestAllBaseVectors scores every combination of base metric values and
// checks that the result is a one-decimal number in [0, 10] and that the
// v3.0 and v3.1 rounding rules agree, as the package documentation states.
func TestAllBaseVectors(t *testing.T) {
	n := 0
	for _, av := range "NALP" {
		for _, ac := range "LH" {
			for _, pr := range "NLH" {
				for _, ui := range "NR" {
					for _, s := range "UC" {
						for _, c := range "HLN" {
							for _, i := range "HLN" {
								for _, a := range "HLN" {
									v := V3{Version: "3.1", AV: byte(av), AC: byte(ac), PR: byte(pr), UI: byte(ui),
										S: byte(s), C: byte(c), I: byte(i), A: byte(a)}
									w := v
									w.Version = "3.0"
									got31, got30 := v.BaseScore(), w.BaseScore()
									if !oneDecimalInRange(got31) {
										t.Errorf("%s: score %v not a one-decimal number in [0, 10]", v, got31)
									}
									if got31 != got30 {
										t.Errorf("%s: v3.1 roundup %v, v3.0 roundup %v", v, got31, got30)
									}
									n++
								}
							}
						}
					}
				}
			}
		}
	}
	if n != 2592 {
		t.Errorf("enumerated %d vectors, want 2592", n)
	}
}

func TestBaseScoreInvalidV3(t *testing.T) {
	for _, v := range []V3{
		{},
		{Version: "3.1", AV: 'N', AC: 'L', PR: 'N', UI: 'N', S: 'X', C: 'H', I: 'H', A: 'H'},
		{Version: "3.1", AV: 'Q', AC: 'L', PR: 'N', UI: 'N', S: 'U', C: 'H', I: 'H', A: 'H'},
	} {
		if got := v.BaseScore(); got != 0 {
			t.Errorf("BaseScore(%+v) = %v, want 0", v, got)
		}
	}
	if got := (V3{}).String(); !strings.HasPrefix(got, "CVSS:") {
		t.Errorf("zero V3 String() = %q", got)
	}
}

// oneDecimalInRange reports whether x is in [0, 10] and is the float64
// nearest to a number with one decimal.
func oneDecimalInRange(x float64) bool {
	if x < 0 || x > 10 {
		return false
	}
	tenths := x * 10
	return float64(int(tenths+0.5))/10 == x
}
