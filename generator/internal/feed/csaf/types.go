package csaf

// document is the part of a CSAF 2.0 document this reader uses, without
// its vulnerabilities (streamed one by one).
type document struct {
	Category          string `json:"category"`
	CSAFVersion       string `json:"csaf_version"`
	Title             string `json:"title"`
	AggregateSeverity struct {
		Text string `json:"text"`
	} `json:"aggregate_severity"`
	Publisher struct {
		Name string `json:"name"`
	} `json:"publisher"`
	Tracking struct {
		ID                 string `json:"id"`
		Status             string `json:"status"`
		Version            string `json:"version"`
		InitialReleaseDate string `json:"initial_release_date"`
		CurrentReleaseDate string `json:"current_release_date"`
	} `json:"tracking"`
	References []reference `json:"references"`
}

type reference struct {
	Category string `json:"category"`
	Summary  string `json:"summary"`
	URL      string `json:"url"`
}

type productTree struct {
	Branches         []branch       `json:"branches"`
	FullProductNames []fullProduct  `json:"full_product_names"`
	Relationships    []relationship `json:"relationships"`
}

type branch struct {
	Category string       `json:"category"`
	Name     string       `json:"name"`
	Product  *fullProduct `json:"product"`
	Branches []branch     `json:"branches"`
}

type fullProduct struct {
	Name      string `json:"name"`
	ProductID string `json:"product_id"`
	Helper    struct {
		CPE  string `json:"cpe"`
		Purl string `json:"purl"`
	} `json:"product_identification_helper"`
}

type relationship struct {
	Category         string      `json:"category"`
	FullProductName  fullProduct `json:"full_product_name"`
	ProductReference string      `json:"product_reference"`
	RelatesTo        string      `json:"relates_to_product_reference"`
}

type vulnerability struct {
	CVE string `json:"cve"`
	CWE *struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"cwe"`
	IDs []struct {
		SystemName string `json:"system_name"`
		Text       string `json:"text"`
	} `json:"ids"`
	Title string `json:"title"`
	Notes []struct {
		Category string `json:"category"`
		Text     string `json:"text"`
	} `json:"notes"`
	ReleaseDate   string              `json:"release_date"`
	ProductStatus map[string][]string `json:"product_status"`
	Remediations  []struct {
		Category   string   `json:"category"`
		Details    string   `json:"details"`
		URL        string   `json:"url"`
		ProductIDs []string `json:"product_ids"`
	} `json:"remediations"`
	Scores []struct {
		V3 *cvss `json:"cvss_v3"`
		V2 *cvss `json:"cvss_v2"`
	} `json:"scores"`
	References []reference `json:"references"`
}

type cvss struct {
	Version      string   `json:"version"`
	VectorString string   `json:"vectorString"`
	BaseScore    *float64 `json:"baseScore"`
}
