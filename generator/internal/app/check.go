package app

import (
	"fmt"
	"io"
	"strings"
	"time"

	"vulnreport/generator/internal/feed/all"
	"vulnreport/generator/internal/history"
	"vulnreport/generator/internal/plausible"
	"vulnreport/generator/internal/snapshot"
	"vulnreport/generator/internal/source"
)

// Check validates a snapshot: it prints every diagnostic as
// file:line:col: severity: message and the per-file counts, and returns
// ErrRejected when any record was rejected.
func Check(opt Options, stdout, stderr io.Writer) error {
	var diags source.Diagnostics
	snap := snapshot.Load(opt.Data, snapshot.Options{Feeds: all.Parsers()}, &diags)
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
	for _, d := range diags.Sorted() {
		fmt.Fprintln(stdout, d.String())
	}
	fmt.Fprintf(stdout, "\n%-48s %8s %8s %8s\n", "file", "read", "accepted", "rejected")
	var r, a, x int
	for _, f := range snap.Files {
		fmt.Fprintf(stdout, "%-48s %8d %8d %8d\n", f.Path, f.Read, f.Accepted, f.Rejected)
		r, a, x = r+f.Read, a+f.Accepted, x+f.Rejected
	}
	fmt.Fprintf(stdout, "%-48s %8d %8d %8d\n", "total", r, a, x)
	fmt.Fprintf(stdout, "%d errors, %d warnings\n", diags.Count(source.Error), diags.Count(source.Warning))
	if len(snap.Fatal) > 0 {
		for _, f := range snap.Fatal {
			fmt.Fprintln(stderr, "vulnreport:", f)
		}
		return fmt.Errorf("the snapshot cannot be built: %w", ErrRejected)
	}
	if x > 0 {
		return fmt.Errorf("%d of %d records rejected: %w", x, r, ErrRejected)
	}
	return nil
}

// checkHistory decodes the history exports, so that check reports a
// history file that build could not use.
func checkHistory(snap *snapshot.Snapshot, diags *source.Diagnostics) {
	var inputs []history.Input
	for _, h := range snap.History {
		inputs = append(inputs, history.Input{Date: h.Date, Path: h.Path, Data: h.Data})
	}
	_, errs := history.Load(inputs)
	for _, err := range errs {
		diags.Warnf(source.Pos{File: strings.SplitN(err.Error(), ":", 2)[0]}, "history not used: %v", err)
	}
}

// checkDates warns about dates after asOf that record something that has
// happened, and caps acceptances at the policy's max_acceptance_days.
func checkDates(snap *snapshot.Snapshot, asOf time.Time, diags *source.Diagnostics) {
	plausible.Check(plausible.Input{
		AsOf: asOf, MaxAcceptanceDays: snap.Policy.MaxAcceptanceDays, Systems: snap.Systems, Components: snap.Components,
		Changes: snap.Changes, Advisories: snap.Advisories, Remediations: snap.Remediations, Notifications: snap.Notifications,
	}, diags)
}
