// Package app wires the pipeline's stages in execution order — load (and
// validate), merge, match, assess, report, render, publish: the methods of
// Pipeline — for the commands of vulnreport (build and check). Nothing else
// happens here: each stage's work lives in its own package.
package app

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"time"

	"vulnreport/generator/internal/i18n"
)

// ToolVersion is vulnreport's version, printed in every output; the
// Makefile may stamp it at link time.
var ToolVersion = "0.1.0"

// Options are the command-line settings of build and check.
type Options struct {
	Data    fs.FS
	DataDir string
	OutDir  string
	Content fs.FS
	// ContentDir names the content folder in check's diagnostics.
	ContentDir string
	Templates  fs.FS
	// AsOf overrides the policy's date when not zero.
	AsOf time.Time
	// Today is the date used when neither the flag nor the policy gives one;
	// main reads the clock, nothing below it does.
	Today time.Time
	// Langs overrides the policy's languages when not empty.
	Langs []i18n.Lang
	// Formats lists the outputs to render ("" = all).
	Formats string
	Strict  bool
	// Package also writes the month's evidence archive.
	Package bool
	// Progress shows stages on stderr (a terminal, not CI).
	Progress bool
	// BeforeRender, when set, runs once the report model is built and
	// before any output is rendered: main uses it to bound the heap.
	BeforeRender func()

	// keepAll reads every advisory in full, as before the snapshot's
	// relevance filter (snapshot.Options.KeepRelevant): the oracle of the
	// tests that the filter loses nothing.
	keepAll bool
}

// ErrRejected is returned by build --strict and check when records were rejected.
var ErrRejected = errors.New("records were rejected")

// UsageError marks a usage problem (exit 2).
type UsageError struct{ Err error }

func (e UsageError) Error() string { return e.Err.Error() }
func (e UsageError) Unwrap() error { return e.Err }

// progressHook shows each stage on w as it ends, with its first count; on
// is false off a terminal, and then nothing is shown.
func progressHook(w io.Writer, on bool) Hook {
	if !on {
		return nil
	}
	return func(e Event) {
		switch {
		case !e.Done:
			return
		case len(e.Counts) > 0 && e.Counts[0].N > 0:
			fmt.Fprintf(w, "vulnreport: %-24s %d %s\n", e.Stage, e.Counts[0].N, e.Counts[0].Name)
		default:
			fmt.Fprintf(w, "vulnreport: %s\n", e.Stage)
		}
	}
}
