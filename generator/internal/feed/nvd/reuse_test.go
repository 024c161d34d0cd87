package nvd

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vulnreport/generator/internal/feed/internal/realdata"
)

// recordShapes are records of many shapes, so that a record read into
// the storage of an earlier one of another shape shows anything left
// over from it.
var recordShapes = []string{
	`{"cve":{"id":"CVE-2024-0001","vulnStatus":"Analyzed","descriptions":[{"lang":"es","value":"uno"},{"lang":"en","value":"one  two"},{"lang":"en","value":"three"}],"metrics":{"cvssMetricV31":[{"type":"Secondary","cvssData":{"version":"3.1","vectorString":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H","baseScore":9.8}},{"type":"Primary","cvssData":{"version":"3.1","vectorString":"CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H","baseScore":8.4}}],"cvssMetricV2":[{"cvssData":{"version":"2.0","vectorString":"AV:N/AC:L/Au:N/C:P/I:P/A:P","baseScore":7.5}}]},"weaknesses":[{"description":[{"lang":"en","value":"CWE-79"},{"lang":"en","value":"NVD-CWE-Other"}]},{"description":[{"lang":"en","value":"CWE-89"}]}],"configurations":[{"operator":"AND","nodes":[{"operator":"OR","cpeMatch":[{"vulnerable":true,"criteria":"cpe:2.3:a:example:app:*:*:*:*:*:*:*:*","versionStartIncluding":"1.0","versionEndExcluding":"1.4.2"},{"vulnerable":true,"criteria":"cpe:2.3:a:example:app:2.0:*:*:*:*:*:*:*"},{"vulnerable":false,"criteria":"cpe:2.3:o:microsoft:windows:-:*:*:*:*:*:*:*"}]},{"operator":"OR","negate":true,"cpeMatch":[{"vulnerable":true,"criteria":"cpe:2.3:a:other:lib:-:*:*:*:*:*:*:*"}]}]}],"references":[{"url":"https://example.com/a"},{"url":"ftp://example.com/b"},{"url":"https://example.com/a"}],"cisaExploitAdd":"2024-01-02","cisaActionDue":"2024-01-23","cisaRequiredAction":"Apply updates."}}`,
	`{"cve":{"id":"CVE-2024-0002","descriptions":[{"lang":"fr","value":"seulement"}]}}`,
	`{"cve":{"id":"CVE-2024-0003","metrics":null,"weaknesses":null,"configurations":null,"references":null,"descriptions":null}}`,
	`{"cve":{"id":"CVE-2024-0004","metrics":{},"configurations":[{"negate":true,"nodes":[]}],"descriptions":[{"value":"no language"}]}}`,
	`{"cve":{"id":"CVE-2024-0005","configurations":[{"nodes":[{"cpeMatch":[{"vulnerable":true,"criteria":"not a cpe"},{"vulnerable":true,"criteria":"cpe:2.3:a:x:y:*:*:*:*:*:*:*:*","versionEndIncluding":"not.a version!"}]}]}]}}`,
	`{"cve":{"id":"CVE-2024-0006","vulnStatus":"Rejected","descriptions":[{"lang":"en","value":"** REJECT **"}]}}`,
	`{"cve":{"id":"not-a-cve"}}`,
	`{"cve":null}`,
	`{"other":1}`,
	`{"cve":{"id":"CVE-2024-0007","published":"yesterday","metrics":{"cvssMetricV40":[{"cvssData":{"version":"4.0","vectorString":"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N","baseScore":9.3}}]},"references":[{"url":"https://example.com/\u00e9"}]}}`,
}

// TestFastReusesRecords: records read into the storage of earlier ones,
// of every shape and in any order, read as encoding/json reads them.
func TestFastReusesRecords(t *testing.T) { checkShapes(t, recordShapes) }

// TestFastReusesRecordsRealData is TestFastReusesRecords with the real
// samples' records among the shapes.
func TestFastReusesRecordsRealData(t *testing.T) {
	shapes := append([]string(nil), recordShapes...)
	files, _ := filepath.Glob(filepath.Join(realdata.Dir(t), "nvd-cve-api-2.0", "*", "*.json"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var v struct {
			Vulnerabilities []json.RawMessage `json:"vulnerabilities"`
		}
		if json.Unmarshal(data, &v) == nil {
			for _, r := range v.Vulnerabilities {
				shapes = append(shapes, string(r))
			}
		}
	}
	if len(shapes) == len(recordShapes) {
		t.Fatal("no records in the NVD samples")
	}
	checkShapes(t, shapes)
}

func checkShapes(t *testing.T, shapes []string) {
	rng := rand.New(rand.NewPCG(3, 4))
	var recs []string
	for range 20 * recordBatch {
		recs = append(recs, shapes[rng.IntN(len(shapes))])
	}
	data := []byte(`{"version":"2.0","vulnerabilities":[` + strings.Join(recs, ",\n") + `]}`)
	if !sameAsGeneral(t, "shapes.json", data) {
		t.Error("the fast reader gave up on the records")
	}
}
