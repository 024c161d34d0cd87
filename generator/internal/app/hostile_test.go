package app

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime/pprof"
	"slices"
	"strings"
	"testing"
	"time"

	"vulnreport/generator/internal/evidence"
	"vulnreport/generator/internal/publish"
	"vulnreport/generator/internal/source"
)

// hostileCorpus is the committed corpus of hostile and broken snapshots.
const hostileCorpus = "../../../testdata/hostile"

// caseTimeout is how long check and a full build of one case may take
// together; longer counts as a hang.
const caseTimeout = 60 * time.Second

// expectation is what one case must end in; cases not listed may end
// either way, as long as they end well.
type expectation struct {
	fails bool     // the build stops (exit 1)
	names []string // files the error or the diagnostics must name
	diag  string   // a diagnostic text that must appear
	// missing is the required file whose absence stops the build, named
	// by the error in place of a file of the snapshot.
	missing string
}

var expected = map[string]expectation{
	"truncated-yaml":     {fails: true, names: []string{"systems.yaml", "remediation.yaml", "lifecycle.yaml"}},
	"truncated-feeds":    {fails: true, diag: "the file is truncated", names: []string{"feeds/kev/x.json", "feeds/nvd/x.json", "feeds/cve5/CVE-2017-5638.json", "feeds/epss/epss.csv", "feeds/endoflife/struts.json", "feeds/jvn/x.xml", "sbom/web.cdx.json"}},
	"invalid-utf8-late":  {names: []string{"components.csv"}, diag: "is not valid UTF-8"},
	"invalid-utf8-start": {fails: true, names: []string{"components.csv"}, diag: "no component was accepted"},
	"alias-bomb":         {fails: true, names: []string{"systems.yaml", "components.yaml"}, diag: "aliases (*name) expand to more than"},
	"alias-bomb-policy":  {fails: true, names: []string{"policy.yaml"}, diag: "aliases (*name) expand to more than"},
	"alias-bomb-feed":    {names: []string{"feeds/endoflife/bomb.yaml"}},
	"deep-nesting":       {fails: true, names: []string{"systems.yaml", "components.yaml"}, diag: "nested"},
	"deep-policy":        {fails: true, names: []string{"policy.yaml"}, diag: "nested deeper than 64 levels"},
	"bad-ids":            {names: []string{"systems.csv", "remediation.yaml", "notifications.yaml", "advisories/b.yaml", "sbom/-evil.cdx.json"}, diag: "is not a valid id"},
	"bad-dates":          {names: []string{"systems.yaml", "lifecycle.yaml", "remediation.csv", "notifications.csv"}, diag: `"2026-02-30" is not a date`},
	"bad-asof":           {fails: true, names: []string{"policy.yaml"}},
	"long-values":        {names: []string{"advisories/a.yaml"}, diag: "more than 65536"},
	"bad-csv":            {fails: true, names: []string{"systems.csv", "components.csv", "advisories/b.csv"}, diag: "a quoted field is not closed"},
	"bad-headers":        {fails: true, names: []string{"systems.csv", "components.csv"}, diag: "more than the 1000 accepted"},
	"bad-numbers":        {names: []string{"systems.yaml", "advisories/a.yaml"}},
	"empty":              {fails: true, missing: "systems.yaml", diag: "no systems.yaml or systems.csv was read"},
	"headers-only":       {fails: true, names: []string{"systems.csv"}, diag: "the file holds no system"},
	"script-formula":     {},
	// made at test time
	"huge-line-csv":  {names: []string{"components.csv"}, diag: "longer than 1048576 bytes"},
	"huge-line-yaml": {fails: true, names: []string{"systems.yaml"}, diag: "67108864"},
	"huge-line-feed": {fails: true, names: []string{"feeds/epss/e.csv:2:1"}, diag: "longer than 1048576 bytes"}, // a feed that cannot be read whole stops the build
}

// hostileText are fragments of the corpus's script and formula text that
// must never appear raw where they could run.
var (
	rawHTML = []string{"<script>alert(1)", "<img src=x onerror", "\"javascript:alert(1)", "'javascript:alert(1)"}
	formula = regexp.MustCompile(`^[=+\-@\t\r]`)
	// diagnostics: file:line[:col]: severity: message, or file: severity: message
	diagLine  = regexp.MustCompile(`^[^:\s]+:\d+(:\d+)?: (error|warning): \S`)
	plainDiag = regexp.MustCompile(`^[^:\s]+: (error|warning): \S`)
)

