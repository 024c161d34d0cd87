package app

import (
	"fmt"
	"io"

	"vulnreport/generator/internal/feed/all"
	"vulnreport/generator/internal/snapshot"
	"vulnreport/generator/internal/source"
)

// Check validates a snapshot: it prints every diagnostic as
// file:line:col: severity: message and the per-file counts, and returns
// ErrRejected when any record was rejected.
func Check(opt Options, stdout, stderr io.Writer) error {
	var diags source.Diagnostics
	snap := snapshot.Load(opt.Data, snapshot.Options{Feeds: all.Parsers()}, &diags)
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
