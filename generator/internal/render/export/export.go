// Package export renders the findings exports: findings.json (the
// versioned schema of package findings) and findings.csv, safe to open in
// Excel.
package export

import (
	"context"

	"vulnreport/generator/internal/findings"
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/report"
)

// New returns the findings renderer.
func New() render.Renderer {
	return render.Func(func(_ context.Context, r *report.Report, w render.Writer) error {
		rows := findings.FromModel(r.Findings)
		slicesSortByKey(rows)
		js, err := findings.Encode(findings.File{ToolVersion: r.ToolVersion, AsOf: r.AsOf.Format("2006-01-02"), Organization: r.Organization, Findings: rows})
		if err != nil {
			return err
		}
		if err := w.WriteFile("findings.json", js); err != nil {
			return err
		}
		cs, err := findings.EncodeCSV(rows)
		if err != nil {
			return err
		}
		return w.WriteFile("findings.csv", cs)
	})
}
