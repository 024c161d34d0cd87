// Package content reads the site's own pages from content/*.md: YAML front
// matter (title, weight, language) followed by Markdown, rendered by goldmark
// with its safe defaults (raw HTML omitted, dangerous links dropped). It is
// the one place where rendered Markdown becomes template.HTML.
package content

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"vulnreport/generator/internal/i18n"
)

// Page is one content page.
type Page struct {
	// Slug names the page's output file: pages/<slug>.html. It is the file
	// name without ".md" and without a ".ja" or ".en" language suffix.
	Slug string
	// Title is the page title from the front matter.
	Title string
	// Weight orders the navigation: lighter pages first, then by slug.
	Weight int
	// Lang is the page's language.
	Lang i18n.Lang
	// Body is the rendered Markdown.
	Body template.HTML
	// File is the page's file name in the content folder.
	File string
}

var slugPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// Load reads every *.md file at the top of fsys (nil means no pages) and
// returns the pages sorted by language, weight and slug. Every problem is
// reported, each as "file:line: message", joined into one error.
func Load(fsys fs.FS) ([]Page, error) {
	if fsys == nil {
		return nil, nil
	}
	names, err := fs.Glob(fsys, "*.md")
	if err != nil {
		return nil, fmt.Errorf("listing content pages: %w", err)
	}
	slices.Sort(names)
	var pages []Page
	var errs []error
	seen := map[string]string{}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, fmt.Errorf("reading %s: %w", name, err))
			continue
		}
		p, err := parse(name, data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		key := string(p.Lang) + "/" + p.Slug
		if other, dup := seen[key]; dup {
			errs = append(errs, fmt.Errorf("%s:1: page %q in %s is also defined by %s", name, p.Slug, p.Lang, other))
			continue
		}
		seen[key] = name
		pages = append(pages, p)
	}
	slices.SortFunc(pages, func(a, b Page) int {
		return cmp.Or(cmp.Compare(a.Lang, b.Lang), cmp.Compare(a.Weight, b.Weight), cmp.Compare(a.Slug, b.Slug))
	})
	return pages, errors.Join(errs...)
}

// frontMatter is the YAML header of a page.
type frontMatter struct {
	Title    string
	Weight   int
	Language string
}

// parse splits a file into front matter and body and renders the body.
func parse(name string, data []byte) (Page, error) {
	slug, suffixLang := slugOf(name)
	p := Page{Slug: slug, File: name}
	if !slugPattern.MatchString(slug) {
		return p, fmt.Errorf("%s:1: file name %q does not make a valid page name ([A-Za-z0-9][A-Za-z0-9._-]*)", name, slug)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	head, body, bodyLine, err := split(data)
	if err != nil {
		return p, fmt.Errorf("%s:%d: %w", name, bodyLine, err)
	}
	fm, line, err := decodeFrontMatter(head)
	if err != nil {
		// Line 1 of the YAML is line 2 of the file, after the opening "---".
		return p, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	p.Title, p.Weight = fm.Title, fm.Weight
	switch {
	case fm.Language == "" && suffixLang != "":
		p.Lang = suffixLang
	case fm.Language == "":
		p.Lang = i18n.JA
	default:
		p.Lang = i18n.Lang(fm.Language)
		if suffixLang != "" && suffixLang != p.Lang {
			return p, fmt.Errorf("%s:1: language %q disagrees with the file name's suffix %q", name, fm.Language, suffixLang)
		}
	}
	body, err = Markdown(body)
	if err != nil {
		return p, fmt.Errorf("%s:%d: rendering Markdown: %w", name, bodyLine, err)
	}
	p.Body = template.HTML(body) // goldmark's safe renderer; raw HTML omitted.
	return p, nil
}

// slugOf strips ".md" and a language suffix from a file name.
func slugOf(name string) (string, i18n.Lang) {
	s := strings.TrimSuffix(path.Base(name), ".md")
	for _, l := range i18n.Supported {
		if rest, ok := strings.CutSuffix(s, "."+string(l)); ok {
			return rest, l
		}
	}
	return s, ""
}

// split returns the front matter between the "---" lines, the body and the
// body's first line number.
func split(data []byte) (head, body []byte, bodyLine int, err error) {
	s := string(data)
	first, rest, ok := strings.Cut(s, "\n")
	if strings.TrimRight(first, "\r ") != "---" {
		return nil, nil, 1, errors.New(`missing front matter: the file must start with a "---" line, then title, weight and language, then "---"`)
	}
	line := 2
	var h strings.Builder
	for ok {
		var l string
		l, rest, ok = strings.Cut(rest, "\n")
		if strings.TrimRight(l, "\r ") == "---" {
			return []byte(h.String()), []byte(rest), line + 1, nil
		}
		h.WriteString(l)
		h.WriteByte('\n')
		line++
	}
	return nil, nil, 1, errors.New(`front matter is not closed by a "---" line`)
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// decodeFrontMatter decodes the header and checks every field, returning
// the YAML line of the first problem.
func decodeFrontMatter(head []byte) (frontMatter, int, error) {
	var fm frontMatter
	var doc yaml.Node
	if err := yaml.Unmarshal(head, &doc); err != nil {
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			n, _ := strconv.Atoi(m[1])
			return fm, n, errors.New(m[2])
		}
		return fm, 1, err
	}
	if len(doc.Content) == 0 {
		return fm, 1, errors.New("front matter is empty: title is required")
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return fm, root.Line, errors.New("front matter must be a mapping of title, weight and language")
	}
	seenTitle := false
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "title":
			if v.Kind != yaml.ScalarNode || strings.TrimSpace(v.Value) == "" {
				return fm, v.Line, errors.New("title must be a non-empty string")
			}
			fm.Title, seenTitle = strings.TrimSpace(v.Value), true
		case "weight":
			n, err := strconv.Atoi(v.Value)
			if v.Kind != yaml.ScalarNode || err != nil {
				return fm, v.Line, fmt.Errorf("weight %q is not an integer", v.Value)
			}
			fm.Weight = n
		case "language", "lang":
			if !i18n.Lang(v.Value).Valid() {
				return fm, v.Line, fmt.Errorf("language %q is not one of ja, en", v.Value)
			}
			fm.Language = v.Value
		default:
			return fm, k.Line, fmt.Errorf("unknown front-matter field %q (expected title, weight, language)", k.Value)
		}
	}
	if !seenTitle {
		return fm, root.Line, errors.New("title is required")
	}
	return fm, 0, nil
}
