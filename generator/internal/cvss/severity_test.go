package cvss

import (
	"math"
	"testing"
)

func TestSeverityOf(t *testing.T) {
	tests := []struct {
		score   float64
		version string
		want    Severity
	}{
		// v3/v4 bands, at the edges.
		{0.0, "3.1", SeverityNone},
		{0.1, "3.1", SeverityLow},
		{3.9, "3.1", SeverityLow},
		{4.0, "3.1", SeverityMedium},
		{6.9, "3.0", SeverityMedium},
		{7.0, "3.0", SeverityHigh},
		{8.9, "4.0", SeverityHigh},
		{9.0, "4.0", SeverityCritical},
		{10.0, "3.1", SeverityCritical},
		{9.8, "3", SeverityCritical},
		{5.3, "4", SeverityMedium},
		// Scores with more decimals fall below the next threshold.
		{3.95, "3.1", SeverityLow},
		{8.99, "3.1", SeverityHigh},
		// v2 bands: 0.0 is low, no critical.
		{0.0, "2.0", SeverityLow},
		{3.9, "2.0", SeverityLow},
		{4.0, "2.0", SeverityMedium},
		{6.9, "2.0", SeverityMedium},
		{7.0, "2.0", SeverityHigh},
		{8.9, "2", SeverityHigh},
		{9.0, "2.0", SeverityHigh},
		{10.0, "2.0", SeverityHigh},
		// No usable score or version.
		{-0.1, "3.1", SeverityUnknown},
		{10.1, "3.1", SeverityUnknown},
		{math.NaN(), "3.1", SeverityUnknown},
		{math.Inf(1), "2.0", SeverityUnknown},
		{5.0, "", SeverityUnknown},
		{5.0, "5.0", SeverityUnknown},
	}
	for _, tt := range tests {
		if got := SeverityOf(tt.score, tt.version); got != tt.want {
			t.Errorf("SeverityOf(%v, %q) = %v, want %v", tt.score, tt.version, got, tt.want)
		}
	}
}

func TestSeverityStringAndLabel(t *testing.T) {
	tests := []struct {
		s        Severity
		str, en  string
		ja       string
		ordering int
	}{
		{SeverityUnknown, "unknown", "Unknown", "不明", 0},
		{SeverityNone, "none", "None", "なし", 1},
		{SeverityLow, "low", "Low", "注意", 2},
		{SeverityMedium, "medium", "Medium", "警告", 3},
		{SeverityHigh, "high", "High", "重要", 4},
		{SeverityCritical, "critical", "Critical", "緊急", 5},
		{Severity(42), "unknown", "Unknown", "不明", 42},
	}
	for _, tt := range tests {
		if int(tt.s) != tt.ordering {
			t.Errorf("Severity %q has value %d, want %d", tt.str, int(tt.s), tt.ordering)
		}
		if got := tt.s.String(); got != tt.str {
			t.Errorf("Severity(%d).String() = %q, want %q", int(tt.s), got, tt.str)
		}
		for _, lang := range []string{"en", "", "fr", "jav"} {
			if got := tt.s.Label(lang); got != tt.en {
				t.Errorf("Severity(%d).Label(%q) = %q, want %q", int(tt.s), lang, got, tt.en)
			}
		}
		for _, lang := range []string{"ja", "JA", "ja-JP", "ja_JP"} {
			if got := tt.s.Label(lang); got != tt.ja {
				t.Errorf("Severity(%d).Label(%q) = %q, want %q", int(tt.s), lang, got, tt.ja)
			}
		}
	}
	var zero Severity
	if zero != SeverityUnknown {
		t.Errorf("zero Severity = %v, want unknown", zero)
	}
}
