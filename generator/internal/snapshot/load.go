package snapshot

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/policy"
	"vulnreport/generator/internal/product"
	"vulnreport/generator/internal/source"
)

type loader struct {
	fsys  fs.FS
	opt   Options
	diags *source.Diagnostics
	s     *Snapshot
	stats map[string]*source.FileStat
	// strs, lastSystem and products reuse strings and product checks
	// (reuse.go).
	strs       map[string]string
	lastSystem string
	products   map[string]*productText
	// parts shares the parts of component rows (inventory.Parts).
	parts inventory.Parts
	// verChecked caches versionProblem; early resolves products for
	// schemes while components are read (schemes.go).
	verChecked map[[2]string]string
	early      *product.Resolver
	// expect is the number of rows expected in the CSV file being read,
	// when estimated.
	expect int
	// skipped lists the entries that are not plain files and were not
	// read (files.go).
	skipped []string
	// casc gathers the records lost to a rejected system (cascade.go).
	casc cascades
	// rel decides which advisories are kept in full (relevance.go); nil
	// keeps all.
	rel *relevance
}

// Load reads the snapshot in fsys. Problems with records go to diags and
// Snapshot.Rejections; problems that stop a build go to Snapshot.Fatal.
func Load(fsys fs.FS, opt Options, diags *source.Diagnostics) *Snapshot {
	l := &loader{fsys: fsys, opt: opt, diags: diags, s: &Snapshot{EPSS: map[string]feed.EPSSEntry{}}, stats: map[string]*source.FileStat{}}
	files := l.listFiles()
	l.loadPolicy(files["policy"])
	for _, e := range entities() {
		for _, name := range files[e.name] {
			l.entityFile(e, name)
		}
		l.progress("read "+e.name, 0)
	}
	l.startRelevance()
	for _, name := range files["advisories"] {
		l.advisoryFile(name)
	}
	l.progress("read advisories", len(l.s.Advisories))
	l.feeds(files)
	l.supersede()
	l.restore()
	l.fetchLog(files["fetchlog"])
	l.s.History = l.historyFiles(files["history"])
	l.s.AttackHistory = l.historyFiles(files["attackhistory"])
	for _, name := range files["logs"] {
		system, _, _ := strings.Cut(strings.TrimPrefix(name, "logs/"), "/")
		l.s.Logs = append(l.s.Logs, LogFile{System: system, Path: name})
	}
	l.validate()
	l.dedupeScanComponents()
	for _, name := range files["unknown"] {
		diags.Warnf(source.Pos{File: name}, "file is not part of the snapshot contract: not read")
	}
	for _, st := range l.stats {
		l.s.Files = append(l.s.Files, *st)
	}
	slices.SortFunc(l.s.Files, func(a, b source.FileStat) int { return strings.Compare(a.Path, b.Path) })
	slices.SortStableFunc(l.s.Rejections, func(a, b source.Rejection) int { return a.Pos.Compare(b.Pos) })
	l.s.Skipped = slices.Sorted(slices.Values(l.skipped))
	return l.s
}

func (l *loader) progress(stage string, n int) {
	if l.opt.Progress != nil {
		l.opt.Progress(stage, n)
	}
}

func (l *loader) fatal(format string, args ...any) {
	l.s.Fatal = append(l.s.Fatal, fmt.Sprintf(format, args...))
}

// listFiles sorts the snapshot's files by what they hold.
func (l *loader) listFiles() map[string][]string {
	out := map[string][]string{}
	err := fs.WalkDir(l.fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			l.fatal("%s: %v", p, err)
			return nil
		}
		if d.IsDir() {
			if p != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") || l.admit(p, d.Type()) == "" {
			return nil
		}
		out[classify(p)] = append(out[classify(p)], p)
		return nil
	})
	if err != nil {
		l.fatal("reading the snapshot folder: %v", err)
	}
	for k := range out {
		slices.Sort(out[k])
	}
	return out
}

