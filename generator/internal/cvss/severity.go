package cvss

import (
	"math"
	"strings"
)

// Severity is a qualitative severity rating derived from a CVSS score.
// The zero value, [SeverityUnknown], means that there is no usable score.
type Severity int

// Severity ratings, in increasing order of severity after SeverityUnknown.
const (
	// SeverityUnknown means no score, an out-of-range score or an
	// unsupported CVSS version.
	SeverityUnknown Severity = iota
	// SeverityNone is a v3/v4 score of 0.0.
	SeverityNone
	// SeverityLow is a v3/v4 score of 0.1-3.9 or a v2 score of 0.0-3.9.
	SeverityLow
	// SeverityMedium is a score of 4.0-6.9.
	SeverityMedium
	// SeverityHigh is a v3/v4 score of 7.0-8.9 or a v2 score of 7.0-10.0.
	SeverityHigh
	// SeverityCritical is a v3/v4 score of 9.0-10.0; v2 has no critical band.
	SeverityCritical
)

// SeverityOf maps a score to its severity band for the given CVSS version
// ("2.0", "3.0", "3.1" or "4.0"; "2", "3" and "4" are accepted too).
//
// For v3 and v4 the bands are those of the FIRST specifications: 0.0 none,
// 0.1-3.9 low, 4.0-6.9 medium, 7.0-8.9 high, 9.0-10.0 critical. For v2
// they are NVD's: 0.0-3.9 low, 4.0-6.9 medium, 7.0-10.0 high. Band edges
// are the thresholds 4.0, 7.0 and 9.0, so a score with more than one
// decimal falls into the band below the next threshold.
//
// A score that is NaN or outside [0, 10], or an unknown version, yields
// SeverityUnknown.
func SeverityOf(score float64, version string) Severity {
	if math.IsNaN(score) || score < 0 || score > 10 {
		return SeverityUnknown
	}
	switch version {
	case "2", "2.0":
		switch {
		case score < 4.0:
			return SeverityLow
		case score < 7.0:
			return SeverityMedium
		default:
			return SeverityHigh
		}
	case "3", "3.0", "3.1", "4", "4.0":
		switch {
		case score == 0:
			return SeverityNone
		case score < 4.0:
			return SeverityLow
		case score < 7.0:
			return SeverityMedium
		case score < 9.0:
			return SeverityHigh
		default:
			return SeverityCritical
		}
	}
	return SeverityUnknown
}

// String returns the lowercase English name of s: "none", "low",
// "medium", "high", "critical" or "unknown" (also for values outside the
// defined constants).
func (s Severity) String() string {
	switch s {
	case SeverityNone:
		return "none"
	case SeverityLow:
		return "low"
	case SeverityMedium:
		return "medium"
	case SeverityHigh:
		return "high"
	case SeverityCritical:
		return "critical"
	}
	return "unknown"
}

// Label returns the display label of s in the given language. For
// Japanese ("ja", including tags such as "ja-JP") it uses the terms of JVN:
// 緊急 (critical), 重要 (high), 警告 (medium), 注意 (low), なし (none) and
// 不明 (unknown). For any other language it returns the capitalised
// English name, such as "Critical".
func (s Severity) Label(lang string) string {
	if isJapanese(lang) {
		switch s {
		case SeverityNone:
			return "なし"
		case SeverityLow:
			return "注意"
		case SeverityMedium:
			return "警告"
		case SeverityHigh:
			return "重要"
		case SeverityCritical:
			return "緊急"
		}
		return "不明"
	}
	switch s {
	case SeverityNone:
		return "None"
	case SeverityLow:
		return "Low"
	case SeverityMedium:
		return "Medium"
	case SeverityHigh:
		return "High"
	case SeverityCritical:
		return "Critical"
	}
	return "Unknown"
}

// isJapanese reports whether lang is a Japanese language tag ("ja",
// "ja-JP", "ja_JP", case-insensitive).
func isJapanese(lang string) bool {
	primary, _, _ := strings.Cut(strings.ReplaceAll(lang, "_", "-"), "-")
	return strings.EqualFold(strings.TrimSpace(primary), "ja")
}
