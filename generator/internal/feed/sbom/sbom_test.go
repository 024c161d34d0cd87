package sbom

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/feed/internal/feedtest"
	"vulnreport/generator/internal/feed/internal/realdata"
	"vulnreport/generator/internal/inventory"
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

func component(t *testing.T, res feed.Result, product string) inventory.Component {
	t.Helper()
	for _, c := range res.Components {
		if c.Product == product {
			return c
		}
	}
	t.Fatalf("%s: no component %q", res.Info.Path, product)
	return inventory.Component{}
}

// TestRealData reads every CycloneDX and SPDX JSON sample.
func TestRealData(t *testing.T) {
	dir := realdata.Dir(t)
	files := append(realdata.Files(t, "cyclonedx-bom-examples", ".json"), realdata.Files(t, "spdx-examples", ".json")...)
	got := map[string]feed.Result{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, f)
		rel = filepath.ToSlash(rel)
		res, _ := parse(t, rel, data)
		for _, c := range res.Components {
			if c.Source != "sbom:"+rel || c.Key == "" || c.Version == "" {
				t.Errorf("%s: component %+v", rel, c)
			}
		}
		got[rel] = res
	}
	if len(files) != 18 {
		t.Errorf("%d JSON samples, want 18", len(files))
	}
	dw := got["cyclonedx-bom-examples/SBOM/dropwizard-1.3.15/bom.json"]
	if dw.Accepted != 167 || dw.Info.Version != "CycloneDX 1.2" || dw.Info.Date != "2020-08-02" {
		t.Errorf("dropwizard: accepted %d info %+v", dw.Accepted, dw.Info)
	}
	g := component(t, dw, "pkg:maven/com.google.guava/guava")
	if g.Version != "24.1.1-jre" || g.Name != "com.google.guava/guava" || g.Key != "pkg:maven/com.google.guava/guava" {
		t.Errorf("guava: %+v", g)
	}
	if n := got["cyclonedx-bom-examples/SBOM/juice-shop/v11.1.2/bom.json"].Accepted; n != 840 {
		t.Errorf("juice-shop: %d components", n)
	}
	if lv := got["cyclonedx-bom-examples/SBOM/laravel-7.12.0/bom.1.4.json"]; lv.Accepted != 62 || lv.Info.Version != "CycloneDX 1.4" {
		t.Errorf("laravel: %d %+v", lv.Accepted, lv.Info)
	}
	ab := got["spdx-examples/software/example9/spdx2.2/appbomination.spdx.json"]
	if ab.Read != 7 || ab.Accepted != 5 || ab.Rejected != 2 || ab.Info.Version != "SPDX-2.2" {
		t.Errorf("appbomination: read %d accepted %d rejected %d %+v", ab.Read, ab.Accepted, ab.Rejected, ab.Info)
	}
	if !strings.Contains(ab.Rejections[0].Reasons[0], "no version: cannot be matched") || ab.Rejections[0].ID != "Gradle" {
		t.Errorf("appbomination rejection: %+v", ab.Rejections[0])
	}
	if c := component(t, ab, "pkg:maven/org.apache.commons/commons-lang3"); c.Version != "3.4" {
		t.Errorf("commons-lang3: %+v", c)
	}
	acme := got["spdx-examples/presentations/SBOMS-SPDX-Now-and-Future/ACME-v2.3.spdx.json"]
	if c := component(t, acme, "pkg:alpine/openssl"); c.Version != "3.0.4" || c.Name != "OpenSSL" {
		t.Errorf("openssl: %+v", c)
	}
	if c := component(t, acme, "Acme Applcation"); c.Key != "acmeapplcation" {
		t.Errorf("name-only product: %+v", c)
	}
	v3 := got["spdx-examples/software/example14/spdx3.0/examplemaven-0.0.1-enriched.spdx3.json"]
	if v3.Read != 6 || v3.Accepted != 2 || v3.Info.Version != "SPDX-3.0.1" {
		t.Errorf("SPDX 3: read %d accepted %d %+v", v3.Read, v3.Accepted, v3.Info)
	}
	// The CycloneDX XML form is refused with a clear message.
	var diags source.Diagnostics
	_, err := Parse("bom.xml", realdata.Read(t, "cyclonedx-bom-examples/SBOM/cern-lhc-vdm-editor-e564943/bom.xml"), &diags)
	if err == nil || !strings.Contains(err.Error(), "export the SBOM as CycloneDX JSON") {
		t.Errorf("XML: %v", err)
	}
}

func TestCycloneDX(t *testing.T) {
	data := `{"bomFormat": "CycloneDX", "specVersion": "1.6",
 "metadata": {"timestamp": "2025-01-02T03:04:05Z", "component": {"name": "web-shop", "version": "1.0"}},
 "components": [
  {"type": "library", "group": "org.apache.logging.log4j", "name": "log4j-core", "version": "2.14.1",
   "purl": "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
   "components": [{"name": "nested", "purl": "pkg:npm/nested@1.2.3"}]},
  {"type": "application", "name": "Tomcat", "cpe": "cpe:2.3:a:apache:tomcat:9.0.80:*:*:*:*:*:*:*", "purl": "pkg:maven/org.apache.tomcat/tomcat@9.0.80"},
  {"type": "library", "name": "no-version"},
  {"type": "library", "version": "1.0"},
  {"type": "library", "name": "bad-cpe", "version": "1", "cpe": "not a cpe"}
 ]}`
	res, diags := parse(t, "web-shop.cdx.json", []byte(data))
	if res.Read != 6 || res.Accepted != 4 || res.Rejected != 2 || diags.Count(source.Warning) != 1 {
		t.Fatalf("read %d accepted %d rejected %d: %v", res.Read, res.Accepted, res.Rejected, diags.Sorted())
	}
	want := []struct{ product, version string }{
		{"pkg:maven/org.apache.logging.log4j/log4j-core", "2.14.1"},
		{"pkg:npm/nested", "1.2.3"}, // version from the purl
		{"apache:tomcat", "9.0.80"}, // CPE preferred to purl
		{"bad-cpe", "1"},
	}
	for i, w := range want {
		if c := res.Components[i]; c.Product != w.product || c.Version != w.version {
			t.Errorf("component %d: %+v, want %v", i, c, w)
		}
	}
	if res.Components[1].Pos.Line != 4 || res.Info.Date != "2025-01-02" || res.Info.Version != "CycloneDX 1.6" {
		t.Errorf("nested component at %v, info %+v", res.Components[1].Pos, res.Info)
	}
}

func TestUnreadable(t *testing.T) {
	for _, tt := range []struct{ name, data, want string }{
		{"truncated", "{\"bomFormat\": \"CycloneDX\",\n \"components\": [{\"name\": \"x\"", "at 2:29: unexpected end of file"},
		{"unknown JSON", `{"name": "something else"}`, `neither "bomFormat": "CycloneDX" nor "spdxVersion"`},
		{"not JSON", `name,version`, "not JSON"},
		{"components not a list", `{"bomFormat": "CycloneDX", "components": {}}`, "found an object where an array"},
	} {
		var diags source.Diagnostics
		if _, err := Parse(tt.name, []byte(tt.data), &diags); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}
