package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"time"

	"vulnreport/generator/internal/app"
	"vulnreport/generator/internal/evidence"
	"vulnreport/generator/internal/heapbudget"
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/plainfs"
	"vulnreport/generator/internal/planimport"
	"vulnreport/generator/internal/scaffold"
	"vulnreport/generator/internal/source"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, time.Now()))
}

const usage = `usage:
  vulnreport build [--data DIR] [--out DIR] [--content DIR] [--templates DIR] [--as-of YYYY-MM-DD] [--lang ja,en] [--formats all] [--strict] [--package]
  vulnreport check [--data DIR] [--content DIR] [--as-of YYYY-MM-DD]
  vulnreport fetch [--data DIR] [--feeds LIST] [--since DATE] [--mirror NAME=URL]... [--dry-run]
  vulnreport init DIR
  vulnreport verify DIR|evidence.zip
  vulnreport import-plan WORKBOOK [--data DIR] [--dry-run]
  vulnreport version
`

// run executes one command and returns the exit code. now is read once
// here, in main's package; nothing below reads the clock.
func run(args []string, stdout, stderr io.Writer, now time.Time) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, rest := args[0], args[1:]
	var err error
	switch cmd {
	case "build":
		err = build(rest, stdout, stderr, now)
	case "check":
		err = check(rest, stdout, stderr, now)
	case "fetch":
		err = fetchCmd(rest, stdout, stderr)
	case "init":
		if len(rest) != 1 {
			err = app.UsageError{Err: errors.New("init takes one folder")}
		} else {
			err = scaffold.Init(rest[0], stdout)
		}
	case "verify":
		if len(rest) != 1 {
			err = app.UsageError{Err: errors.New("verify takes one folder or .zip")}
		} else {
			err = evidence.Verify(rest[0], stdout)
		}
	case "import-plan":
		err = importPlan(rest, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "vulnreport", app.ToolVersion)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
	default:
		err = app.UsageError{Err: fmt.Errorf("unknown command %q", cmd)}
	}
	return exitCode(err, stderr)
}

func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	var ue app.UsageError
	if errors.As(err, &ue) || errors.Is(err, flag.ErrHelp) {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stderr, "vulnreport:", err)
		}
		fmt.Fprint(stderr, usage)
		return 2
	}
	// A stopped build says why in the language of its diagnostics.
	var stop *app.StopError
	if errors.As(err, &stop) {
		fmt.Fprintln(stderr, "vulnreport:", stop.Localized())
		return 1
	}
	fmt.Fprintln(stderr, "vulnreport:", err)
	return 1
}

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return app.UsageError{Err: err}
	}
	if fs.NArg() > 0 {
		return app.UsageError{Err: fmt.Errorf("unexpected argument %q", fs.Arg(0))}
	}
	return nil
}

func build(args []string, stdout, stderr io.Writer, now time.Time) error {
	fs := newFlags("build", stderr)
	data := fs.String("data", "data", "snapshot folder")
	out := fs.String("out", "output", "output folder")
	content := fs.String("content", "content", "Markdown pages folder")
	templates := fs.String("templates", "", "templates folder overriding the built-in ones file by file")
	asOf := fs.String("as-of", "", "snapshot date YYYY-MM-DD (default: the policy's as_of, else today)")
	lang := fs.String("lang", "", "languages, e.g. ja,en (default: the policy's)")
	formats := fs.String("formats", "all", "outputs: all, or a list of findings,site,pdf,xlsx")
	strict := fs.Bool("strict", false, "exit 1 when any record is rejected")
	pkg := fs.Bool("package", false, "also write the evidence archive evidence-YYYY-MM-DD.zip")
	if err := parse(fs, args); err != nil {
		return err
	}
	opt := app.Options{DataDir: *data, OutDir: *out, Formats: *formats, Strict: *strict, Package: *pkg,
		Today: time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC), Progress: isTerminal(stderr) || os.Getenv("VULNREPORT_PROGRESS") != ""}
	// Rendering runs under a soft memory limit of the model plus a
	// headroom (see heapbudget); a GOMEMLIMIT the user set wins.
	opt.BeforeRender = func() {
		_, userLimit := os.LookupEnv("GOMEMLIMIT")
		heapbudget.Set(heapbudget.Headroom, userLimit)
	}
	if err := dirFS(*data, "--data", &opt.Data); err != nil {
		return err
	}
	for _, in := range []struct{ flag, path string }{{"--data", *data}, {"--content", *content}, {"--templates", *templates}} {
		if in.path != "" && overlaps(*out, in.path) {
			return app.UsageError{Err: fmt.Errorf("--out %s は %s %s と重なっています。出力先は入力と別のフォルダーにしてください (シンボリックリンクは解決して比較します)\n"+
				"  --out %s overlaps %s %s (symbolic links resolved): the build replaces the output folder, so it must be apart from its inputs", *out, in.flag, in.path, *out, in.flag, in.path)}
		}
	}
	if st, err := os.Stat(*content); err == nil && st.IsDir() {
		opt.Content = plainOnly(*content, os.DirFS(*content), stderr)
	}
	if *templates != "" {
		if err := dirFS(*templates, "--templates", &opt.Templates); err != nil {
			return err
		}
		opt.Templates = plainOnly(*templates, opt.Templates, stderr)
	}
	if *asOf != "" {
		t, err := source.ParseDate(*asOf)
		if err != nil {
			return app.UsageError{Err: fmt.Errorf("--as-of: %w", err)}
		}
		opt.AsOf = t
	}
	if *lang != "" {
		for _, l := range strings.Split(*lang, ",") {
			lg := i18n.Lang(strings.TrimSpace(l))
			if !lg.Valid() {
				return app.UsageError{Err: fmt.Errorf("--lang: %q is not ja or en", l)}
			}
			opt.Langs = append(opt.Langs, lg)
		}
	}
	// VULNREPORT_CPUPROFILE names a file for a CPU profile of the build
	// (undocumented, for developers measuring the stages).
	if path := os.Getenv("VULNREPORT_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	_, err := app.Build(context.Background(), opt, stdout, stderr)
	return err
}

