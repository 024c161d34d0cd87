package scan

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// vulsResult is the part of a Vuls result (jsonVersion 4) read.
type vulsResult struct {
	ServerName string `json:"serverName"`
	Family     string `json:"family"`
	Release    string `json:"release"`
	Container  struct {
		Name  string `json:"name"`
		Image string `json:"image"`
	} `json:"container"`
	ScannedAt       string                  `json:"scannedAt"`
	ScannedVersion  string                  `json:"scannedVersion"`
	ReportedAt      string                  `json:"reportedAt"`
	ReportedVersion string                  `json:"reportedVersion"`
	ScannedCves     map[string]vulsVulnInfo `json:"scannedCves"`
	Packages        map[string]vulsPackage  `json:"packages"`
	SrcPackages     map[string]struct {
		Name        string   `json:"name"`
		Version     string   `json:"version"`
		BinaryNames []string `json:"binaryNames"`
	} `json:"srcPackages"`
}

type vulsPackage struct {
	Name       string `json:"name"`
	Version    string `json:"version"`
	Release    string `json:"release"`
	NewVersion string `json:"newVersion"`
	NewRelease string `json:"newRelease"`
	Arch       string `json:"arch"`
}

type vulsVulnInfo struct {
	CveID       string `json:"cveID"`
	Confidences []struct {
		Score           int    `json:"score"`
		DetectionMethod string `json:"detectionMethod"`
	} `json:"confidences"`
	AffectedPackages []struct {
		Name        string `json:"name"`
		NotFixedYet bool   `json:"notFixedYet"`
		FixState    string `json:"fixState"`
		FixedIn     string `json:"fixedIn"`
	} `json:"affectedPackages"`
	DistroAdvisories []struct {
		AdvisoryID string `json:"advisoryID"`
	} `json:"distroAdvisories"`
	CpeURIs         []string                   `json:"cpeURIs"`
	CveContents     map[string]json.RawMessage `json:"cveContents"`
	LibraryFixedIns []struct {
		Name    string `json:"name"`
		FixedIn string `json:"fixedIn"`
		Path    string `json:"path"`
	} `json:"libraryFixedIns"`
	WindowsKBFixedIns []string `json:"windowsKBFixedIns"`
}

type vulsContent struct {
	Type         string   `json:"type"`
	Title        string   `json:"title"`
	Summary      string   `json:"summary"`
	Cvss2Score   float64  `json:"cvss2Score"`
	Cvss2Vector  string   `json:"cvss2Vector"`
	Cvss3Score   float64  `json:"cvss3Score"`
	Cvss3Vector  string   `json:"cvss3Vector"`
	Cvss40Score  float64  `json:"cvss40Score"`
	Cvss40Vector string   `json:"cvss40Vector"`
	CweIDs       []string `json:"cweIDs"`
	References   []struct {
		Link string `json:"link"`
	} `json:"references"`
	SourceLink   string `json:"sourceLink"`
	Published    string `json:"published"`
	LastModified string `json:"lastModified"`
}

// vulsFamilies maps Vuls's OS families to purl types and namespaces.
var vulsFamilies = map[string]string{
	"debian": "deb/debian", "ubuntu": "deb/ubuntu", "raspbian": "deb/raspbian",
	"redhat": "rpm/redhat", "centos": "rpm/centos", "rocky": "rpm/rocky", "alma": "rpm/almalinux",
	"amazon": "rpm/amazon", "oracle": "rpm/oracle", "fedora": "rpm/fedora", "suse.linux.enterprise.server": "rpm/suse",
	"opensuse": "rpm/opensuse", "opensuse.leap": "rpm/opensuse",
	"alpine": "apk/alpine",
}

// vulsLowMethods are Vuls detection methods that match on vendor and
// product only, whatever their score.
var vulsLowMethods = []string{"JvnVendorProductMatch", "CpeVendorProductMatch", "NvdVendorProductMatch", "ChangelogRoughMatch"}

// vulsContentOrder is the preference among Vuls's content sources: NVD,
// the distributions' own, then JVN and the others by name.
func vulsContentOrder(m map[string]json.RawMessage) []string {
	var names []string
	for k := range m {
		names = append(names, k)
	}
	slices.Sort(names)
	order := []string{"nvd"}
	for _, n := range names {
		if n != "jvn" && !slices.Contains(order, n) {
			order = append(order, n)
		}
	}
	return append(order, "jvn")
}

// contents decodes one source's contents: jsonVersion 4 writes a list per
// source; older reports wrote one object.
func contents(raw json.RawMessage) []vulsContent {
	var list []vulsContent
	if err := json.Unmarshal(raw, &list); err == nil {
		return list
	}
	var one vulsContent
	if err := json.Unmarshal(raw, &one); err == nil {
		return []vulsContent{one}
	}
	return nil
}

