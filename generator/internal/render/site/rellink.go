package site

import (
	"io/fs"
	"strings"
)

// relLink is a relative link from a page to another file of the site,
// as the row writers append it to an href attribute without escaping.
// Only relLinkTo makes one (TestRelLinkMadeOnlyByCheck reads the
// package's source to keep it so), from a path that passed the URL
// checks: made only of the characters html/template's URL filter,
// normaliser and attribute escaper leave as they are (plainHref), and
// staying inside the output folder (insideOutput). A string that
// did not pass cannot reach a row's href.
type relLink string

// relLinkTo returns the link to path (relative to a language's root)
// from a page depth folders below it, or "" (no link) when path fails
// the checks; paths made by pathOf always pass. path may end in a
// fragment "#id" naming an anchor of [A-Za-z0-9_-] (a row's, rowAnchor),
// which html/template's URL escapers also leave as it is.
func relLinkTo(depth int, path string) relLink {
	file, frag, hasFrag := strings.Cut(path, "#")
	if file == "" || depth < 0 || depth > maxDepth || !plainHref(file) || !insideOutput(file) || hasFrag && !anchorID(frag) {
		return ""
	}
	return relLink(strings.Repeat("../", depth) + path)
}

// anchorID reports whether id may name an anchor in a link: not empty,
// of letters, digits, '-' and '_' only.
func anchorID(id string) bool {
	for i := 0; i < len(id); i++ {
		if c := id[i]; c == '.' || c == '/' || !plainHref(id[i:i+1]) {
			return false
		}
	}
	return id != ""
}

// insideOutput reports whether a slash path names a file inside the output
// folder: no "..", "." or empty element, no leading slash. With plainHref's
// characters that is what publish.CheckPath accepts (TestRelLinkPathCheck);
// the writer checks every path again.
func insideOutput(p string) bool { return p != "." && fs.ValidPath(p) }
