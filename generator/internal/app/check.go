package app

import (
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"

	"vulnreport/generator/internal/content"
	"vulnreport/generator/internal/feed/all"
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/plausible"
	"vulnreport/generator/internal/snapshot"
	"vulnreport/generator/internal/source"
)

// Check validates a snapshot and the content pages: it prints every
// diagnostic as file:line:col: severity: message and the per-file counts,
// in the policy's first language, and returns an error matching
// ErrRejected when any record was rejected, a file cannot be trusted or
// a content page would stop the build.
func Check(opt Options, stdout, stderr io.Writer) error {
	var diags source.Diagnostics
	snap := snapshot.Load(opt.Data, snapshot.Options{Feeds: all.Parsers()}, &diags)
	snap.Require(&diags)
	checkHistory(snap, &diags)
	if len(snap.Fatal) == 0 {
		asOf := opt.AsOf
		if asOf.IsZero() {
			asOf = snap.Policy.AsOf
		}
		if asOf.IsZero() {
			asOf = opt.Today
		}
		if !asOf.IsZero() {
			checkDates(snap, asOf, &diags)
		}
	}
	badPages := checkContent(opt, &diags)
	lang := firstLang(opt.Langs)
	if len(opt.Langs) == 0 {
		lang = firstLang(snap.Policy.Languages)
	}
	t := func(key string) string { return i18n.T(lang, key) }
	for _, d := range diags.Sorted() {
		fmt.Fprintln(stdout, d.Localized(lang))
	}
	fmt.Fprintf(stdout, "\n%-48s %8s %8s %8s\n", t("cli.check.file"), t("cli.check.read"), t("cli.check.accepted"), t("cli.check.rejected"))
	var r, a, x int
	for _, f := range snap.Files {
		fmt.Fprintf(stdout, "%-48s %8d %8d %8d\n", f.Path, f.Read, f.Accepted, f.Rejected)
		r, a, x = r+f.Read, a+f.Accepted, x+f.Rejected
	}
	fmt.Fprintf(stdout, "%-48s %8d %8d %8d\n", t("cli.check.total"), r, a, x)
	fmt.Fprintln(stdout, i18n.Tf(lang, "cli.check.counts", diags.Count(source.Error), diags.Count(source.Warning)))
	switch {
	case len(snap.Fatal) > 0:
		for _, f := range snap.Fatal {
			fmt.Fprintln(stderr, "vulnreport:", stopReason(lang, f))
		}
		return checkFailed(i18n.Tf(lang, "cli.check.fatal", len(snap.Fatal)))
	case x > 0:
		return checkFailed(i18n.Tf(lang, "cli.check.rejected_n", x, r))
	case badPages > 0:
		return checkFailed(i18n.Tf(lang, "cli.check.content", badPages))
	}
	return nil
}

// checkFailed is check's failure: it says what happened, in the policy's
// language, and matches ErrRejected (exit 1).
type checkFailed string

func (e checkFailed) Error() string        { return string(e) }
func (e checkFailed) Is(target error) bool { return target == ErrRejected }

// firstLang returns the first of langs, Japanese when there is none.
func firstLang(langs []i18n.Lang) i18n.Lang {
	if len(langs) > 0 {
		return langs[0]
	}
	return i18n.JA
}

// contentLine is how content.Load places a problem: "file:line: message".
var contentLine = regexp.MustCompile(`^([^:\s]+\.md):(\d+): (.*)$`)

// checkContent reads the content pages as the site would, turning each
// problem into an error diagnostic; it returns the number of problems.
func checkContent(opt Options, diags *source.Diagnostics) int {
	if opt.Content == nil {
		return 0
	}
	dir := opt.ContentDir
	if dir == "" {
		dir = "content"
	}
	_, err := content.Load(opt.Content)
	if err == nil {
		return 0
	}
	n := 0
	for _, l := range strings.Split(err.Error(), "\n") {
		if l == "" {
			continue
		}
		n++
		pos := source.Pos{File: dir}
		msg := l
		if m := contentLine.FindStringSubmatch(l); m != nil {
			pos.File = path.Join(dir, m[1])
			pos.Line, _ = strconv.Atoi(m[2])
			msg = m[3]
		}
		diags.ErrorK(pos, "diag.content", msg)
	}
	return n
}

// checkHistory decodes the history exports, so that check reports a
// history file that build could not use.
func checkHistory(snap *snapshot.Snapshot, diags *source.Diagnostics) {
	loadHistory(snap, diags)
}

// checkDates warns about dates after asOf that record something that has
// happened, and caps acceptances at the policy's max_acceptance_days.
func checkDates(snap *snapshot.Snapshot, asOf time.Time, diags *source.Diagnostics) {
	plausible.Check(plausible.Input{
		AsOf: asOf, MaxAcceptanceDays: snap.Policy.MaxAcceptanceDays, Systems: snap.Systems, Components: snap.Components,
		Changes: snap.Changes, Advisories: snap.Advisories, Remediations: snap.Remediations, Notifications: snap.Notifications,
	}, diags)
}