func (b *builder) vuls(data []byte) error {
	var r vulsResult
	if err := json.Unmarshal(data, &r); err != nil {
		return err
	}
	b.res.Info.Version = strings.TrimSpace("Vuls " + firstNonEmpty(r.ReportedVersion, r.ScannedVersion))
	b.res.Info.Date = scanTime(r.ScannedAt)
	b.res.Info.Subject = r.ServerName
	if r.Container.Name != "" {
		b.res.Info.Subject = r.ServerName + "@" + r.Container.Name
	}
	ids := make([]string, 0, len(r.ScannedCves))
	for id := range r.ScannedCves {
		ids = append(ids, id)
	}
	offs := map[string]int{}
	for _, id := range ids {
		if o := keyOffsets(data, id); len(o) > 0 {
			offs[id] = o[0]
		}
	}
	slices.SortFunc(ids, func(a, c string) int {
		if offs[a] != offs[c] {
			return offs[a] - offs[c]
		}
		return strings.Compare(a, c)
	})
	pkgType := vulsFamilies[strings.ToLower(r.Family)]
	for _, key := range ids {
		vi := r.ScannedCves[key]
		pos := b.lines.Pos(offs[key])
		base := finding{ID: firstNonEmpty(vi.CveID, key), Pos: pos, Distro: distroOf(r.Family, r.Release)}
		for _, da := range vi.DistroAdvisories {
			if da.AdvisoryID != "" && da.AdvisoryID != base.ID {
				base.Aliases = append(base.Aliases, da.AdvisoryID)
			}
		}
		base.LowConfidence = vulsConfidence(vi)
		base.Confidence = vulsMethods(vi)
		b.vulsContents(&base, vi.CveContents)
		n := 0
		for _, ap := range vi.AffectedPackages {
			f := base
			f.Name = ap.Name
			p, ok := r.Packages[ap.Name]
			if !ok {
				// a source package: its binaries carry the versions
				if sp, ok := r.SrcPackages[ap.Name]; ok {
					f.Installed = sp.Version
				}
			} else {
				f.Installed = p.Version
				if p.Release != "" {
					f.Installed += "-" + p.Release
				}
			}
			if pkgType != "" {
				f.Type = pkgType
			}
			if ap.FixedIn != "" {
				f.Fixed = []string{ap.FixedIn}
			}
			f.Status = ap.FixState
			if ap.NotFixedYet && f.Status == "" {
				f.Status = "not fixed yet"
			}
			b.add(f)
			n++
		}
		if len(vi.AffectedPackages) == 0 {
			for _, cpe := range vi.CpeURIs {
				f := base
				f.CPE = cpe
				b.add(f)
				n++
			}
		}
		if n == 0 {
			b.res.Read++
			reason := "names no OS package or CPE (library, WordPress or Windows KB findings are not read yet)"
			b.diags.Errorf(pos, "vuls finding %s: %s", base.ID, reason)
			b.res.Reject(pos, "feed:"+Kind, base.ID, pos.String()+": "+reason)
		}
	}
	return nil
}

// vulsMethods lists a finding's detection methods with their scores, as
// Vuls writes them ("OvalMatch 100, JvnVendorProductMatch 10").
func vulsMethods(vi vulsVulnInfo) string {
	parts := make([]string, 0, len(vi.Confidences))
	for _, c := range vi.Confidences {
		if c.DetectionMethod != "" {
			parts = append(parts, fmt.Sprintf("%s %d", c.DetectionMethod, c.Score))
		}
	}
	return strings.Join(parts, ", ")
}

// vulsConfidence returns why a finding needs confirmation, or "" when one
// of its detection methods compared versions.
func vulsConfidence(vi vulsVulnInfo) string {
	best, method := -1, ""
	for _, c := range vi.Confidences {
		if slices.Contains(vulsLowMethods, c.DetectionMethod) {
			if method == "" {
				method = c.DetectionMethod
			}
			continue
		}
		if c.Score > best {
			best = c.Score
		}
	}
	if best >= 95 {
		return ""
	}
	if method == "" {
		for _, c := range vi.Confidences {
			method = fmt.Sprintf("%s, score %d", c.DetectionMethod, c.Score)
			break
		}
	}
	if method == "" {
		method = "no confidence given"
	}
	return "Vuls confidence: " + method
}

func (b *builder) vulsContents(f *finding, m map[string]json.RawMessage) {
	for _, src := range vulsContentOrder(m) {
		raw, ok := m[src]
		if !ok {
			continue
		}
		for _, c := range contents(raw) {
			if src == "jvn" && f.Title.JA == "" && c.Title != "" {
				f.Title.JA = c.Title
			}
			if src == "jvn" && f.Summary.JA == "" && c.Summary != "" {
				f.Summary.JA = c.Summary
			}
			if src != "jvn" && f.Title.EN == "" && c.Title != "" {
				f.Title.EN = c.Title
			}
			if src != "jvn" && f.Summary.EN == "" && c.Summary != "" {
				f.Summary.EN = c.Summary
			}
			if c.Cvss3Vector != "" || c.Cvss3Score > 0 {
				f.CVSS = append(f.CVSS, cvssIn{Version: v3(c.Cvss3Vector), Vector: c.Cvss3Vector, Score: c.Cvss3Score})
			}
			if c.Cvss40Vector != "" {
				f.CVSS = append(f.CVSS, cvssIn{Version: "4.0", Vector: c.Cvss40Vector, Score: c.Cvss40Score})
			}
			if c.Cvss2Vector != "" {
				f.CVSS = append(f.CVSS, cvssIn{Version: "2.0", Vector: c.Cvss2Vector, Score: c.Cvss2Score})
			}
			f.CWE = append(f.CWE, c.CweIDs...)
			for _, r := range c.References {
				f.References = append(f.References, r.Link)
			}
			if f.Published == "" {
				f.Published = c.Published
			}
			if f.Updated == "" {
				f.Updated = c.LastModified
			}
		}
	}
	// v3 statements first (the priority rules read v3), then v4 and v2
	slices.SortStableFunc(f.CVSS, func(a, c cvssIn) int { return cvssRank(a) - cvssRank(c) })
}

func cvssRank(c cvssIn) int {
	switch {
	case c.Version == "3" || strings.HasPrefix(c.Vector, "CVSS:3"):
		return 0
	case c.Version == "4.0":
		return 1
	}
	return 2
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return strings.TrimSpace(x)
		}
	}
	return ""
}
