package scan

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"vulnreport/generator/internal/i18n"
)

// grypeReport is the part of a Grype JSON report read.
type grypeReport struct {
	Matches []grypeMatch `json:"matches"`
	Source  struct {
		Type   string          `json:"type"`
		Target json.RawMessage `json:"target"`
	} `json:"source"`
	Distro struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	} `json:"distro"`
	Descriptor struct {
		Name      string `json:"name"`
		Version   string `json:"version"`
		Timestamp string `json:"timestamp"`
	} `json:"descriptor"`
}

type grypeVuln struct {
	ID          string   `json:"id"`
	DataSource  string   `json:"dataSource"`
	Namespace   string   `json:"namespace"`
	Severity    string   `json:"severity"`
	URLs        []string `json:"urls"`
	Description string   `json:"description"`
	CVSS        []struct {
		Source  string `json:"source"`
		Type    string `json:"type"`
		Version string `json:"version"`
		Vector  string `json:"vector"`
		Metrics struct {
			BaseScore float64 `json:"baseScore"`
		} `json:"metrics"`
	} `json:"cvss"`
	Fix struct {
		Versions []string `json:"versions"`
		State    string   `json:"state"`
	} `json:"fix"`
	CWEs []struct {
		CWE string `json:"cwe"`
	} `json:"cwes"`
}

type grypeMatch struct {
	Vulnerability          grypeVuln   `json:"vulnerability"`
	RelatedVulnerabilities []grypeVuln `json:"relatedVulnerabilities"`
	MatchDetails           []struct {
		Type    string `json:"type"`
		Matcher string `json:"matcher"`
	} `json:"matchDetails"`
	Artifact struct {
		Name    string   `json:"name"`
		Version string   `json:"version"`
		Type    string   `json:"type"`
		CPEs    []string `json:"cpes"`
		PURL    string   `json:"purl"`
	} `json:"artifact"`
}

// grypeTypes maps Grype (Syft) package types to purl types, for
// artifacts without a purl.
var grypeTypes = map[string]string{
	"deb": "deb", "rpm": "rpm", "apk": "apk", "java-archive": "maven", "jenkins-plugin": "maven",
	"npm": "npm", "python": "pypi", "go-module": "golang", "gem": "gem", "php-composer": "composer",
	"dotnet": "nuget", "rust-crate": "cargo", "dart-pub": "pub", "hex": "hex",
}

func (b *builder) grype(data []byte) error {
	var r grypeReport
	if err := json.Unmarshal(data, &r); err != nil {
		return err
	}
	b.res.Info.Version = strings.TrimSpace(firstNonEmpty(r.Descriptor.Name, "grype") + " " + r.Descriptor.Version)
	if strings.EqualFold(b.res.Info.Version[:min(5, len(b.res.Info.Version))], "grype") {
		b.res.Info.Version = "Grype" + b.res.Info.Version[5:]
	}
	b.res.Info.Date = scanTime(r.Descriptor.Timestamp)
	b.res.Info.Subject = grypeSubject(r.Source.Target)
	offs := keyOffsets(data, "vulnerability")
	for i, m := range r.Matches {
		off := 0
		if i < len(offs) {
			off = offs[i]
		}
		v := m.Vulnerability
		f := finding{ID: v.ID, Purl: m.Artifact.PURL, Name: m.Artifact.Name, Installed: m.Artifact.Version,
			Fixed: v.Fix.Versions, Status: v.Fix.State, Summary: i18n.Text{EN: v.Description},
			References: append([]string{v.DataSource}, v.URLs...), Pos: b.lines.Pos(off), Distro: distroOf(r.Distro.Name, r.Distro.Version)}
		if f.References[0] == "" {
			f.References = f.References[1:]
		}
		if pt, ok := grypeTypes[strings.ToLower(m.Artifact.Type)]; ok {
			f.Type = pt
			if pt == "deb" || pt == "rpm" || pt == "apk" {
				f.Type = pt + "/" + strings.ToLower(firstNonEmpty(r.Distro.Name, "unknown"))
			}
		}
		if len(m.Artifact.CPEs) > 0 {
			f.CPE = m.Artifact.CPEs[0]
		}
		f.LowConfidence = grypeConfidence(m)
		f.Confidence = grypeMatchTypes(m)
		for _, rv := range append([]grypeVuln{v}, m.RelatedVulnerabilities...) {
			if rv.ID != "" && rv.ID != f.ID && !contains(f.Aliases, rv.ID) {
				f.Aliases = append(f.Aliases, rv.ID)
			}
			if f.Summary.EN == "" {
				f.Summary.EN = rv.Description
			}
			for _, c := range rv.CVSS {
				f.CVSS = append(f.CVSS, cvssIn{Version: c.Version, Vector: c.Vector, Score: c.Metrics.BaseScore})
			}
			for _, c := range rv.CWEs {
				f.CWE = append(f.CWE, c.CWE)
			}
		}
		b.add(f)
	}
	return nil
}

// grypeMatchTypes lists a match's types, each once, in Grype's order.
func grypeMatchTypes(m grypeMatch) string {
	var types []string
	for _, d := range m.MatchDetails {
		if d.Type != "" && !slices.Contains(types, d.Type) {
			types = append(types, d.Type)
		}
	}
	return strings.Join(types, ", ")
}

// grypeConfidence returns why a match needs confirmation: when every match
// detail rests on a CPE rather than on the package's own ecosystem.
func grypeConfidence(m grypeMatch) string {
	var types []string
	for _, d := range m.MatchDetails {
		if d.Type != "cpe-match" {
			return ""
		}
		types = append(types, d.Type)
	}
	if len(types) == 0 {
		return "Grype match type not given"
	}
	return fmt.Sprintf("Grype match type: %s", strings.Join(types, ", "))
}

// grypeSubject names the scanned image, directory or SBOM.
func grypeSubject(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var t struct {
		UserInput string `json:"userInput"`
		Path      string `json:"path"`
		Name      string `json:"name"`
	}
	if json.Unmarshal(raw, &t) == nil {
		return firstNonEmpty(t.UserInput, t.Name, t.Path)
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