// TestHostileCorpus runs check and a full build (every format wired in,
// with the evidence package) on every case of the corpus and on the cases
// made at test time, and checks that each ends well.
func TestHostileCorpus(t *testing.T) {
	t.Parallel()
	entries, err := os.ReadDir(hostileCorpus)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{}
	for _, e := range entries {
		if e.IsDir() {
			cases[e.Name()] = filepath.Join(hostileCorpus, e.Name())
		}
	}
	for name := range expected {
		if _, ok := cases[name]; !ok && !strings.HasPrefix(name, "huge-") {
			t.Errorf("the corpus has no case %s", name)
		}
	}
	if testing.Short() {
		t.Log("-short: the 100 MB cases are skipped")
	} else {
		maps := hugeCases(t)
		for k, v := range maps {
			cases[k] = v
		}
	}
	cwd, _ := os.Getwd()
	cwdBefore := listing(t, cwd)
	names := make([]string, 0, len(cases))
	for n := range cases {
		names = append(names, n)
	}
	slices.Sort(names)
	hung := false
	for _, name := range names {
		dir := cases[name]
		t.Run(name, func(t *testing.T) {
			if hung {
				t.Skip("an earlier case hung")
			}
			if !hostileCase(t, name, dir) {
				hung = true
			}
		})
	}
	if d := slices.Compare(cwdBefore, listing(t, cwd)); d != 0 {
		t.Errorf("the builds wrote into the working folder %s: %v", cwd, listing(t, cwd))
	}
}

// hostileCase runs one case; it returns false when the case hung.
func hostileCase(t *testing.T, name, dir string) bool {
	exp := expected[name]
	parent := t.TempDir()
	out := filepath.Join(parent, "out")
	dataBefore := treeSum(t, dir)

	type result struct {
		checkOut, checkErrOut, buildOut, buildErrOut string
		checkErr, buildErr                           error
		checkTime, buildTime                         time.Duration
	}
	done := make(chan result, 1)
	go func() {
		// no recover: a panic fails the whole test run, as it should
		var r result
		var o, e bytes.Buffer
		t0 := time.Now()
		r.checkErr = Check(Options{Data: os.DirFS(dir), DataDir: dir}, &o, &e)
		r.checkTime = time.Since(t0)
		r.checkOut, r.checkErrOut = o.String(), e.String()
		o.Reset()
		e.Reset()
		t0 = time.Now()
		_, r.buildErr = Build(context.Background(), Options{Data: os.DirFS(dir), DataDir: dir, OutDir: out,
			AsOf: date("2026-11-30"), Today: date("2026-11-30"), Formats: "all", Package: true}, &o, &e)
		r.buildTime = time.Since(t0)
		r.buildOut, r.buildErrOut = o.String(), e.String()
		done <- r
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(caseTimeout):
		var stacks bytes.Buffer
		_ = pprof.Lookup("goroutine").WriteTo(&stacks, 1)
		t.Errorf("check and build did not finish in %v: a hang\n%s", caseTimeout, stacks.String())
		return false
	}
	t.Logf("check %v (%v), build %v (%v)", r.checkTime.Round(time.Millisecond), errOr(r.checkErr),
		r.buildTime.Round(time.Millisecond), errOr(r.buildErr))

	// check: exit 0, or exit 1 because records were rejected or the snapshot cannot be built
	var ue UsageError
	if errors.As(r.checkErr, &ue) || errors.As(r.buildErr, &ue) {
		t.Errorf("bad data reported as a usage error (exit 2): check %v, build %v", r.checkErr, r.buildErr)
	}
	if r.checkErr != nil && !errors.Is(r.checkErr, ErrRejected) {
		t.Errorf("check failed without saying records were rejected: %v", r.checkErr)
	}
	// check prints the diagnostics, then a blank line and the counts table.
	diags := r.checkOut
	if i := strings.Index(diags, "\nファイル "); i >= 0 {
		diags = strings.TrimSpace(diags[:i])
	}
	if i := strings.Index(diags, "\nfile "); i >= 0 {
		diags = strings.TrimSpace(diags[:i])
	}
	checkDiagLines(t, "check", diags)
	checkDiagLines(t, "build", r.buildErrOut)
	all := diags + "\n" + r.checkErrOut + "\n" + r.buildErrOut
	if r.buildErr != nil {
		all += "\n" + r.buildErr.Error()
	}
	for _, f := range exp.names {
		if !strings.Contains(all, f) {
			t.Errorf("nothing names %s:\n%s", f, clipLines(all))
		}
	}
	if exp.diag != "" && !strings.Contains(all, exp.diag) {
		t.Errorf("no diagnostic says %q:\n%s", exp.diag, clipLines(all))
	}

	// nothing outside out, nothing changed in the snapshot
	if d := treeSum(t, dir); d != dataBefore {
		t.Errorf("the snapshot folder changed")
	}
	beside := listing(t, parent)

	if r.buildErr != nil {
		if !exp.fails {
			t.Errorf("the build stopped: %v\n%s", r.buildErr, clipLines(r.buildErrOut))
		}
		if r.checkErr == nil {
			t.Errorf("check passed a snapshot that cannot be built")
		}
		if exp.missing != "" {
			if !strings.Contains(r.buildErr.Error(), exp.missing) {
				t.Errorf("the error does not name the missing %s: %v", exp.missing, r.buildErr)
			}
		} else if !namesAFile(r.buildErr.Error(), dir) {
			t.Errorf("the error names no file of the snapshot: %v", r.buildErr)
		}
		if len(beside) != 0 {
			t.Errorf("a failed build left %v", beside)
		}
		if r.buildOut != "" {
			t.Errorf("a failed build printed a summary:\n%s", r.buildOut)
		}
		return true
	}
	if exp.fails {
		t.Errorf("the build succeeded; want it to stop")
	}
	if !slices.Equal(beside, []string{"out"}) {
		t.Errorf("beside the output: %v, want only out", beside)
	}
	checkOutputs(t, out)
	return true
}

