package pdf

import "vulnreport/generator/internal/render"

// Placed is a line of text as laid out, for the external tests.
type Placed = placed

// Geometry for the external tests.
const (
	PageW   = pageW
	PageH   = pageH
	MarginL = marginL
	MarginR = marginR
	MarginT = marginT
	Bottom  = bottom
)

// NewForTest returns the renderer with the font folders to search and a
// hook that receives every line laid out.
func NewForTest(font string, dirs []string, hook func(Placed)) render.Renderer {
	return &renderer{font: font, dirs: dirs, hook: hook}
}

// SectionKeys lists the catalogue keys of the section titles in order.
func SectionKeys() []string {
	var out []string
	for _, s := range sections() {
		out = append(out, s.key)
	}
	return out
}

// GlossaryTerms lists the glossary entries.
func GlossaryTerms() []string { return glossaryTerms() }

// HeadlineKeys lists the headline figures the appendix defines.
func HeadlineKeys() []string { return headlineKeys() }
