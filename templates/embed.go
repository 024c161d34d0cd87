// Package templates carries the default site templates and assets into the
// binary, so that vulnreport runs anywhere from one file. A --templates
// folder with the same layout (site/*.html, assets/*) overrides them file by
// file.
package templates

import "embed"

// FS holds site/*.html (the page templates) and assets/* (CSS and JS).
//
//go:embed site assets
var FS embed.FS
