// Package eol reads endoflife.date release data: the product pages of the
// endoflife.date repository (Markdown with YAML front matter between the
// first two "---" lines; the Markdown body is ignored) and the JSON array
// of the endoflife.date v0 API ([{"cycle", "releaseDate", "eol", …}]).
// Each release cycle becomes a lifecycle.Cycle with Origin
// "endoflife.date".
//
// # Product
//
// A Cycle names one product. It is the product page's first CPE
// identifier (its vendor:product key, via [product.Parse]); without a CPE,
// its first purl (without version); without either, "endoflife:<name>"
// from the page's permalink (or, for API files, the file name). The other
// identifiers cannot be carried by the Cycle: to make them resolve to the
// same product, list them as aliases in products.yaml.
//
// # Fields
//
// releaseCycle (API: cycle) is required; a release without it is
// rejected. releaseDate gives Released, latest gives Latest. eol gives
// EOL, eoas (end of active support; older pages and the API: support or
// activeSupport) gives SupportEnd, eoes (extendedSupport) gives
// ExtendedEnd. Each is a date or a boolean:
//
//   - a date is taken as written; a value that is neither a date nor a
//     boolean rejects the release;
//   - eol: false / eoas: false mean "not ended": the date stays zero;
//   - eol: true / eoas: true mean "ended, date unknown". The lifecycle
//     model has no such state, so the date is set to the cycle's
//     latestReleaseDate — the last date the line is known to have been
//     maintained — or, without one, its releaseDate, so that the cycle
//     reads as ended; one warning per file counts these cycles. With
//     neither date the field stays zero (status unknown) and the release
//     gets a warning;
//   - the API's support / activeSupport / extendedSupport booleans have
//     the opposite sense (true means "still supported") and are read so;
//   - eoes booleans (extended support offered or not, without a date) say
//     nothing about a date and are ignored.
//
// Values may carry YAML comments ("eol: 2024-04-30 # url"); other release
// fields (lts, codename, link, product-specific extras) are ignored.
// Info.Version is the product's title and Info.Date the newest release or
// latest-release date in the file.
package eol

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/product"
	"vulnreport/generator/internal/source"
)

// Kind is the feed kind of endoflife.date files.
const Kind = "endoflife"

// Origin is the Origin of the cycles read.
const Origin = "endoflife.date"

const expected = `an endoflife.date product page (YAML front matter with "releases") or an endoflife.date API array ([{"cycle": …}])`

// Parse reads one endoflife.date file; see the package documentation.
func Parse(name string, data []byte, diags *source.Diagnostics) (feed.Result, error) {
	res := feed.Result{Info: feed.Info{Kind: Kind, Path: name}}
	text, offset, err := frontMatter(data)
	if err != nil {
		return res, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		return res, yamlError(err, offset)
	}
	if len(doc.Content) == 0 {
		return res, fmt.Errorf("the file is empty; expected %s", expected)
	}
	root := doc.Content[0]
	p := &parser{name: name, offset: offset, diags: diags, res: &res}
	switch root.Kind {
	case yaml.SequenceNode:
		p.api = true
		base := strings.SplitN(path.Base(name), ".", 2)[0]
		p.product, p.key = "endoflife:"+base, "endoflife:"+strings.ToLower(base)
		p.releases(root)
	case yaml.MappingNode:
		rel := p.page(root)
		if rel == nil {
			return res, fmt.Errorf("no \"releases\" list; expected %s", expected)
		}
		p.releases(rel)
	default:
		return res, fmt.Errorf("%s: not a mapping or a list; expected %s", p.pos(root), expected)
	}
	if p.assumed > 0 {
		diags.Warnf(source.Pos{File: name, Line: 1, Col: 1}, "%d release cycle(s) say only that support has ended (true, without a date): their end date is taken as the cycle's latest release date, or else its release date, so that they read as ended", p.assumed)
	}
	res.Info.Records = res.Read
	return res, nil
}

// frontMatter returns the YAML text of a product page and the number of
// lines before it; other files are returned whole.
func frontMatter(data []byte) ([]byte, int, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	if strings.TrimSpace(string(first)) != "---" {
		return data, 0, nil
	}
	for off, line := 0, 2; off < len(rest); line++ {
		end := bytes.IndexByte(rest[off:], '\n')
		if end < 0 {
			end = len(rest) - off
		}
		if strings.TrimRight(string(rest[off:off+end]), " \t\r") == "---" {
			return rest[:off], 1, nil
		}
		off += end + 1
	}
	return nil, 0, fmt.Errorf("the front matter that starts at line 1 has no closing \"---\" line; expected %s", expected)
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// yamlError names the file line of a YAML syntax error.
func yamlError(err error, offset int) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = yamlLine.ReplaceAllStringFunc(msg, func(m string) string {
		n, _ := strconv.Atoi(strings.TrimPrefix(m, "line "))
		return "line " + strconv.Itoa(n+offset)
	})
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		msg = strings.TrimPrefix(msg, m[0]+": ")
		return fmt.Errorf("not readable at %s:1: YAML: %s; expected %s", m[1], msg, expected)
	}
	return fmt.Errorf("not readable: %s; expected %s", msg, expected)
}

type parser struct {
	name    string
	offset  int
	diags   *source.Diagnostics
	res     *feed.Result
	api     bool
	product string
	key     string
	assumed int
}

func (p *parser) pos(n *yaml.Node) source.Pos {
	return source.Pos{File: p.name, Line: n.Line + p.offset, Col: n.Column}
}

// page reads a product page's top-level keys and returns its releases.
func (p *parser) page(root *yaml.Node) *yaml.Node {
	var releases *yaml.Node
	permalink := ""
	var ids []string
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i].Value, root.Content[i+1]
		switch k {
		case "title":
			p.res.Info.Version = v.Value
		case "permalink":
			permalink = v.Value
		case "releases":
			if v.Kind == yaml.SequenceNode {
				releases = v
			}
		case "identifiers":
			for _, id := range v.Content {
				for j := 0; id.Kind == yaml.MappingNode && j+1 < len(id.Content); j += 2 {
					kind, val := id.Content[j].Value, strings.TrimSpace(id.Content[j+1].Value)
					if kind == "cpe" || kind == "purl" {
						ids = append(ids, kind+"\x00"+val)
					}
				}
			}
		}
	}
	for _, want := range []string{"cpe", "purl"} {
		for _, id := range ids {
			kind, val, _ := strings.Cut(id, "\x00")
			if kind != want || p.key != "" {
				continue
			}
			if ref, err := product.Parse(val); err == nil && ref.Kind == want {
				p.product, p.key = val, ref.Key
			}
		}
	}
	if p.key == "" {
		name := strings.Trim(permalink, "/")
		if name == "" {
			name = strings.SplitN(path.Base(p.name), ".", 2)[0]
		}
		p.product, p.key = "endoflife:"+name, "endoflife:"+strings.ToLower(name)
	}
	return releases
}
