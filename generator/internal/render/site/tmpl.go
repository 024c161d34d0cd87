package site

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"path"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/report"
	"vulnreport/templates"
)

// pageTemplates are the templates a site needs; each is one file under
// site/ and renders one kind of page.
var pageTemplates = []string{
	"index.html", "findings.html", "systems.html", "system.html", "advisories.html", "advisory.html",
	"lifecycle.html", "plan.html", "dept.html", "trends.html", "quality.html", "method.html", "page.html",
	"attacks.html",
}

// templateSet is the parsed set, cloned once per language with that
// language's functions, and where each file came from for error messages.
type templateSet struct {
	byLang map[i18n.Lang]*template.Template
	origin map[string]string
	assets []asset
	// fastRows is set when the templates that take the fast rows' HTML,
	// and every template they invoke, are the built-in ones, which
	// fastrows.go reproduces, and no user template invokes a row template
	// itself (fastPaths).
	fastRows bool
	// fastPage holds the page templates that the page writers
	// (fastpage.go) may replace: those whose every template, as read from
	// the parse trees, is built in.
	fastPage map[string]bool
}

// builtIn reports whether every named template was defined by a built-in
// file (a user file may redefine a template of another file).
func (ts *templateSet) builtIn(root *template.Template, names []string) bool {
	for _, n := range names {
		t := root.Lookup(n)
		if t == nil || t.Tree == nil || !strings.HasSuffix(ts.origin[t.Tree.ParseName], "(built-in)") {
			return false
		}
	}
	return true
}

// fastPaths decides which fast writers may stand in for the templates:
// the row writers while the templates taking their HTML (rowConsumers)
// and all they invoke are built in and no user template invokes one of
// those row templates directly (it would find no rows to range over);
// each page writer while its page and all it invokes are built in.
func (ts *templateSet) fastPaths(root *template.Template) {
	consumers := rowConsumers(root)
	rows := reproduces(root, consumers...)
	ts.fastRows = len(consumers) > 0 && ts.builtIn(root, rows)
	for _, t := range root.Templates() {
		if t.Tree == nil || strings.HasSuffix(ts.origin[t.Tree.ParseName], "(built-in)") {
			continue
		}
		for _, n := range invokes(t) {
			if slices.Contains(rows, n) && !slices.Contains(consumers, n) {
				ts.fastRows = false
			}
		}
	}
	ts.fastPage = map[string]bool{}
	for _, page := range pageWriterPages {
		ts.fastPage[page] = ts.fastRows && ts.builtIn(root, reproduces(root, page))
	}
}

type asset struct {
	name string
	data []byte
}

// loadTemplates reads site/*.html and assets/* from the built-in set,
// letting files of the same name in user (may be nil) replace them, and
// parses the templates once, strictly.
func loadTemplates(user fs.FS, langs []i18n.Lang) (*templateSet, error) {
	ts := &templateSet{byLang: map[i18n.Lang]*template.Template{}, origin: map[string]string{}}
	names, err := union(user, "site", ".html")
	if err != nil {
		return nil, err
	}
	root := template.New("").Option("missingkey=error").Funcs(funcs(i18n.JA))
	for _, name := range names {
		src, origin, err := read(user, "site/"+name)
		if err != nil {
			return nil, err
		}
		ts.origin[name] = origin
		if _, err := root.New(name).Parse(string(src)); err != nil {
			return nil, fmt.Errorf("parsing template %s: %w", origin, err)
		}
	}
	ts.fastPaths(root)
	var missing []string
	for _, n := range pageTemplates {
		if root.Lookup(n) == nil {
			missing = append(missing, "site/"+n)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("templates missing: %s", strings.Join(missing, ", "))
	}
	for _, l := range langs {
		c, err := root.Clone()
		if err != nil {
			return nil, fmt.Errorf("preparing templates for %s: %w", l, err)
		}
		ts.byLang[l] = c.Funcs(funcs(l))
	}
	anames, err := union(user, "assets", "")
	if err != nil {
		return nil, err
	}
	for _, name := range anames {
		data, _, err := read(user, "assets/"+name)
		if err != nil {
			return nil, err
		}
		ts.assets = append(ts.assets, asset{name: name, data: data})
	}
	return ts, nil
}

// union lists the files of dir (with suffix) in the built-in set and in
// user, sorted and without duplicates.
func union(user fs.FS, dir, suffix string) ([]string, error) {
	var names []string
	for _, fsys := range []fs.FS{templates.FS, user} {
		if fsys == nil {
			continue
		}
		entries, err := fs.ReadDir(fsys, dir)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("listing templates %s: %w", dir, err)
		}
		for _, e := range entries {
			if !e.IsDir() && strings.HasSuffix(e.Name(), suffix) && !slices.Contains(names, e.Name()) {
				names = append(names, e.Name())
			}
		}
	}
	slices.Sort(names)
	return names, nil
}

