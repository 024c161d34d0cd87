package nvd

// apiCVE is the "cve" object of the NVD CVE API 2.0; 1.1 records are
// converted to it.
type apiCVE struct {
	ID                 string              `json:"id"`
	Published          string              `json:"published"`
	LastModified       string              `json:"lastModified"`
	VulnStatus         string              `json:"vulnStatus"`
	Descriptions       []langValue         `json:"descriptions"`
	Metrics            map[string][]metric `json:"metrics"`
	Weaknesses         []weakness          `json:"weaknesses"`
	Configurations     []config            `json:"configurations"`
	References         []reference         `json:"references"`
	CisaExploitAdd     string              `json:"cisaExploitAdd"`
	CisaActionDue      string              `json:"cisaActionDue"`
	CisaRequiredAction string              `json:"cisaRequiredAction"`
}

type langValue struct {
	Lang  string `json:"lang"`
	Value string `json:"value"`
}

type weakness struct {
	Description []langValue `json:"description"`
}

type reference struct {
	URL string `json:"url"`
}

type metric struct {
	Type     string   `json:"type"`
	CvssData cvssData `json:"cvssData"`
}

type cvssData struct {
	Version      string   `json:"version"`
	VectorString string   `json:"vectorString"`
	BaseScore    *float64 `json:"baseScore"`
}

type config struct {
	Operator string `json:"operator"`
	Negate   bool   `json:"negate"`
	Nodes    []node `json:"nodes"`
}

// node is a configuration node; Children occur only in 1.1 feeds.
type node struct {
	Operator string     `json:"operator"`
	Negate   bool       `json:"negate"`
	CpeMatch []cpeMatch `json:"cpeMatch"`
	Children []node     `json:"children"`
}

type cpeMatch struct {
	Vulnerable     bool   `json:"vulnerable"`
	Criteria       string `json:"criteria"`
	StartIncluding string `json:"versionStartIncluding"`
	StartExcluding string `json:"versionStartExcluding"`
	EndIncluding   string `json:"versionEndIncluding"`
	EndExcluding   string `json:"versionEndExcluding"`
}
