package sbom

import (
	"encoding/json"
	"strings"

	"vulnreport/generator/internal/feed/internal/feedutil"
	"vulnreport/generator/internal/source"
)

// cdxComponent is a CycloneDX component.
type cdxComponent struct {
	Group      string         `json:"group"`
	Name       string         `json:"name"`
	Version    string         `json:"version"`
	Purl       string         `json:"purl"`
	CPE        string         `json:"cpe"`
	Components []cdxComponent `json:"components"`
}

// cyclonedx streams the components array; nested components of an
// element share its position.
func (p *parser) cyclonedx(data []byte) error {
	top, found, err := feedutil.Each(data, []string{"components"}, func(off int, c *cdxComponent, err error) {
		pos := p.lines.Pos(off)
		if err != nil {
			p.res.Read++
			epos, msg := feedutil.RecordError(p.lines, off, err)
			p.diags.Errorf(epos, "SBOM component: %s", msg)
			p.res.Reject(epos, "feed:sbom", "", epos.String()+": "+msg)
			return
		}
		p.cdx(*c, pos)
	})
	if err != nil {
		return err
	}
	if !found {
		p.noRecords("components")
	}
	var meta struct {
		Timestamp string `json:"timestamp"`
	}
	if raw, ok := top["metadata"]; ok && json.Unmarshal(raw, &meta) == nil {
		p.res.Info.Date = feedutil.DateString(meta.Timestamp)
	}
	return nil
}

func (p *parser) cdx(c cdxComponent, pos source.Pos) {
	p.add(ids{name: c.Name, group: c.Group, version: c.Version, cpe: c.CPE, purl: c.Purl}, pos)
	for _, sub := range c.Components {
		p.cdx(sub, pos)
	}
}

// spdxPackage is an SPDX 2.x package.
type spdxPackage struct {
	Name         string `json:"name"`
	VersionInfo  string `json:"versionInfo"`
	ExternalRefs []struct {
		Type    string `json:"referenceType"`
		Locator string `json:"referenceLocator"`
	} `json:"externalRefs"`
}

func (p *parser) spdx2(data []byte) error {
	top, found, err := feedutil.Each(data, []string{"packages"}, func(off int, pk *spdxPackage, err error) {
		pos := p.lines.Pos(off)
		if err != nil {
			p.res.Read++
			epos, msg := feedutil.RecordError(p.lines, off, err)
			p.diags.Errorf(epos, "SBOM package: %s", msg)
			p.res.Reject(epos, "feed:sbom", "", epos.String()+": "+msg)
			return
		}
		c := ids{name: pk.Name, version: pk.VersionInfo}
		for _, r := range pk.ExternalRefs {
			switch strings.ToLower(r.Type) {
			case "purl":
				if c.purl == "" {
					c.purl = r.Locator
				}
			case "cpe23type", "cpe22type":
				if c.cpe == "" {
					c.cpe = r.Locator
				}
			}
		}
		p.add(c, pos)
	})
	if err != nil {
		return err
	}
	if !found {
		p.noRecords("packages")
	}
	var ci struct {
		Created string `json:"created"`
	}
	if raw, ok := top["creationInfo"]; ok && json.Unmarshal(raw, &ci) == nil {
		p.res.Info.Date = feedutil.DateString(ci.Created)
	}
	return nil
}

// spdx3Element is an element of an SPDX 3.0 @graph.
type spdx3Element struct {
	Type        string `json:"type"`
	Name        string `json:"name"`
	Version     string `json:"software_packageVersion"`
	PackageURL  string `json:"software_packageUrl"`
	SpecVersion string `json:"specVersion"`
	Created     string `json:"created"`
	ExternalIDs []struct {
		Type       string `json:"externalIdentifierType"`
		Identifier string `json:"identifier"`
	} `json:"externalIdentifier"`
}

func (p *parser) spdx3(data []byte) error {
	_, found, err := feedutil.Stream(data, []string{"@graph"}, func(off int, raw json.RawMessage) {
		var e spdx3Element
		if err := json.Unmarshal(raw, &e); err != nil {
			var t struct {
				Type string `json:"type"`
			}
			if json.Unmarshal(raw, &t) == nil && t.Type != "software_Package" {
				return // not an element this reader uses
			}
			p.res.Read++
			epos, msg := feedutil.RecordError(p.lines, off, err)
			p.diags.Errorf(epos, "SBOM package: %s", msg)
			p.res.Reject(epos, "feed:sbom", "", epos.String()+": "+msg)
			return
		}
		switch e.Type {
		case "CreationInfo":
			if p.res.Info.Version == "" && e.SpecVersion != "" {
				p.res.Info.Version = "SPDX-" + e.SpecVersion
			}
			if d := feedutil.DateString(e.Created); d > p.res.Info.Date {
				p.res.Info.Date = d
			}
		case "software_Package":
			c := ids{name: e.Name, version: e.Version, purl: e.PackageURL}
			for _, x := range e.ExternalIDs {
				switch strings.ToLower(x.Type) {
				case "purl":
					if c.purl == "" {
						c.purl = x.Identifier
					}
				case "cpe23", "cpe22":
					if c.cpe == "" {
						c.cpe = x.Identifier
					}
				}
			}
			p.add(c, p.lines.Pos(off))
		}
	})
	if err == nil && (!found || p.res.Read == 0) {
		p.noRecords("software_Package elements")
	}
	return err
}

// noRecords warns about a document that lists no components at all, such
// as a CycloneDX VEX document placed among the SBOMs.
func (p *parser) noRecords(what string) {
	p.diags.Warnf(source.Pos{File: p.name, Line: 1, Col: 1}, "the document has no %s: the system gets no components from it (a VEX or metadata-only document?)", what)
}
