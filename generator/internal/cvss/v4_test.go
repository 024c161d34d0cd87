package cvss

import "testing"

func TestValidateV4(t *testing.T) {
	valid := []string{
		"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
		"CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N",
		" CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:P/VC:L/VI:L/VA:L/SC:L/SI:L/SA:L ",
		// Any order.
		"CVSS:4.0/SA:N/SI:N/SC:N/VA:H/VI:H/VC:H/UI:N/PR:N/AT:N/AC:L/AV:N",
		// Threat, environmental and supplemental metrics.
		"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A",
		"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P/CR:H/IR:M/AR:L/MAV:A/MAC:H/MAT:P/MPR:L/MUI:A/MVC:L/MVI:N/MVA:X/MSC:H/MSI:S/MSA:S",
		"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/S:P/AU:Y/R:I/V:C/RE:H/U:Amber",
		"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:Clear",
	}
	for _, v := range valid {
		if err := ValidateV4(v); err != nil {
			t.Errorf("ValidateV4(%q): %v", v, err)
		}
	}
}

func TestValidateV4Errors(t *testing.T) {
	tests := []struct {
		vector string
		want   string
	}{
		{"", `cvss: missing "CVSS:4.0/" prefix`},
		{"AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", `cvss: missing "CVSS:4.0/" prefix`},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", `cvss: unsupported version "3.1" in v4 vector (want 4.0)`},
		{"CVSS:4.0", "cvss: missing base metric(s) AV, AC, AT, PR, UI, VC, VI, VA, SC, SI, SA"},
		{"CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H", "cvss: missing base metric(s) AT, SC, SI, SA"},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:R/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", `cvss: bad value "UI:R" (allowed values for UI: N, P, A)`},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N", `cvss: bad value "SI:S" (allowed values for SI: H, L, N)`},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:red", `cvss: bad value "U:red" (allowed values for U: X, Clear, Green, Amber, Red)`},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:F", `cvss: bad value "E:F" (allowed values for E: X, A, P, U)`},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/S:U/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/C:H", `cvss: bad value "S:U" (allowed values for S: X, N, P)`},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/C:H", `cvss: unknown metric "C"`},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/SA:N", `cvss: duplicate metric "SA"`},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/", `cvss: empty metric (stray "/")`},
	}
	for _, tt := range tests {
		err := ValidateV4(tt.vector)
		if err == nil {
			t.Errorf("ValidateV4(%q) succeeded, want error %q", tt.vector, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("ValidateV4(%q) error = %q, want %q", tt.vector, err, tt.want)
		}
	}
}
