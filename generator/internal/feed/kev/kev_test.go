package kev

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"

	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/feed/internal/feedtest"
	"vulnreport/generator/internal/feed/internal/realdata"
	"vulnreport/generator/internal/source"
)

func parse(t *testing.T, name string, data []byte) (feed.Result, *source.Diagnostics) {
	t.Helper()
	var diags source.Diagnostics
	res, err := Parse(name, data, &diags)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	feedtest.Check(t, res, &diags)
	return res, &diags
}

func findKEV(t *testing.T, res feed.Result, cve string) feed.KEVEntry {
	t.Helper()
	for _, k := range res.KEV {
		if k.CVE == cve {
			return k
		}
	}
	t.Fatalf("%s not found", cve)
	return feed.KEVEntry{}
}

// TestRealData reads the full catalog in both forms.
func TestRealData(t *testing.T) {
	js, _ := parse(t, "known_exploited_vulnerabilities.json", realdata.Read(t, "cisa-kev/known_exploited_vulnerabilities.json"))
	cs, _ := parse(t, "known_exploited_vulnerabilities.csv", realdata.Read(t, "cisa-kev/known_exploited_vulnerabilities.csv"))
	if js.Read != 1404 || js.Accepted != 1404 || cs.Accepted != 1404 {
		t.Errorf("JSON read %d accepted %d, CSV accepted %d", js.Read, js.Accepted, cs.Accepted)
	}
	if js.Info.Version != "2025.08.25" || js.Info.Date != "2025-08-25" || cs.Info.Date != "2025-08-25" {
		t.Errorf("info JSON %+v CSV %+v", js.Info, cs.Info)
	}
	for _, res := range []feed.Result{js, cs} {
		l4 := findKEV(t, res, "CVE-2021-44228")
		if l4.DueDate.Format(source.DateLayout) != "2021-12-24" || l4.DateAdded.Format(source.DateLayout) != "2021-12-10" ||
			!l4.Ransomware || l4.Vendor != "Apache" || l4.Product != "Log4j2" || !strings.HasPrefix(l4.RequiredAction, "For all affected software assets") {
			t.Errorf("%s Log4Shell: %+v", res.Info.Path, l4)
		}
		git := findKEV(t, res, "CVE-2025-48384")
		if git.Ransomware || git.DueDate.Format(source.DateLayout) != "2025-09-15" || !strings.Contains(git.Notes, "https://github.com/git/git/security/advisories/GHSA-vwqx-4fm8-6qc9") {
			t.Errorf("%s git: %+v", res.Info.Path, git)
		}
	}
	// The two forms agree entry by entry.
	byCVE := map[string]feed.KEVEntry{}
	for _, k := range cs.KEV {
		byCVE[k.CVE] = k
	}
	for _, k := range js.KEV {
		c := byCVE[k.CVE]
		if !c.DueDate.Equal(k.DueDate) || !c.DateAdded.Equal(k.DateAdded) || c.Ransomware != k.Ransomware || c.Name != k.Name || c.Notes != k.Notes {
			t.Errorf("%s differs: JSON %+v CSV %+v", k.CVE, k, c)
			break
		}
	}
	if p := js.KEV[1].Pos; p.Line != 23 || p.Col != 9 {
		t.Errorf("second JSON entry at %v", p)
	}
	if p := cs.KEV[1].Pos; p.Line != 3 {
		t.Errorf("second CSV entry at %v", p)
	}
}

const header = "cveID,vendorProject,product,vulnerabilityName,dateAdded,shortDescription,requiredAction,dueDate,knownRansomwareCampaignUse,notes,cwes\n"

