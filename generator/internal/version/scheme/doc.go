// Package scheme holds the version schemes of issue 12: one named
// ordering per ecosystem or vendor, so that a version is compared the way
// the party that publishes it orders its releases. Package version stays
// the default ordering, wrapped here as the "generic" scheme.
//
// # Schemes
//
// Each scheme's type documents its grammar and ordering; [Names] lists
// them. Package ecosystems: generic, semver (npm, Cargo, Go modules with
// pseudo-versions and +incompatible), deb (dpkg), rpm (rpmvercmp, EVR),
// apk (Alpine), pep440 (Python packaging), maven (ComparableVersion), gem
// (RubyGems). Vendors: panos (PAN-OS "-hN" hotfixes), junos (Junos
// "RnSm" / "-Sn"), bind (ISC BIND "-Pn" / "-Sn"), gitlab ("-ee" / "-ce"
// editions), java ("8u361" == "1.8.0_361" == "1.8.0 update361"), tomcat
// ("10.1.0-M17" == "10.1.0-milestone17"), and two found common in CISA
// KEV beyond the list: vmware (VMware ESXi/vCenter "7.0U3p",
// "7.0 Update 3p": 26 KEV entries, and CVE 5 records put "7.0U3o" even in
// versionType) and cisco (IOS "15.2(4)M11", ASA "9.8(4)15": 78 KEV
// entries, whose versions the generic parser rejects for their
// parentheses).
//
// # Choosing a scheme
//
// Callers pick, in this order: a `scheme` column ([Lookup]); the purl
// type ([ForPurlType]); the product table ([ForProduct], products.go);
// the advisory's CVE 5 versionType ([ForVersionType]); else [Generic].
// A distribution package compared with an upstream advisory is compared
// on its upstream version ([Upstream]); CPE update fields are folded into
// the version by [FoldCPEUpdate]; text from documents goes through
// [Normalize] first.
//
// # Build tags
//
// Suffixes that name a build of the release itself, never a pre-release,
// are part of the generic scheme (not of package version, which is
// unchanged): "-fips", "-jre", "-android" at the end, any case, and
// "-bNN" after a Java update ("1.8.0_392", "8u392"), are ignored: "1.0.2k-fips" ==
// "1.0.2k", Guava "32.0.0-jre" == "32.0.0", "1.8.0_392-b08" ==
// "1.8.0_392". They are in generic because most inventories carry no
// scheme, and these spellings are what asset tools report for OpenSSL,
// Guava and Java; "-b1" without a Java update stays a pre-release
// ("2.0-b1" < "2.0"), as some vendors write betas that way. The maven
// scheme keeps Maven's own order, in which "32.0.0-jre" > "32.0.0"
// (an unknown qualifier sorts after the release).
//
// The generic scheme also ignores a leading "Ver." or "Version" word
// before the number, as Japanese vendors and asset lists write it (JVN:
// "Ver.1.4.2より前のバージョン"): "Ver.2.4.1" == "2.4.1".
//
// # Verification and remaining disagreements
//
// Differential tests run every vector through this package and through
// the ecosystem's own tool: dpkg --compare-versions (deb), python3-rpm
// rpm.labelCompare (rpm), python3-packaging Version (pep440),
// golang.org/x/mod/semver (semver) and maven-artifact 3.8.7's
// ComparableVersion (maven, Debian package libmaven3-core-java). The
// published vectors of apt (versions.lst), rpm (rpmvercmp.at), packaging
// (test_version.py), Maven (ComparableVersionTest at maven-3.8.7) and
// semver.org are in testdata/vectors. On those vectors there is no
// disagreement in ordering. What remains different, on purpose:
//
//   - All schemes refuse text their tool would refuse, and some it would
//     accept: white space (except java's "1.8.0 update361" and vmware's
//     "7.0 Update 3p"), non-ASCII, control characters and text over 256
//     bytes. Such a version is a parse error, so the caller reports it
//     (要確認) instead of ordering it somehow.
//   - deb: an upstream version must start with a digit (dpkg calls
//     anything else bad syntax; apt's vectors leave such cases out too).
//   - rpm: only letters, digits and . _ + ~ ^ are accepted ('%', '{' and
//     '}' are rpm macro syntax, not versions), and the version must start
//     with a digit, so that "latest" or "TBD" is an error, not a version. rpmvercmp.at cases such as
//     "+" or "_a" are checked on the comparison function itself.
//     A missing release sorts before any release, as labelCompare does
//     (rpm's dependency matcher instead ignores a missing release; that
//     is not an order).
//   - semver: "1.2.3" without "v" is accepted (npm, Cargo); the short
//     forms "v1" and "v1.2" are accepted as golang.org/x/mod/semver does,
//     though node-semver would refuse them.
//   - maven: Maven 3.8.7's algorithm (the Debian package's, run in CI).
//     Maven 3.9 changed it (MNG-7644 and others); a range published for
//     3.9 semantics may differ on exotic qualifiers. Versions must start
//     with a digit: on text such as "v1.0.2" ComparableVersion is not
//     transitive. Even on digit-first text Maven has cycles, which this
//     scheme reproduces to agree with Maven on every pair: "1k" <
//     "1-0.alpha" < "1.0" < "1k" (TestMavenCycle). Range checks compare
//     pairs and are unaffected; sorting such versions has no single
//     answer.
//   - apk: no apk-tools oracle exists on Debian; the order follows
//     apk-tools' version.c as documented. A number with leading zeros
//     after the first ("1.02") compares numerically here, as a decimal
//     fraction in apk-tools; "~hash" suffixes are refused.
//   - gem: no Ruby on the CI machine; the order follows Gem::Version's
//     documented <=> on canonical segments.
//   - Vendor schemes have no tool to compare with; they follow the
//     vendors' published release numbering, with the choices documented
//     on each type (Junos release types none < B < R < others, BIND
//     suffix letters P < S < W, VMware update letters "" < "a" < … < "z" <
//     "aa", Cisco trains alphabetically).
//
// Ordering laws (reflexive, antisymmetric, transitive, Equal consistent)
// are fuzzed for every scheme (FuzzSchemes) and checked exhaustively over
// built versions (TestOrderLawsExhaustive); parsers never panic.
package scheme
