// Package all names the reader of every public-feed format, by the folder
// the snapshot keeps its files in: data/feeds/<kind>/ for feeds and
// data/sbom/ (kind "sbom") for SBOMs and data/scans/<system>/ (kind "scan")
// for scanner results.
package all

import (
	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/feed/csaf"
	"vulnreport/generator/internal/feed/cve5"
	"vulnreport/generator/internal/feed/eol"
	"vulnreport/generator/internal/feed/epss"
	"vulnreport/generator/internal/feed/jvn"
	"vulnreport/generator/internal/feed/kev"
	"vulnreport/generator/internal/feed/nvd"
	"vulnreport/generator/internal/feed/osv"
	"vulnreport/generator/internal/feed/sbom"
	"vulnreport/generator/internal/feed/scan"
)

// Parsers returns the feed readers by kind: "nvd", "cve5", "jvn", "kev",
// "epss", "endoflife", "osv", "csaf", "sbom" and "scan". Each call returns a new map.
func Parsers() map[string]feed.Parser {
	return map[string]feed.Parser{
		nvd.Kind:  nvd.Parse,
		cve5.Kind: cve5.Parse,
		jvn.Kind:  jvn.Parse,
		kev.Kind:  kev.Parse,
		epss.Kind: epss.Parse,
		eol.Kind:  eol.Parse,
		sbom.Kind: sbom.Parse,
		osv.Kind:  osv.Parse,
		csaf.Kind: csaf.Parse,
		scan.Kind: scan.Parse,
	}
}

// Reducing maps the feed kinds whose readers can reduce each advisory as
// they read it (feed.ReducingParser) to those readers: the big feeds,
// where holding every advisory in full until the file is read costs most.
func Reducing() map[string]feed.ReducingParser {
	return map[string]feed.ReducingParser{
		nvd.Kind: nvd.ParseReducing,
	}
}
