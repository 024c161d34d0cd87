package scan

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"vulnreport/generator/internal/i18n"
)

// trivyReport is the part of a Trivy JSON report (SchemaVersion 2) read.
type trivyReport struct {
	CreatedAt    string `json:"CreatedAt"`
	ArtifactName string `json:"ArtifactName"`
	ArtifactType string `json:"ArtifactType"`
	Trivy        struct {
		Version string `json:"Version"`
	} `json:"Trivy"`
	Metadata struct {
		OS struct {
			Family string `json:"Family"`
			Name   string `json:"Name"`
		} `json:"OS"`
	} `json:"Metadata"`
	Results []struct {
		Target          string      `json:"Target"`
		Class           string      `json:"Class"`
		Type            string      `json:"Type"`
		Vulnerabilities []trivyVuln `json:"Vulnerabilities"`
	} `json:"Results"`
}

type trivyVuln struct {
	VulnerabilityID string   `json:"VulnerabilityID"`
	VendorIDs       []string `json:"VendorIDs"`
	PkgName         string   `json:"PkgName"`
	PkgIdentifier   struct {
		PURL string `json:"PURL"`
	} `json:"PkgIdentifier"`
	InstalledVersion string `json:"InstalledVersion"`
	FixedVersion     string `json:"FixedVersion"`
	Status           string `json:"Status"`
	SeveritySource   string `json:"SeveritySource"`
	Severity         string `json:"Severity"`
	Title            string `json:"Title"`
	Description      string `json:"Description"`
	CweIDs           []string
	CVSS             map[string]struct {
		V2Vector  string  `json:"V2Vector"`
		V3Vector  string  `json:"V3Vector"`
		V40Vector string  `json:"V40Vector"`
		V2Score   float64 `json:"V2Score"`
		V3Score   float64 `json:"V3Score"`
		V40Score  float64 `json:"V40Score"`
	} `json:"CVSS"`
	References       []string `json:"References"`
	PublishedDate    string   `json:"PublishedDate"`
	LastModifiedDate string   `json:"LastModifiedDate"`
}

// trivyOSTypes maps Trivy's OS result types to purl types.
var trivyOSTypes = map[string]string{
	"debian": "deb", "ubuntu": "deb",
	"redhat": "rpm", "centos": "rpm", "rocky": "rpm", "alma": "rpm", "almalinux": "rpm", "amazon": "rpm",
	"oracle": "rpm", "fedora": "rpm", "photon": "rpm", "suse linux enterprise server": "rpm", "opensuse.leap": "rpm",
	"opensuse": "rpm", "cbl-mariner": "rpm", "azurelinux": "rpm",
	"alpine": "apk", "wolfi": "apk", "chainguard": "apk",
}

// trivyLangTypes maps Trivy's language result types to purl types.
var trivyLangTypes = map[string]string{
	"jar": "maven", "pom": "maven", "gradle": "maven", "sbt": "maven",
	"npm": "npm", "yarn": "npm", "pnpm": "npm", "node-pkg": "npm", "bun": "npm",
	"pip": "pypi", "pipenv": "pypi", "poetry": "pypi", "uv": "pypi", "python-pkg": "pypi",
	"gomod": "golang", "gobinary": "golang",
	"bundler": "gem", "gemspec": "gem",
	"composer": "composer", "composer-vendor": "composer",
	"nuget": "nuget", "dotnet-core": "nuget", "packages-props": "nuget",
	"cargo": "cargo", "rustbinary": "cargo", "pub": "pub", "hex": "hex", "swift": "swift", "cocoapods": "cocoapods",
	"conan": "conan",
}

// trivyCVSSOrder is the preference among Trivy's CVSS sources: NVD, then
// the severity's own source, then the others by name.
func trivyCVSSOrder(v trivyVuln) []string {
	var names []string
	for k := range v.CVSS {
		names = append(names, k)
	}
	slices.Sort(names)
	order := []string{"nvd"}
	if v.SeveritySource != "" && v.SeveritySource != "nvd" {
		order = append(order, v.SeveritySource)
	}
	for _, n := range names {
		if !slices.Contains(order, n) {
			order = append(order, n)
		}
	}
	return order
}