func errOr(err error) string {
	if err == nil {
		return "ok"
	}
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + " …"
	}
	return s
}

// checkDiagLines checks that every line of text is a diagnostic in the
// contract's format, on one line, without raw control characters (which
// could rewrite a terminal or a log).
func checkDiagLines(t *testing.T, what, text string) {
	t.Helper()
	for _, l := range strings.Split(text, "\n") {
		if l == "" || strings.HasPrefix(l, "vulnreport: ") || strings.HasPrefix(l, "  ") {
			continue // check's fatal lines, the build's error (printed by main)
		}
		if !diagLine.MatchString(l) && !plainDiag.MatchString(l) {
			t.Errorf("%s: not a diagnostic line: %q", what, clip(l))
		}
		if strings.ContainsFunc(l, func(r rune) bool { return r < 0x20 || r == 0x7f || r == 0x202e }) {
			t.Errorf("%s: raw control character in %q", what, clip(l))
		}
	}
}

func clip(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

func clipLines(s string) string {
	lines := strings.Split(s, "\n")
	if len(lines) > 40 {
		lines = append(lines[:40], fmt.Sprintf("… %d more lines", len(lines)-40))
	}
	for i := range lines {
		lines[i] = clip(lines[i])
	}
	return strings.Join(lines, "\n")
}

// namesAFile reports whether msg names a file of the snapshot dir.
func namesAFile(msg, dir string) bool {
	found := false
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			if strings.Contains(msg, filepath.ToSlash(rel)) {
				found = true
			}
		}
		return nil
	})
	return found
}

