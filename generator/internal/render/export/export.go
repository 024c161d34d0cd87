// Package export renders the findings exports: findings.json (the
// versioned schema of package findings) and findings.csv, safe to open in
// Excel. Both are streamed a finding at a time in key order, so a million
// findings cost an index, not a second copy of the model.
package export

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"vulnreport/generator/internal/findings"
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/report"
)

// New returns the findings renderer.
func New() render.Renderer {
	return render.Func(func(_ context.Context, r *report.Report, w render.Writer) error {
		order := r.Findings.ByKey() // the exports list findings by key

		head := findings.File{ToolVersion: r.ToolVersion, AsOf: r.AsOf.Format("2006-01-02"), Organization: r.Organization, Scans: scans(r)}
		js, err := render.Create(w, "findings.json")
		if err != nil {
			return err
		}
		enc := findings.NewEncoder(js, head, len(order))
		for _, i := range order {
			f := r.Findings.At(int(i))
			if err := enc.Add(findings.One(&f)); err != nil {
				js.Close()
				return err
			}
		}
		if err := enc.Close(); err != nil {
			js.Close()
			return err
		}
		if err := js.Close(); err != nil {
			return err
		}

		if len(r.Attacks) > 0 {
			if err := writeAttackSigns(w, r); err != nil {
				return err
			}
		}

		cs, err := render.Create(w, "findings.csv")
		if err != nil {
			return err
		}
		ce, err := findings.NewCSVEncoder(cs)
		if err != nil {
			cs.Close()
			return err
		}
		for _, i := range order {
			f := r.Findings.At(int(i))
			if err := ce.Add(findings.One(&f)); err != nil {
				cs.Close()
				return err
			}
		}
		if err := ce.Close(); err != nil {
			cs.Close()
			return err
		}
		return cs.Close()
	})
}

// scans lists the month's scanner results for findings.json, so that a
// later month's history knows which systems were scanned.
func scans(r *report.Report) []findings.Scan {
	var out []findings.Scan
	for _, f := range r.Sources.Feeds {
		if f.Kind != "scan" {
			continue
		}
		parts := strings.Split(f.Path, "/")
		if len(parts) != 3 || parts[0] != "scans" {
			continue
		}
		out = append(out, findings.Scan{System: parts[1], File: f.Path, Scanner: f.Version, Scanned: f.Date})
	}
	slices.SortFunc(out, func(a, b findings.Scan) int { return cmp.Compare(a.File, b.File) })
	return out
}

// AttackSignsName is the attack-signs export, written when the snapshot
// has logs (schema report.AttackSignsSchema).
const AttackSignsName = "attack-signs.json"

func writeAttackSigns(w render.Writer, r *report.Report) error {
	data, err := report.EncodeAttackSigns(r.AsOf, r.Attacks)
	if err != nil {
		return err
	}
	f, err := render.Create(w, AttackSignsName)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
