package site

import (
	"fmt"
	"strconv"
	"strings"

	"vulnreport/generator/internal/i18n"
)

// kind names a type of page. Every output path is computed by pathOf from a
// kind, an id and a page number, so that files and links cannot disagree.
type kind int

const (
	kDashboard  kind = iota // index.html
	kFindings               // findings/index.html, findings/page-N.html
	kView                   // findings/h/<headline>.html, findings/h/<headline>/page-N.html
	kSystems                // systems.html
	kSystem                 // systems/<id>.html, systems/<id>/page-N.html
	kAdvisories             // advisories.html
	kAdvisory               // advisories/<id>.html
	kLifecycle              // lifecycle.html
	kPlan                   // plan.html
	kDept                   // plan/<dept>.html, plan/<dept>/page-N.html
	kTrends                 // trends.html
	kQuality                // quality.html
	kMethod                 // method.html
	kContent                // pages/<slug>.html
	kAttacks                // attacks.html (only with logs/)
	kAsset                  // assets/<name>
)

// validID reports whether id matches [A-Za-z0-9][A-Za-z0-9._-]*, the ids
// that may name an output file (checked for every link, so not by a
// regular expression).
func validID(id string) bool {
	for i := 0; i < len(id); i++ {
		c := id[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || i > 0 && (c == '.' || c == '_' || c == '-') {
			continue
		}
		return false
	}
	return id != ""
}

// fixed maps the kinds without an id to their file.
var fixed = map[kind]string{
	kDashboard: "index.html", kSystems: "systems.html", kAdvisories: "advisories.html", kLifecycle: "lifecycle.html",
	kPlan: "plan.html", kTrends: "trends.html", kQuality: "quality.html", kMethod: "method.html", kAttacks: "attacks.html",
}

// dirs maps the kinds with an id to their folder.
var dirs = map[kind]string{
	kView: "findings/h", kSystem: "systems", kAdvisory: "advisories", kDept: "plan", kContent: "pages", kAsset: "assets",
}

// pathOf returns the slash path of a page relative to its language's root
// (or, for assets, to the output root). page counts from 1; pages after the
// first of a paged list go into a folder named after the first page. It
// rejects ids that are not [A-Za-z0-9][A-Za-z0-9._-]* and any path that
// could leave the output folder.
func pathOf(k kind, id string, page int) (string, error) {
	var p string
	switch k {
	case kFindings:
		p = "findings/index.html"
		if page > 1 {
			p = "findings/page-" + strconv.Itoa(page) + ".html"
		}
	case kView, kSystem, kAdvisory, kDept, kContent, kAsset:
		if !validID(id) {
			return "", fmt.Errorf("%q is not a valid id for an output file name", id)
		}
		base := dirs[k] + "/" + id
		switch {
		case k == kAsset:
			p = base
		case page > 1 && (k == kView || k == kSystem || k == kDept):
			p = base + "/page-" + strconv.Itoa(page) + ".html"
		default:
			p = base + ".html"
		}
	default:
		f, ok := fixed[k]
		if !ok {
			return "", fmt.Errorf("no output path for page kind %d", k)
		}
		p = f
	}
	if !insideOutput(p) {
		return "", fmt.Errorf("output path %q leaves the output folder", p)
	}
	return p, nil
}

// mustPath is pathOf for ids already checked when the page was planned;
// an invalid id yields "" so that a link never points outside the site.
func mustPath(k kind, id string, page int) string {
	p, err := pathOf(k, id, page)
	if err != nil {
		return ""
	}
	return p
}

// langRoot is the folder of a language's pages: the primary language at
// the output root, the others under their code ("en/").
func langRoot(l, primary i18n.Lang) string {
	if l == primary {
		return ""
	}
	return string(l) + "/"
}

// up returns the "../" prefix that leads from the folder of p back to the
// root p is relative to.
func up(p string) string {
	return strings.Repeat("../", strings.Count(p, "/"))
}
