// Package generator_test holds the rules of the house, written down and
// tested (in the spirit of golang.org/x/vuln's all_test.go): which floor
// every package of generator/ lives on, which packages may import which,
// and that the README's layout table lists every package.
package generator_test

import (
	"errors"
	"fmt"
	"go/build"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// module is the module path; package paths below are relative to it.
const module = "vulnreport/"

// floors are the layers of generator/, bottom up, in pipeline order. A
// package imports packages on its own floor or below, never above
// (TestFloors). Every package is on exactly one floor, so a new package
// must be placed here before its tests pass.
var floors = []struct {
	name string
	pkgs []string
}{
	{"vocabulary", []string{ // words every floor shares; no knowledge of the pipeline
		"i18n", "source", "version", "version/scheme", "cvss", "indexsort", "plainfs", "model", "product",
		"findings", "heapbudget", "testutil/golden", "testutil/liveheap",
	}},
	{"entities", []string{ // the snapshot's records, each decoded from its files
		"policy", "inventory", "advisory", "lifecycle", "remediation", "notification",
		"feed", "feed/all", "feed/csaf", "feed/cve5", "feed/eol", "feed/epss", "feed/jvn", "feed/kev", "feed/nvd",
		"feed/osv", "feed/sbom", "feed/scan", "feed/internal/feedutil", "feed/internal/feedtest",
		"feed/internal/realdata", "feed/realrecords",
	}},
	{"snapshot", []string{ // a whole snapshot read, validated, written or edited
		"snapshot", "plausible", "feed/fetch", "scaffold", "planimport", "synth",
	}},
	{"merge", []string{"vuln"}},
	{"match", []string{"match"}},
	{"assess", []string{"assess", "risk", "plan", "history", "attack"}},
	{"report", []string{"report"}},
	{"render", []string{"chart", "content", "render", "render/export", "render/pdf", "render/site", "render/xlsx"}},
	{"publish", []string{"publish", "evidence"}},
	{"app", []string{"app"}},
	{"cmd", []string{"benchreport", "fuzzlist", "samplehistory", "samplelogs", "vulnreport"}},
}

// inputSide are the floors below the report model: what a renderer must not
// reach past the model for.
var inputSide = []string{"entities", "snapshot", "merge", "match", "assess"}

// rendererMay lists all a renderer (the render floor) imports of
// generator/ besides its own floor: the model, and the words and contracts
// the model is written in. Everything else is the input side, or publish.
var rendererMay = []string{
	"internal/report",
	"internal/i18n",        // the catalogue
	"internal/model",       // the findings' vocabulary (Priority, State, Kind …)
	"internal/findings",    // findings.json's schema, which the export writes
	"internal/remediation", // the plan-sheet contract the workbook shares with import-plan
}

// knownViolations are imports that break a rule today and that another
// branch is removing (issue 16, h16b-vocab: typed vocabularies in the
// model). The list only shrinks: TestKnownViolationsStillExist fails once
// a listed import is gone, so that its line is deleted with it.
var knownViolations = map[string]string{}

// pkg is one package of generator/ as go/build reads it.
type pkg struct {
	path  string // relative to the module: "internal/report", "cmd/vulnreport"
	floor int
	// imports are the package's own imports of generator/, and
	// testImports its tests' (both relative to the module).
	imports, testImports []string
}

// short names a package the way floors do: "report", "render/site",
// "vulnreport" for a command.
func short(path string) string {
	if s, ok := strings.CutPrefix(path, "internal/"); ok {
		return s
	}
	return strings.TrimPrefix(path, "cmd/")
}

// loadPackages reads every package under generator/ with go/build (the
// imports of the files built on this system, test files apart).
func loadPackages(t *testing.T) []pkg {
	t.Helper()
	floorOf := map[string]int{}
	for i, f := range floors {
		for _, p := range f.pkgs {
			if _, dup := floorOf[p]; dup {
				t.Errorf("%s is on two floors", p)
			}
			floorOf[p] = i
		}
	}
	var out []pkg
	err := filepath.WalkDir(".", func(dir string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() || dir == "." {
			return nil
		}
		if d.Name() == "testdata" {
			return filepath.SkipDir
		}
		bp, err := build.Default.ImportDir(dir, 0)
		var noGo *build.NoGoError
		if errors.As(err, &noGo) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", dir, err)
		}
		p := pkg{path: filepath.ToSlash(dir)}
		f, ok := floorOf[short(p.path)]
		if !ok {
			t.Errorf("generator/%s is on no floor: add it to floors in arch_test.go (and to the README's layout)", p.path)
			f = -1
		}
		p.floor = f
		own := func(imps []string) []string {
			var r []string
			for _, imp := range imps {
				if rel, ok := strings.CutPrefix(imp, module+"generator/"); ok && rel != p.path {
					r = append(r, rel)
				}
			}
			slices.Sort(r)
			return slices.Compact(r)
		}
		p.imports = own(bp.Imports)
		p.testImports = own(append(slices.Clone(bp.TestImports), bp.XTestImports...))
		out = append(out, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 40 {
		t.Fatalf("found %d packages under generator/: the walk is broken", len(out))
	}
	return out
}

// check reports the import from → to as breaking rule, unless it is a
// known violation (which it marks seen).
func check(t *testing.T, seen map[string]bool, from, to, rule string) {
	t.Helper()
	key := from + " -> " + to
	if _, ok := knownViolations[key]; ok {
		seen[key] = true
		return
	}
	t.Errorf("generator/%s imports generator/%s: %s", from, to, rule)
}

// TestArchitecture checks every import of every package against the rules.
func TestArchitecture(t *testing.T) {
	pkgs := loadPackages(t)
	byPath := map[string]pkg{}
	for _, p := range pkgs {
		byPath[p.path] = p
	}
	floorName := func(p pkg) string {
		if p.floor < 0 {
			return "?"
		}
		return floors[p.floor].name
	}
	seen := map[string]bool{}
	for _, p := range pkgs {
		for _, imp := range p.imports {
			q, ok := byPath[imp]
			if !ok {
				continue
			}
			if p.floor >= 0 && q.floor > p.floor {
				check(t, seen, p.path, imp, fmt.Sprintf("a package on the %s floor imports one on the %s floor above it", floorName(p), floorName(q)))
			}
			if floorName(p) == "render" && q.floor != p.floor && !slices.Contains(rendererMay, imp) {
				check(t, seen, p.path, imp, "a renderer reads the report model, never the input side or the output folder (rendererMay)")
			}
			if slices.Contains(inputSide, floorName(p)) && (floorName(q) == "render" || floorName(q) == "report" || floorName(q) == "app") {
				check(t, seen, p.path, imp, "the input side never imports the report, a renderer or app")
			}
			if p.path == "internal/publish" {
				check(t, seen, p.path, imp, "publish writes files and imports no package of vulnreport")
			}
		}
		for _, imp := range append(slices.Clone(p.imports), p.testImports...) {
			if strings.HasPrefix(imp, "cmd/") {
				check(t, seen, p.path, imp, "nothing imports a command")
			}
		}
	}
	for key := range knownViolations {
		if !seen[key] {
			t.Errorf("knownViolations lists %q, which is no longer imported (or no longer a violation): delete its line", key)
		}
	}
}

// TestFloorsExist: every package named on a floor exists, so the list
// cannot keep a package that was removed.
func TestFloorsExist(t *testing.T) {
	have := map[string]bool{}
	for _, p := range loadPackages(t) {
		have[short(p.path)] = true
	}
	for _, f := range floors {
		for _, p := range f.pkgs {
			if !have[p] {
				t.Errorf("floor %s lists %s, which is no package under generator/", f.name, p)
			}
		}
	}
}

// readmeRow is a row of the README's layout table: "| `generator/…` | floor | job |".
var readmeRow = regexp.MustCompile("(?m)^\\| `generator/([^`]+)` \\|")

// TestReadmeLayout: the README's layout table lists every package under
// generator/, in floor order.
func TestReadmeLayout(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, m := range readmeRow.FindAllStringSubmatch(string(data), -1) {
		listed = append(listed, strings.TrimSuffix(m[1], "/"))
	}
	floorOf := map[string]int{}
	for i, f := range floors {
		for _, p := range f.pkgs {
			floorOf[p] = i
		}
	}
	last := -1
	for _, l := range listed {
		f, ok := floorOf[short(l)]
		if !ok {
			t.Errorf("README.md's layout lists generator/%s, which is on no floor", l)
			continue
		}
		if f < last {
			t.Errorf("README.md's layout lists generator/%s (floor %s) after the %s floor: keep the table in floor order", l, floors[f].name, floors[last].name)
		}
		last = max(last, f)
	}
	for _, p := range loadPackages(t) {
		if !slices.Contains(listed, p.path) {
			t.Errorf("README.md's layout table has no row for generator/%s", p.path)
		}
	}
}
