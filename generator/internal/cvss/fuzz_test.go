package cvss

import "testing"

// FuzzParseV3 checks that ParseV3 never panics, that parsed vectors score
// a one-decimal number in [0, 10], and that String re-parses to the same
// V3 with the same score.
func FuzzParseV3(f *testing.F) {
	for _, s := range []string{
		"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
		"CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H",
		"CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:C/C:L/I:N/A:N/E:U/RL:O/RC:R",
		"CVSS:3.1/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N/MAV:L/MS:C/CR:H",
		"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/",
		"CVSS:3.1/AV:Q",
		"AV:N/AC:L/Au:N/C:P/I:P/A:P",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, vector string) {
		v, err := ParseV3(vector)
		if err != nil {
			return
		}
		score := v.BaseScore()
		if !oneDecimalInRange(score) {
			t.Fatalf("BaseScore(%q) = %v, not a one-decimal number in [0, 10]", vector, score)
		}
		canon := v.String()
		again, err := ParseV3(canon)
		if err != nil {
			t.Fatalf("ParseV3(String()) for %q: %q: %v", vector, canon, err)
		}
		if again != v {
			t.Fatalf("ParseV3(%q) = %+v, want %+v (from %q)", canon, again, v, vector)
		}
		if again.String() != canon {
			t.Fatalf("String() not stable: %q then %q", canon, again.String())
		}
		if again.BaseScore() != score {
			t.Fatalf("score changed after round trip: %v then %v", score, again.BaseScore())
		}
	})
}

// FuzzValidateV2 checks that ValidateV2 and V2BaseScore never panic, agree
// on validity, and that valid vectors score a one-decimal number in [0, 10].
func FuzzValidateV2(f *testing.F) {
	for _, s := range []string{
		"AV:N/AC:L/Au:N/C:P/I:P/A:P",
		"(AV:N/AC:M/Au:S/C:C/I:N/A:N)",
		"CVSS:2.0/AV:L/AC:H/Au:M/C:N/I:N/A:P/E:POC/RL:OF/RC:UC/CDP:LM/TD:H/CR:M/IR:ND/AR:L",
		"(AV:N",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, vector string) {
		err := ValidateV2(vector)
		score, err2 := V2BaseScore(vector)
		if (err == nil) != (err2 == nil) {
			t.Fatalf("ValidateV2(%q) = %v but V2BaseScore error = %v", vector, err, err2)
		}
		if err == nil && !oneDecimalInRange(score) {
			t.Fatalf("V2BaseScore(%q) = %v, not a one-decimal number in [0, 10]", vector, score)
		}
	})
}

// FuzzValidateV4 checks that ValidateV4 never panics.
func FuzzValidateV4(f *testing.F) {
	for _, s := range []string{
		"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
		"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A/MSI:S/U:Red",
		"CVSS:4.0/AV:N",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, vector string) {
		_ = ValidateV4(vector)
	})
}
