package scheme

import (
	"regexp"
	"strings"
)

// javaScheme is Java SE (Oracle JDK/JRE, OpenJDK builds). All spellings
// of one release are equal: "8u361" == "1.8.0_361" == "1.8.0 update361"
// == "8 Update 361" == "jdk8u361-b09" == "1.8.0_361-b09" ==
// "8u361-perf"; "11.0.18" == "11.0.18+10" == "jdk-11.0.18+10".
//
// Legacy versions 1.N.M_U are read as feature N, interim M, update U;
// "NuU" and "N update U" as N, 0, U; versions from 9 on (JEP 322,
// FEATURE.INTERIM.UPDATE.PATCH…) as they are. Numbers compare left to
// right, a missing one counting as 0: 1.8.0_361 < 1.8.0_371 < 11.0.18 <
// 17.0.7. Build numbers ("-b09", "+10") and the "-perf" pack are not part
// of the order.
type javaScheme struct{}

var (
	javaLegacyRE = regexp.MustCompile(`^(?i)(?:jdk|jre)?-?1\.(\d+)(?:\.(\d+))?(?:(?:_|\s*-?update\s*_?|u)(\d+))?$`)
	javaShortRE  = regexp.MustCompile(`^(?i)(?:jdk|jre)?-?(\d+)(?:u|\s*-?update\s*_?)(\d+)$`)
	javaModernRE = regexp.MustCompile(`^(?i)(?:jdk|jre)?-?(\d+(?:\.\d+)*)$`)
	javaBuildRE  = regexp.MustCompile(`(?i)(?:-?b\d+|\+\d+|-perf|-fips)+$`)
)

func (javaScheme) Name() string { return "java" }

func (javaScheme) Parse(s string) (Version, error) {
	t, err := prepare("java", s)
	if err != nil {
		return nil, err
	}
	core := javaBuildRE.ReplaceAllString(t, "")
	var n nums
	switch {
	case javaLegacyRE.MatchString(core):
		m := javaLegacyRE.FindStringSubmatch(core)
		n = nums{m[1], m[2], m[3]}
	case javaShortRE.MatchString(core):
		m := javaShortRE.FindStringSubmatch(core)
		n = nums{m[1], "", m[2]}
	case javaModernRE.MatchString(core):
		m := javaModernRE.FindStringSubmatch(core)
		n, _ = parseNums(m[1])
	default:
		return nil, parseError("java", s, `expected a Java version such as "8u361", "1.8.0_361", "1.8.0 update361" or "17.0.7"`)
	}
	return keyVersion{scheme: "java", text: t, key: []part{{nums: n}}}, nil
}

// tomcatScheme is Apache Tomcat: "10.1.0", "10.1.0-M17" ==
// "10.1.0-milestone17" == "9.0.0.M17", "8.0.0-RC1", "7.0.0-beta".
// Pre-releases come before the release, alpha < beta < milestone < RC,
// each by number: 10.1.0-M1 < 10.1.0-M17 < 10.1.0 < 10.1.1.
type tomcatScheme struct{}

var tomcatRE = regexp.MustCompile(`^(?i)(\d+(?:\.\d+){0,3})(?:[-.]?(alpha|beta|m|milestone|rc)[-.]?(\d*))?$`)

func (tomcatScheme) Name() string { return "tomcat" }

func (tomcatScheme) Parse(s string) (Version, error) {
	t, err := prepare("tomcat", s)
	if err != nil {
		return nil, err
	}
	m := tomcatRE.FindStringSubmatch(t)
	if m == nil {
		return nil, parseError("tomcat", s, `expected a Tomcat version such as "10.1.0", "10.1.0-M17" or "8.0.0-RC1"`)
	}
	n, _ := parseNums(m[1])
	rank := 4
	switch strings.ToLower(m[2]) {
	case "alpha":
		rank = 0
	case "beta":
		rank = 1
	case "m", "milestone":
		rank = 2
	case "rc":
		rank = 3
	}
	if rank == 2 && m[3] == "" && strings.EqualFold(m[2], "m") {
		return nil, parseError("tomcat", s, `milestone "M" needs its number, as in "10.1.0-M17"`)
	}
	return keyVersion{scheme: "tomcat", text: t, key: []part{{nums: n}, {rank: rank}, {num: m[3]}}}, nil
}
