package app

import (
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/render/export"
	"vulnreport/generator/internal/render/pdf"
	"vulnreport/generator/internal/render/site"
	"vulnreport/generator/internal/render/xlsx"
)

// renderer returns the renderer of a format.
func renderer(f render.Format, deps render.Deps) (render.Renderer, error) {
	switch f {
	case render.Findings:
		return export.New(), nil
	case render.Site:
		return site.New(deps), nil
	case render.PDF:
		return pdf.New(deps), nil
	case render.XLSX:
		return xlsx.New(deps), nil
	}
	return nil, nil
}