// classify names the kind of a snapshot file from its path.
func classify(p string) string {
	dir, base := path.Split(p)
	ext := strings.ToLower(path.Ext(base))
	stem := strings.TrimSuffix(base, path.Ext(base))
	tabular := ext == ".yaml" || ext == ".yml" || ext == ".csv"
	switch {
	case base == "README.md" || base == "README.txt":
		// before feeds/: init writes feeds/README.txt, which is no feed
		return "readme"
	case dir == "" && (base == "policy.yaml" || base == "policy.yml"):
		return "policy"
	case dir == "" && ext == ".parquet" && stem == "components":
		// components only: the one entity whose rows run to millions
		return "components"
	case dir == "" && tabular:
		for _, e := range entities() {
			if stem == e.name {
				return e.name
			}
		}
	case strings.HasPrefix(dir, "advisories/") && tabular:
		return "advisories"
	case p == FetchLogName:
		return "fetchlog"
	case strings.HasPrefix(dir, "feeds/"):
		return "feeds"
	case strings.HasPrefix(dir, "logs/") && strings.Count(dir, "/") >= 2:
		return "logs"
	case dir == "sbom/" && ext == ".json":
		return "sbom"
	case strings.HasPrefix(dir, "scans/") && strings.Count(dir, "/") == 2 && ext == ".json":
		return "scans"
	case strings.HasPrefix(dir, "history/") && base == "findings.json":
		return "history"
	case strings.HasPrefix(dir, "history/") && base == "attack-signs.json":
		return "attackhistory"
	}
	return "unknown"
}

// open reads a file's bytes, registering its stat with hash and size.
func (l *loader) readAll(name, kind string, limit int64) ([]byte, *source.FileStat, error) {
	f, err := l.open(name)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	// A file known to be too large is refused before it is read into memory.
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > limit {
		return nil, nil, fmt.Errorf("file is %d bytes, larger than %d bytes, the limit for this kind of file", fi.Size(), limit)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, nil, err
	}
	if int64(len(data)) > limit {
		return nil, nil, fmt.Errorf("file is larger than %d bytes, the limit for this kind of file", limit)
	}
	sum := sha256.Sum256(data)
	st := &source.FileStat{Path: name, Kind: kind, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data))}
	l.stats[name] = st
	return data, st, nil
}

func (l *loader) loadPolicy(names []string) {
	const name = "policy.yaml"
	for _, p := range l.skipped {
		if p == "policy.yaml" || p == "policy.yml" {
			// Defaults in place of a policy that is there but cannot be
			// read would change every due date without a word.
			l.fatal("%s: the policy is not a plain file inside the snapshot (see the warning) and is not read: the build stops rather than use the defaults", p)
			return
		}
	}
	if len(names) == 0 {
		l.diags.Warnf(source.Pos{File: name}, "no policy.yaml: the contract's defaults are used")
		l.s.Policy, l.s.PolicyOK = policy.Default(), true
		return
	}
	data, st, err := l.readAll(names[0], "policy", source.MaxYAMLSize)
	if err != nil {
		l.fatal("%s: %v", names[0], err)
		return
	}
	if blankYAML(data) {
		l.diags.Warnf(source.Pos{File: st.Path}, "the policy is empty: the contract's defaults are used")
	}
	n := l.diags.Count(source.Error)
	rec, err := source.YAMLMap(st.Path, data, l.diags)
	st.Read = 1
	if err != nil {
		pos, msg := source.ErrorAt(st.Path, err)
		l.diags.Errorf(pos, "%s", msg)
		st.Rejected = 1
		l.fatal("%s: the policy cannot be read: %v", st.Path, err)
		return
	}
	l.s.Policy, l.s.PolicyOK = policy.Decode(rec, l.diags)
	if !l.s.PolicyOK || l.diags.Count(source.Error) > n {
		st.Rejected = 1
		l.s.PolicyOK = false
		l.fatal("%s: the policy is invalid (see the errors above)", st.Path)
		return
	}
	st.Accepted = 1
}

