// Package cvss parses, validates and scores CVSS vectors found in
// vulnerability advisories, and maps scores to severity bands.
//
// What is computed and what is taken as given:
//
//   - CVSS v3.0 and v3.1: [ParseV3] parses a vector and [V3.BaseScore]
//     computes the base score exactly as specified by FIRST (CVSS v3.1
//     specification, section 7.1, and the identical v3.0 base formula).
//     The caller compares it with the advisory's stated score and reports
//     a disagreement. Temporal and environmental metrics are parsed and
//     validated but do not affect the base score.
//   - CVSS v2.0: [ValidateV2] validates a vector; the advisory's score is
//     taken as given. [V2BaseScore] computes the v2 base score as well,
//     which is useful as a cross-check.
//   - CVSS v4.0: [ValidateV4] validates a vector; the advisory's score is
//     taken as given (v4 scoring uses large lookup tables and is not
//     reproduced here).
//   - [SeverityOf] maps a score to the qualitative severity bands of the
//     given CVSS version; [Severity.Label] renders it in English or in the
//     Japanese terms used by JVN.
//
// # Rounding
//
// CVSS v3.1 defines Roundup(x) as the smallest number, to one decimal
// place, that is equal to or higher than x, and specifies an integer-based
// implementation that avoids floating-point artefacts:
//
//	i := round(x * 100000)
//	if i % 10000 == 0 { return i / 100000.0 }
//	return (floor(i / 10000) + 1) / 10.0
//
// For "3.0" vectors the v3.0 definition is used: a plain ceiling to one
// decimal, ceil(x*10)/10, evaluated in floating point. Both give the same
// result in almost all cases; they differ only when floating-point error
// leaves a value a hair above a one-decimal boundary (for example
// 4.000000000000001), which v3.0 rounds up to the next tenth and v3.1 does
// not. With the base formula evaluated as here, all 2,592 combinations of
// base metric values score identically under both rules (the tests check
// this), so a 3.0 and a 3.1 vector with the same metrics have the same
// base score.
//
// # Vector syntax
//
// Metric names and values are case-sensitive, as in the specifications.
// Metrics may appear in any order; each may appear at most once. Leading
// and trailing white space around a whole vector is ignored. Errors are
// lowercase, start with "cvss: " and name the offending component.
package cvss