// plainOnly warns about every entry of a pages or templates folder that is
// not a plain file (or a link to one inside the folder), and returns the
// folder as one that never opens them.
func plainOnly(dir string, fsys fsT, stderr io.Writer) fsT {
	for _, p := range plainfs.Scan(fsys) {
		fmt.Fprintf(stderr, "%s: warning: %v\n", filepath.ToSlash(filepath.Join(dir, p.Path)), p.Why)
	}
	return plainfs.New(fsys)
}

func dirFS(path, flagName string, dst *fsT) error {
	st, err := os.Stat(path)
	if err != nil || !st.IsDir() {
		return app.UsageError{Err: fmt.Errorf("%s: %s is not a folder", flagName, path)}
	}
	*dst = os.DirFS(path)
	return nil
}

func check(args []string, stdout, stderr io.Writer, now time.Time) error {
	fs := newFlags("check", stderr)
	data := fs.String("data", "data", "snapshot folder")
	content := fs.String("content", "content", "Markdown pages folder (checked when present)")
	asOf := fs.String("as-of", "", "snapshot date YYYY-MM-DD (default: the policy's as_of, else today)")
	if err := parse(fs, args); err != nil {
		return err
	}
	opt := app.Options{DataDir: *data, Today: time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)}
	if err := dirFS(*data, "--data", &opt.Data); err != nil {
		return err
	}
	if st, err := os.Stat(*content); err == nil && st.IsDir() {
		opt.Content, opt.ContentDir = os.DirFS(*content), filepath.ToSlash(*content)
	}
	if *asOf != "" {
		t, err := source.ParseDate(*asOf)
		if err != nil {
			return app.UsageError{Err: fmt.Errorf("--as-of: %w", err)}
		}
		opt.AsOf = t
	}
	return app.Check(opt, stdout, stderr)
}

// importPlan reads the plan sheet of an edited workbook back into the
// snapshot's remediation records; nothing changes when any row is invalid.
func importPlan(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("import-plan", stderr)
	data := fs.String("data", "data", "snapshot folder whose remediation records are updated")
	dryRun := fs.Bool("dry-run", false, "report the changes without writing them")
	var workbook string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		workbook, args = args[0], args[1:]
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if workbook == "" {
		return app.UsageError{Err: errors.New("import-plan takes the workbook to read")}
	}
	if st, err := os.Stat(*data); err != nil || !st.IsDir() {
		return app.UsageError{Err: fmt.Errorf("--data: %s is not a folder", *data)}
	}
	return planimport.Run(workbook, *data, *dryRun, stdout)
}

// overlaps reports whether one of two folders is, or lies inside, the
// other, comparing the paths as written and after resolving symbolic
// links (a link to the snapshot given as --data, its target as --out).
func overlaps(a, b string) bool {
	pa, err1 := filepath.Abs(a)
	pb, err2 := filepath.Abs(b)
	if err1 != nil || err2 != nil {
		return true // cannot tell: refuse rather than risk the input
	}
	inside := func(x, y string) bool {
		rel, err := filepath.Rel(y, x)
		return err == nil && (rel == "." || (rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))))
	}
	ra, rb := resolve(pa), resolve(pb)
	return inside(pa, pb) || inside(pb, pa) || inside(ra, rb) || inside(rb, ra)
}

// resolve returns an absolute path with every symbolic link resolved; the
// part that does not exist yet (an --out to be created) is kept as written.
func resolve(p string) string {
	var rest []string
	for {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(append([]string{r}, rest...)...)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return filepath.Join(append([]string{p}, rest...)...)
		}
		rest = append([]string{filepath.Base(p)}, rest...)
		p = parent
	}
}

// isTerminal reports whether w is a terminal and not CI, for progress lines.
func isTerminal(w io.Writer) bool {
	if os.Getenv("CI") != "" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