// records reads a YAML or CSV entity file, calling fn for every record.
// transient promises that fn keeps no record (see source.CSVOptions).
func (l *loader) records(name, kind string, aliases map[string]string, known func(string) bool, required []string, transient bool, fn func(source.Record, *source.FileStat)) {
	bad := func(st *source.FileStat) func(source.Pos, string) {
		return func(p source.Pos, msg string) { l.rejectNew(st, p, kind, "", msg) }
	}
	if strings.HasSuffix(strings.ToLower(name), ".parquet") {
		l.parquetRecords(name, kind, aliases, known, fn, bad)
		return
	}
	if strings.HasSuffix(strings.ToLower(name), ".csv") {
		f, err := l.open(name)
		if err != nil {
			l.fatal("%s: %v", name, err)
			return
		}
		defer f.Close()
		var size int64
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			if size = fi.Size(); size > source.MaxFileSize {
				l.fatal("%s: file is %d bytes, larger than %d bytes, the limit", name, fi.Size(), int64(source.MaxFileSize))
				return
			}
		}
		h := sha256.New()
		cnt := &countingReader{r: io.TeeReader(io.LimitReader(f, source.MaxFileSize+1), h)}
		defer func() { l.expect = 0 }()
		st := &source.FileStat{Path: name, Kind: kind}
		l.stats[name] = st
		res, err := source.ReadCSV(name, cnt, source.CSVOptions{Aliases: aliases, Known: known, Required: required, Transient: transient,
			Size: size, Expect: func(n int) { l.expect = n }}, l.diags, func(r source.Record) {
			st.Read++
			fn(r, st)
		}, bad(st))
		_, _ = io.Copy(io.Discard, cnt)
		st.Encoding, st.Size, st.SHA256 = res.Encoding, cnt.n, hex.EncodeToString(h.Sum(nil))
		if err != nil {
			l.fatal("%v", err)
			if kind == "systems" {
				l.unreadSystems(source.Pos{File: name, Line: 1, Col: 1})
			}
		}
		if cnt.n > source.MaxFileSize {
			l.fatal("%s: file is larger than %d bytes, the limit", name, int64(source.MaxFileSize))
		}
		return
	}
	data, st, err := l.readAll(name, kind, source.MaxYAMLSize)
	if err != nil {
		l.fatal("%s: %v", name, err)
		return
	}
	st.Encoding = source.TextEncoding(data)
	recs, err := source.YAMLRecords(name, data, kind, l.diags, bad(st))
	if err != nil {
		pos, msg := source.ErrorAt(name, err)
		l.diags.Errorf(pos, "%s", msg)
		if kind == "systems" {
			l.unreadSystems(pos)
		}
		l.fatal("%v", err)
		// Counted as one record read and rejected, as an unreadable feed
		// is: the file shows in the counts, which still reconcile.
		l.rejectNew(st, source.Pos{File: name}, kind, "", err.Error())
		return
	}
	for _, r := range recs {
		st.Read++
		fn(r, st)
	}
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func (l *loader) entityFile(e entity, name string) {
	l.records(name, e.name, e.aliases, source.KnownFields(e.probe), source.RequiredFields(e.probe), true, func(r source.Record, st *source.FileStat) { e.decode(l, r, st) })
}

// accept counts a record accepted, or rejected with the decoder's reasons.
func (l *loader) accept(d *source.Decoder, st *source.FileStat, kind, id string) bool {
	defer d.Release()
	if d.Finish() {
		st.Accepted++
		return true
	}
	l.rejectCounted(st, d.Record().Pos, kind, id, d.Reasons()...)
	return false
}

// rejectNew counts a record read and rejected at once (an unparseable row).
func (l *loader) rejectNew(st *source.FileStat, pos source.Pos, kind, id string, reasons ...string) {
	st.Read++
	l.rejectCounted(st, pos, kind, id, reasons...)
}

func (l *loader) rejectCounted(st *source.FileStat, pos source.Pos, kind, id string, reasons ...string) {
	st.Rejected++
	l.s.Rejections = append(l.s.Rejections, source.Rejection{Pos: pos, Location: pos.String(), Kind: kind, ID: id, Reasons: reasons})
}
