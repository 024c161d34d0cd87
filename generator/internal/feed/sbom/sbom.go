// Package sbom reads software bills of materials: CycloneDX JSON (spec
// 1.2–1.6: {"bomFormat": "CycloneDX", "components": […]}), SPDX 2.2/2.3
// JSON ({"spdxVersion": "SPDX-2.3", "packages": […]}) and SPDX 3.0 JSON-LD
// ({"@graph": [… software_Package …]}), told apart by content. Each
// component or package becomes an [inventory.Component] with Source
// "sbom:<file>"; the snapshot fills System from the file name
// (sbom/<system-id>.*.json).
//
// CycloneDX components are read recursively (nested components
// included); the BOM's own subject, metadata.component, is not a
// component of the system and is left out. SPDX packages are all read,
// the document's DESCRIBES root included.
//
// Product: the component's CPE when it has one (its vendor:product key),
// else its purl without version, else its name ("group/name" for CycloneDX
// components with a group). The written value is kept in Product and the
// key in Key. Version: the component's version, else the version inside
// the purl or CPE. A component without any version cannot be matched
// against advisories: it is rejected with the reason "no version", never
// dropped silently. Info.Version is the spec version ("CycloneDX 1.4",
// "SPDX-2.3") and Info.Date the document's creation date.
package sbom

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/feed/internal/feedutil"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/product"
	"vulnreport/generator/internal/source"
)

// Kind is the feed kind of SBOM files.
const Kind = "sbom"

const expected = `a CycloneDX JSON SBOM ({"bomFormat": "CycloneDX", "components": […]}) or an SPDX JSON document ({"spdxVersion": "SPDX-2.3", "packages": […]})`

// probe holds the fields that tell the formats apart.
type probe struct {
	BOMFormat   string          `json:"bomFormat"`
	SpecVersion string          `json:"specVersion"`
	SPDXVersion string          `json:"spdxVersion"`
	Context     json.RawMessage `json:"@context"`
	Graph       json.RawMessage `json:"@graph"`
}

// Parse reads one SBOM file; see the package documentation.
func Parse(name string, data []byte, diags *source.Diagnostics) (feed.Result, error) {
	res := feed.Result{Info: feed.Info{Kind: Kind, Path: name}}
	switch feedutil.Kind(data) {
	case '{':
	case '<':
		return res, fmt.Errorf("an XML document (CycloneDX XML?) is not read: export the SBOM as CycloneDX JSON or SPDX JSON")
	default:
		return res, fmt.Errorf("not JSON; expected %s", expected)
	}
	var pr probe
	if err := json.Unmarshal(data, &pr); err != nil {
		var te *json.UnmarshalTypeError
		if !errors.As(err, &te) {
			return res, feedutil.FileError(data, err, expected)
		}
	}
	p := &parser{name: name, lines: feedutil.NewLines(name, data), diags: diags, res: &res}
	var err error
	switch {
	case strings.EqualFold(pr.BOMFormat, "CycloneDX"):
		res.Info.Version = strings.TrimSpace("CycloneDX " + pr.SpecVersion)
		err = p.cyclonedx(data)
	case strings.HasPrefix(pr.SPDXVersion, "SPDX-"):
		res.Info.Version = pr.SPDXVersion
		err = p.spdx2(data)
	case pr.Graph != nil && strings.Contains(string(pr.Context), "spdx"):
		err = p.spdx3(data)
	default:
		return res, fmt.Errorf(`neither "bomFormat": "CycloneDX" nor "spdxVersion" found; expected %s`, expected)
	}
	if err != nil {
		return res, feedutil.FileError(data, err, expected)
	}
	res.Info.Records = res.Read
	return res, nil
}

type parser struct {
	name  string
	lines *feedutil.Lines
	diags *source.Diagnostics
	res   *feed.Result
}

// ids are a component's identifiers as the SBOM gives them.
type ids struct {
	name, group, version string
	cpe, purl            string
}

// add turns one component into an inventory component, or rejects it.
func (p *parser) add(c ids, pos source.Pos) {
	p.res.Read++
	label := strings.TrimSpace(c.name)
	if g := strings.TrimSpace(c.group); g != "" && label != "" {
		label = g + "/" + label
	}
	comp := inventory.Flat{Name: label, Version: strings.TrimSpace(c.version), Source: "sbom:" + p.name, Pos: pos}
	var refVersion string
	if cpe := strings.TrimSpace(c.cpe); cpe != "" {
		if ref, err := product.Parse(cpe); err == nil && ref.Kind == "cpe" {
			comp.Product, comp.Key, refVersion = ref.Key, ref.Key, ref.Version
		} else {
			p.diags.Warnf(pos, "SBOM component %s: CPE %q is not a CPE name: ignored", orName(label), feedutil.Clip(cpe))
		}
	}
	if purl := strings.TrimSpace(c.purl); purl != "" {
		ref, err := product.Parse(purl)
		switch {
		case err != nil || ref.Kind != "purl":
			p.diags.Warnf(pos, "SBOM component %s: purl %q is not a purl: ignored", orName(label), feedutil.Clip(purl))
		case comp.Key == "":
			comp.Product, comp.Key = ref.Key, ref.Key
			refVersion = ref.Version
		case refVersion == "":
			refVersion = ref.Version
		}
	}
	if comp.Key == "" && label != "" {
		if ref, err := product.Parse(label); err == nil {
			comp.Product, comp.Key = label, ref.Key
		}
	}
	if comp.Version == "" || strings.EqualFold(comp.Version, "NOASSERTION") {
		comp.Version = refVersion
	}
	var reasons []string
	if comp.Key == "" {
		reasons = append(reasons, "no name, CPE or purl: the component names no product")
	}
	if comp.Version == "" {
		reasons = append(reasons, "no version: cannot be matched")
	}
	if len(reasons) > 0 {
		for i, r := range reasons {
			p.diags.Errorf(pos, "SBOM component %s: %s", orName(label), r)
			reasons[i] = pos.String() + ": " + r
		}
		p.res.Reject(pos, "feed:sbom", label, reasons...)
		return
	}
	p.res.Accepted++
	p.res.Components = append(p.res.Components, comp.Component())
}

func orName(s string) string {
	if s == "" {
		return "(no name)"
	}
	return fmt.Sprintf("%q", s)
}