func (b *builder) trivy(data []byte) error {
	var r trivyReport
	if err := json.Unmarshal(data, &r); err != nil {
		return err
	}
	b.res.Info.Version = strings.TrimSpace("Trivy " + r.Trivy.Version)
	b.res.Info.Date = scanTime(r.CreatedAt)
	b.res.Info.Subject = r.ArtifactName
	offs := keyOffsets(data, "VulnerabilityID")
	n := 0
	for _, res := range r.Results {
		osFamily := strings.ToLower(r.Metadata.OS.Family)
		for _, v := range res.Vulnerabilities {
			off := 0
			if n < len(offs) {
				off = offs[n]
			}
			n++
			f := finding{ID: v.VulnerabilityID, Purl: v.PkgIdentifier.PURL, Name: v.PkgName, Installed: v.InstalledVersion,
				Status: v.Status, Title: i18n.Text{EN: v.Title}, Summary: i18n.Text{EN: v.Description}, CWE: v.CweIDs,
				References: v.References, Published: v.PublishedDate, Updated: v.LastModifiedDate, Pos: b.lines.Pos(off),
				Distro: distroOf(r.Metadata.OS.Family, r.Metadata.OS.Name)}
			if v.FixedVersion != "" {
				f.Fixed = []string{v.FixedVersion}
			}
			for _, id := range v.VendorIDs {
				if id != v.VulnerabilityID {
					f.Aliases = append(f.Aliases, id)
				}
			}
			typ := strings.ToLower(res.Type)
			if pt, ok := trivyOSTypes[typ]; ok {
				fam := typ
				if fam == "" {
					fam = osFamily
				}
				f.Type = pt + "/" + fam
			} else if pt, ok := trivyLangTypes[typ]; ok {
				f.Type = pt
				if pt == "maven" {
					f.Name = strings.Replace(v.PkgName, ":", "/", 1)
				}
			}
			for _, src := range trivyCVSSOrder(v) {
				c, ok := v.CVSS[src]
				if !ok {
					continue
				}
				if c.V3Vector != "" || c.V3Score > 0 {
					f.CVSS = append(f.CVSS, cvssIn{Version: v3(c.V3Vector), Vector: c.V3Vector, Score: c.V3Score})
				}
			}
			for _, src := range trivyCVSSOrder(v) {
				if c, ok := v.CVSS[src]; ok && (c.V40Vector != "" || c.V2Vector != "") {
					if c.V40Vector != "" {
						f.CVSS = append(f.CVSS, cvssIn{Version: "4.0", Vector: c.V40Vector, Score: c.V40Score})
					}
					if c.V2Vector != "" {
						f.CVSS = append(f.CVSS, cvssIn{Version: "2.0", Vector: c.V2Vector, Score: c.V2Score})
					}
				}
			}
			if strings.EqualFold(v.Status, "not_affected") {
				b.res.Read++
				b.res.Accepted++
				b.diags.Warnf(f.Pos, "trivy finding %s %s: status not_affected: not a finding", v.VulnerabilityID, v.PkgName)
				continue
			}
			b.add(f)
		}
	}
	return nil
}

// keyOffsets returns the byte offsets of every member named key in data,
// in order. A member name cannot occur inside a JSON string value (its
// quotes would be escaped there), so every `"key":` found is a member.
func keyOffsets(data []byte, key string) []int {
	pat := []byte(fmt.Sprintf("%q", key))
	var out []int
	for i := 0; ; {
		j := bytes.Index(data[i:], pat)
		if j < 0 {
			return out
		}
		at := i + j
		k := at + len(pat)
		for k < len(data) && (data[k] == ' ' || data[k] == '\t' || data[k] == '\r' || data[k] == '\n') {
			k++
		}
		if k < len(data) && data[k] == ':' {
			out = append(out, at)
		}
		i = at + len(pat)
	}
}