func TestCSV(t *testing.T) {
	data := header +
		"CVE-2021-44228,Apache,Log4j2,\"Apache Log4j2, RCE\",2021-12-10,desc,Apply updates.,2021-12-24,Known,https://nvd.nist.gov/vuln/detail/CVE-2021-44228,CWE-20\n" +
		"CVE-2099-1,Vendor,Product,Name,2021-12-10,desc,act,2021-12-24,Unknown,,\n" +
		"CVE-2099-0002,Vendor,Product,Name,2021-12-10,desc,act,2021-13-24,Unknown,,\n" +
		"CVE-2099-0003,Vendor,Product,Name,2021-12-10,desc,act,,Maybe,,\n" +
		"CVE-2099-0004,too,few,fields\n"
	res, diags := parse(t, "kev.csv", []byte(data))
	if res.Read != 5 || res.Accepted != 1 || res.Rejected != 4 {
		t.Fatalf("read %d accepted %d rejected %d: %v", res.Read, res.Accepted, res.Rejected, diags.Sorted())
	}
	for i, want := range []string{"not a CVE id", `"dueDate": "2021-13-24" is not a date`, `"dueDate" is missing`, "row has 4 fields"} {
		r := res.Rejections[i]
		if r.Pos.Line != i+3 || !strings.Contains(strings.Join(r.Reasons, "; "), want) {
			t.Errorf("rejection %d: %+v, want line %d and %q", i, r, i+3, want)
		}
	}
	if res.KEV[0].Name != "Apache Log4j2, RCE" {
		t.Errorf("quoted field: %q", res.KEV[0].Name)
	}
	// Shift_JIS, as Excel in Japan saves it, with a header in another case.
	sj, err := japanese.ShiftJIS.NewEncoder().String(strings.ToUpper(header[:5]) + header[5:] +
		"CVE-2024-0001,日立,製品,脆弱性,2024-01-01,説明,対応,2024-01-22,Unknown,,\n")
	if err != nil {
		t.Fatal(err)
	}
	res, _ = parse(t, "kev-sjis.csv", []byte(sj))
	if res.Accepted != 1 || res.KEV[0].Vendor != "日立" {
		t.Errorf("Shift_JIS: %+v", res.KEV)
	}
}

func TestUnreadable(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"csv without dueDate", strings.Replace(header, ",dueDate", "", 1) + "CVE-2021-44228,a,b,c,2021-12-10,d,e,Known,,\n", `no "dueDate" column`},
		{"csv without cveID", strings.Replace(header, "cveID,", "", 1), `no "cveID" column`},
		{"json without vulnerabilities", `{"catalogVersion": "2025.08.25", "count": 0}`, `no "vulnerabilities" array`},
		{"truncated json", "{\"catalogVersion\": \"1\",\n \"vulnerabilities\": [\n  {\"cveID\": \"CVE-2021-44228\", \"dueDate\": \"2021-", "at 3:48: unexpected end of file"},
		{"vulnerabilities not an array", `{"vulnerabilities": "none"}`, "found a string where an array"},
		{"json array", `[{"cveID": "CVE-2021-44228"}]`, "neither a KEV JSON catalog nor a KEV CSV file"},
		{"empty", ``, "the file is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var diags source.Diagnostics
			_, err := Parse("kev", []byte(tt.data), &diags)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

func TestJSONEntries(t *testing.T) {
	data := `{"catalogVersion": "x", "count": 3, "vulnerabilities": [
 {"cveID": "CVE-2021-44228", "dateAdded": "2021-12-10", "dueDate": "2021-12-24", "knownRansomwareCampaignUse": "Known"},
 {"cveID": "CVE-2021-44229", "dateAdded": "2021-12-10"},
 {"cveID": ["CVE-2021-44230"]}
]}`
	res, diags := parse(t, "kev.json", []byte(data))
	if res.Accepted != 1 || res.Rejected != 2 || res.Rejections[0].Pos.Line != 3 || res.Rejections[1].Pos.Line != 4 {
		t.Errorf("accepted %d rejected %d %+v", res.Accepted, res.Rejected, res.Rejections)
	}
	if diags.Count(source.Warning) != 0 {
		t.Errorf("warnings: %v", diags.Sorted())
	}
}
