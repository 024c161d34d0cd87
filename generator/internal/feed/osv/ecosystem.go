package osv

import (
	"strings"
	"unicode"
)

// ecosystem describes how one OSV ecosystem names its packages and orders
// its versions.
type ecosystem struct {
	// purl is the purl type and namespace packages get ("deb/debian").
	purl string
	// scheme is the version scheme its ranges are read in, "" when the
	// component's scheme decides (NuGet's four-part versions, Packagist,
	// Hex and Pub are not strict semver, so their ranges are not checked
	// in it).
	scheme string
	// distro is set for Linux distributions: their advisories decide
	// distribution packages.
	distro bool
}

// ecosystems maps the OSV ecosystem names (the part before the first
// colon, "Debian" of "Debian:12") to their packages and schemes.
var ecosystems = map[string]ecosystem{
	"Debian":      {purl: "deb/debian", scheme: "deb", distro: true},
	"Ubuntu":      {purl: "deb/ubuntu", scheme: "deb", distro: true},
	"Alpine":      {purl: "apk/alpine", scheme: "apk", distro: true},
	"Wolfi":       {purl: "apk/wolfi", scheme: "apk", distro: true},
	"Chainguard":  {purl: "apk/chainguard", scheme: "apk", distro: true},
	"AlmaLinux":   {purl: "rpm/almalinux", scheme: "rpm", distro: true},
	"Rocky Linux": {purl: "rpm/rocky-linux", scheme: "rpm", distro: true},
	"Red Hat":     {purl: "rpm/redhat", scheme: "rpm", distro: true},
	"SUSE":        {purl: "rpm/suse", scheme: "rpm", distro: true},
	"openSUSE":    {purl: "rpm/opensuse", scheme: "rpm", distro: true},
	"openEuler":   {purl: "rpm/openeuler", scheme: "rpm", distro: true},
	"Mageia":      {purl: "rpm/mageia", scheme: "rpm", distro: true},
	"Photon OS":   {purl: "rpm/photon", scheme: "rpm", distro: true},
	"Go":          {purl: "golang", scheme: "semver"},
	"npm":         {purl: "npm", scheme: "semver"},
	"crates.io":   {purl: "cargo", scheme: "semver"},
	"PyPI":        {purl: "pypi", scheme: "pep440"},
	"Maven":       {purl: "maven", scheme: "maven"},
	"RubyGems":    {purl: "gem", scheme: "gem"},
	"NuGet":       {purl: "nuget"},
	"Packagist":   {purl: "composer"},
	"Hex":         {purl: "hex"},
	"Pub":         {purl: "pub"},
}

// lookupEcosystem returns the ecosystem of an OSV ecosystem string
// ("Debian:12", "Ubuntu:Pro:22.04:LTS", "npm").
func lookupEcosystem(s string) (ecosystem, bool) {
	base, _, _ := strings.Cut(strings.TrimSpace(s), ":")
	e, ok := ecosystems[base]
	return e, ok
}

// packageKey returns the product key of a package of ecosystem e: a purl
// without version, as product.Parse gives it.
func packageKey(e ecosystem, name string) string {
	name = strings.TrimSpace(name)
	switch e.purl {
	case "maven":
		name = strings.Replace(name, ":", "/", 1)
	case "pypi":
		// PEP 503 normalisation, as the purl spec asks for pypi names.
		name = strings.Join(strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
			return r == '-' || r == '_' || r == '.' || unicode.IsSpace(r)
		}), "-")
	}
	return "pkg:" + e.purl + "/" + strings.ToLower(name)
}