// read returns a template file from user when it has one, else the
// built-in one, with a description of where it came from.
func read(user fs.FS, name string) ([]byte, string, error) {
	if user != nil {
		data, err := fs.ReadFile(user, name)
		if err == nil {
			return data, name + " (--templates)", nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, "", fmt.Errorf("reading template %s: %w", name, err)
		}
	}
	data, err := fs.ReadFile(templates.FS, name)
	if err != nil {
		return nil, "", fmt.Errorf("reading built-in template %s: %w", name, err)
	}
	return data, name + " (built-in)", nil
}

// execute renders one page, naming the template file in any error.
func (ts *templateSet) execute(buf *bytes.Buffer, lang i18n.Lang, name string, data any) error {
	if err := ts.byLang[lang].ExecuteTemplate(buf, name, data); err != nil {
		return fmt.Errorf("executing template %s: %w", ts.origin[name], err)
	}
	return nil
}

// funcs are the template functions of one language. Every label comes
// from the shared catalogue; none returns template.HTML.
func funcs(lang i18n.Lang) template.FuncMap {
	return template.FuncMap{
		"t":      func(key string) string { return i18n.T(lang, key) },
		"tf":     func(key string, args ...any) string { return i18n.Tf(lang, key, args...) },
		"tn":     func(key string, n int) string { return i18n.Tn(lang, key, n) },
		"lbl":    func(prefix string, v any) string { return i18n.T(lang, prefix+vocabText(v)) },
		"text":   func(t i18n.Text) string { return t.Get(lang) },
		"date":   date,
		"num":    num,
		"pct":    func(f float64) string { return strconv.FormatFloat(f*100, 'f', 1, 64) + "%" },
		"signed": report.Change,
		"f1":     func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) },
		"change": report.Change,
		"yesno": func(b bool) string {
			if b {
				return i18n.T(lang, "yes")
			}
			return i18n.T(lang, "no")
		},
		"prio": prioClass,
		"feed": func(kind string) string {
			if i18n.Has("site.feed." + kind) {
				return i18n.T(lang, "site.feed."+kind)
			}
			return kind
		},
		"pair":  func(p, v any) pairT { return pairT{p, v} },
		"add":   func(a, b int) int { return a + b },
		"lang":  func() string { return string(lang) },
		"join":  strings.Join,
		"since": func(a, b time.Time) int { return int(math.Floor(b.Sub(a).Hours() / 24)) },
	}
}

// pairT carries a page and a value into a sub-template.
type pairT struct{ P, V any }

// date formats a date as YYYY-MM-DD, or "-" when unknown.
func date(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format("2006-01-02")
}

// num formats an integer with thousands separators.
func num(n int) string { return i18n.Number(n) }

// vocabText returns the text of a value of a string vocabulary
// (model.State, model.Stage, model.DecisionKind, …) or of a plain string,
// for catalogue keys built in templates.
func vocabText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.String {
		return rv.String()
	}
	return fmt.Sprint(v)
}

// prioClass returns the CSS class of a priority ("p1"…"p4", else "p0").
func prioClass(p model.Priority) string { return p.Class() }

// assetPath is the output path of an asset.
func assetPath(name string) (string, error) { return pathOf(kAsset, path.Base(name), 1) }
