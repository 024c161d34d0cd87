package app

import (
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/render/export"
)

// renderer returns the renderer of a format; nil when not built in yet.
func renderer(f render.Format, deps render.Deps) (render.Renderer, error) {
	switch f {
	case render.Findings:
		return export.New(), nil
	}
	return nil, nil
}
