package cvss

import "testing"

func TestV2BaseScore(t *testing.T) {
	tests := []struct {
		name   string
		vector string
		want   float64
	}{
		{"partial C/I/A", "AV:N/AC:L/Au:N/C:P/I:P/A:P", 7.5},
		{"complete C/I/A", "AV:N/AC:L/Au:N/C:C/I:C/A:C", 10.0},
		{"XSS-like", "AV:N/AC:M/Au:N/C:N/I:P/A:N", 4.3},
		{"CVE-2014-0160 Heartbleed", "AV:N/AC:L/Au:N/C:P/I:N/A:N", 5.0},
		{"network DoS", "AV:N/AC:L/Au:N/C:N/I:N/A:P", 5.0},
		{"medium complexity, complete", "AV:N/AC:M/Au:N/C:C/I:C/A:C", 9.3},
		{"medium complexity, partial", "AV:N/AC:M/Au:N/C:P/I:P/A:P", 6.8},
		{"single authentication", "AV:N/AC:L/Au:S/C:P/I:P/A:P", 6.5},
		{"local, complete", "AV:L/AC:L/Au:N/C:C/I:C/A:C", 7.2},
		{"local disclosure", "AV:L/AC:L/Au:N/C:P/I:N/A:N", 2.1},
		{"no impact", "AV:N/AC:L/Au:N/C:N/I:N/A:N", 0.0},
		{"NVD 1.1 parentheses", "(AV:N/AC:L/Au:N/C:P/I:P/A:P)", 7.5},
		{"CVSS:2.0 prefix", "CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P", 7.5},
		{"any order with temporal/environmental", "A:P/I:P/C:P/Au:N/AC:L/AV:N/E:POC/RL:OF/RC:C/CDP:LM/TD:H/CR:M/IR:ND/AR:H", 7.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := ValidateV2(tt.vector); err != nil {
				t.Fatalf("ValidateV2(%q): %v", tt.vector, err)
			}
			got, err := V2BaseScore(tt.vector)
			if err != nil {
				t.Fatalf("V2BaseScore(%q): %v", tt.vector, err)
			}
			if got != tt.want {
				t.Errorf("V2BaseScore(%q) = %v, want %v", tt.vector, got, tt.want)
			}
		})
	}
}

func TestValidateV2Errors(t *testing.T) {
	tests := []struct {
		vector string
		want   string
	}{
		{"", "cvss: empty vector"},
		{"  ", "cvss: empty vector"},
		{"()", "cvss: missing base metric(s) AV, AC, Au, C, I, A"},
		{"(AV:N/AC:L/Au:N/C:P/I:P/A:P", "cvss: unbalanced parentheses around v2 vector"},
		{"AV:N/AC:L/Au:N/C:P/I:P/A:P)", "cvss: unbalanced parentheses around v2 vector"},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", `cvss: unsupported version "3.1" in v2 vector (want no prefix or CVSS:2.0)`},
		{"AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", `cvss: unknown metric "PR"`},
		{"AV:N/AC:L/AU:N/C:P/I:P/A:P", `cvss: unknown metric "AU"`},
		{"AV:N/AC:L/Au:N/C:P/I:P/A:P/AV:L", `cvss: duplicate metric "AV"`},
		{"AV:P/AC:L/Au:N/C:P/I:P/A:P", `cvss: bad value "AV:P" (allowed values for AV: L, A, N)`},
		{"AV:N/AC:L/Au:N/C:H/I:P/A:P", `cvss: bad value "C:H" (allowed values for C: N, P, C)`},
		{"AV:N/AC:L/Au:N/C:P/I:P/A:P/E:X", `cvss: bad value "E:X" (allowed values for E: U, POC, F, H, ND)`},
		{"AV:N/AC:L/Au:N/C:P", "cvss: missing base metric(s) I, A"},
		{"AV:N/AC:L/Au:N/C:P/I:P/A:P/", `cvss: empty metric (stray "/")`},
		{"AV:N AC:L", `cvss: bad value "AV:N AC:L" (allowed values for AV: L, A, N)`},
	}
	for _, tt := range tests {
		err := ValidateV2(tt.vector)
		if err == nil {
			t.Errorf("ValidateV2(%q) succeeded, want error %q", tt.vector, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("ValidateV2(%q) error = %q, want %q", tt.vector, err, tt.want)
		}
		if _, err2 := V2BaseScore(tt.vector); err2 == nil || err2.Error() != err.Error() {
			t.Errorf("V2BaseScore(%q) error = %v, want %v", tt.vector, err2, err)
		}
	}
}
