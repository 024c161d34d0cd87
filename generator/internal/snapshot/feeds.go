package snapshot

import (
	"path"
	"regexp"
	"strconv"
	"strings"

	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/source"
)

// feedKind returns the folder under feeds/ that names a feed file's format.
func feedKind(p string) string {
	rest := strings.TrimPrefix(p, "feeds/")
	if i := strings.IndexByte(rest, '/'); i > 0 {
		return rest[:i]
	}
	return ""
}

// feeds reads every feed and SBOM file with the parser of its kind.
func (l *loader) feeds(files map[string][]string) {
	for _, name := range files["feeds"] {
		kind := feedKind(name)
		l.feedFile(name, kind, "")
	}
	for _, name := range files["sbom"] {
		system := strings.SplitN(path.Base(name), ".", 2)[0]
		if err := source.CheckID(system); err != nil {
			l.diags.Errorf(source.Pos{File: name}, "SBOM file name must start with a system id: %v", err)
			// read it all the same, so that the manifest and the evidence
			// package carry its digest like any other input's
			_, st, err := l.readAll(name, "sbom", source.MaxFileSize)
			if err != nil {
				l.fatal("%s: %v", name, err)
				continue
			}
			l.rejectNew(st, source.Pos{File: name}, "sbom", "", "file name does not start with a system id")
			continue
		}
		l.feedFile(name, "sbom", system)
	}
	l.scans(files["scans"])
}

func (l *loader) feedFile(name, kind, system string) { l.readFeed(name, kind, system, true) }

// readFeed reads one feed file. An unreadable file stops the build when
// stop is set; otherwise (scanner results, issue 19) it is an error that
// rejects that file alone, naming it and the system it was for.
func (l *loader) readFeed(name, kind, system string, stop bool) {
	parse, ok := l.opt.Feeds[kind]
	if !ok {
		if kind == "" {
			l.diags.Warnf(source.Pos{File: name}, "feed files belong in feeds/<kind>/ (nvd, cve5, jvn, kev, epss, endoflife, osv, csaf): not read")
		} else {
			l.diags.Warnf(source.Pos{File: name}, "no reader for feed kind %q: not read", kind)
		}
		return
	}
	data, st, err := l.readAll(name, "feed:"+kind, source.MaxFileSize)
	if err != nil {
		l.fatal("%s: %v", name, err)
		return
	}
	var res feed.Result
	if rp, ok := l.opt.Reducing[kind]; ok && l.rel != nil && strings.HasPrefix(name, "feeds/") {
		res, err = rp(name, data, l.diags, l.rel.reduce)
	} else {
		res, err = parse(name, data, l.diags)
	}
	if err != nil {
		// The file cannot be trusted as a whole (truncated, not the
		// format, undecodable): the build stops rather than go on as if
		// the feed said nothing (class a of the README's three classes).
		pos, msg := feedErrorPos(name, err)
		l.diags.ErrorK(pos, "diag.feed_unreadable", msg)
		l.rejectNew(st, pos, "feed:"+kind, "", msg)
		if !stop {
			l.diags.Errorf(pos, "scanner result for system %s not read: its findings are missing from this report until the file is replaced", system)
			return
		}
		l.fatal("%s: the feed cannot be read (%s): the build stops rather than leave it out", pos, msg)
		return
	}
	st.Read, st.Accepted, st.Rejected = res.Read, res.Accepted, res.Rejected
	if st.Read != st.Accepted+st.Rejected {
		st.Read = st.Accepted + st.Rejected
	}
	for _, r := range res.Rejections {
		l.s.Rejections = append(l.s.Rejections, r)
	}
	res.Info.Path, res.Info.Kind = name, kind
	if res.Info.Records == 0 {
		res.Info.Records = res.Read
	}
	l.s.Feeds = append(l.s.Feeds, res.Info)
	if l.rel != nil && strings.HasPrefix(name, "feeds/") {
		l.rel.reduceAll(res.Advisories)
	}
	l.s.Advisories = append(l.s.Advisories, res.Advisories...)
	l.s.Cycles = append(l.s.Cycles, res.Cycles...)
	for _, c := range res.Components {
		c.System = system
		l.parts.Share(&c)
		l.s.Components = append(l.s.Components, c)
	}
	l.s.KEV = append(l.s.KEV, res.KEV...)
	for _, e := range res.EPSS {
		l.s.EPSS[e.CVE] = e
	}
	if !res.EPSSDate.IsZero() {
		l.s.EPSSDate = res.EPSSDate.Format(source.DateLayout)
		l.s.EPSSModel = res.EPSSModel
	}
}

// historyFiles reads earlier months' files kept under history/<date>/
// (findings exports, attack-signs.json): a folder that is not a date is a
// warning, a file that cannot be read stops the build. The history and
// attack packages decode them.
func (l *loader) historyFiles(names []string) []HistoryFile {
	var out []HistoryFile
	for _, name := range names {
		date := path.Base(path.Dir(name))
		if _, err := source.ParseDate(date); err != nil {
			l.diags.Warnf(source.Pos{File: name}, "history folder %q is not a YYYY-MM-DD date: not read", date)
			continue
		}
		data, _, err := l.readAll(name, "history", source.MaxFileSize)
		if err != nil {
			l.fatal("%s: %v", name, err)
			continue
		}
		out = append(out, HistoryFile{Date: date, Path: name, Data: data})
	}
	return out
}

// notReadable is how feed readers place an error that makes a whole file
// unreadable: "not readable at LINE:COL: message".
var notReadable = regexp.MustCompile(`^not readable at (\d+):(\d+): `)

// lineFirst is a CSV feed reader's error that starts with its line:
// "line 2 is longer than …".
var lineFirst = regexp.MustCompile(`^line (\d+) `)

// feedErrorPos returns the position and message of a feed reader's error
// about file name: the line and column the reader names, else the file's
// start.
func feedErrorPos(name string, err error) (source.Pos, string) {
	msg := err.Error()
	pos := source.Pos{File: name, Line: 1, Col: 1}
	if m := notReadable.FindStringSubmatch(msg); m != nil {
		pos.Line, _ = strconv.Atoi(m[1])
		pos.Col, _ = strconv.Atoi(m[2])
		msg = msg[len(m[0]):]
	} else if m := lineFirst.FindStringSubmatch(msg); m != nil {
		pos.Line, _ = strconv.Atoi(m[1])
	}
	return pos, msg
}