// checkOutputs checks a finished build: verify passes, the manifest's
// counts reconcile, every path is safe, hostile text is escaped in HTML
// and neutralised in CSV and workbooks, PDFs are whole.
func checkOutputs(t *testing.T, out string) {
	t.Helper()
	var vo bytes.Buffer
	if err := evidence.Verify(out, &vo); err != nil {
		t.Errorf("verify: %v\n%s", err, vo.String())
	}
	mdata, err := os.ReadFile(filepath.Join(out, evidence.ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	m, err := evidence.DecodeManifest(mdata)
	if err != nil {
		t.Fatal(err)
	}
	var sum evidence.Counts
	for _, in := range m.Inputs {
		if in.Read != in.Accepted+in.Rejected {
			t.Errorf("manifest: %s read %d != accepted %d + rejected %d", in.Path, in.Read, in.Accepted, in.Rejected)
		}
		sum.Read, sum.Accepted, sum.Rejected = sum.Read+in.Read, sum.Accepted+in.Accepted, sum.Rejected+in.Rejected
	}
	if sum != m.Records || m.Records.Read != m.Records.Accepted+m.Records.Rejected {
		t.Errorf("manifest records %+v, the inputs sum to %+v", m.Records, sum)
	}
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		if err := publish.CheckPath(rel); err != nil || strings.Contains(rel, "passwd") || strings.ContainsRune(rel, 0x202e) {
			t.Errorf("output path %q: %v", rel, err)
		}
		if !d.Type().IsRegular() {
			t.Errorf("%s is not a regular file", rel)
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		switch ext := strings.ToLower(filepath.Ext(rel)); ext {
		case ".html", ".htm", ".svg", ".js", ".css":
			for _, bad := range rawHTML {
				if bytes.Contains(bytes.ToLower(data), bytes.ToLower([]byte(bad))) {
					t.Errorf("%s holds raw %q", rel, bad)
				}
			}
		case ".csv":
			checkCSV(t, rel, data)
		case ".xlsx":
			checkXLSX(t, rel, data)
		case ".pdf":
			if !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.Contains(data[max(0, len(data)-1024):], []byte("%%EOF")) {
				t.Errorf("%s is not a whole PDF", rel)
			}
		case ".json":
			if !json.Valid(data) {
				t.Errorf("%s is not valid JSON", rel)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// checkCSV checks that no cell of an output CSV would run as a formula.
func checkCSV(t *testing.T, name string, data []byte) {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	for i, row := range rows {
		for j, cell := range row {
			if formula.MatchString(cell) {
				t.Errorf("%s:%d:%d: cell %q would run as a formula", name, i+1, j+1, clip(cell))
			}
		}
	}
}

// checkXLSX checks that a workbook is a zip of well-formed XML (so no NUL
// or control character reached it) and holds no formula made of input text.
func checkXLSX(t *testing.T, name string, data []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Errorf("%s/%s: %v", name, f.Name, err)
			continue
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		dec := xml.NewDecoder(bytes.NewReader(b))
		inFormula := false
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Errorf("%s/%s is not well-formed XML: %v", name, f.Name, err)
				break
			}
			switch x := tok.(type) {
			case xml.StartElement:
				inFormula = x.Name.Local == "f"
			case xml.EndElement:
				inFormula = false
			case xml.CharData:
				if inFormula && regexp.MustCompile(`(?i)HYPERLINK\("http://evil|SUM\(A1\)|cmd\|`).Match(x) {
					t.Errorf("%s/%s: input text became a formula: %q", name, f.Name, clip(string(x)))
				}
			}
		}
	}
}

// listing returns the names in a folder.
func listing(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

// treeSum digests every name and byte under dir.
func treeSum(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s %v\n", p, d.Type())
		if d.Type().IsRegular() {
			f, err := os.Open(p)
			if err != nil {
				return err
			}
			defer f.Close()
			_, err = io.Copy(h, f)
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// hugeCases writes the cases too large to commit into a temporary folder:
// a 100 MB single line in a CSV entity file, in a YAML entity file and in
// a feed.
func hugeCases(t *testing.T) map[string]string {
	t.Helper()
	root := t.TempDir()
	const size = 100 << 20
	line := func(prefix string) []byte {
		b := bytes.Repeat([]byte("9"), size)
		copy(b, prefix)
		return b
	}
	write := func(name string, parts ...[]byte) {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, bytes.Join(parts, nil), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	systems := []byte("- id: web\n  name: Web\n  category: website\n  exposure: internet\n  owner: IT\n")
	write("huge-line-csv/systems.yaml", systems)
	write("huge-line-csv/components.csv", []byte("system,product,version\nweb,apache:struts,2.5.10\n"), line("web,apache:struts,"))
	write("huge-line-yaml/systems.yaml", line("- id: "))
	write("huge-line-feed/systems.yaml", systems)
	write("huge-line-feed/components.csv", []byte("system,product,version\nweb,apache:struts,2.5.10\n"))
	write("huge-line-feed/feeds/epss/e.csv", []byte("#model_version:v2023.03.01,score_date:2026-11-30T00:00:00+0000\ncve,epss,percentile\n"), line("CVE-2017-5638,0.9,0."))
	return map[string]string{
		"huge-line-csv":  filepath.Join(root, "huge-line-csv"),
		"huge-line-yaml": filepath.Join(root, "huge-line-yaml"),
		"huge-line-feed": filepath.Join(root, "huge-line-feed"),
	}
}

// TestLimits passes each documented limit (source/limits.go, the README's
// "Limits") by one and checks the message names the file and the limit;
// at the limit itself the input is accepted.
func TestLimits(t *testing.T) {
	type limitCase struct {
		name  string
		files map[string]func(path string) error
		file  string // the file the message must name
		limit string // the limit the message must give
		fatal bool   // the build stops
	}
	text := func(s string) func(string) error {
		return func(p string) error { return os.WriteFile(p, []byte(s), 0o644) }
	}
	sparse := func(head string, size int64) func(string) error {
		return func(p string) error {
			if err := os.WriteFile(p, []byte(head), 0o644); err != nil {
				return err
			}
			return os.Truncate(p, size)
		}
	}
	systems := "- id: web\n  name: Web\n  category: website\n  exposure: internet\n  owner: IT\n"
	nested := func(levels int) string {
		return "- id: web\n  name: Web\n  category: website\n  exposure: internet\n  owner: IT\n  tags2: " +
			strings.Repeat("{a: ", levels) + "x" + strings.Repeat("}", levels) + "\n"
	}
	cases := []limitCase{
		{name: "file size (CSV)", files: map[string]func(string) error{"components.csv": sparse("system,product,version\n", source.MaxFileSize+1)},
			file: "components.csv", limit: fmt.Sprint(source.MaxFileSize), fatal: true},
		{name: "file size (feed)", files: map[string]func(string) error{"feeds/kev/big.json": sparse("{", source.MaxFileSize+1)},
			file: "feeds/kev/big.json", limit: fmt.Sprint(source.MaxFileSize), fatal: true},
		{name: "YAML size", files: map[string]func(string) error{"systems.yaml": sparse(systems+"# ", source.MaxYAMLSize+1)},
			file: "systems.yaml", limit: fmt.Sprint(source.MaxYAMLSize), fatal: true},
		{name: "policy size", files: map[string]func(string) error{"policy.yaml": sparse("organization: x\n# ", source.MaxYAMLSize+1)},
			file: "policy.yaml", limit: fmt.Sprint(source.MaxYAMLSize), fatal: true},
		{name: "line length", files: map[string]func(string) error{"systems.yaml": text(systems),
			"components.csv": text("system,product,version\nweb,apache:struts," + strings.Repeat("1", source.MaxLineLength) + "\n")},
			file: "components.csv:2:1", limit: fmt.Sprint(source.MaxLineLength)},
		{name: "columns", files: map[string]func(string) error{"systems.csv": text("id" + strings.Repeat(",x", source.MaxFieldsPerRow) + "\n")},
			file: "systems.csv", limit: fmt.Sprint(source.MaxFieldsPerRow), fatal: true},
		{name: "nesting", files: map[string]func(string) error{"systems.yaml": text(nested(source.MaxNesting + 1))},
			file: "systems.yaml:1:3", limit: fmt.Sprint(source.MaxNesting)},
		{name: "text length", files: map[string]func(string) error{"systems.yaml": text(strings.Replace(systems, "Web", strings.Repeat("x", source.MaxTextLength+1), 1))},
			file: "systems.yaml:2:9", limit: fmt.Sprint(source.MaxTextLength)},
		{name: "id length", files: map[string]func(string) error{"systems.yaml": text(strings.Replace(systems, "id: web", "id: "+strings.Repeat("w", source.MaxIDLength+1), 1))},
			file: "systems.yaml:1:7", limit: fmt.Sprint(source.MaxIDLength)},
	}
	// A limit passed by one record rejects that record and no more: a
	// system and a component that are fine keep such a snapshot one that
	// builds (with none accepted, it would stop for that reason).
	anchor := map[string]func(string) error{
		"systems.csv":     text("id,name,category,exposure,owner\nok,OK,internal,intranet,IT\n"),
		"components.yaml": text("- system: ok\n  product: apache:struts\n  version: 2.5.10\n"),
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if !tc.fatal {
				for name, mk := range anchor {
					if _, taken := tc.files[name]; !taken {
						if err := mk(filepath.Join(dir, name)); err != nil {
							t.Fatal(err)
						}
					}
				}
			}
			for name, mk := range tc.files {
				p := filepath.Join(dir, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := mk(p); err != nil {
					t.Fatal(err)
				}
			}
			t0 := time.Now()
			out := filepath.Join(t.TempDir(), "out")
			var stdout, stderr bytes.Buffer
			_, err := Build(context.Background(), Options{Data: os.DirFS(dir), OutDir: out, AsOf: date("2026-11-30"), Formats: "findings"}, &stdout, &stderr)
			if d := time.Since(t0); d > 20*time.Second {
				t.Errorf("refusing the input took %v", d)
			}
			msg := stderr.String()
			if err != nil {
				msg += "\n" + err.Error()
			}
			if (err != nil) != tc.fatal {
				t.Errorf("build error = %v, want fatal %v\n%s", err, tc.fatal, clipLines(stderr.String()))
			}
			found := false
			for _, l := range strings.Split(msg, "\n") {
				if strings.Contains(l, tc.file) && strings.Contains(l, tc.limit) {
					found = true
				}
			}
			if !found {
				t.Errorf("no message names %s and the limit %s:\n%s", tc.file, tc.limit, clipLines(msg))
			}
		})
	}
}

// TestLimitsAtTheEdge checks that inputs exactly at a limit are accepted.
func TestLimitsAtTheEdge(t *testing.T) {
	sys := func(id, name, extra string) string {
		return "- id: " + id + "\n  name: " + name + "\n  category: website\n  exposure: internet\n  owner: IT\n" + extra
	}
	files := map[string]string{
		"systems.yaml": sys(strings.Repeat("w", source.MaxIDLength), strings.Repeat("x", source.MaxTextLength), "") +
			sys("web", "Web", "  contract: "+strings.Repeat("{a: ", source.MaxNesting-1)+"x"+strings.Repeat("}", source.MaxNesting-1)+"\n"),
		"components.csv": "system,product,version,patches\nweb,apache:struts,2.5.10," + strings.Repeat("K", source.MaxLineLength-len("web,apache:struts,2.5.10,")) + "\n",
	}
	dir := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var diags source.Diagnostics
	_, snap, err := Analyze(Options{Data: os.DirFS(dir), AsOf: date("2026-11-30")}, &diags, func(string, int) {})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags.Sorted() {
		if strings.Contains(d.Msg, "longer than") || strings.Contains(d.Msg, "more than") || strings.Contains(d.Msg, "deeper than") {
			t.Errorf("at the limit: %s", clip(d.String()))
		}
	}
	if len(snap.Components) != 1 {
		t.Errorf("the component on a line of exactly %d bytes was not read: %v", source.MaxLineLength, clipLines(fmt.Sprint(diags.Sorted())))
	}
}

// TestRecordLimit feeds source.ReadCSV one record more than a file may
// hold: it stops with an error naming the file and the limit, and every
// row seen is counted.
func TestRecordLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("5,000,001 rows: skipped in -short")
	}
	t.Parallel()
	r := io.MultiReader(strings.NewReader("id\n"), &repeatReader{line: []byte("1\n"), n: source.MaxRecordsPerFile + 1})
	var diags source.Diagnostics
	ok, bad := 0, 0
	t0 := time.Now()
	res, err := source.ReadCSV("big.csv", r, source.CSVOptions{}, &diags, func(source.Record) { ok++ }, func(source.Pos, string) { bad++ })
	t.Logf("%d rows in %v", res.Rows, time.Since(t0).Round(time.Millisecond))
	if err == nil || !strings.Contains(err.Error(), "big.csv") || !strings.Contains(err.Error(), fmt.Sprint(source.MaxRecordsPerFile)) {
		t.Fatalf("err = %v, want one naming big.csv and %d", err, source.MaxRecordsPerFile)
	}
	if res.Rows != source.MaxRecordsPerFile || ok+bad != res.Rows {
		t.Errorf("rows %d, accepted %d + rejected %d", res.Rows, ok, bad)
	}
	if diags.Count(source.Error) != 1 {
		t.Errorf("diagnostics: %v", diags.Sorted())
	}
}

// repeatReader yields line n times.
type repeatReader struct {
	line []byte
	n    int
	off  int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	w := 0
	for w < len(p) {
		if r.n == 0 {
			if w == 0 {
				return 0, io.EOF
			}
			break
		}
		c := copy(p[w:], r.line[r.off:])
		w += c
		r.off += c
		if r.off == len(r.line) {
			r.off = 0
			r.n--
		}
	}
	return w, nil
}
