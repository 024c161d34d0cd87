package scheme

import (
	"regexp"
	"strings"
)

// repackRE matches Debian repack suffixes of an upstream version:
// "+dfsg", "~dfsg1", "+ds", "+repack2", "~ds.1".
var repackRE = regexp.MustCompile(`(?i)[~+](dfsg|ds|repack)\d*(\.\d+)?$`)

// Upstream returns the upstream version inside a distribution package
// version, to compare a package with an upstream advisory (NVD, JVN, a
// CVE 5 CNA) in the generic scheme:
//
//   - deb: without epoch and revision, and without Debian's repack
//     suffixes ("+dfsg", "~dfsg1", "+ds", "+repack"); "X+reallyY" is Y,
//     Debian's spelling for "version Y, numbered above X": so
//     "5.6.1+really5.4.5-1" is "5.4.5" and "2:4.15.5~dfsg-0ubuntu5" is
//     "4.15.5";
//   - rpm: the version without epoch and release ("1:5.6.1-2.fc40" is
//     "5.6.1");
//   - apk: without the "-rN" revision ("1.1.1w-r0" is "1.1.1w").
//
// ok is false for versions of other schemes. Distributions backport
// fixes, so a match on the upstream version is a 要確認 item, not a
// verdict (issue 12 item 3).
func Upstream(v Version) (string, bool) {
	switch x := v.(type) {
	case debVersion:
		u := x.upstream
		if i := strings.LastIndex(u, "+really"); i >= 0 && i+len("+really") < len(u) {
			u = u[i+len("+really"):]
		}
		return repackRE.ReplaceAllString(u, ""), true
	case rpmVersion:
		return x.version, true
	case apkVersion:
		t := x.text
		if i := strings.LastIndex(t, "-r"); i >= 0 {
			t = t[:i]
		}
		return t, true
	}
	return "", false
}
