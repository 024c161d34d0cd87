// Package version parses software version strings and version range
// expressions, and orders versions the way vulnerability advisories need:
// an installed version is affected when it lies in an advisory's range.
//
// This comment is the specification of the ordering. Everything it states
// is covered by table tests, and the laws of a total preorder
// (reflexivity, antisymmetry, transitivity) are checked by fuzzing.
//
// # Version syntax
//
// A version is written
//
//	[epoch ":"] ["v" | "V"] release [("-" | "~") pre-release] ["+" build]
//
// using only ASCII letters, digits and the characters . _ - ~ + :.
// Surrounding white space is ignored. Parse rejects empty text, white
// space inside the version, control characters, other characters, and
// text longer than 256 bytes, with an error that says what was expected.
//
//   - epoch: an optional Debian-style number followed by ':' ("1:2.3").
//   - "v" or "V" directly before a digit is ignored: "v1.2" equals "1.2".
//   - release: segments separated by '.' or '_'. The first segment starts
//     with a digit; no segment is empty. A segment is an optional number
//     followed by letters and digits, such as "10", "2k" (OpenSSL), "4p1"
//     (OpenSSH) or "el7". A segment that is only "x", "X" or "*" is a
//     wildcard, not a version, and is rejected: write a range instead.
//   - a '-' directly followed by a digit continues the release: Citrix
//     builds ("13.1-37.176" equals "13.1.37.176") and Debian revisions
//     ("1.2-3" equals "1.2.3") are later than the version before the '-'.
//   - pre-release: the text after the first '-' (not followed by a
//     digit) or '~', such as "rc1", "beta.2" or "SNAPSHOT". It is split
//     into identifiers at '.', '_', '-' and '~' and wherever letters and
//     digits meet, so "rc1", "rc.1" and "RC-1" are the same two
//     identifiers "rc" and 1.
//   - build: the text after the first '+'; it is ignored when ordering,
//     so "1.0+build5" equals "1.0". Debian "+dfsg" suffixes fall here.
//
// Two further spellings start a pre-release without '-':
//
//   - A release segment whose letters are one of the pre-release words
//     alpha, beta, rc, cr, pre, preview, dev, snapshot or milestone, in
//     any case, optionally followed by digits, whether the word is
//     attached to the number ("2.0.0rc1", "1.0beta") or is a segment of
//     its own ("5.0.0.RC1", "4.3.0.Beta3", "1.0.dev2"). The pre-release
//     runs from the word to the end, so "2.0.0rc1" equals "2.0.0-rc1".
//   - A segment "M" or "m" followed by digits ("5.0.0.M1", Spring
//     milestones). Attached to a number the letter m is an ordinary
//     suffix, because OpenSSL has "1.0.2m".
//
// Any other letters are a post-release suffix of the segment, so
// "1.0.2k" > "1.0.2" and "7.4p1" > "7.4".
//
// Release markers: the words release, final and ga (any case), as the
// last release segment ("2.0.0.RELEASE", "5.4.2.Final") or as the whole
// pre-release ("1.0-GA"), mean the release itself and are dropped, so
// each of those equals the plain number.
//
// Letters compare without regard to case; String returns the text as
// given (without surrounding white space).
//
// # Ordering
//
// Compare orders two versions by the following keys; the first key that
// differs decides.
//
//  1. Epoch, numerically; a missing epoch is 0, so "1:1.0" > "9.9".
//  2. Release segments, left to right. A missing segment counts as "0", so
//     "1.2" == "1.2.0" == "1.2.0.0" and "2.5.10.1" > "2.5.9" >
//     "2.5". Two segments compare by their leading number first,
//     numerically: leading zeros are ignored ("1.02" == "1.2") and
//     numbers may be of any length without overflow. A segment with no
//     leading number counts as number 0 ("1.a" == "1.0a"). Then the rest
//     of the segment compares as alternating runs of letters and digits:
//     no suffix sorts first; letter runs compare shortest first, then
//     alphabetically ("" < "a" < "b" < … < "z" < "aa" < "za"); digit runs
//     numerically; a suffix that is a prefix of the other sorts first
//     ("4p" < "4p1" < "4p2" < "4p10").
//  3. Pre-release: a version with a pre-release sorts before the same
//     release without one ("2.0.0-rc1" < "2.0.0"). Two pre-releases
//     compare identifier by identifier as in Semantic Versioning:
//     numeric identifiers numerically, letter identifiers alphabetically
//     without regard to case, a numeric identifier before a letter one,
//     and a list that is a prefix of the other first. Hence
//     "-alpha" < "-alpha.1" < "-beta" < "-beta.2" < "-beta.11" < "-pre" <
//     "-rc" < "-rc.1" < release. The order of the words is plain
//     alphabetical: "dev" sorts after "beta" and "snapshot" after "rc".
//  4. Build metadata is ignored.
//
// Versions that are equal by these rules ("1.2", "v1.2.0", "1.2+b1") are
// Equal, and Compare returns 0 for them: the order is a total preorder.
// The zero Version is invalid and sorts before every valid version.
//
// The package-level [Compare] takes strings and extends the order to text
// that does not parse: such strings sort after every version, and among
// themselves bytewise, so sorting with it never fails.
//
// # Release lines
//
// [HasPrefixLine] tells whether a version belongs to a release line such
// as "2.5": the line's segments must equal the version's first segments
// (missing ones counting as "0"), and a last line segment that is a plain
// number matches the number of the version's segment whatever letters
// follow it. So "2.5" matches "2.5", "2.5.0" and "2.5.26" but not "2.50";
// "10" matches "10.0.19045"; "1.0.2" matches "1.0.2k". The epoch must be
// equal; the line's own pre-release and build are ignored.
//
// # Range expressions
//
// A range is one or more clauses joined by "||", and contains a version
// when any clause does. A clause is "*" (every version) or comparators
// separated by white space, all of which must hold. A comparator is one
// of <, <=, >, >=, = followed by a version, with or without a space in
// between (">=2.3.5" or ">= 2.3.5"); a bare version means "=". So NVD's
// versionStartIncluding / versionStartExcluding / versionEndIncluding /
// versionEndExcluding become >=, >, <= and <:
//
//	>=2.3.5 <2.3.32 || =2.5.0
//	<=2.14.1 || 2.15.0
//	*
//
// "=" uses Equal, so "=1.2" contains "1.2.0". Bounds use the ordering
// above, so "<2.3.32" contains "2.3.32-rc1". ParseRange rejects empty
// expressions and clauses, unknown operators such as "=>", "==" or "~>",
// "*" mixed with comparators, and clauses whose bounds exclude each other
// (">=3 <2", ">2 <=2", "=1 =2"). [Range.String] writes the canonical form,
// with explicit operators and single spaces, which ParseRange reads back
// to the same range.
package version
