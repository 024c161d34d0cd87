package cve5

import (
	"encoding/json"

	"vulnreport/generator/internal/feed/internal/feedutil"
)

// record is a CVE JSON 5 record.
type record struct {
	DataType    string `json:"dataType"`
	DataVersion string `json:"dataVersion"`
	Meta        *struct {
		CveID         string `json:"cveId"`
		State         string `json:"state"`
		DatePublished string `json:"datePublished"`
		DateUpdated   string `json:"dateUpdated"`
	} `json:"cveMetadata"`
	Containers struct {
		CNA container   `json:"cna"`
		ADP []container `json:"adp"`
	} `json:"containers"`
}

type container struct {
	ProviderMetadata struct {
		ShortName string `json:"shortName"`
	} `json:"providerMetadata"`
	Title        string        `json:"title"`
	Descriptions []description `json:"descriptions"`
	Affected     []affected    `json:"affected"`
	Metrics      []metric      `json:"metrics"`
	ProblemTypes []struct {
		Descriptions []struct {
			CweID       string `json:"cweId"`
			Description string `json:"description"`
		} `json:"descriptions"`
	} `json:"problemTypes"`
	References []struct {
		URL string `json:"url"`
	} `json:"references"`
}

type description struct {
	Lang  string `json:"lang"`
	Value string `json:"value"`
}

type affected struct {
	Vendor        string                 `json:"vendor"`
	Product       string                 `json:"product"`
	CollectionURL string                 `json:"collectionURL"`
	PackageName   string                 `json:"packageName"`
	Cpes          []string               `json:"cpes"`
	DefaultStatus string                 `json:"defaultStatus"`
	Versions      []feedutil.CVE5Version `json:"versions"`
}

type metric struct {
	V31   *cvssData `json:"cvssV3_1"`
	V30   *cvssData `json:"cvssV3_0"`
	V40   *cvssData `json:"cvssV4_0"`
	V20   *cvssData `json:"cvssV2_0"`
	Other *struct {
		Type    string          `json:"type"`
		Content json.RawMessage `json:"content"`
	} `json:"other"`
}

type cvssData struct {
	Version      string   `json:"version"`
	VectorString string   `json:"vectorString"`
	BaseScore    *float64 `json:"baseScore"`
}

// kevContent is the content of CISA-ADP's "kev" metric.
type kevContent struct {
	DateAdded string `json:"dateAdded"`
}

// ssvcContent is the content of CISA-ADP's "ssvc" metric.
type ssvcContent struct {
	Options []map[string]string `json:"options"`
}
