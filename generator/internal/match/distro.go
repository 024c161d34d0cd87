package match

import (
	"net/url"
	"strings"

	"vulnreport/generator/internal/version/scheme"
)

// Distribution packages (issue 12 item 3). A package of a distribution
// (scheme deb, rpm or apk) compared with an upstream range (NVD, JVN, a
// CVE 5 CNA) is compared on its upstream version, and the match needs
// confirmation, because distributions backport fixes without changing
// the upstream version. A distribution's own advisory for the package
// (advisory.Affected.Distro set) decides instead, in the distribution's
// ordering.

// isDistroScheme reports whether a scheme orders distribution packages.
func isDistroScheme(s string) bool { return s == "deb" || s == "rpm" || s == "apk" }

// upstreamVersion returns the upstream part of a distribution package
// version: without the epoch ("2:"), the Debian revision or RPM release
// (after the last '-'), or Alpine's "-rN". A Debian "+really" version
// ("5.6.1+really5.4.5", a revert) is the version after "+really"; repack
// suffixes ("+dfsg", "~ds1") are dropped.
func upstreamVersion(schemeName, v string) string {
	v = strings.TrimSpace(v)
	if sc, ok := scheme.Lookup(schemeName); ok {
		if pv, err := sc.Parse(v); err == nil {
			if u, ok := scheme.Upstream(pv); ok {
				return u
			}
		}
	}
	// A version its scheme cannot read: the same rules on the text.
	if i := strings.IndexByte(v, ':'); i > 0 && allDigits(v[:i]) {
		v = v[i+1:]
	}
	if i := strings.LastIndexByte(v, '-'); i > 0 {
		v = v[:i]
	}
	if schemeName != "deb" {
		return v
	}
	if i := strings.Index(strings.ToLower(v), "+really"); i >= 0 && i+len("+really") < len(v) {
		v = v[i+len("+really"):]
	}
	low := strings.ToLower(v)
	for _, tag := range []string{"+dfsg", "~dfsg", ".dfsg", "+ds", "~ds", "+repack", "~repack"} {
		if i := strings.Index(low, tag); i > 0 {
			v, low = v[:i], low[:i]
		}
	}
	return v
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// distroFamily folds a distribution name, as a purl namespace or an OSV
// ecosystem writes it, to one spelling: "Rocky Linux" and "rocky" are
// "rocky", "Red Hat" and "rhel" are "redhat".
func distroFamily(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer(" ", "", "-", "", "_", "").Replace(s)
	switch s {
	case "rockylinux":
		return "rocky"
	case "rhel", "redhatenterpriselinux":
		return "redhat"
	case "alma":
		return "almalinux"
	}
	return s
}

// releaseDigits returns the first run of digits and dots in s ("debian-12"
// → "12", "el9" → "9", "v3.19" → "3.19", "22.04:LTS" → "22.04"), "" when
// there is none.
func releaseDigits(s string) string {
	start := strings.IndexAny(s, "0123456789")
	if start < 0 {
		return ""
	}
	end := start
	for end < len(s) && (s[end] >= '0' && s[end] <= '9' || s[end] == '.') {
		end++
	}
	return strings.TrimRight(s[start:end], ".")
}

// splitDistro splits an advisory's Distro ("Debian:12", "Red Hat") into
// its family and release.
func splitDistro(d string) (family, release string) {
	fam, rel, _ := strings.Cut(d, ":")
	return distroFamily(fam), releaseDigits(rel)
}

// componentDistro returns "family" or "family:release" for a component
// written as a purl of a distribution package ("pkg:deb/debian/xz-utils@
// 5.6.1-1?distro=debian-12" → "debian:12"), "" when the product names no
// distribution.
func componentDistro(product string) string {
	low := strings.ToLower(strings.TrimSpace(product))
	if !strings.HasPrefix(low, "pkg:") {
		return ""
	}
	rest := low[len("pkg:"):]
	query := ""
	if i := strings.IndexByte(rest, '?'); i >= 0 {
		rest, query = rest[:i], rest[i+1:]
	}
	if i := strings.IndexByte(query, '#'); i >= 0 {
		query = query[:i]
	}
	parts := strings.Split(strings.Trim(rest, "/"), "/")
	if len(parts) < 3 {
		return ""
	}
	fam := parts[1]
	if u, err := url.PathUnescape(fam); err == nil {
		fam = u
	}
	fam = distroFamily(fam)
	if fam == "" {
		return ""
	}
	if q, err := url.ParseQuery(query); err == nil {
		if rel := releaseDigits(q.Get("distro")); rel != "" {
			return fam + ":" + rel
		}
	}
	return fam
}

// distroScheme is the scheme of a distribution family's packages.
func distroScheme(family string) string {
	switch family {
	case "debian", "ubuntu":
		return "deb"
	case "alpine":
		return "apk"
	}
	return "rpm"
}

// distroApplies reports whether a distribution advisory's range for
// distro (advisory.Affected.Distro) speaks for a component of scheme
// compScheme and distribution compDistro (componentDistro): same scheme,
// same family, and the same release when both name one. A component of
// unknown distribution is never decided by a distribution's range.
func distroApplies(compScheme, compDistro, rangeScheme, distro string) bool {
	if compDistro == "" || compScheme != rangeScheme {
		return false
	}
	fam, rel := splitDistro(distro)
	cfam, crel, _ := strings.Cut(compDistro, ":")
	if fam != cfam {
		return false
	}
	return sameRelease(rel, crel)
}

// sameRelease compares releases loosely: unknown on either side, or one
// a prefix of the other at a dot ("9" and "9.2", Red Hat's EUS streams).
func sameRelease(a, b string) bool {
	if a == "" || b == "" || a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return strings.HasPrefix(b, a) && b[len(a)] == '.'
}
