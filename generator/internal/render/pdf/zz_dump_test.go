package pdf_test

import (
	"encoding/json"
	"os"
	"testing"
	"time"

	"vulnreport/generator/internal/app"
	"vulnreport/generator/internal/source"
)

func TestZZDump(t *testing.T) {
	var d source.Diagnostics
	r, _, err := app.Analyze(app.Options{Data: os.DirFS("/tmp/vdata"), Today: time.Now()}, &d, func(string, int) {})
	if err != nil {
		t.Fatal(err)
	}
	r2 := *r
	r2.Findings = r.Findings[:5]
	r2.Components = r.Components[:3]
	r2.Vulns = r.Vulns[:3]
	b, _ := json.MarshalIndent(r2, "", " ")
	os.WriteFile("/tmp/model.json", b, 0o644)
}
