package content

import (
	"bytes"
	"net/url"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// md is goldmark with GitHub tables, strikethrough and Japanese line
// breaks, and its default HTML renderer: raw HTML is omitted (never
// html.WithUnsafe). The sanitizer below also drops links and images whose
// address is not http, https, mailto or a relative path, shifts headings
// down one level so the page's title stays its only h1, and marks table
// header cells as column headers.
var md = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough,
		extension.NewCJK(extension.WithEastAsianLineBreaks())),
	goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(sanitizer{}, 1000))),
)

// Markdown renders Markdown source to safe HTML.
func Markdown(src []byte) ([]byte, error) {
	var buf bytes.Buffer
	if err := md.Convert(src, &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// sanitizer rewrites links, images and headings in the parsed document.
type sanitizer struct{}

var _ parser.ASTTransformer = sanitizer{}

// Transform implements parser.ASTTransformer.
func (sanitizer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var edits []func()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			n.Level = min(n.Level+1, 6)
		case *extast.TableCell:
			if _, head := n.Parent().(*extast.TableHeader); head {
				n.SetAttributeString("scope", []byte("col"))
			}
		case *ast.Link:
			if !SafeLink(string(n.Destination)) {
				edits = append(edits, func() { unwrap(n) })
			}
		case *ast.AutoLink:
			if u := string(n.URL(src)); n.AutoLinkType != ast.AutoLinkEmail && !SafeLink(u) {
				edits = append(edits, func() { n.Parent().ReplaceChild(n.Parent(), n, ast.NewString([]byte(u))) })
			}
		case *ast.Image:
			dest := string(n.Destination)
			switch {
			case isRelative(dest) || isInlineImage(dest):
			case SafeLink(dest):
				edits = append(edits, func() { imageToLink(n) })
			default:
				edits = append(edits, func() { unwrap(n) })
			}
		}
		return ast.WalkContinue, nil
	})
	for _, e := range edits {
		e()
	}
}

// unwrap replaces a node by its children: the link text stays, the link goes.
func unwrap(n ast.Node) {
	parent := n.Parent()
	if parent == nil {
		return
	}
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}

// imageToLink turns an external image into a link to it, so that viewing
// the page never loads anything from outside.
func imageToLink(img *ast.Image) {
	l := ast.NewLink()
	l.Destination, l.Title = img.Destination, img.Title
	for c := img.FirstChild(); c != nil; {
		next := c.NextSibling()
		l.AppendChild(l, c)
		c = next
	}
	img.Parent().ReplaceChild(img.Parent(), img, l)
}

// SafeLink reports whether a link target may be written as a link: http,
// https and mailto addresses, fragments and relative paths. Anything else
// (javascript:, data:, file:, vbscript:, protocol-relative "//host") is shown
// as text only.
func SafeLink(dest string) bool {
	u, err := url.Parse(dest)
	if err != nil || strings.TrimSpace(dest) != dest {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u.Host != ""
	case "mailto":
		return true
	case "":
		return isRelative(dest)
	}
	return false
}

// isRelative reports whether dest is a relative reference with no scheme
// and no host.
func isRelative(dest string) bool {
	u, err := url.Parse(dest)
	return err == nil && u.Scheme == "" && u.Host == "" && !strings.HasPrefix(dest, "//") && !strings.HasPrefix(dest, `\`)
}

// isInlineImage reports whether dest is a data: URL of a raster image,
// which the site's Content-Security-Policy allows.
func isInlineImage(dest string) bool {
	d := strings.ToLower(dest)
	for _, p := range []string{"data:image/png;", "data:image/gif;", "data:image/jpeg;", "data:image/webp;"} {
		if strings.HasPrefix(d, p) {
			return true
		}
	}
	return false
}
