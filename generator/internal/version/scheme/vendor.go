package scheme

import (
	"regexp"
	"strings"
)

// panosScheme is Palo Alto Networks PAN-OS: "10.2.9", "10.2.9-h1".
// A hotfix "-hN" comes after its release: 10.2.9 < 10.2.9-h1 <
// 10.2.9-h2 < 10.2.10. ".hN" is read as "-hN".
type panosScheme struct{}

var panosRE = regexp.MustCompile(`^(?i)(\d+(?:\.\d+){0,3})(?:[-.]h(\d+))?$`)

func (panosScheme) Name() string { return "panos" }

func (panosScheme) Parse(s string) (Version, error) {
	t, err := prepare("panos", s)
	if err != nil {
		return nil, err
	}
	m := panosRE.FindStringSubmatch(t)
	if m == nil {
		return nil, parseError("panos", s, `expected a PAN-OS version such as "10.2.9" or "10.2.9-h1"`)
	}
	n, _ := parseNums(m[1])
	return keyVersion{scheme: "panos", text: t, key: []part{{nums: n}, {num: m[2]}}}, nil
}

// junosScheme is Juniper Junos OS: "21.4R3-S5", "21.4R3", "15.1X49-D200",
// "21.4R3-S5.3", "22.4R1-EVO". The key is major.minor, the release type
// (none < B beta < R release < any other letter such as F or X,
// alphabetically), its number, its respin ".N", then the service letter
// ("-S", "-D"; none first) and number, and its respin. So 21.4 <
// 21.4R1 < 21.4R3 < 21.4R3-S1 < 21.4R3-S5 < 21.4R3-S5.3 < 21.4R4. "-EVO"
// (Junos OS Evolved) is ignored in the order.
type junosScheme struct{}

var junosRE = regexp.MustCompile(`^(?i)(\d+\.\d+)(?:([a-z])(\d+)(?:\.(\d+))?)?(?:-([a-z])(\d+)(?:\.(\d+))?)?(-evo)?$`)

func (junosScheme) Name() string { return "junos" }

func (junosScheme) Parse(s string) (Version, error) {
	t, err := prepare("junos", s)
	if err != nil {
		return nil, err
	}
	m := junosRE.FindStringSubmatch(t)
	if m == nil {
		return nil, parseError("junos", s, `expected a Junos version such as "21.4R3-S5", "21.4R3" or "15.1X49-D200"`)
	}
	n, _ := parseNums(m[1])
	typ := strings.ToLower(m[2])
	rank := 0
	switch typ {
	case "":
	case "b":
		rank = 1
	case "r":
		rank = 2
	default:
		rank = 3
	}
	svc := strings.ToLower(m[5])
	return keyVersion{scheme: "junos", text: t, key: []part{
		{nums: n}, {rank: rank, str: typ}, {num: m[3]}, {num: m[4]},
		{str: svc}, {num: m[6]}, {num: m[7]},
	}}, nil
}

// bindScheme is ISC BIND 9: "9.11.4", "9.11.4-P2", "9.11.3-S1",
// "9.18.0rc1", "9.16.0b1". Pre-releases (a < b < rc) come before the
// release; patch suffixes after it, in order of appearance, none first
// and then by letter (P < S < W) and number: 9.11.4 < 9.11.4-P1 <
// 9.11.4-P2 < 9.11.4-S1 < 9.11.5. Supported-preview ("-S") lines are
// separate editions: write ranges for them separately.
type bindScheme struct{}

var bindRE = regexp.MustCompile(`^(?i)(\d+(?:\.\d+)*)(?:(a|b|rc)(\d+))?((?:-[psw]\d+)*)$`)

func (bindScheme) Name() string { return "bind" }

func (bindScheme) Parse(s string) (Version, error) {
	t, err := prepare("bind", s)
	if err != nil {
		return nil, err
	}
	m := bindRE.FindStringSubmatch(t)
	if m == nil {
		return nil, parseError("bind", s, `expected a BIND version such as "9.11.4", "9.11.4-P2", "9.11.3-S1" or "9.18.0rc1"`)
	}
	n, _ := parseNums(m[1])
	pre := 3 // release
	switch strings.ToLower(m[2]) {
	case "a":
		pre = 0
	case "b":
		pre = 1
	case "rc":
		pre = 2
	}
	key := []part{{nums: n}, {rank: pre}, {num: m[3]}}
	// Up to four suffixes, each a (present, letter) and a number part;
	// the key length is fixed so that versions compare part by part.
	sufs := strings.Split(strings.ToLower(m[4]), "-")[1:]
	if len(sufs) > 4 {
		return nil, parseError("bind", s, "more than four -P/-S/-W suffixes")
	}
	for i := range 4 {
		if i < len(sufs) {
			key = append(key, part{rank: 1, str: sufs[i][:1]}, part{num: sufs[i][1:]})
		} else {
			key = append(key, part{}, part{})
		}
	}
	return keyVersion{scheme: "bind", text: t, key: key}, nil
}

// gitlabScheme is GitLab: "14.6.0", "14.6.0-ee", "14.6.0-ce.0",
// "16.0.0-rc42-ee". The edition ("-ee", "-ce", "-jh") is not part of the
// order (14.6.0-ee == 14.6.0); "-rcN" is a pre-release; the Omnibus
// package revision ".N" after the edition comes last (none == ".0").
type gitlabScheme struct{}

var gitlabRE = regexp.MustCompile(`^(?i)v?(\d+(?:\.\d+){0,3})(?:-rc(\d+))?(?:[-+.](?:ee|ce|jh))?(?:\.(\d+))?$`)

func (gitlabScheme) Name() string { return "gitlab" }

func (gitlabScheme) Parse(s string) (Version, error) {
	t, err := prepare("gitlab", s)
	if err != nil {
		return nil, err
	}
	m := gitlabRE.FindStringSubmatch(t)
	if m == nil {
		return nil, parseError("gitlab", s, `expected a GitLab version such as "14.6.0", "14.6.0-ee" or "14.6.0-ce.0"`)
	}
	n, _ := parseNums(m[1])
	rank := 1
	if m[2] != "" {
		rank = 0
	}
	return keyVersion{scheme: "gitlab", text: t, key: []part{{nums: n}, {rank: rank}, {num: m[2]}, {num: m[3]}}}, nil
}

// vmwareScheme is VMware ESXi / vCenter: "7.0U3p", "7.0 U3p",
// "7.0 Update 3p", "8.0", "6.7U3s-19898906". Release numbers first, then
// the update number (none, the GA release, first), then the update's
// letters ("" < "a" < … < "z" < "aa"); a build number after '-' or in
// "(build N)" is not part of the order.
type vmwareScheme struct{}

var vmwareRE = regexp.MustCompile(`^(?i)(\d+(?:\.\d+){0,2})(?:\s*(?:u|update)\s*(\d+)([a-z]*))?(?:\s*ga)?(?:-\d+|\s*\(build\s*\d+\))?$`)

func (vmwareScheme) Name() string { return "vmware" }

func (vmwareScheme) Parse(s string) (Version, error) {
	t, err := prepare("vmware", s)
	if err != nil {
		return nil, err
	}
	m := vmwareRE.FindStringSubmatch(t)
	if m == nil {
		return nil, parseError("vmware", s, `expected a VMware version such as "7.0U3p", "7.0 Update 3p" or "8.0"`)
	}
	n, _ := parseNums(m[1])
	return keyVersion{scheme: "vmware", text: t, key: []part{{nums: n}, {num: m[2]}, {str: strings.ToLower(m[3])}}}, nil
}
